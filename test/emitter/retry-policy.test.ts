import { describe, expect, it } from 'vitest';
import { BackoffGate } from '../../src/emitter/backoff.js';
import { BASE_DELAY, backoffDelay, classify, parseRetryAfter } from '../../src/emitter/retry.js';

describe('retry table', () => {
  it.each([
    [0, 'success'],
    [200, 'success'],
    [204, 'success'],
    [299, 'success'],
    [301, 'fail'],
    [304, 'fail'],
    [400, 'fail'],
    [401, 'fail'],
    [403, 'fail'],
    [404, 'fail'],
    [408, 'retry'],
    [410, 'fail'],
    [413, 'fail'],
    [422, 'fail'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [599, 'retry'],
  ] as const)('%i → %s', (status, outcome) => {
    expect(classify(status, {})).toBe(outcome);
  });

  it('customRetryCodes wins', () => {
    expect(classify(400, { 400: true })).toBe('retry');
    expect(classify(500, { 500: false })).toBe('fail');
    expect(classify(200, { 200: false })).toBe('success');
  });
});

describe('backoff', () => {
  it('is full jitter under an exponential ceiling, capped', () => {
    expect(backoffDelay(1, 60_000, () => 0.999)).toBe(Math.floor(0.999 * BASE_DELAY));
    expect(backoffDelay(3, 60_000, () => 0.5)).toBe(BASE_DELAY * 2);
    expect(backoffDelay(50, 60_000, () => 0.999)).toBe(Math.floor(0.999 * 60_000));
    expect(backoffDelay(5, 60_000, () => 0)).toBe(0);
  });

  it('a gate counts one outage once, honours Retry-After, and resets on success', () => {
    const gate = new BackoffGate(60_000);
    gate._fail(0, undefined, 1_000);
    expect(gate._probing).toBe(true);
    // A request started before that failure is part of the same outage.
    gate._fail(500, 5_000, 1_010);
    expect(gate._remaining(1_010)).toBe(5_000);
    expect(gate._remaining(6_010)).toBe(0);
    gate._succeed();
    expect(gate._probing).toBe(false);
  });
});

describe('Retry-After beyond maxRetryDelay', () => {
  it('is capped at maxRetryDelay, whatever the server asks', () => {
    const gate = new BackoffGate(60_000);
    gate._fail(0, 99_999_999_999_000, 1_000);
    expect(gate._remaining(1_000)).toBe(60_000);
  });
});

describe('Retry-After', () => {
  it('parses seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
