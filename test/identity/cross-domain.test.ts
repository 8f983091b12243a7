// The `_sp` query parameter a followed cross-domain link carries.
import { describe, expect, it } from 'vitest';
import { decorateHref } from '../../src/browser/cross-domain.js';

describe('decorateHref', () => {
  it('adds _sp first in the query, before the fragment', () => {
    expect(decorateHref('https://b.example/p', 'u.1')).toBe('https://b.example/p?_sp=u.1');
    expect(decorateHref('https://b.example/p?a=1&b=2#top', 'u.1')).toBe('https://b.example/p?_sp=u.1&a=1&b=2#top');
  });

  it('replaces the _sp of an earlier click instead of adding a second', () => {
    const once = decorateHref('https://b.example/?a=1', 'u.1');
    expect(decorateHref(once, 'u.2')).toBe('https://b.example/?_sp=u.2&a=1');
  });
});
