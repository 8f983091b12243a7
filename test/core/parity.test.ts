// For the same inputs, isotrack's fields must equal those @snowplow/tracker-core
// builds, field by field, for every event type both implement.
import {
  buildAddToCart,
  buildEcommerceTransaction,
  buildEcommerceTransactionItem,
  buildFormFocusOrChange,
  buildFormSubmission,
  buildLinkClick,
  buildPagePing,
  buildPageView,
  buildRemoveFromCart,
  buildSelfDescribingEvent,
  buildSiteSearch,
  buildStructEvent,
  trackerCore,
  type PayloadBuilder as SnowplowPayloadBuilder,
} from '@snowplow/tracker-core';
import { describe, expect, it } from 'vitest';
import { Tracker, type Payload } from '../../src/core/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

const context = [{ schema: 'iglu:com.acme/user/jsonschema/1-0-0', data: { tier: 'gold', note: 'naïve ☃ ✓' } }];
// Fields that differ by design: event id, creation time, and the tracker's own name.
const unique = ['eid', 'dtm', 'tv'];

function strip(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) if (!unique.includes(key)) out[key] = String(value);
  return out;
}

function pair(encodeBase64: boolean) {
  const snowplow: Record<string, unknown>[] = [];
  const core = trackerCore({ base64: encodeBase64, callback: (pb: SnowplowPayloadBuilder) => void snowplow.push(pb.build()) });
  core.setPlatform('srv');
  core.setAppId('cf29ea');
  core.setTrackerNamespace('cf');
  const sink = new CollectingSink();
  const tracker = new Tracker(sink, { namespace: 'cf', appId: 'cf29ea', encodeBase64 });
  const ours = (): Payload[] => sink.payloads().map(strip);
  const theirs = () => snowplow.map(strip);
  return { core, tracker, ours, theirs };
}

for (const encodeBase64 of [true, false]) {
  describe(`parity with @snowplow/tracker-core (encodeBase64: ${encodeBase64})`, () => {
    const cases: Array<[string, (p: ReturnType<typeof pair>) => void]> = [
      ['page view', ({ core, tracker }) => {
        core.track(buildPageView({ pageUrl: 'https://a.test/p?q=1', pageTitle: 'Über', referrer: 'https://r.test/' }), context);
        tracker.trackPageView({ pageUrl: 'https://a.test/p?q=1', pageTitle: 'Über', referrer: 'https://r.test/', context });
      }],
      ['page ping', ({ core, tracker }) => {
        core.track(buildPagePing({ pageUrl: 'https://a.test/', minXOffset: 1, maxXOffset: 20, minYOffset: 3, maxYOffset: 400 }), context);
        tracker.trackPagePing({ pageUrl: 'https://a.test/', minX: 1, maxX: 20, minY: 3, maxY: 400, context });
      }],
      ['structured event', ({ core, tracker }) => {
        core.track(buildStructEvent({ category: 'shop', action: 'add', label: 'sku-1', property: 'red', value: 12.5 }), context);
        tracker.trackStructEvent({ category: 'shop', action: 'add', label: 'sku-1', property: 'red', value: 12.5, context });
      }],
      ['self-describing event', ({ core, tracker }) => {
        const event = { schema: 'iglu:com.acme/viewed/jsonschema/1-0-0', data: { id: 'ASO01043', price: 49.95, tags: ['a', 'ü'] } };
        core.track(buildSelfDescribingEvent({ event }), context);
        tracker.trackSelfDescribingEvent({ event, context });
      }],
      ['link click', ({ core, tracker }) => {
        const click = { targetUrl: 'https://x.test/', elementId: 'cta', elementClasses: ['a', 'b'], elementTarget: '_blank', elementContent: 'Go' };
        core.track(buildLinkClick(click), context);
        tracker.trackLinkClick({ ...click, context });
      }],
      ['add to cart and remove from cart', ({ core, tracker }) => {
        const item = { sku: 'sku-1', quantity: 2, name: 'Shoe', category: 'shoes', unitPrice: 30, currency: 'EUR' };
        core.track(buildAddToCart(item), context);
        core.track(buildRemoveFromCart(item), context);
        tracker.trackAddToCart({ ...item, context });
        tracker.trackRemoveFromCart({ ...item, context });
      }],
      ['form change', ({ core, tracker }) => {
        const change = { formId: 'f', elementId: 'email', nodeName: 'INPUT' as const, type: 'email', elementClasses: ['x'], value: 'a@b.test' };
        core.track(buildFormFocusOrChange({ schema: 'change_form', ...change }), context);
        tracker.trackFormChange({ ...change, context });
      }],
      ['form submit', ({ core, tracker }) => {
        const submit = { formId: 'f', formClasses: ['c'], elements: [{ name: 'email', value: 'a@b.test', nodeName: 'INPUT' as const, type: 'email' }] };
        core.track(buildFormSubmission(submit), context);
        tracker.trackFormSubmit({ ...submit, context });
      }],
      ['site search', ({ core, tracker }) => {
        const search = { terms: ['red', 'shoe'], filters: { color: 'red', sale: true }, totalResults: 40, pageResults: 10 };
        core.track(buildSiteSearch(search), context);
        tracker.trackSiteSearch({ ...search, context });
      }],
      ['ecommerce transaction with items', ({ core, tracker }) => {
        core.track(buildEcommerceTransaction({ orderId: 'o-1', total: 99.5, affiliation: 'web', tax: 9.5, shipping: 5, city: 'Paris', state: 'IDF', country: 'FR', currency: 'EUR' }), context);
        core.track(buildEcommerceTransactionItem({ orderId: 'o-1', sku: 's-1', price: 45, quantity: 2, name: 'Shoe', category: 'shoes', currency: 'EUR' }), context);
        tracker.trackEcommerceTransaction({
          orderId: 'o-1', totalValue: 99.5, affiliation: 'web', taxValue: 9.5, shipping: 5, city: 'Paris', state: 'IDF', country: 'FR', currency: 'EUR',
          items: [{ sku: 's-1', price: 45, quantity: 2, name: 'Shoe', category: 'shoes' }],
          context,
        });
      }],
    ];
    for (const [name, run] of cases) {
      it(name, () => {
        const p = pair(encodeBase64);
        run(p);
        const ours = p.ours();
        expect(ours.length).toBeGreaterThan(0);
        expect(ours).toEqual(p.theirs());
      });
    }

    it('true timestamp is sent as ttm, as tracker-core does', () => {
      const p = pair(encodeBase64);
      p.core.track(buildPageView({ pageUrl: 'https://a.test/' }), undefined, { type: 'ttm', value: 1700000000000 });
      p.tracker.trackPageView({ pageUrl: 'https://a.test/', trueTimestamp: 1700000000000 });
      expect(p.ours()[0]!.ttm).toBe('1700000000000');
      expect(p.ours()[0]!.ttm).toBe(p.theirs()[0]!.ttm);
    });
  });
}
