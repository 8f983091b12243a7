/**
 * Event validation in the order Snowplow Enrich applies it: the POST envelope
 * against `payload_data`, then each event's fields, then the self-describing
 * event and entities against their wrappers and their own schemas.
 */
import type { ErrorObject } from 'ajv';
import { cutText, decodeSelfDescribingField, isObject } from './decode.js';
import { eventSchema } from './atomic.js';
import { EVENT_NAMES, PLATFORMS, eventNameOf, REQUIRED_FIELDS, checkFieldFormat } from './protocol.js';
import type { SchemaRegistry } from './schema-registry.js';
import type { DecodedEvent, SelfDescribing } from './types.js';

/** The body of a POST, split into what failed as a whole and what each event got from payload_data. */
export interface BodyCheck {
  /** Non-empty when the body as a whole is unusable: it then counts as one bad item. */
  bodyErrors: string[];
  events: unknown[];
  /** payload_data errors of each event, by position in `data`. */
  eventErrors: string[][];
}

export type EventCheck =
  | { ok: true; decoded: DecodedEvent; eventType: string; schema: string | null; contexts: string[] }
  | { ok: false; errors: string[] };

const PAYLOAD_DATA = /^iglu:com\.snowplowanalytics\.snowplow\/payload_data\/jsonschema\/1-0-\d+$/;
const WRAPPERS = {
  ue: { vendorName: 'com.snowplowanalytics.snowplow/unstruct_event', label: 'unstruct_event' },
  co: { vendorName: 'com.snowplowanalytics.snowplow/contexts', label: 'contexts' },
} as const;

export class Validator {
  constructor(
    private readonly registry: SchemaRegistry,
    private readonly lax: boolean,
  ) {}

  /** Checks a parsed POST body: `{schema: payload_data 1-0-*, data: [events]}`. */
  checkBody(body: unknown): BodyCheck {
    const fail = (error: string): BodyCheck => ({ bodyErrors: [error], events: [], eventErrors: [] });
    if (!isObject(body)) return fail('body is not a self-describing JSON object {"schema": ..., "data": [...]}');
    const { schema, data } = body;
    if (typeof schema !== 'string' || !PAYLOAD_DATA.test(schema)) {
      return fail(
        `body schema ${JSON.stringify(schema)} is not iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*`,
      );
    }
    const found = this.registry.lookup(schema);
    if (found.status !== 'found') return fail(this.describeLookup(schema, found));
    const bodyErrors: string[] = [];
    const events = Array.isArray(data) ? data : [];
    const eventErrors: string[][] = events.map(() => []);
    if (!found.validate(data)) {
      const label = `payload_data ${schema.slice(schema.lastIndexOf('/') + 1)}`;
      for (const error of found.validate.errors ?? []) {
        // `/3/vid` belongs to event 3; anything above the events spoils the whole body.
        const match = /^\/(\d+)(\/.*)?$/.exec(error.instancePath);
        const index = match ? Number(match[1]) : -1;
        const list = eventErrors[index];
        if (match && list) {
          const relative = { ...error, instancePath: match[2] ?? '' };
          list.push(`${label}: ${describePayloadError(relative, events[index])}`);
        } else {
          bodyErrors.push(`${label}: ${describeSchemaError(error)}`);
        }
      }
    }
    return { bodyErrors, events, eventErrors };
  }

  /**
   * Checks one event's parameters. `earlier` holds errors already found (from
   * payload_data); `fromQuery` says the fields came from a query string, where
   * nothing else has checked that `e`, `p` and `tv` are present.
   */
  checkEvent(params: Record<string, unknown>, earlier: string[], fromQuery: boolean): EventCheck {
    const errors = [...earlier];
    const text = (field: string): string | undefined => {
      const value = params[field];
      return typeof value === 'string' ? value : undefined;
    };
    if (fromQuery) {
      for (const field of REQUIRED_FIELDS) {
        if (text(field) === undefined) errors.push(`missing required field "${field}"`);
      }
    }
    const e = text('e');
    if (e !== undefined && !Object.hasOwn(EVENT_NAMES, e)) {
      errors.push(`event type e=${JSON.stringify(e)} is not recognised; expected one of ${Object.keys(EVENT_NAMES).join(', ')}`);
    }
    const p = text('p');
    if (p !== undefined && !PLATFORMS.includes(p)) {
      errors.push(`platform p=${JSON.stringify(p)} is not one of ${PLATFORMS.join(', ')}`);
    }
    for (const [field, value] of Object.entries(params)) {
      if (typeof value !== 'string') continue;
      const problem = checkFieldFormat(field, value);
      if (problem) errors.push(problem);
    }

    let unstructEvent: SelfDescribing | null = null;
    const ueField = text('ue_pr') !== undefined ? 'ue_pr' : text('ue_px') !== undefined ? 'ue_px' : undefined;
    if (ueField) {
      const inner = this.unwrap('ue', ueField, text(ueField) ?? '', errors);
      if (inner !== undefined) {
        if (isSelfDescribing(inner)) {
          unstructEvent = inner;
          errors.push(...this.checkInstance(`${ueField} event`, inner));
        } else {
          errors.push(`${ueField}: the event inside unstruct_event is not {"schema": "iglu:...", "data": ...}`);
        }
      }
    } else if (e === 'ue') {
      errors.push('e=ue needs the self-describing event in ue_px or ue_pr, but neither is present');
    }

    const contexts: SelfDescribing[] = [];
    const coField = text('co') !== undefined ? 'co' : text('cx') !== undefined ? 'cx' : undefined;
    if (coField) {
      const entities = this.unwrap('co', coField, text(coField) ?? '', errors);
      if (Array.isArray(entities)) {
        entities.forEach((entity, index) => {
          if (!isSelfDescribing(entity)) {
            errors.push(`${coField} entity ${index}: not {"schema": "iglu:...", "data": ...}`);
            return;
          }
          contexts.push(entity);
          errors.push(...this.checkInstance(`${coField} entity ${index}`, entity));
        });
      } else if (entities !== undefined) {
        errors.push(`${coField}: contexts data must be an array of entities`);
      }
    }

    if (errors.length > 0) return { ok: false, errors };
    const parameters = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    return {
      ok: true,
      decoded: { parameters, unstructEvent, contexts },
      eventType: eventNameOf(e ?? '') ?? 'unknown',
      // Micro 3 names every event's schema, built-in events included.
      schema: eventSchema(eventNameOf(e ?? '') ?? 'unknown', e === 'ue' ? unstructEvent : null),
      contexts: contexts.map((entity) => entity.schema),
    };
  }

