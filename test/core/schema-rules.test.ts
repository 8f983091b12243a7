// Every event the SDK accepts is one the pipeline accepts (issue 15, item 2): each of
// these was sent and then rejected by the pipeline; now each throws a TypeError at the
// call, naming the argument. The fuzz test (test/fuzz) checks the other side against
// the dev collector.
import { describe, expect, it } from 'vitest';
import { Subject, Tracker } from '../../src/core/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';
import { itRefusesEach, type RefusalCase } from '../helpers/refusals.js';

const URL_ = 'https://a.test/';
const SCHEMA = 'iglu:com.acme/e/jsonschema/1-0-0';

const holey: string[] = [];
holey[1] = 'a';

let reads = 0;
const shifty = {
  data: {},
  get schema() {
    return reads++ == 0 ? SCHEMA : 'not a uri';
  },
};

const cases: RefusalCase[] = [
  ['screen view id not a UUID', (t) => t.trackScreenView({ name: 'home', id: 'screen-1' }), /id must be a UUID, got "screen-1"/],
  ['previousId not a UUID', (t) => t.trackScreenView({ name: 'home', previousId: 'x' }), /previousId must be a UUID/],
  ['form change type outside the enum', (t) => t.trackFormChange({ formId: 'f', elementId: 'e', nodeName: 'INPUT', type: 'textarea' }), /type must be one of button, checkbox/],
  ['form change nodeName outside the enum', (t) => t.trackFormChange({ formId: 'f', elementId: 'e', nodeName: 'DIV' as never }), /nodeName must be one of INPUT, TEXTAREA, SELECT, got "DIV"/],
  ['form element null', (t) => t.trackFormSubmit({ formId: 'f', elements: [null as never] }), /elements\[0\] expects an object/],
  ['form element without nodeName', (t) => t.trackFormSubmit({ formId: 'f', elements: [{ name: 'n', value: null } as never] }), /elements\[0\]\.nodeName is required/],
  ['form id longer than 4096', (t) => t.trackFormSubmit({ formId: 'f'.repeat(4097) }), /formId must be a non-empty string of at most 4096 characters/],
  ['form change value longer than 65535', (t) => t.trackFormChange({ formId: 'f', elementId: 'e', nodeName: 'INPUT', value: 'v'.repeat(65536) }), /value must be a string of at most 65535/],
  ['search terms empty', (t) => t.trackSiteSearch({ terms: [] }), /terms must be a non-empty array of strings/],
  ['search totalResults negative', (t) => t.trackSiteSearch({ terms: ['a'], totalResults: -1 }), /totalResults must be a whole number ≥ 0/],
  ['search filters with a number', (t) => t.trackSiteSearch({ terms: ['a'], filters: { n: 1 } as never }), /filters must be an object of string or boolean values/],
  ['ping offset beyond 32 bits', (t) => t.trackPagePing({ pageUrl: URL_, minX: 2 ** 31 }), /minX must be a whole number \(32-bit\), got 2147483648/],
  ['trueTimestamp 2^53', (t) => t.trackPageView({ pageUrl: URL_, trueTimestamp: 2 ** 53 }), /trueTimestamp must be whole milliseconds/],
  ['item quantity beyond 32 bits', (t) => t.trackEcommerceTransaction({ orderId: 'o', totalValue: 1, items: [{ sku: 's', price: 1, quantity: 2 ** 31 }] }), /items\[0\]\.quantity/],
  ['array with a hole', (t) => t.trackLinkClick({ targetUrl: URL_, elementClasses: holey }), /elementClasses must be an array of strings/],
  ['items with a hole', (t) => t.trackEcommerceTransaction({ orderId: 'o', totalValue: 1, items: [, { sku: 's', price: 1 }] as never }), /items\[0\] expects an object/],
  ['event whose toJSON returns undefined', (t) => t.trackSelfDescribingEvent({ event: { schema: SCHEMA, data: { toJSON: () => undefined } } }), /event\.data serialises to nothing/],
  ['event data that serialises to an array', (t) => t.trackSelfDescribingEvent({ event: { schema: SCHEMA, data: { toJSON: () => [1] } } }), /event\.data must serialise to a JSON object/],
  ['context with a hole', (t) => t.trackPageView({ pageUrl: URL_, context: [, { schema: SCHEMA, data: {} }] as never }), /context\[0\] must be a self-describing JSON/],
];

describe('values the pipeline would reject throw a TypeError at the call', () => {
  itRefusesEach(cases);

  it('a plugin that replaces an entity by a spread copy with new data: the new data is sent', () => {
    const sink = new CollectingSink();
    const tracker = new Tracker(sink, {
      encodeBase64: false,
      plugins: [{ beforeTrack: (event) => void (event.contexts[0] = { ...event.contexts[0]!, data: { replaced: true } }) }],
    });
    tracker.trackPageView({ pageUrl: URL_, context: [{ schema: SCHEMA, data: { original: true } }] });
    expect(JSON.parse(sink.last().co!).data).toEqual([{ schema: SCHEMA, data: { replaced: true } }]);
  });

  it('a schema getter that changes after the check: the checked value is the one sent', () => {
    const sink = new CollectingSink();
    new Tracker(sink, { encodeBase64: false }).trackSelfDescribingEvent({ event: shifty as never });
    expect(JSON.parse(sink.last().ue_pr!).data.schema).toBe(SCHEMA);
  });

  it('an array changed by a getter after the check: the copy checked is the one sent', () => {
    const sink = new CollectingSink();
    let n = 0;
    const args = {
      targetUrl: URL_,
      get elementClasses() {
        return n++ == 0 ? ['a'] : [1, 2];
      },
    };
    new Tracker(sink, { encodeBase64: false }).trackLinkClick(args as never);
    expect(JSON.parse(sink.last().ue_pr!).data.data.elementClasses).toEqual(['a']);
  });

  it('the bounds themselves are accepted', () => {
    const sink = new CollectingSink();
    const t = new Tracker(sink);
    t.trackPagePing({ pageUrl: URL_, minX: -(2 ** 31 - 1), maxX: 2 ** 31 - 1 });
    t.trackSiteSearch({ terms: ['a'], totalResults: 0, pageResults: 2 ** 31 - 1, filters: { a: 'b', c: true } });
    t.trackFormSubmit({ formId: 'f'.repeat(4096), elements: [{ name: '', value: null, nodeName: 'SELECT' }] });
    t.trackScreenView({ name: 'home', id: '5C7D3F3E-5B8A-4C1B-9F2E-0A1B2C3D4E5F' });
    expect(sink.events).toHaveLength(4);
  });
});

describe('Subject text setters', () => {
  it('null or undefined unsets a text field', () => {
    const subject = new Subject().setUserId('u1').setLang('en');
    subject.setUserId(null as never);
    expect(subject.fields).toEqual({ lang: 'en' });
  });
});
