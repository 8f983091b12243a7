import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv4 } from '../../src/core/uuid.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// More than one refill of the random pool (256 ids per refill).
const MANY = 2_000;

describe('uuidv4', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes distinct v4 UUIDs across refills of its random pool', () => {
    const ids = Array.from({ length: MANY }, uuidv4);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(MANY);
  });

  it('still makes distinct v4 UUIDs with no crypto at all', () => {
    vi.stubGlobal('crypto', undefined);
    const ids = Array.from({ length: MANY }, uuidv4);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(MANY);
  });

  // Last: it leaves all-ones bytes in the pool.
  it('draws its randomness from crypto.getRandomValues', () => {
    const getRandomValues = vi.fn((bytes: Uint8Array) => bytes.fill(0xff));
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = Array.from({ length: MANY }, uuidv4);
    expect(getRandomValues).toHaveBeenCalled();
    // All-ones bytes, with the version and variant bits forced.
    expect(ids.at(-1)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
