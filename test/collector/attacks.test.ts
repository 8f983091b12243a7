// Requests built to freeze, blind or exhaust the collector (issue 14). Each must be handled
// in time linear in its size, leave /micro/* readable, and leave the collector serving others.
import { describe, expect, it } from 'vitest';
import { cpuMillis } from './cpu-budget.js';
import { CONTEXTS, PAYLOAD_DATA, b64url, bad, badErrors, counts, event, getJson, good, postBody, postEvents, reset, sdj, useCollector } from './helpers.js';

const live = useCollector();
const INSTANCE = 'iglu:com.snowplowanalytics.self-desc/instance/jsonschema/1-0-0';

/**
 * Runs `attack(n)` and `attack(4n)` and returns how many times more CPU the bigger one took.
 * Linear work gives about 4; quadratic work gives about 16. The smaller of two runs is used,
 * so that one garbage collection does not decide the result.
 */
async function growth(attack: (n: number) => Promise<unknown>, n: number): Promise<number> {
  await attack(n); // warm-up
  // The least CPU of three tries each: a garbage collection or a busy neighbour core only
  // ever adds time, so the minimum is the cost of the work itself.
  const least = async (size: number) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) best = Math.min(best, await cpuMillis(() => attack(size)));
    return best;
  };
  const small = await least(n);
  const large = await least(4 * n);
  return large / Math.max(small, 1);
}

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('linear time on hostile input', () => {
  it('checks a decimal field of many digits in linear time (ReDoS in se_va)', async () => {
    const send = (n: number) => postEvents(live.url, [event({ e: 'se', se_ca: 'c', se_ac: 'a', se_va: `${'1'.repeat(n)}x` })]);
    expect(await growth(send, 20_000)).toBeLessThan(8);
    const [item] = await bad(live.url, { limit: 1 });
    expect(item?.errors).toEqual([expect.stringMatching(/^se_va "1{60}…" is not a number$/)]);
  });

  it.each(['tr_tt', 'ti_pr', 'se_va'])('accepts and refuses decimals in %s as Enrich does', async (field) => {
    const base = { e: field.startsWith('se') ? 'se' : field.startsWith('tr') ? 'tr' : 'ti', se_ca: 'c', se_ac: 'a', tr_id: 'o', ti_id: 'o', ti_sk: 's', ti_qu: '1' };
    for (const value of ['1', '-1.5', '.5', '1.', '2e10', '1.5E-3', '0']) await postEvents(live.url, [event({ ...base, [field]: value })]);
    for (const value of ['', '-', '.', 'e5', '1e', '1.2.3', '1e+', '--1', ' 1', '0x10']) await postEvents(live.url, [event({ ...base, [field]: value })]);
    expect(await counts(live.url)).toEqual({ total: 17, good: 7, bad: 10 });
  });

  it.each([
    ['dtm', (n: number) => '9'.repeat(n) + 'x'],
    ['vid', (n: number) => '1'.repeat(n) + 'x'],
    ['res', (n: number) => '1'.repeat(n)],
    ['eid', (n: number) => 'a'.repeat(n)],
    ['ue_px', (n: number) => 'A'.repeat(n) + ' ='],
  ])('checks a long %s in linear time', async (field, value) => {
    const send = (n: number) => postEvents(live.url, [event({ [field]: value(n) })]);
    expect(await growth(send, 50_000)).toBeLessThan(8);
  });

  it('refuses JSON nested deeper than the limit, as a bad event with a clear error', async () => {
    // Built as text: JSON.stringify itself overflows the stack on such a value.
    const co = `{"schema":"${CONTEXTS}","data":[{"schema":"${INSTANCE}","data":${nested(4_500)}}]}`;
    // Brackets need no escaping in a query string: the whole request is under 10 KB.
    const path = `/i?e=pv&p=web&tv=t&co=${co.replace(/"/g, '%22')}`;
    expect(path.length).toBeLessThan(10_000);
    expect((await fetch(live.url + path)).status).toBe(200);
    const items = await bad(live.url);
    expect(items[0]?.errors).toEqual([expect.stringMatching(/^co: not valid JSON \(nested deeper than \d+ levels\)$/)]);
    // The store stays readable: nothing deep was kept as a value.
    expect((await getJson<unknown[]>(live.url, '/micro/good')).length).toBe(0);
    await postEvents(live.url, [event()]);
    expect((await good(live.url)).length).toBe(1);
  });

  it('refuses a POST body nested deeper than the limit, in linear time', async () => {
    const send = (n: number) => postBody(live.url, `{"schema":"${PAYLOAD_DATA}","data":[{"e":${nested(n)}}]}`);
    expect(await growth(send, 100_000)).toBeLessThan(8);
    const [item] = await bad(live.url, { limit: 1 });
    expect(item?.errors).toEqual([expect.stringMatching(/^body is not valid JSON \(nested deeper than \d+ levels\)$/)]);
  });

  it('handles huge arrays of entities in linear time', async () => {
    const entities = (n: number) => b64url(sdj(CONTEXTS, Array.from({ length: n }, () => sdj(INSTANCE, [1]))));
    const send = (n: number) => postEvents(live.url, [event({ cx: entities(n) })]);
    expect(await growth(send, 2_000)).toBeLessThan(8);
  });

  it('refuses a batch over the per-request event cap unread, and pages through a full one', async () => {
    const body = (n: number) => JSON.stringify({ schema: PAYLOAD_DATA, data: Array.from({ length: n }, () => ({ e: 'x' })) });
    expect((await postBody(live.url, body(40_000))).status).toBe(413);
    expect(await badErrors(live.url)).toEqual(['batch of 40000 events is over the 1000-event limit per request; none was read']);
    await reset(live.url);
    expect((await postBody(live.url, body(1_000))).status).toBe(200);
    expect(await counts(live.url)).toEqual({ total: 1_000, good: 0, bad: 1_000 });
    const first = await getJson<{ id: number }[]>(live.url, '/micro/bad', { limit: 500 });
    expect(first.length).toBe(500);
    const next = await getJson<{ id: number }[]>(live.url, '/micro/bad', { limit: 10, offset: 500 });
    expect(next.map((item) => item.id)).toEqual(Array.from({ length: 10 }, (_, i) => (first[0]?.id ?? 0) - 500 - i));
  });
});
