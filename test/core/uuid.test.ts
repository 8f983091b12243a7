import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv4 } from '../../src/core/uuid.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv4', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses crypto.randomUUID where it exists', () => {
    expect(uuidv4()).toMatch(UUID_V4);
  });

  it('falls back to getRandomValues on a plain-http page, where randomUUID is missing', () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    const ids = Array.from({ length: 1000 }, uuidv4);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('still makes v4 UUIDs with no crypto at all', () => {
    vi.stubGlobal('crypto', undefined);
    expect(uuidv4()).toMatch(UUID_V4);
  });
});
