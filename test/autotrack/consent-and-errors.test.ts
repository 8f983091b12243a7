// Consent and application_error events from the core functions: what they send, and the
// caller's mistakes they refuse at the call.
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../src/core/index.js';
import { trackConsentGranted, trackConsentWithdrawn } from '../../src/core/events/consent.js';
import { trackError } from '../../src/core/events/application-error.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

const SP = 'iglu:com.snowplowanalytics.snowplow/';
function setup() {
  const sink = new CollectingSink();
  const tracker = new Tracker(sink, { encodeBase64: false });
  const last = () => {
    const p = sink.last();
    return { ue: JSON.parse(p.ue_pr!).data, co: p.co ? JSON.parse(p.co).data : [] };
  };
  return { sink, tracker, last };
}

describe('consent', () => {
  it('trackConsentGranted sends consent_granted with the document as an entity, after none of the caller’s', () => {
    const { tracker, last } = setup();
    const own = { schema: 'iglu:com.acme/x/jsonschema/1-0-0', data: {} };
    trackConsentGranted(tracker, { id: 'doc-1', version: '2', name: 'Privacy', expiry: '2027-01-01T00:00:00Z', context: [own] });
    expect(last().ue).toEqual({ schema: `${SP}consent_granted/jsonschema/1-0-0`, data: { expiry: '2027-01-01T00:00:00Z' } });
    expect(last().co).toEqual([{ schema: `${SP}consent_document/jsonschema/1-0-0`, data: { id: 'doc-1', version: '2', name: 'Privacy' } }, own]);
  });

  it('trackConsentWithdrawn sends all, with the document only when an id is given', () => {
    const { tracker, last } = setup();
    trackConsentWithdrawn(tracker, { all: true });
    expect(last()).toEqual({ ue: { schema: `${SP}consent_withdrawn/jsonschema/1-0-0`, data: { all: true } }, co: [] });
    trackConsentWithdrawn(tracker, { all: false, id: 'doc-1', version: '2' });
    expect(last().co).toEqual([{ schema: `${SP}consent_document/jsonschema/1-0-0`, data: { id: 'doc-1', version: '2' } }]);
  });

  it('refuses what the schemas refuse, naming the argument', () => {
    const { sink, tracker } = setup();
    expect(() => trackConsentGranted(tracker, { id: 'd', version: '' })).toThrow(/version/);
    expect(() => trackConsentGranted(tracker, { id: 'x'.repeat(37), version: '1' })).toThrow(/id must be at most 36/);
    expect(() => trackConsentGranted(tracker, { id: 'd', version: '1', expiry: 'next year' })).toThrow(/expiry/);
    expect(() => trackConsentWithdrawn(tracker, { all: 'yes' as never })).toThrow(/all must be a boolean/);
    expect(() => trackConsentWithdrawn(tracker, { all: true, id: 'd' })).toThrow(/version/);
    expect(sink.events).toHaveLength(0);
  });
});

describe('trackError', () => {
  it('sends application_error 1-0-2 with the stack and name of the error, cut to the schema limits', () => {
    const { tracker, last } = setup();
    const error = new RangeError('m'.repeat(3000));
    error.stack = 's'.repeat(9000);
    trackError(tracker, { message: error.message, filename: 'f'.repeat(2000), lineno: 3, colno: 7, error });
    const { schema, data } = last().ue;
    expect(schema).toBe(`${SP}application_error/jsonschema/1-0-2`);
    expect(data).toEqual({
      programmingLanguage: 'JAVASCRIPT',
      message: 'm'.repeat(2048),
      stackTrace: 's'.repeat(8192),
      lineNumber: 3,
      lineColumn: 7,
      fileName: 'f'.repeat(1024),
      exceptionName: 'RangeError',
    });
  });

  it('needs a message, and whole line and column numbers', () => {
    const { tracker } = setup();
    expect(() => trackError(tracker, {} as never)).toThrow(/message is required/);
    expect(() => trackError(tracker, { message: 'm', lineno: 1.5 })).toThrow(/lineno/);
  });
});
