// Drives the requests of a recorded Snowplow Micro 3.0 session (micro-3.0/api.json: shapes,
// statuses and values written from Micro's source and docs, see its "source") against the
// dev collector and compares paths, status codes and JSON shapes field by field: every
// field Micro returns is there with its type, and every field isotrack adds is a listed extra.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import { TSV_COLUMNS } from '../../collector/src/micro-output.js';
import { PAYLOAD_DATA } from './helpers.js';

type Shape =
  | string
  | { fields: Record<string, Shape>; isotrackExtras?: string[]; open?: boolean }
  | { items: Shape }
  | { values: Shape }
  | { nullable: Shape };

interface Exchange {
  method: string;
  path: string;
  body?: unknown;
  tp2?: Record<string, string>[];
  status: number;
  contentType?: string;
  shape?: Shape;
  count?: number;
  values?: Record<string, unknown>;
  failureEntity?: { key: string; shape: Shape; count: number };
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./micro-3.0/${name}`, import.meta.url), 'utf8'));
const fixture = read('api.json') as { scenario: Exchange[]; exchanges: Exchange[] };
const tsv = read('enriched-tsv-columns.json') as { columns: string[] };

/** Every difference between `value` and `shape`, each named by its JSON path. */
function differences(value: unknown, shape: Shape, path = ''): string[] {
  if (typeof shape === 'string') {
    if (shape === 'any') return [];
    const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    return shape.split('|').includes(type) ? [] : [`${path || '/'}: ${type}, Micro gives ${shape}`];
  }
  if ('nullable' in shape) return value === null ? [] : differences(value, shape.nullable, path);
  if ('items' in shape) {
    if (!Array.isArray(value)) return [`${path || '/'}: not an array`];
    return value.flatMap((item, index) => differences(item, shape.items, `${path}/${index}`));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path || '/'}: not an object`];
  const object = value as Record<string, unknown>;
  if ('values' in shape) return Object.entries(object).flatMap(([key, item]) => differences(item, shape.values, `${path}/${key}`));
  const problems: string[] = [];
  for (const [key, fieldShape] of Object.entries(shape.fields)) {
    if (!Object.hasOwn(object, key)) problems.push(`${path}/${key}: missing`);
    else problems.push(...differences(object[key], fieldShape, `${path}/${key}`));
  }
  if (!shape.open) {
    const allowed = new Set([...Object.keys(shape.fields), ...(shape.isotrackExtras ?? [])]);
    for (const key of Object.keys(object)) if (!allowed.has(key)) problems.push(`${path}/${key}: not in Micro's shape`);
  }
  return problems;
}

/** `/0/event/platform` → the value there. */
function at(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

async function send(base: string, exchange: Exchange): Promise<Response> {
  if (exchange.tp2) {
    return fetch(base + exchange.path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ schema: PAYLOAD_DATA, data: exchange.tp2 }),
    });
  }
  return fetch(base + exchange.path, {
    method: exchange.method,
    ...(exchange.body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(exchange.body) }),
  });
}

describe('Snowplow Micro 3.0 conformance', () => {
  it('answers every recorded request with Micro\'s status and JSON shape', async () => {
    const collector = await startCollector();
    try {
      for (const step of fixture.scenario) expect((await send(collector.url, step)).status, step.path).toBe(200);
      const problems: string[] = [];
      for (const exchange of fixture.exchanges) {
        const label = `${exchange.method} ${exchange.path}${exchange.body ? ` ${JSON.stringify(exchange.body)}` : ''}`;
        const response = await send(collector.url, exchange);
        const text = await response.text();
        if (response.status !== exchange.status) problems.push(`${label}: status ${response.status}, Micro gives ${exchange.status}`);
        if (exchange.contentType && !response.headers.get('content-type')?.startsWith(exchange.contentType)) {
          problems.push(`${label}: content type ${String(response.headers.get('content-type'))}`);
        }
        if (!exchange.shape) continue;
        const json = JSON.parse(text) as unknown;
        problems.push(...differences(json, exchange.shape).map((problem) => `${label}: ${problem}`));
        if (exchange.count !== undefined && (json as unknown[]).length !== exchange.count) {
          problems.push(`${label}: ${(json as unknown[]).length} items, Micro gives ${exchange.count}`);
        }
        for (const [pointer, expected] of Object.entries(exchange.values ?? {})) {
          const actual = pointer === '' ? json : at(json, pointer);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${label}: ${pointer || '/'} is ${JSON.stringify(actual)}, Micro gives ${JSON.stringify(expected)}`);
        }
        if (exchange.failureEntity) {
          const { key, shape, count } = exchange.failureEntity;
          const carrying = (json as Record<string, unknown>[]).filter((item) => Object.hasOwn(item, key));
          if (carrying.length !== count) problems.push(`${label}: ${carrying.length} items carry ${key}, Micro gives ${count}`);
          for (const item of carrying) problems.push(...differences(item[key], shape, `/${key}`).map((problem) => `${label}: ${problem}`));
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await collector.close();
    }
  });

  it('writes the enriched TSV in the recorded column order', () => {
    expect(TSV_COLUMNS).toEqual(tsv.columns);
    expect(TSV_COLUMNS.length).toBe(131);
  });
});
