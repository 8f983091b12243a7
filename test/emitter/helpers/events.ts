import { randomUUID } from 'node:crypto';
import type { SerializedEvent } from '../../../src/core/types.js';

/** A hand-built serialised event, as the Tracker would produce it. */
export function makeEvent(fields: Record<string, string> = {}): SerializedEvent {
  const eid = randomUUID();
  const json = JSON.stringify({ e: 'se', eid, tv: 'test-0', p: 'srv', dtm: String(Date.now()), se_ca: 'c', se_ac: 'a', ...fields });
  return { eid, json, bytes: Buffer.byteLength(json) };
}

export function makeEvents(n: number, fields?: Record<string, string>): SerializedEvent[] {
  return Array.from({ length: n }, () => makeEvent(fields));
}

/** Asserts-friendly: how many times each eid arrived. */
export function countByEid(eids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const eid of eids) counts.set(eid, (counts.get(eid) ?? 0) + 1);
  return counts;
}
