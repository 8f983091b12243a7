// The application_error 1-0-2 event, sent by trackError and by the browser's error tracking.
// A function rather than a tracker method, so that a bundle that does not use it leaves it out.
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../tracker.js';
import type { CommonEventProperties, SelfDescribingJson } from '../types.js';
import { readFields, requireArgs } from './field-rules.js';
import { BOOLEAN, INTEGER, REQUIRED, STRING } from './rule-kinds.js';

const APPLICATION_ERROR = 'iglu:com.snowplowanalytics.snowplow/application_error/jsonschema/1-0-2';

/** Arguments of {@link trackError}, named as the browser's `ErrorEvent` names them. */
export interface ApplicationErrorEvent {
  /** What went wrong; cut to the schema's 2,048 characters. */
  message: string;
  /** The script's URL; cut to 1,024 characters. */
  filename?: string | undefined;
  /** Line number, a whole number. */
  lineno?: number | undefined;
  /** Column number, a whole number. */
  colno?: number | undefined;
  /** The thrown value: its `stack` (cut to 8,192 characters) and `name` are sent when it has them. */
  error?: unknown | undefined;
  /** Whether the error was uncaught. @defaultValue false (true for the errors that error tracking catches) */
  isFatal?: boolean | undefined;
}

const text = (value: unknown, max: number) => (typeof value == 'string' && value ? value.slice(0, max) : undefined);
/** A line or column the schema takes: a whole number from 0; anything else (an engine's -1) is left out. */
const position = (value: number | undefined) => (value !== undefined && value >= 0 ? value : undefined);

/** The `application_error` event for `args`; throws a TypeError naming a wrong argument. */
export function buildApplicationError(args: ApplicationErrorEvent): SelfDescribingJson {
  // One pass over the arguments, in the order the old per-argument checks had.
  const { message, lineno, colno, filename, isFatal } = readFields(requireArgs(args, 'trackError'), [
    ['message', STRING + REQUIRED],
    ['lineno', INTEGER],
    ['colno', INTEGER],
    ['filename', STRING],
    ['isFatal', BOOLEAN],
  ]) as { message: string; lineno?: number; colno?: number; filename?: string; isFatal?: boolean };
  const thrown = (typeof args.error == 'object' && args.error) || {};
  const data: Record<string, unknown> = {
    programmingLanguage: 'JAVASCRIPT',
    message: text(message, 2048),
    stackTrace: text((thrown as { stack?: unknown }).stack, 8192),
    lineNumber: position(lineno),
    lineColumn: position(colno),
    fileName: text(filename, 1024),
    exceptionName: text((thrown as { name?: unknown }).name, 1024),
    isFatal,
  };
  for (const key in data) if (data[key] === undefined) delete data[key];
  return { schema: APPLICATION_ERROR, data };
}

/** Sends an `application_error` event (Snowplow's trackError); returns the event id. */
export function trackError(tracker: Tracker, event: ApplicationErrorEvent & CommonEventProperties): string {
  return tracker.trackSelfDescribingEvent({ ...event, event: buildApplicationError(event) });
}