  /**
   * Decodes `ue_pr`/`ue_px` or `co`/`cx`, checks the wrapper and returns its `data`,
   * or `undefined` after recording why it could not.
   */
  private unwrap(kind: keyof typeof WRAPPERS, field: string, value: string, errors: string[]): unknown {
    const wrapper = WRAPPERS[kind];
    const decoded = decodeSelfDescribingField(field, value, field.endsWith('x'));
    if (!decoded.ok) {
      errors.push(decoded.error);
      return undefined;
    }
    const json = decoded.value;
    if (!isSelfDescribing(json) || !json.schema.startsWith(`iglu:${wrapper.vendorName}/jsonschema/1-`)) {
      const got = isObject(json) ? JSON.stringify(json.schema) : 'no schema';
      errors.push(`${field}: expected an ${wrapper.label} wrapper (iglu:${wrapper.vendorName}/jsonschema/1-*-*), got ${got}`);
      return undefined;
    }
    const problems = this.checkInstance(field, json);
    if (problems.length > 0) {
      errors.push(...problems);
      return undefined;
    }
    return json.data;
  }

  /** Validates `data` against the schema the instance names; `label` says where it was found. */
  checkInstance(label: string, instance: SelfDescribing): string[] {
    const found = this.registry.lookup(instance.schema);
    // An unreachable registry is reported per event, but with lax it counts as "not found".
    if ((found.status === 'missing' || found.status === 'unreachable') && this.lax) return [];
    if (found.status !== 'found') return [`${label}: ${this.describeLookup(instance.schema, found)}`];
    if (found.validate(instance.data)) return [];
    return (found.validate.errors ?? []).map((error) => `${label}: ${instance.schema}: ${describeSchemaError(error)}`);
  }

  private describeLookup(uri: string, lookup: Exclude<ReturnType<SchemaRegistry['lookup']>, { status: 'found' }>): string {
    switch (lookup.status) {
      case 'invalid':
        return `schema ${uri} is unusable: ${lookup.error}`;
      case 'unreachable':
        return `schema ${uri} could not be fetched: ${lookup.error}`;
      case 'pending':
        return `schema ${uri} is being fetched from a registry`;
      default:
        if (lookup.searched.length === 0) return `schema ${JSON.stringify(uri)} is not a valid Iglu URI`;
        return `schema ${uri} not found (looked in ${lookup.searched.join(', ')})`;
    }
  }
}

function isSelfDescribing(value: unknown): value is SelfDescribing {
  return isObject(value) && typeof value.schema === 'string' && 'data' in value;
}

/** payload_data errors in Enrich's words, which developers will also meet in failed-event rows. */
function describePayloadError(error: ErrorObject, event: unknown): string {
  if (error.keyword === 'additionalProperties' && error.instancePath === '') {
    const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    return `unknown field "${key}" (payload_data allows no other keys)`;
  }
  const field = error.instancePath.split('/')[1];
  if (error.keyword === 'type' && field !== undefined && isObject(event)) {
    const value = event[field];
    if (value === null) return `${field}: value cannot be null`;
    return `${field}: value is not a string (got ${typeof value} ${truncate(JSON.stringify(value))})`;
  }
  return describeSchemaError(error);
}

/** One readable line per ajv error, naming the field and, for extra keys, the key. */
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the data' : error.instancePath.slice(1).replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has unknown field "${String(params.additionalProperty)}" (not allowed by the schema)`;
    case 'required':
      return error.instancePath === ''
        ? `missing required field "${String(params.missingProperty)}"`
        : `${where} is missing required field "${String(params.missingProperty)}"`;
    case 'enum':
      return `${where} must be one of ${JSON.stringify(params.allowedValues)}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function truncate(text: string | undefined): string {
  const value = text ?? 'undefined';
  return cutText(value, 60);
}
