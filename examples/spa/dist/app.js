// Event arguments are checked and mapped by small tables rather than by code per
// field: the rules read like the protocol's tables, and they keep the browser
// bundle small (a UMD budget of 8 KB gzipped covers every event type).
/** Kinds of argument. */
const STRING = 1;
const NUMBER = 2;
const STRINGS = 3;
const ARRAY = 4;
const OBJECT = 5;
/** A whole number: the protocol field is an integer, which the pipeline refuses to read from `1.5`. */
const INTEGER = 6;
/** Added to a kind: the argument must be present. */
const REQUIRED = 8;
/** Added to a kind: `null` is a value to send, not an absence. */
const NULLABLE = 16;
const KIND_NAMES = ['', 'a string', 'a finite number', 'an array of strings', 'an array', 'an object', 'a whole number'];
/** A plain object: not null, not an array. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function fits(kind, value) {
    switch (kind) {
        case STRING: return typeof value === 'string';
        case NUMBER: return typeof value === 'number' && Number.isFinite(value);
        case STRINGS: return Array.isArray(value) && value.every((v) => typeof v === 'string');
        case ARRAY: return Array.isArray(value);
        case INTEGER: return Number.isInteger(value);
        default: return isObject(value);
    }
}
/** What a wrong value looks like in a message: short, never the whole value. */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    // A number is short, and shows what is wrong with it (a fraction, NaN).
    return typeof value === 'number' ? String(value) : typeof value;
}
/** The caller's mistake, reported at the call and naming the argument. */
function fail(argument, problem) {
    throw new TypeError(`isotrack: ${argument} ${problem}`);
}
/** Checks that `args` is an object, so that field checks can name the field. */
function requireArgs(args, method) {
    if (!fits(OBJECT, args))
        fail(method, 'expects an object argument');
    return args;
}
/**
 * Reads `args` by `rules` into the fields to send, in rule order. Absent optional
 * arguments are left out; a missing required one or a value of the wrong kind
 * throws a TypeError naming the argument (prefixed, e.g. `items[1].`).
 */
function readFields(args, rules, prefix = '') {
    const out = {};
    for (const [argument, flags, sentAs = argument] of rules) {
        const value = args[argument];
        const kind = flags & 7;
        if (value === undefined || (value === null && !(flags & NULLABLE))) {
            if (flags & REQUIRED)
                fail(prefix + argument, `is required (${KIND_NAMES[kind]})`);
            if (flags & NULLABLE)
                out[sentAs] = null;
            continue;
        }
        if (value !== null && !(fits(kind, value) && (kind !== STRING || !(flags & REQUIRED) || value !== ''))) {
            fail(prefix + argument, `must be ${flags & REQUIRED && kind === STRING ? 'a non-empty string' : KIND_NAMES[kind]}, got ${describe(value)}`);
        }
        out[sentAs] = value;
    }
    return out;
}

const TRANSACTION = [
    ['orderId', STRING + REQUIRED, 'tr_id'],
    ['affiliation', STRING, 'tr_af'],
    ['totalValue', NUMBER + REQUIRED, 'tr_tt'],
    ['taxValue', NUMBER, 'tr_tx'],
    ['shipping', NUMBER, 'tr_sh'],
    ['city', STRING, 'tr_ci'],
    ['state', STRING, 'tr_st'],
    ['country', STRING, 'tr_co'],
    ['currency', STRING, 'tr_cu'],
    ['items', ARRAY],
];
const ITEM = [
    ['sku', STRING + REQUIRED, 'ti_sk'],
    ['name', STRING, 'ti_nm'],
    ['category', STRING, 'ti_ca'],
    ['price', NUMBER + REQUIRED, 'ti_pr'],
    ['quantity', INTEGER, 'ti_qu'],
];
/** The `tr` event first, then its items, all validated before any is tracked. */
function buildEcommerceTransaction(args) {
    const { items = [], ...fields } = readFields(requireArgs(args, 'trackEcommerceTransaction'), TRANSACTION);
    return [
        { e: 'tr', fields },
        ...items.map((item, i) => {
            const prefix = `items[${i}]`;
            const line = readFields(requireArgs(item, prefix), ITEM, `${prefix}.`);
            // Every item carries its order's id and currency; one unit unless told otherwise.
            return { e: 'ti', fields: { ti_id: fields.tr_id, ...line, ti_qu: line.ti_qu ?? 1, ti_cu: fields.tr_cu } };
        }),
    ];
}

const PAGE = [['pageUrl', STRING, 'url'], ['pageTitle', STRING, 'page'], ['referrer', STRING, 'refr']];
const PING = [...PAGE, ['minX', INTEGER, 'pp_mix'], ['maxX', INTEGER, 'pp_max'], ['minY', INTEGER, 'pp_miy'], ['maxY', INTEGER, 'pp_may']];
// In a browser the page URL comes from the page itself, so it is checked after plugins ran.
const URL_REQUIRED = [['url', 'pageUrl']];
function buildPageView(args = {}) {
    return { e: 'pv', fields: readFields(requireArgs(args, 'trackPageView'), PAGE), required: URL_REQUIRED };
}
function buildPagePing(args) {
    return { e: 'pp', fields: readFields(requireArgs(args, 'trackPagePing'), PING), required: URL_REQUIRED };
}

// The pattern Enrich applies to schema URIs (tracker-protocol notes, section 4).
const IGLU_URI = /^iglu:[a-zA-Z0-9\-_.]+\/[a-zA-Z0-9\-_]+\/[a-zA-Z0-9\-_]+\/[0-9]+-[0-9]+-[0-9]+$/;
/** An optional string option or argument, checked. */
function optionalString(value, argument) {
    if (value == null)
        return undefined; // the common case, on every track call
    return readFields({ [argument]: value }, [[argument, STRING]])[argument];
}
/** An optional whole-number option or argument (e.g. a timestamp in ms), checked. */
function optionalInteger(value, argument) {
    if (value == null)
        return undefined; // the common case, on every track call
    return readFields({ [argument]: value }, [[argument, INTEGER]])[argument];
}
/** Checks a self-describing JSON: a valid Iglu URI and an object `data`. */
function requireSelfDescribing(value, argument) {
    return isSelfDescribing(value) ? value : badSelfDescribing(value, argument);
}
// Checked inline, without building the argument's name: this runs for the event and
// every entity of every track call.
function isSelfDescribing(value) {
    const { schema, data } = (value ?? {});
    return typeof schema === 'string' && IGLU_URI.test(schema) && isObject(data) && isObject(value);
}
/** Throws the TypeError that says what is wrong with a self-describing JSON. */
function badSelfDescribing(value, argument) {
    if (!isObject(value))
        fail(argument, `must be a self-describing JSON {schema, data}, got ${describe(value)}`);
    readFields(value, [['schema', STRING + REQUIRED], ['data', OBJECT + REQUIRED]], `${argument}.`);
    return fail(`${argument}.schema`, `must be an Iglu URI like iglu:com.acme/event/jsonschema/1-0-0, got ${describe(value.schema)}`);
}
/** Checks the optional `context` array of a track call. */
function optionalContexts(value) {
    if (value === undefined || value === null)
        return undefined;
    if (!Array.isArray(value))
        fail('context', `must be an array of self-describing JSON, got ${describe(value)}`);
    for (let i = 0; i < value.length; i++)
        if (!isSelfDescribing(value[i]))
            badSelfDescribing(value[i], `context[${i}]`);
    return value;
}
/**
 * JSON text of `value`, or a TypeError naming the argument when it cannot be
 * serialised (a cycle, a BigInt): found now rather than in the background.
 */
function toJson(value, argument) {
    try {
        return JSON.stringify(value);
    }
    catch (error) {
        return fail(argument, `cannot be serialised to JSON (${error.message})`);
    }
}

function buildSelfDescribingEvent(args) {
    return { e: 'ue', ue: requireSelfDescribing(requireArgs(args, 'trackSelfDescribingEvent').event, 'event') };
}
/** The `ue` event for a schema this library sends itself. */
function selfDescribing(schema, data) {
    return { e: 'ue', ue: { schema, data } };
}

/** Iglu URIs of the schemas the tracker itself sends. */
const SCHEMAS = {
    payloadData: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
    unstructEvent: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
    contexts: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0',
    screenView: 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0',
    linkClick: 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
    addToCart: 'iglu:com.snowplowanalytics.snowplow/add_to_cart/jsonschema/1-0-0',
    removeFromCart: 'iglu:com.snowplowanalytics.snowplow/remove_from_cart/jsonschema/1-0-0',
    changeForm: 'iglu:com.snowplowanalytics.snowplow/change_form/jsonschema/1-0-0',
    submitForm: 'iglu:com.snowplowanalytics.snowplow/submit_form/jsonschema/1-0-0',
    siteSearch: 'iglu:com.snowplowanalytics.snowplow/site_search/jsonschema/1-0-0',
    webPage: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
    clientSession: 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2',
};
/** Tracker name and version, sent as `tv`. */
const TRACKER_VERSION = 'isotrack-0.1.0';

/** UUIDs drawn per refill of the random pool: one `getRandomValues` call serves this many. */
const IDS_PER_REFILL = 256;
let pool = new Uint8Array(0);
let at = 0;
let hex;
/**
 * A random (version 4) UUID. Every event needs one, so the random bytes come from a
 * pool refilled once per 256 ids: in a browser each `crypto.randomUUID()` call is a
 * trip into the engine that costs more than the rest of the id (and exists only in
 * secure contexts anyway). Without `crypto` at all, `Math.random` fills the pool.
 */
function uuidv4() {
    if (at >= pool.length) {
        pool = new Uint8Array(16 * IDS_PER_REFILL);
        const c = globalThis.crypto;
        if (c?.getRandomValues)
            c.getRandomValues(pool);
        else
            for (let i = 0; i < pool.length; i++)
                pool[i] = Math.random() * 256;
        at = 0;
        hex ??= Array.from({ length: 256 }, (_, byte) => (byte + 256).toString(16).slice(1));
    }
    let id = '';
    for (let j = 0; j < 16; j++) {
        const byte = pool[at++];
        // Byte 6 carries the version (4), byte 8 the RFC 4122 variant.
        id += (j == 4 || j == 6 || j == 8 || j == 10 ? '-' : '') + hex[j == 6 ? (byte & 0x0f) | 0x40 : j == 8 ? (byte & 0x3f) | 0x80 : byte];
    }
    return id;
}

const SCREEN_VIEW = [
    ['name', STRING + REQUIRED],
    ['id', STRING],
    ['type', STRING],
    ['previousName', STRING],
    ['previousId', STRING],
    ['previousType', STRING],
    ['transitionType', STRING],
];
function buildScreenView(args) {
    // The schema requires an id; a generated one keeps the event valid.
    requireArgs(args, 'trackScreenView');
    return selfDescribing(SCHEMAS.screenView, readFields({ ...args, id: args.id ?? uuidv4() }, SCREEN_VIEW));
}

const STRUCT = [
    ['category', STRING + REQUIRED, 'se_ca'],
    ['action', STRING + REQUIRED, 'se_ac'],
    ['label', STRING, 'se_la'],
    ['property', STRING, 'se_pr'],
    ['value', NUMBER, 'se_va'],
];
function buildStructEvent(args) {
    return { e: 'se', fields: readFields(requireArgs(args, 'trackStructEvent'), STRUCT) };
}

// Rule order is the order of the keys in the event data, as @snowplow/tracker-core sends them.
const LINK_CLICK = [
    ['targetUrl', STRING + REQUIRED],
    ['elementId', STRING],
    ['elementClasses', STRINGS],
    ['elementTarget', STRING],
    ['elementContent', STRING],
];
const CART = [
    ['sku', STRING + REQUIRED],
    ['quantity', NUMBER + REQUIRED],
    ['name', STRING],
    ['category', STRING],
    ['unitPrice', NUMBER],
    ['currency', STRING],
];
const FORM_CHANGE = [
    ['formId', STRING + REQUIRED],
    ['elementId', STRING + REQUIRED],
    ['nodeName', STRING + REQUIRED],
    ['elementClasses', STRINGS],
    // The schema requires `value`, and allows null for fields not to be collected.
    ['value', STRING + NULLABLE],
    ['type', STRING],
];
const FORM_SUBMIT = [['formId', STRING + REQUIRED], ['formClasses', STRINGS], ['elements', ARRAY]];
const SITE_SEARCH = [
    ['terms', STRINGS + REQUIRED],
    ['filters', OBJECT],
    ['totalResults', INTEGER],
    ['pageResults', INTEGER],
];
function webEvent(schema, rules, method) {
    return (args) => selfDescribing(schema, readFields(requireArgs(args, method), rules));
}
const buildLinkClick = webEvent(SCHEMAS.linkClick, LINK_CLICK, 'trackLinkClick');
const buildAddToCart = webEvent(SCHEMAS.addToCart, CART, 'trackAddToCart');
const buildRemoveFromCart = webEvent(SCHEMAS.removeFromCart, CART, 'trackRemoveFromCart');
const buildFormChange = webEvent(SCHEMAS.changeForm, FORM_CHANGE, 'trackFormChange');
const buildFormSubmit = webEvent(SCHEMAS.submitForm, FORM_SUBMIT, 'trackFormSubmit');
const buildSiteSearch = webEvent(SCHEMAS.siteSearch, SITE_SEARCH, 'trackSiteSearch');

/** Standard base64 to the URL-safe alphabet, padding removed (a trailing-`=` regex scans the whole string). */
function toUrlAlphabet(base64) {
    const end = base64.endsWith('==') ? base64.length - 2 : base64.endsWith('=') ? base64.length - 1 : base64.length;
    return base64.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_');
}

// Most payloads are ASCII (base64 entities, URLs): a native regex scan answers
// those without a per-character loop in JavaScript.
const NON_ASCII = /[^\x00-\x7f]/;
/** True when every character of `text` is ASCII (one byte in UTF-8, safe for `btoa`). */
function isAscii(text) {
    return !NON_ASCII.test(text);
}
/**
 * UTF-8 length of a string, in bytes. Byte limits (maxPostBytes, the 64 KiB beacon
 * budget) count bytes, not UTF-16 units; this avoids allocating an encoded copy.
 */
function utf8ByteLength(text) {
    if (isAscii(text))
        return text.length;
    let bytes = text.length;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80)
            continue;
        if (code < 0x800)
            bytes += 1;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            // A surrogate pair is 2 UTF-16 units and 4 UTF-8 bytes.
            bytes += 2;
            i++;
        }
        else
            bytes += 2;
    }
    return bytes;
}

// The browser builds swap this in for src/core/base64.ts (see rollup.config.mjs):
// every browser has btoa, so js-base64 would only add weight.
/** URL-safe base64 of the UTF-8 bytes of `text`, without padding. */
function base64UrlEncode(text) {
    // encodeURIComponent yields UTF-8 as %XX escapes; unescape turns each into one
    // byte-sized char, the binary string btoa expects. Native, and fast.
    const binary = isAscii(text) ? text : unescape(encodeURIComponent(text));
    return toUrlAlphabet(btoa(binary));
}

/** Sets one field as text; empty values (`undefined`, `null`, `''`) are left out, as the protocol asks. */
function addField(payload, key, value) {
    if (value !== undefined && value !== null && value !== '')
        payload[key] = String(value);
}
/** Adds every field; values were checked by the event's rules, so only empties are filtered. */
function addFields(payload, fields) {
    for (const key in fields)
        addField(payload, key, fields[key]);
}
/**
 * Adds JSON text under `encodedKey` (URL-safe base64) or `plainKey` (as is), e.g.
 * `ue_px`/`ue_pr`, as `encodeBase64` says.
 */
function addJsonField(payload, encodeBase64, encodedKey, plainKey, json) {
    if (encodeBase64)
        payload[encodedKey] = base64UrlEncode(json);
    else
        payload[plainKey] = json;
}
/**
 * The value of a payload field that is not set: `undefined`, typed as the string a
 * `Payload` holds. Writing it, rather than deleting the key, keeps the payload's shape.
 */
const UNSET = undefined;
/**
 * A new payload whose common fields already exist, unset (`undefined`), in the order
 * they are sent. Every event then has the same object shape from the start, instead of
 * one grown key by key by the builder and the plugins: V8 keeps such objects on its fast
 * paths, and `JSON.stringify` of them measured 6x faster in Chromium (1.3 against
 * 9 ms per 1,000 events). `JSON.stringify` leaves unset fields out, as the protocol asks.
 */
function newPayload() {
    const unset = UNSET;
    return {
        e: unset, eid: unset, tv: unset, tna: unset, aid: unset, p: unset, dtm: unset, ttm: unset,
        uid: unset, duid: unset, sid: unset, vid: unset, tnuid: unset, ip: unset, ua: unset,
        res: unset, vp: unset, cd: unset, tz: unset, lang: unset, cs: unset, ds: unset,
        url: unset, page: unset, refr: unset, ue_pr: unset, ue_px: unset, co: unset, cx: unset,
    };
}

/**
 * Platform codes (`p`) the pipeline accepts. `headset` is in the current docs; older
 * Enrich versions reject it, so a tracker that must feed old pipelines should avoid it.
 */
const PLATFORMS = ['web', 'mob', 'pc', 'srv', 'app', 'tv', 'cnsl', 'iot', 'headset'];
/**
 * A platform code, checked: any other value would make every event fail validation
 * in the pipeline, so it throws a TypeError naming `argument` instead.
 */
function checkPlatform(value, argument) {
    if (!PLATFORMS.includes(value))
        fail(argument, `must be one of ${PLATFORMS.join(', ')}, got ${describe(value)}`);
    return value;
}

/**
 * Throws a TypeError naming the first of `values` that is not a whole number: the
 * pipeline reads `res`, `vp`, `cd` and `vid` as integers and refuses an event whose
 * field holds a fraction.
 */
const requireWhole = (values) => void readFields(values, Object.keys(values).map((name) => [name, INTEGER + REQUIRED]));
/**
 * Who and where an event comes from: user, device and session fields that a
 * tracker adds to every event. Setters are chainable; a per-event subject is
 * merged over the tracker's.
 */
class Subject {
    constructor() {
        /** The protocol fields this subject sets, e.g. `{ uid: 'u1', res: '1920x1080' }`. */
        this.fields = {};
    }
    set(key, value) {
        this.fields[key] = String(value);
        return this;
    }
    /** Platform code (`p`): web, mob, pc, srv, app, tv, cnsl, iot or headset; any other throws a TypeError. */
    setPlatform(platform) { return this.set('p', checkPlatform(platform, 'platform')); }
    /** Business user id (`uid`). */
    setUserId(userId) { return this.set('uid', userId); }
    /** Screen resolution (`res`, sent as `WxH`). */
    setScreenResolution(width, height) { requireWhole({ width, height }); return this.set('res', `${width}x${height}`); }
    /** Viewport size (`vp`, sent as `WxH`). */
    setViewport(width, height) { requireWhole({ width, height }); return this.set('vp', `${width}x${height}`); }
    /** Colour depth in bits (`cd`). */
    setColorDepth(depth) { requireWhole({ depth }); return this.set('cd', depth); }
    /** Time zone name, e.g. `Europe/London` (`tz`). */
    setTimezone(timezone) { return this.set('tz', timezone); }
    /** Language, e.g. `en-GB` (`lang`). */
    setLang(lang) { return this.set('lang', lang); }
    /** First-party domain user id (`duid`). */
    setDomainUserId(domainUserId) { return this.set('duid', domainUserId); }
    /** Session id, a UUID (`sid`). */
    setDomainSessionId(sessionId) { return this.set('sid', sessionId); }
    /** Session index, starting at 1 (`vid`). */
    setDomainSessionIndex(index) { requireWhole({ index }); return this.set('vid', index); }
    /** IP address override (`ip`). */
    setIpAddress(ip) { return this.set('ip', ip); }
    /** User-agent override (`ua`). */
    setUseragent(useragent) { return this.set('ua', useragent); }
    /** Network user id set by the tracker (`tnuid`), overriding the collector's cookie. */
    setNetworkUserId(networkUserId) { return this.set('tnuid', networkUserId); }
}

/**
 * Builds events and hands them to its emitters. Every `track*` method validates
 * its input at the call (a mistake throws a `TypeError` naming the argument and
 * queues nothing), serialises the event once, and returns its event id.
 */
let Tracker$1 = class Tracker {
    constructor(emitters, options = {}) {
        this.emitters = Array.isArray(emitters) ? [...emitters] : [emitters];
        this.subject = options.subject;
        // Empty means unset: the payload leaves both out.
        this.namespace = optionalString(options.namespace, 'namespace') || undefined;
        this.appId = optionalString(options.appId, 'appId') || undefined;
        this.encodeBase64 = options.encodeBase64 ?? true;
        this.platform = options.platform == null ? 'srv' : checkPlatform(options.platform, 'platform');
        this.plugins = [...(options.plugins ?? [])];
    }
    setSubject(subject) {
        this.subject = subject;
        return this;
    }
    addEmitter(emitter) {
        this.emitters.push(emitter);
        return this;
    }
    addPlugin(plugin) {
        this.plugins.push(plugin);
        return this;
    }
    trackPageView(event = {}) {
        return this.track([buildPageView(event)], event);
    }
    trackPagePing(event) {
        return this.track([buildPagePing(event)], event);
    }
    trackStructEvent(event) {
        return this.track([buildStructEvent(event)], event);
    }
    trackSelfDescribingEvent(event) {
        return this.track([buildSelfDescribingEvent(event)], event);
    }
    trackScreenView(event) {
        return this.track([buildScreenView(event)], event);
    }
    /** Tracks the transaction and one item event per item; returns the transaction's event id. */
    trackEcommerceTransaction(event) {
        return this.track(buildEcommerceTransaction(event), event);
    }
    trackLinkClick(event) {
        return this.track([buildLinkClick(event)], event);
    }
    trackAddToCart(event) {
        return this.track([buildAddToCart(event)], event);
    }
    trackRemoveFromCart(event) {
        return this.track([buildRemoveFromCart(event)], event);
    }
    trackFormChange(event) {
        return this.track([buildFormChange(event)], event);
    }
    trackFormSubmit(event) {
        return this.track([buildFormSubmit(event)], event);
    }
    trackSiteSearch(event) {
        return this.track([buildSiteSearch(event)], event);
    }
    /** Flushes every emitter; resolves with their results, in order. Never rejects. */
    flush(options) {
        return Promise.all(this.emitters.map((sink) => sink.flush(options)));
    }
    /** Flushes and closes every emitter: later track calls are not sent. Never rejects. */
    close(options) {
        return Promise.all(this.emitters.map((sink) => (sink.close ? sink.close(options) : sink.flush(options))));
    }
    /**
     * Serialises every event before handing any to the emitters, so a mistake in
     * the last item of a transaction queues nothing.
     */
    track(events, common) {
        const contexts = optionalContexts(common.context);
        const trueTimestamp = optionalInteger(common.trueTimestamp, 'trueTimestamp');
        if (common.subject !== undefined && !(common.subject instanceof Subject)) {
            throw new TypeError('isotrack: subject must be a Subject');
        }
        const serialized = events.map((built) => this.serialize(built, contexts, trueTimestamp, common.subject));
        for (const event of serialized)
            for (const sink of this.emitters)
                sink.input(event);
        return serialized[0].eid;
    }
    serialize(built, userContexts, trueTimestamp, eventSubject) {
        const eid = uuidv4();
        // Plain writes into a payload of fixed shape: every event runs this, mostly before
        // the JIT has optimised it. Values that may be empty go through `addField(s)`,
        // which leaves them out.
        const payload = newPayload();
        payload.e = built.e;
        if (built.fields)
            addFields(payload, built.fields);
        payload.eid = eid;
        payload.tv = TRACKER_VERSION;
        payload.tna = this.namespace;
        payload.aid = this.appId;
        payload.p = this.platform;
        payload.dtm = `${Date.now()}`;
        addField(payload, 'ttm', trueTimestamp);
        if (this.subject)
            addFields(payload, this.subject.fields);
        if (eventSubject)
            addFields(payload, eventSubject.fields);
        // Plugins may add entities; the caller's array is never changed.
        const contexts = this.plugins.length > 0 ? [...(userContexts ?? [])] : userContexts ?? [];
        const tracked = { e: built.e, payload, contexts };
        for (const plugin of this.plugins)
            plugin.beforeTrack?.(tracked);
        for (const [field, argument] of built.required ?? []) {
            if (!payload[field])
                throw new TypeError(`isotrack: ${argument} is required`);
        }
        // The wrappers are written as text around the one serialisation of the caller's data.
        const base64 = this.encodeBase64;
        if (built.ue)
            addJsonField(payload, base64, 'ue_px', 'ue_pr', wrap(SCHEMAS.unstructEvent, toJson(built.ue, 'event')));
        if (contexts.length > 0)
            addJsonField(payload, base64, 'cx', 'co', wrap(SCHEMAS.contexts, toJson(contexts, 'context')));
        const json = JSON.stringify(payload);
        return { eid, json, bytes: utf8ByteLength(json) };
    }
};
/** `JSON.stringify({ schema, data })`, given the data's JSON text. */
function wrap(schema, dataJson) {
    return `{"schema":"${schema}","data":${dataJson}}`;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * The collector's base URL (scheme, host, port and any path prefix, no trailing slash).
 * `endpoint` may be a bare host (`collector.example.com`, `localhost:9090`) or a full
 * URL; a scheme or port written in the endpoint wins over the `protocol`/`port` options.
 */
function collectorBase(endpoint, protocol, port) {
    const text = typeof endpoint == 'string' ? endpoint.trim() : '';
    if (!text)
        fail('endpoint', 'must be a non-empty string');
    const scheme = SCHEME.exec(text)?.[0];
    const rest = scheme ? text.slice(scheme.length) : text;
    let url;
    let written;
    try {
        url = new URL((scheme ?? `${protocol}://`) + rest);
        // `new URL` drops a port equal to the scheme's default, which must still win over
        // `port`; a non-special scheme keeps every port as written.
        written = new URL(`x://${rest}`).port;
    }
    catch {
        fail('endpoint', `is not a valid host or URL: ${endpoint}`);
    }
    if (!/^https?:$/.test(url.protocol))
        fail('endpoint', `must use http or https: ${endpoint}`);
    if (port !== undefined && !written)
        url.port = String(port);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** First step of the backoff; attempt n waits up to `BASE_DELAY * 2^(n-1)`, capped. */
const BASE_DELAY = 500;
/**
 * The retry table. `status` 0 means "handed off, answer unknowable" (sendBeacon) and
 * counts as success; network errors and timeouts never reach here (always retried).
 * - 2xx: success.
 * - 408, 429, 5xx: retry.
 * - 400, 401, 403, 410, 422: fail (dropped, reported).
 * - other 4xx, 3xx and anything else: fail. A redirect that survived the transport, or a
 *   client error, will not change by sending the same bytes again.
 * `customRetryCodes` overrides any of these (true = retry, false = fail).
 */
function classify(status, custom) {
    if (status == 0 || (status >= 200 && status < 300))
        return 'success';
    const override = custom[status];
    if (override !== undefined)
        return override ? 'retry' : 'fail';
    // Everything else fails, including the Python tracker's never-retry list (400, 401, 403, 410, 422).
    return status == 408 || status == 429 || (status >= 500 && status < 600) ? 'retry' : 'fail';
}
/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(attempt−1))). */
function backoffDelay(attempt, cap, random = Math.random) {
    const ceiling = Math.min(cap, BASE_DELAY * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
    return Math.floor(random() * ceiling);
}
/**
 * Milliseconds to wait from a `Retry-After` value: delta-seconds or an HTTP date.
 * Undefined when absent or unparseable.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return +text * 1000;
    const date = Date.parse(text);
    if (isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}

/**
 * One backoff for the whole emitter, not per batch: when the collector fails, every
 * batch waits, and only one request probes it until it answers well again. Failures of
 * requests that were already in flight when the backoff began belong to the same
 * outage and do not double the delay again.
 *
 * Internal to the engine: its members are `_`-prefixed so that the script-tag build
 * mangles them.
 */
class BackoffGate {
    constructor(maxDelay) {
        this.streak = 0;
        this.since = 0;
        this.until = 0;
        this.maxDelay = maxDelay;
    }
    /** True while a failure streak is open: send one request at a time. */
    get _probing() {
        return this.streak > 0;
    }
    /** Milliseconds left before the next attempt may start (0 = go). */
    _remaining(now = Date.now()) {
        return Math.max(0, this.until - now);
    }
    /** Records a retryable failure of a request started at `startedAt`; `retryAfter` in ms wins if longer. */
    _fail(startedAt, retryAfter, now = Date.now()) {
        if (startedAt >= this.since)
            this.streak++;
        this.since = now;
        const delay = Math.max(backoffDelay(this.streak, this.maxDelay), retryAfter ?? 0);
        this.until = Math.max(this.until, now + delay);
    }
    /** A request succeeded: the outage is over. */
    _succeed() {
        this.streak = 0;
    }
}

/** Parses events for a callback; only called when one is set, so the hot path never parses. */
function toPayloads(events) {
    return events.map((event) => {
        try {
            return JSON.parse(event.json);
        }
        catch {
            return { eid: event.eid };
        }
    });
}
/** Runs a user callback; its exceptions are reported and never reach the delivery loop. */
function safely(name, run) {
    try {
        run();
    }
    catch (error) {
        warn(`isotrack: ${name} callback threw`, error);
    }
}
/** A console warning, where a console exists. */
function warn(...args) {
    try {
        globalThis.console?.warn?.(...args);
    }
    catch {
        // A broken console must not break delivery either.
    }
}

/**
 * Reports drops to `onDrop` once per reason and tick, with the exact count: a burst that
 * overflows the queue is one call, not one per event. Without `onDrop` it does nothing
 * (the engine's `dropped` counter still counts every drop).
 */
function dropReporter(onDrop) {
    const counts = { 'queue-full': 0, closed: 0 };
    let queued;
    return (reason) => {
        if (!onDrop)
            return;
        counts[reason]++;
        if (queued)
            return;
        queued = true;
        queueMicrotask(() => {
            queued = false;
            // Insertion order: queue-full, then closed.
            for (const why in counts) {
                const count = counts[why];
                counts[why] = 0;
                if (count)
                    safely('onDrop', () => onDrop(count, why));
            }
        });
    };
}

const ENVELOPE_HEAD = `{"schema":"${SCHEMAS.payloadData}","data":[`;
const ENVELOPE_TAIL = ']}';
/** Bytes of the `payload_data` envelope around the events of a POST body. */
const ENVELOPE_BYTES = (ENVELOPE_HEAD + ENVELOPE_TAIL).length; // ASCII: one byte per char
/**
 * Bytes a POST adds to each event: `"stm":"<13 digits>",` plus the comma between
 * events. Millisecond timestamps keep 13 digits until the year 2286.
 */
const PER_EVENT_OVERHEAD = '"stm":"",'.length + 13 + 1;
/** The byte budget a POST batch must fit in, per the store's `take` accounting. */
function batchBudget(maxPostBytes) {
    // The last event has no trailing comma, hence the + 1.
    return maxPostBytes - (ENVELOPE_BYTES - 1);
}
/** UTF-8 size of the POST body that {@link postBody} builds for these events. */
function postBodyBytes(events) {
    let bytes = ENVELOPE_BYTES - 1;
    for (const event of events)
        bytes += event.bytes + PER_EVENT_OVERHEAD;
    return bytes;
}
/**
 * A `payload_data` body joined from the pre-serialised events, with one `stm` stamped
 * into each: the send time of this attempt, never stored with the event.
 */
function postBody(events, stm) {
    const stamp = `{"stm":"${stm}"`;
    // An empty object has no field to put a comma before.
    return ENVELOPE_HEAD + events.map(({ json }) => (json.length > 2 ? `${stamp},${json.slice(1)}` : `${stamp}}`)).join(',') + ENVELOPE_TAIL;
}
/** The `/i` query string of one event, `stm` first as the protocol asks. */
function getQuery(event, stm) {
    const fields = JSON.parse(event.json);
    let query = `stm=${stm}`;
    for (const key of Object.keys(fields)) {
        if (key == 'stm')
            continue;
        query += `&${encodeURIComponent(key)}=${encodeURIComponent(fields[key])}`;
    }
    return query;
}
/** Builds the request for one batch (POST) or one event (GET). */
function buildRequest(base, o, events, unloading) {
    const stm = String(Date.now());
    const timeout = o.requestTimeout;
    if (o.method == 'get')
        return { url: `${base}/i?${getQuery(events[0], stm)}`, method: 'GET', headers: { ...o.customHeaders }, timeout, unloading };
    return {
        url: base + o.postPath,
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...o.customHeaders },
        body: postBody(events, stm),
        bytes: postBodyBytes(events),
        timeout,
        unloading,
    };
}

/** Lets a Node process exit while `timer` is pending (Node timers have `unref`); elsewhere a no-op. */
const unref = (timer) => (timer.unref?.(), timer);

/**
 * The delivery engine behind `Emitter`, as one closure: plain variables instead of
 * small classes, since its state is shared by every step (queue bound, batches,
 * flush waiters, timers, drop reports).
 *
 * - The queue bound covers the store and the batches taken out of it (waiting,
 *   retrying and in-flight events all hold memory).
 * - The backoff is one per emitter (`BackoffGate`); its timer and the flush interval
 *   are unref'd in Node, except a backoff while someone awaits a flush.
 * - A flush waits for "everything queued before it": the store is FIFO, so that is
 *   the first `ahead` events taken after it, plus the batches in flight or retrying
 *   when it was called. A batch mixing older and newer events is waited for whole.
 * - Drops are counted here and reported by `dropReporter`.
 */
function engine(o, base, store, platform, self) {
    const budget = batchBudget(o.maxPostBytes);
    const get = o.method == 'get';
    const gate = new BackoffGate(o.maxRetryDelay);
    const waiters = new Set();
    /** Failed batches waiting for the backoff to pass; sent before anything new. */
    const retryQueue = [];
    const inFlight = new Set();
    let transport;
    // Taken from the store and not settled (in flight or retrying): they count against the bound.
    let outEvents = 0, outBytes = 0;
    // The counters of `stats()`, and the delivered count that `onFailure` reports.
    let delivered = 0, retried = 0, failed = 0, dropped = 0, successSinceFailure = 0;
    let draining, pumpQueued;
    let closed, warnedClosed, stopped;
    let closing;
    let interval, backoff;
    const held = () => store.count + outEvents;
    /** The two counts that `stats()` and a flush result share. */
    const counts = () => {
        let flying = 0;
        for (const batch of inFlight)
            flying += batch._events.length;
        return { queued: held() - flying, inFlight: flying };
    };
    const stats = () => ({ ...counts(), delivered, retried, dropped, failed });
    const reportDrop = dropReporter(o.onDrop);
    const drop = (reason) => {
        dropped++;
        reportDrop(reason);
    };
    const armInterval = () => {
        if (interval || stopped)
            return;
        interval = unref(setTimeout(() => {
            interval = undefined;
            if (store.count)
                (draining = true), schedulePump();
        }, o.flushInterval));
    };
    const check = (waiter) => {
        // Events ahead can only be among those still waiting.
        if (waiter._ahead > store.count)
            waiter._ahead = store.count;
        if (waiter._ahead <= 0 && !waiter._batches.size && waiters.delete(waiter))
            waiter._done(false);
    };
    /** Takes the next batch (one event for GET; for POST as many as fit in `room`); draining ends when the store is empty. */
    const take = (room) => {
        const events = store.count && room > 0 ? store.take(get ? { count: 1, bytes: Infinity, overhead: 0 } : { count: Infinity, bytes: room, overhead: PER_EVENT_OVERHEAD }) : [];
        if (!store.count)
            draining = false;
        if (!events.length) {
            // Another tab may have taken events from a shared store.
            for (const waiter of waiters)
                check(waiter);
            return;
        }
        let bytes = 0;
        for (const event of events)
            bytes += event.bytes;
        outEvents += events.length;
        outBytes += bytes;
        const batch = { _events: events, _bytes: bytes, _attempts: 0 };
        for (const waiter of waiters) {
            if (waiter._ahead <= 0)
                continue;
            waiter._ahead -= events.length;
            waiter._batches.add(batch);
        }
        let size;
        if (!get && events.length == 1 && (size = postBodyBytes(events)) > o.maxPostBytes) {
            const onOversize = o.onOversize;
            if (onOversize)
                safely('onOversize', () => onOversize(toPayloads(events)[0], size));
            else
                warn(`isotrack: event ${events[0].eid} (${size} B) > maxPostBytes, sent alone`);
        }
        return batch;
    };
    /** Settles a batch: `ack` (delivered or given up) or `release` (back to the front of the store). */
    const out = (batch, ack) => {
        outEvents -= batch._events.length;
        outBytes -= batch._bytes;
        if (ack)
            store.ack(batch._events);
        else
            store.release(batch._events);
    };
    /**
     * Runs the pump soon: in a microtask, so that events tracked in the same synchronous
     * run join the same batches, or, after a track call, as the platform defers it (a
     * browser sends in a task of its own, so that no request lengthens the caller's task).
     */
    const schedulePump = (afterTrack) => {
        if (pumpQueued || stopped)
            return;
        pumpQueued = true;
        (afterTrack && platform.defer || queueMicrotask)(() => {
            try {
                pump();
            }
            catch (error) {
                // Background work must never throw into the host app (e.g. a custom store that broke its contract).
                warn('isotrack: delivery error', error);
            }
        });
    };
    const pump = () => {
        pumpQueued = false;
        if (stopped)
            return;
        const wait = gate._remaining();
        if (wait > 0) {
            clearTimeout(backoff);
            // Once fired, clearing or unref'ing it again is harmless: no need to forget it.
            const timer = setTimeout(schedulePump, wait);
            // A pending flush() is awaited by someone: keep the process alive for it.
            backoff = waiters.size ? timer : unref(timer);
            return;
        }
        const limit = gate._probing ? 1 : o.maxConcurrentRequests;
        while (inFlight.size < limit) {
            const batch = retryQueue.shift() ?? (draining ? take(budget) : undefined);
            if (!batch)
                break;
            send(batch, false);
        }
        if (store.count && !draining)
            armInterval();
    };
    const send = (batch, unloading) => {
        inFlight.add(batch);
        batch._attempts++;
        const startedAt = Date.now();
        // The executor turns a transport (or platform) that throws into a rejection, like a network error.
        new Promise((resolve) => {
            transport ??= o.transport ?? platform.transport();
            resolve(transport(buildRequest(base, o, batch._events, unloading)));
        })
            .then((response) => settle(batch, startedAt, response), () => settle(batch, startedAt))
            .catch((error) => warn('isotrack: delivery error', error));
    };
    /** Applies the retry table to an answer (none = network error or timeout). */
    const settle = (batch, startedAt, response) => {
        const events = batch._events;
        const n = events.length;
        inFlight.delete(batch);
        const status = response ? +response.status : 0;
        const outcome = response ? classify(status, o.customRetryCodes) : 'retry';
        const report = (willRetry) => {
            const successCount = successSinceFailure;
            successSinceFailure = 0;
            const onFailure = o.onFailure;
            if (onFailure)
                safely('onFailure', () => onFailure(successCount, toPayloads(events), { willRetry, status }));
        };
        if (outcome == 'retry') {
            if (stopped) {
                // Closed meanwhile: a persistent store keeps them for the next start.
                out(batch);
            }
            else {
                retried += n;
                retryQueue.push(batch);
                gate._fail(startedAt, parseRetryAfter(response?.header('retry-after')));
                report(true);
            }
        }
        else {
            const ok = outcome == 'success';
            out(batch, true);
            if (ok) {
                delivered += n;
                successSinceFailure += n;
                gate._succeed();
                const onSuccess = o.onSuccess;
                if (onSuccess)
                    safely('onSuccess', () => onSuccess(toPayloads(events)));
            }
            else {
                failed += n;
                report(false);
            }
            for (const waiter of waiters) {
                if (waiter._batches.delete(batch) && !ok)
                    waiter._failed += n;
                check(waiter);
            }
        }
        schedulePump();
    };
    const flush = (options = {}) => new Promise((resolve) => {
        const timeout = options.timeout ?? o.flushTimeout;
        let timer;
        const waiter = {
            _ahead: store.count,
            _batches: new Set([...inFlight, ...retryQueue]),
            _failed: 0,
            _done(timedOut) {
                clearTimeout(timer);
                // Nobody awaits a flush any more: the backoff goes back to the background.
                if (!waiters.size && backoff)
                    unref(backoff);
                resolve({ ok: !timedOut && !waiter._failed, timedOut, failed: waiter._failed, ...counts() });
            },
        };
        // Closed: nothing will be sent any more.
        if (stopped)
            return waiter._done(held() > 0);
        waiters.add(waiter);
        check(waiter);
        // Nothing was ahead of it: `check` resolved it already.
        if (!waiters.has(waiter))
            return;
        draining = true;
        schedulePump();
        // (A negative timeout is 0 to setTimeout.)
        if (Number.isFinite(timeout))
            timer = setTimeout(() => waiters.delete(waiter) && waiter._done(true), timeout);
    });
    // A persistent store may hold events from an earlier page load.
    if (store.count)
        armInterval();
    return {
        input(event) {
            if (closed) {
                if (!warnedClosed)
                    warn('isotrack: emitter closed, events ignored');
                warnedClosed = true;
                return drop('closed');
            }
            if (held() >= o.maxQueueEvents || store.bytes + outBytes + event.bytes > o.maxQueueBytes)
                return drop('queue-full');
            store.add(event);
            if (pumpQueued || draining)
                return;
            if (store.count >= o.bufferSize || store.bytes >= budget)
                (draining = true), schedulePump(true);
            else
                armInterval();
        },
        flush,
        close(options) {
            closed = true;
            return (closing ??= flush(options).then((result) => {
                // `stopped` keeps both timers from being armed again.
                stopped = true;
                clearTimeout(interval);
                clearTimeout(backoff);
                for (const waiter of waiters)
                    waiter._done(true);
                waiters.clear();
                for (const batch of retryQueue.splice(0).reverse())
                    out(batch);
                if (!o.transport)
                    safely('transport.close', () => transport?.close?.());
                platform.onClose?.(self);
                return result;
            }));
        },
        flushOnUnload(options = {}) {
            if (stopped)
                return 0;
            let left = options.maxBytes ?? Infinity;
            let sent = 0;
            for (;;) {
                const batch = retryQueue.shift() ?? take(Math.min(budget, batchBudget(left)));
                if (!batch)
                    break;
                // GET bodies are URLs; their percent-encoded size is close enough for an unload budget.
                const size = get ? batch._bytes * 3 : postBodyBytes(batch._events);
                if (size > left) {
                    // Back to the front of its queue.
                    if (batch._attempts)
                        retryQueue.unshift(batch);
                    else
                        out(batch);
                    break;
                }
                left -= size;
                sent += batch._events.length;
                send(batch, true);
            }
            return sent;
        },
        stats,
        pending: held,
    };
}

/** Compact only past this many consumed slots, so small queues never copy. */
const COMPACT_AFTER = 4096;
/**
 * The default {@link EventStore}: an array with a moving head. `Array#shift` can be
 * O(n) on large arrays, so consumed slots are cleared and the array is compacted only
 * once they outnumber the live ones, which keeps every operation O(1) amortised.
 * In-flight events are held by the emitter, so this store only keeps waiting ones.
 */
class MemoryEventStore {
    constructor() {
        this.items = [];
        this.head = 0;
        this.waitingBytes = 0;
    }
    get count() {
        return this.items.length - this.head;
    }
    get bytes() {
        return this.waitingBytes;
    }
    add(event) {
        this.items.push(event);
        this.waitingBytes += event.bytes;
    }
    take({ count, bytes, overhead }) {
        const out = [];
        const items = this.items;
        let used = 0;
        let i = this.head;
        while (i < items.length && out.length < count) {
            const event = items[i];
            const cost = event.bytes + overhead;
            if (used + cost > bytes && out.length > 0)
                break;
            out.push(event);
            items[i] = undefined; // let the string be collected as soon as the batch is done
            used += cost;
            i++;
            if (used >= bytes)
                break;
        }
        this.head = i;
        this.waitingBytes -= used - overhead * out.length;
        if (this.head == items.length) {
            this.items = [];
            this.head = 0;
        }
        else if (this.head > COMPACT_AFTER && this.head * 2 > items.length) {
            this.items = items.slice(this.head);
            this.head = 0;
        }
        return out;
    }
    ack() {
        // Nothing to forget: in-flight events are not kept here.
    }
    release(events) {
        if (!events.length)
            return;
        this.items = [...events, ...this.items.slice(this.head)];
        this.head = 0;
        for (const event of events)
            this.waitingBytes += event.bytes;
    }
}

/** The platform-neutral defaults, in one place (the Node platform raises the throughput ones). */
const EMITTER_DEFAULTS = {
    method: 'post',
    protocol: 'https',
    postPath: '/com.snowplowanalytics.snowplow/tp2',
    bufferSize: 10,
    maxPostBytes: 40_000,
    flushInterval: 1_000,
    maxConcurrentRequests: 1,
    requestTimeout: 5_000,
    maxRetryDelay: 60_000,
    maxQueueEvents: 1_000,
    maxQueueBytes: 4 * 1024 * 1024,
    flushTimeout: 10_000,
};
// The string options with two allowed values.
const CHOICES = [
    ['method', 'post', 'get'],
    ['protocol', 'http', 'https'],
];
/** Applies platform defaults, then the neutral ones; throws a TypeError naming a bad option. */
function resolveOptions(options, platform = {}) {
    const o = { ...EMITTER_DEFAULTS, ...platform };
    for (const key in options) {
        const value = options[key];
        if (value === undefined)
            continue;
        // The numeric options (those with a numeric default, and `port`) are all checked the same way.
        if ((typeof o[key] == 'number' || key == 'port') && !(typeof value == 'number' && value > 0))
            fail(`options.${key}`, 'must be a positive number');
        o[key] = value;
    }
    const r = o;
    for (const [name, a, b] of CHOICES)
        if (r[name] != a && r[name] != b)
            fail(`options.${name}`, `must be '${a}' or '${b}'`);
    if (r.postPath[0] != '/')
        r.postPath = `/${r.postPath}`;
    r.maxConcurrentRequests = Math.max(1, Math.floor(r.maxConcurrentRequests));
    // Copies: a caller changing its object later must not change a running emitter.
    r.customRetryCodes = { ...r.customRetryCodes };
    r.customHeaders = { ...r.customHeaders };
    return r;
}

/**
 * Sends serialised events to a collector: batching by count and bytes, several requests
 * at once, retries with backoff, a bounded queue, flush and close. Platform-neutral:
 * the platform object supplies the transport and its defaults. The work happens in
 * {@link engine}; this class is the public surface.
 */
let Emitter$1 = class Emitter {
    /**
     * @param endpoint - collector host (`collector.example.com`, `localhost:9090`) or full URL.
     * @param options - see {@link EmitterOptions}; defaults in `EMITTER_DEFAULTS`.
     * @param platform - internal: supplied by the package entry (Node, browser…), not by users.
     *   Without one, `options.transport` is required. The default lives in the entries, so
     *   that a bundle carries only the transports it can use.
     */
    constructor(endpoint, options = {}, platform = {}) {
        const o = resolveOptions(options, platform.defaults);
        if (!o.transport && !platform.transport)
            throw new TypeError('isotrack: options.transport is required');
        this.engine = engine(o, collectorBase(endpoint, o.protocol, o.port), o.store ?? new MemoryEventStore(), platform, this);
        platform.onCreate?.(this);
    }
    /** Queues one event. The hot path: no parsing, no copying, O(1). */
    input(event) {
        this.engine.input(event);
    }
    /**
     * Sends everything queued. Resolves when every event queued before the call is
     * delivered or given up, or when `timeout` ms pass (default `flushTimeout`); the result
     * says what is still queued. Never rejects. While it waits it keeps a Node process alive.
     */
    flush(options) {
        return this.engine.flush(options);
    }
    /** Flushes (see {@link flush}), then stops timers and ignores later input with one warning. */
    close(options) {
        return this.engine.close(options);
    }
    /**
     * For the page being hidden or unloaded: hands every batch that fits in `maxBytes`
     * (request bodies, summed) to the transport at once with `unloading: true`, ignoring
     * the concurrency limit and any backoff. Returns the number of events handed off.
     */
    flushOnUnload(options) {
        return this.engine.flushOnUnload(options);
    }
    /** Counters since creation. */
    stats() {
        return this.engine.stats();
    }
    /** Events held: waiting, retrying or in flight. */
    pending() {
        return this.engine.pending();
    }
};

const EID = /"eid":"([^"]+)"|[?&]eid=([^&]+)/g;
const handedOff = { status: 0, header: () => undefined };
/**
 * Reads a response to its end. Chromium counts a keepalive request against the shared
 * 64 KiB budget until its response body is consumed, not when the headers arrive: an
 * unread body kept the previous batch counted, and the next batch failed to fetch.
 */
const drain = (response) => response.arrayBuffer().catch(() => undefined);
/**
 * The browser transport: `fetch` with `keepalive` while the shared 64 KiB budget
 * allows, so that requests already sent survive a navigation, and at unload
 * (`request.unloading`) a keepalive fetch (or `sendBeacon` where keepalive is
 * missing) that is handed off without waiting for an answer the page will not
 * live to see.
 *
 * At unload it refuses (rejects, so the events stay queued and stored for the next
 * page load) what does not fit in the budget, and everything while the collector
 * is known to be unreachable: a beacon's delivery cannot be confirmed, and sending
 * into a known outage would lose the events.
 */
function sendBeaconTransport(options = {}) {
    const budget = options.budget ?? 61_440;
    const credentials = options.credentials ?? 'include';
    const wire = new Set();
    // Keys of the requests `sent()` last reported, and how to settle each request in flight.
    let reported = new Set();
    const pending = new Set();
    let inFlight = 0;
    let down;
    const send = async ({ url, method, headers, body, bytes, timeout, unloading }) => {
        const size = body ? (bytes ?? utf8ByteLength(body)) : url.length;
        const keepalive = inFlight + size <= budget;
        const key = body ?? url;
        const init = { method, headers, body, keepalive, credentials };
        if (unloading) {
            if (down || !keepalive)
                throw new Error('isotrack: kept for the next page load');
            if (typeof Request == 'function' && 'keepalive' in Request.prototype) {
                inFlight += size;
                wire.add(key);
                fetch(url, init)
                    .then(drain)
                    .catch(() => undefined)
                    .then(() => {
                    inFlight -= size;
                    wire.delete(key);
                });
            }
            else {
                // A beacon carries no custom header (e.g. SP-Anonymous) and cannot be confirmed.
                const type = headers['Content-Type'];
                if (Object.keys(headers).length > (type ? 1 : 0) || !navigator.sendBeacon(url, body && new Blob([body], { type: type }))) {
                    throw new Error('isotrack: beacon refused');
                }
            }
            return handedOff;
        }
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), timeout);
        if (keepalive) {
            inFlight += size;
            wire.add(key);
        }
        let settle;
        const thawed = new Promise((resolve, reject) => {
            settle = () => (reported.has(key) ? resolve(handedOff) : reject(new Error('isotrack: frozen in the back/forward cache')));
        });
        pending.add(settle);
        try {
            const sending = fetch(url, { ...init, signal: abort.signal }).catch(async (error) => {
                // Firefox frees a keepalive request's bytes only a task after its response ends,
                // and refuses (a network error, at once) a request that finds them still counted:
                // send it again, still with keepalive, a moment later. Not without keepalive: such
                // a request may arrive after the page is gone while its events stay stored, twice.
                // Until it is sent again it is not on the wire: a page that goes meanwhile keeps
                // its events stored. A collector that is down fails this one too.
                if (!keepalive || abort.signal.aborted)
                    throw error;
                wire.delete(key);
                await new Promise((resolve) => setTimeout(resolve, 50));
                if (!pending.has(settle))
                    throw error;
                wire.add(key);
                return fetch(url, { ...init, signal: abort.signal });
            });
            const answer = async () => {
                const response = await sending;
                down = response.status >= 500;
                await drain(response);
                return { status: response.status, header: (name) => response.headers.get(name) ?? undefined };
            };
            return await Promise.race([answer(), thawed]);
        }
        catch (error) {
            down = true;
            throw error;
        }
        finally {
            pending.delete(settle);
            clearTimeout(timer);
            if (keepalive) {
                inFlight -= size;
                wire.delete(key);
            }
        }
    };
    return Object.assign(send, {
        sent() {
            const ids = new Set();
            // While the collector is unreachable, the requests on the wire will most likely fail
            // too, after the page is gone: report none, so that their events stay stored for
            // the next page load (a duplicate if one arrives after all, rather than a loss).
            reported = new Set(down ? [] : wire);
            for (const text of reported)
                for (const match of text.matchAll(EID))
                    ids.add(match[1] ?? match[2]);
            return ids;
        },
        room: () => (down ? 0 : budget - inFlight),
        thaw() {
            for (const settle of pending)
                settle();
            reported = new Set();
        },
    });
}

/**
 * True in a window with a document. Checked at call time, never at import time,
 * so that importing any entry during server-side rendering touches no DOM global.
 */
const inBrowser = () => typeof window == 'object' && typeof document == 'object';
/** Listens on `target` with a passive, capturing listener; returns the remover. */
function listen(target, types, handler) {
    const names = types.split(' ');
    const options = { capture: true, passive: true };
    for (const name of names)
        target.addEventListener(name, handler, options);
    return () => {
        for (const name of names)
            target.removeEventListener(name, handler, options);
    };
}

const ACTIVITY = 'mousedown mousemove keydown touchstart wheel scroll click';
/**
 * Sends page pings (`e=pp`) while the user is active: the first after
 * `minimumVisitLength`, then one per `heartbeatDelay`, each with the smallest and
 * largest scroll offsets seen since the previous ping (`pp_mix`, `pp_max`,
 * `pp_miy`, `pp_may`). Every page view restarts the cycle, so a single-page app
 * gets pings per route. Returns a function that stops it; outside a browser it
 * does nothing.
 */
function enableActivityTracking(tracker, options = {}) {
    if (!inBrowser())
        return () => undefined;
    const first = (options.minimumVisitLength ?? 5) * 1000;
    const every = (options.heartbeatDelay ?? 10) * 1000;
    let active = false;
    let stopped = false;
    let timer;
    // [minX, maxX, minY, maxY] since the last ping.
    let box = [];
    const reset = () => {
        const x = Math.round(scrollX);
        const y = Math.round(scrollY);
        box = [x, x, y, y];
    };
    const ping = () => {
        if (active) {
            active = false;
            const [minX, maxX, minY, maxY] = box;
            reset();
            try {
                tracker.trackPagePing({ pageUrl: location.href, pageTitle: document.title, minX, maxX, minY, maxY });
            }
            catch {
                // A ping is best effort: it never breaks the page.
            }
        }
        schedule(every);
    };
    const schedule = (delay) => {
        clearTimeout(timer);
        if (!stopped)
            timer = setTimeout(ping, delay);
    };
    const restart = () => {
        active = false;
        reset();
        schedule(first);
    };
    const unlisten = listen(window, ACTIVITY, () => {
        active = true;
        const x = Math.round(scrollX);
        const y = Math.round(scrollY);
        box = [Math.min(box[0], x), Math.max(box[1], x), Math.min(box[2], y), Math.max(box[3], y)];
    });
    tracker.addPlugin({
        beforeTrack: ({ e }) => {
            if (e == 'pv')
                restart();
        },
    });
    restart();
    return () => {
        stopped = true;
        clearTimeout(timer);
        unlisten();
    };
}

/** A tab that has not renewed its lease for this long has gone; its events may be claimed. */
const LEASE_MS = 15_000;
/**
 * An {@link EventStore} that survives reloads and crashes in localStorage, with a
 * cost per event that does not depend on the queue's length: the events added while a
 * task runs are written once, as one segment, in a later task (so the write never
 * lengthens a track call); acknowledgements only touch a counter, and a delivered
 * segment is removed whole. The waiting events themselves live in a
 * {@link MemoryEventStore}.
 *
 * Each page (tab) owns its own segments under a lease it renews; a page never reads
 * another's queue unless that lease has expired or was released at `pagehide`, and
 * then claims it after a random delay and a re-check, so two tabs do not send the
 * same events. When storage is missing or full, events simply stay in memory.
 *
 * @param onRestore - called after events of a gone page were taken over, to send them.
 */
function persistentStore(kv, prefix, onRestore) {
    const tab = Math.random().toString(36).slice(2, 10);
    const leaseKey = prefix + tab;
    // The waiting events live in memory; this adds their persistence around `add` and `ack`.
    const store = new MemoryEventStore();
    const keep = store.add.bind(store);
    let seq = 0;
    let lease;
    let open;
    // Keyed by event id, so that the ids the transport reports at unload need no other map.
    const where = new Map();
    // Writes a segment's progress: removed whole once every event is acknowledged.
    const save = (segment) => {
        if (segment._done == segment.n)
            kv.del(segment.k), kv.del(segment.k + 'd');
        else if (segment._done)
            kv.set(segment.k + 'd', String(segment._done));
    };
    // Writes the open segment: what was delivered meanwhile is already counted in `_done`.
    const persist = () => {
        const segment = open;
        if (!segment)
            return;
        open = undefined;
        if (segment._done == segment.n || !kv.set(segment.k, segment._add.map((event) => event.json).join('\n')))
            segment.k = '';
        else
            save(segment);
        segment._add = [];
    };
    const forget = (eids) => {
        const touched = new Set();
        for (const eid of eids) {
            const at = where.get(eid);
            if (!at)
                continue;
            where.delete(eid);
            const [segment, index] = at;
            segment._acked[index] = true;
            while (segment._acked[segment._done])
                segment._done++;
            touched.add(segment);
        }
        // The open segment is not written yet: `persist` writes what is left.
        for (const segment of touched)
            if (segment.k && segment != open)
                save(segment);
    };
    const renew = () => {
        // Someone else wrote our lease: we looked gone (a long-frozen tab). Drop what they took.
        if (lease && kv.get(leaseKey) != lease) {
            const kept = new Set(kv.keys(leaseKey + '.'));
            const all = store.take({ count: Infinity, bytes: Infinity, overhead: 0 });
            store.release(all.filter((event) => {
                const key = where.get(event.eid)?.[0].k;
                const lost = !!key && !kept.has(key);
                if (lost)
                    where.delete(event.eid);
                return !lost;
            }));
        }
        kv.set(leaseKey, (lease = String(Date.now() + LEASE_MS)));
    };
    const claim = () => {
        const now = Date.now();
        const gone = new Set();
        for (const key of kv.keys(prefix)) {
            const owner = key.slice(prefix.length).split('.')[0];
            // A lease is its expiry time; a claim mark is `<expiry>c<tab>`, so a stale mark expires too.
            // No lease at all is `parseInt(null)`, NaN: gone.
            if (owner != tab && !(parseInt(kv.get(prefix + owner)) > now))
                gone.add(owner);
        }
        if (!gone.size)
            return;
        const mark = `${now + 1000}c${tab}`;
        for (const owner of gone)
            kv.set(prefix + owner, mark);
        // Another tab may be claiming the same queue: the last mark written wins.
        setTimeout(() => {
            let restored = 0;
            for (const owner of gone) {
                if (kv.get(prefix + owner) != mark)
                    continue;
                // Oldest first. Segment names are numbers of one length (13-digit milliseconds until
                // the year 2286, then 3 digits), so text order is their numeric order.
                const segments = kv
                    .keys(prefix + owner + '.')
                    .filter((key) => !key.endsWith('d'))
                    .sort();
                for (const key of segments) {
                    // No progress key: `+null` is 0, every event is left to send.
                    for (const json of (kv.get(key) ?? '').split('\n').slice(+kv.get(key + 'd'))) {
                        let eid;
                        try {
                            eid = JSON.parse(json).eid;
                        }
                        catch {
                            continue; // a torn write: nothing to send
                        }
                        if (typeof eid != 'string')
                            continue;
                        store.add({ eid, json, bytes: utf8ByteLength(json) });
                        restored++;
                    }
                    // Our copy is written in a moment; theirs goes now.
                    kv.del(key);
                    kv.del(key + 'd');
                }
                kv.del(prefix + owner);
            }
            if (restored)
                queueMicrotask(onRestore);
        }, 50 + Math.random() * 200);
    };
    return Object.assign(store, {
        add(event) {
            keep(event);
            if (!kv.persistent)
                return;
            if (!open) {
                open = { k: `${leaseKey}.${Date.now()}${String(seq++ % 1000).padStart(3, '0')}`, n: 0, _done: 0, _acked: [], _add: [] };
                setTimeout(persist);
            }
            where.set(event.eid, [open, open.n++]);
            open._add.push(event);
        },
        ack: (events) => forget(events.map((event) => event.eid)),
        unload(sent, leaving) {
            persist();
            forget(sent);
            if (leaving && kv.persistent)
                kv.set(leaseKey, '0');
        },
        tick() {
            if (kv.persistent)
                renew(), claim();
        },
    });
}

/** A store that lives and dies with the page. */
function memoryStore() {
    const map = new Map();
    return {
        get: (key) => map.get(key) ?? null,
        set: (key, value) => (map.set(key, value), true),
        del: (key) => void map.delete(key),
        keys: (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix)),
        persistent: false,
    };
}
/** localStorage when a write-read-delete probe works, else {@link memoryStore}. */
function localStore() {
    let ls;
    try {
        ls = localStorage;
        const probe = '_it_probe';
        ls.setItem(probe, probe);
        if (ls.getItem(probe) != probe)
            throw 0;
        ls.removeItem(probe);
    }
    catch {
        return memoryStore();
    }
    // Each method, with the value it returns when storage throws.
    const guard = (fn, fallback) => (...args) => {
        try {
            return fn(...args);
        }
        catch {
            return fallback;
        }
    };
    return {
        get: guard((key) => ls.getItem(key), null),
        set: guard((key, value) => (ls.setItem(key, value), true), false),
        del: guard((key) => ls.removeItem(key), undefined),
        // Storage's own keys are its enumerable properties.
        keys: guard((prefix) => Object.keys(ls).filter((key) => key.startsWith(prefix)), []),
        persistent: true,
    };
}

// Tiny and stable: separates the queues of different collectors in one origin.
const hash = (text) => {
    let h = 5381;
    for (let i = 0; i < text.length; i++)
        h = (h * 33) ^ text.charCodeAt(i);
    return (h >>> 0).toString(36);
};
/**
 * The Emitter of the browser entries. In a browser it sends with
 * {@link sendBeaconTransport}, sends as soon as events are tracked (`bufferSize` 1,
 * batching what one task tracks, in a task of its own after the storage write),
 * keeps its queue in localStorage, and on `visibilitychange: hidden` and `pagehide`
 * hands what is queued to keepalive requests within the 64 KiB budget, leaving the
 * rest stored for the next load.
 * Outside a browser (server-side rendering) it is the plain fetch emitter.
 */
class Emitter extends Emitter$1 {
    constructor(endpoint, options = {}) {
        // Server-side rendering sends with the same fetch-based transport (keepalive is a no-op there).
        const transport = options.transport ?? sendBeaconTransport(options);
        const browser = inBrowser();
        let store;
        if (browser && !options.store && options.persist !== false) {
            // `this` is read only when a gone tab's events are restored: in a later task, after `super`.
            store = persistentStore(localStore(), `_it_q${hash(endpoint + options.method + options.postPath)}.`, () => void this.flush());
        }
        super(endpoint, { ...options, store: options.store ?? store, transport }, browser ? { defaults: { bufferSize: 1 }, defer: (task) => setTimeout(task) } : {});
        if (!browser)
            return;
        const exit = (leaving) => {
            const room = transport.room?.() ?? Infinity;
            if (room > 0)
                this.flushOnUnload({ maxBytes: room });
            // Only a page that goes away lets go of the events on the wire. A hidden page lives
            // on and settles its requests itself: its events stay stored until acknowledged,
            // so that a failed request's retry is not held in memory alone when a mobile
            // browser kills the hidden tab.
            store?.unload((leaving && transport.sent?.()) || new Set(), leaving);
        };
        listen(document, 'visibilitychange', () => document.visibilityState == 'hidden' && exit(false));
        listen(window, 'pagehide', () => exit(true));
        // Back from the back/forward cache: take the lease again and send what unload kept.
        listen(window, 'pageshow', (event) => {
            if (event.persisted)
                transport.thaw?.(), store?.tick(), void this.flush();
        });
        if (store) {
            store.tick();
            setInterval(store.tick, 5000);
        }
    }
}

const IDENTIFIERS = ['uid', 'duid', 'sid', 'vid', 'tnuid', 'nuid', 'ip'];
/**
 * First-party identity: a domain user id kept in localStorage and a session that
 * ends after `sessionTimeout` without events. The state is re-read from storage
 * only when the session looks expired (another tab may have kept it alive) and
 * written when it changes or every few seconds, so that a burst of events does
 * not write storage per event.
 */
function identity(options = {}) {
    const kv = options.stateStorage == 'none' ? memoryStore() : localStore();
    const prefix = options.storagePrefix ?? '_it_';
    const idKey = prefix + 'id';
    const optKey = prefix + 'optout';
    const timeout = (options.sessionTimeout ?? 1800) * 1000;
    const nav = navigator;
    const dnt = !!options.respectDoNotTrack && (nav.doNotTrack == '1' || window.doNotTrack == '1');
    let anon = !!options.anonymous;
    let optedOut = kv.get(optKey) == '1';
    let state;
    let written = 0;
    const read = () => {
        const parts = kv.get(idKey)?.split('.');
        if (parts?.length != 7)
            return undefined;
        return [parts[0], +parts[1], parts[2], +parts[3], parts[4], parts[5], +parts[6]];
    };
    const save = () => {
        if (state && !anon)
            kv.set(idKey, state.join('.'));
        written = Date.now();
    };
    return {
        allowed: () => !optedOut && !dnt,
        anonymous: () => anon,
        setAnonymous(on) {
            anon = on;
            if (on) {
                state = undefined;
                kv.del(idKey);
            }
        },
        optOut() {
            optedOut = true;
            kv.set(optKey, '1');
        },
        optIn() {
            optedOut = false;
            kv.del(optKey);
        },
        newSession() {
            if (state)
                state[3] = 0;
        },
        save,
        ids: () => state && { domainUserId: state[0], sessionId: state[2], sessionIndex: state[1] },
        beforeTrack({ payload, contexts }) {
            if (anon) {
                // Unset rather than deleted: the payload keeps its shape (see newPayload).
                for (const key of IDENTIFIERS)
                    payload[key] = UNSET;
                return;
            }
            if (optedOut || dnt)
                return;
            const now = Date.now();
            if (!state || now - state[3] > timeout) {
                const stored = read();
                if (stored && (!state || stored[3] > state[3]))
                    state = stored;
            }
            state ??= [uuidv4(), 0, '', 0, '', '', 0];
            // A new user has no session yet (empty id): it starts one here too.
            const fresh = !state[2] || now - state[3] > timeout;
            if (fresh)
                state = [state[0], state[1] + 1, uuidv4(), now, state[2], payload.eid ?? '', now];
            state[3] = now;
            if (fresh || now - written > 5000)
                save();
            // The event's own values win.
            payload.duid ||= state[0];
            payload.sid ||= state[2];
            payload.vid ||= `${state[1]}`;
            if (options.clientSession) {
                contexts.push({
                    schema: SCHEMAS.clientSession,
                    data: {
                        userId: state[0],
                        sessionId: state[2],
                        sessionIndex: state[1],
                        previousSessionId: state[4] || null,
                        storageMechanism: 'LOCAL_STORAGE',
                        firstEventId: state[5] || null,
                        firstEventTimestamp: new Date(state[6]).toISOString(),
                    },
                });
            }
        },
    };
}

/**
 * Fills the fields a browser knows: screen, viewport, document size,
 * time zone, language, charset, page URL, title and referrer. In a single-page
 * app the referrer of a page view is the previous page view's URL.
 */
function pageContext(options = {}) {
    let id;
    let lastUrl;
    let referrer;
    // Fields that do not change while the page lives. Read now, not at the first event:
    // the first `Intl.DateTimeFormat` costs milliseconds (ICU data) on a cold page.
    const doc = document;
    let tz;
    try {
        tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    }
    catch {
        // No time zone data: tz is left out.
    }
    // As strings once: every event copies them.
    const res = `${screen.width}x${screen.height}`;
    const cd = `${screen.colorDepth}`;
    const lang = navigator.language;
    const cs = doc.characterSet;
    // Viewport and document size change rarely: read once per task, so that a burst of
    // events does not force layout again and again.
    let sizes;
    const pageViewId = () => (id ??= uuidv4());
    // The document's referrer does not change while the page lives.
    const docReferrer = doc.referrer;
    // One entity per page view, shared by its events: they are serialised at once.
    let entity;
    return {
        pageViewId,
        beforeTrack({ e, payload, contexts }) {
            if (!sizes) {
                const root = doc.documentElement;
                sizes = [`${innerWidth}x${innerHeight}`, `${root.scrollWidth}x${root.scrollHeight}`];
                queueMicrotask(() => (sizes = undefined));
            }
            // One plain write per field, no loop over a table: every event runs this, mostly
            // before the JIT has optimised it. `||=` because the event's own values win; empty
            // texts (no title, no referrer) stay unset.
            const p = payload;
            p.res ||= res;
            p.cd ||= cd;
            p.tz ||= tz;
            p.lang ||= lang;
            p.cs ||= cs;
            p.vp ||= sizes[0];
            p.ds ||= sizes[1];
            p.url ||= location.href;
            if (e == 'pv') {
                id = uuidv4();
                p.page ||= doc.title || UNSET;
                p.refr ||= (lastUrl ?? docReferrer) || UNSET;
                lastUrl = p.url;
                referrer = p.refr;
            }
            else
                p.refr ||= (referrer ?? docReferrer) || UNSET;
            if (options.webPage !== false) {
                const pv = pageViewId();
                if (entity?.data.id !== pv)
                    entity = { schema: SCHEMAS.webPage, data: { id: pv } };
                contexts.push(entity);
            }
        },
    };
}

/** The Tracker of the browser entries: like the core one, with platform `web` by default. */
class Tracker extends Tracker$1 {
    constructor(emitters, options = {}) {
        super(emitters, { platform: 'web', ...options });
    }
}
/** A tracker made by {@link newTracker}, with the browser's controls. */
class BrowserTracker extends Tracker {
    constructor(namespace, endpoint, options = {}) {
        const browser = inBrowser();
        const id = browser ? identity(options) : undefined;
        const page = browser ? pageContext(options) : undefined;
        let transport = options.transport;
        if (!transport) {
            // Anonymous mode can be switched at any time, so its header is added per request.
            const inner = sendBeaconTransport(options);
            // Object.assign copies `sent` and `room`, which the emitter's unload path uses.
            transport = Object.assign((request) => {
                if (id?.anonymous())
                    request.headers['SP-Anonymous'] = '*';
                return inner(request);
            }, inner);
        }
        const emitter = new Emitter(endpoint, { ...options, transport });
        const who = options.subject ?? new Subject();
        // Opted out or Do Not Track: events are built (the caller gets an id) but never queued.
        const sink = {
            input: (event) => (!id || id.allowed()) && emitter.input(event),
            flush: (o) => emitter.flush(o),
            close: (o) => emitter.close(o),
        };
        super(sink, {
            encodeBase64: false,
            ...options,
            namespace,
            subject: who,
            plugins: [...(browser ? [page, id] : []), ...(options.plugins ?? [])],
        });
        this.emitter = emitter;
        this.identity = id;
        this.who = who;
        this.page = page?.pageViewId;
        if (id)
            listen(window, 'pagehide', id.save);
    }
    /** Sets the business user id (`uid`) of later events. */
    setUserId(userId) {
        this.who.setUserId(userId);
    }
    /** Page pings while the user is active; see {@link ActivityTrackingOptions}. Returns a stop function. */
    enableActivityTracking(options) {
        return enableActivityTracking(this, options);
    }
    /** The id of the current page view (the `web_page` entity's `id`). */
    getPageViewId() {
        return this.page?.();
    }
}
/**
 * Creates a tracker that sends to `endpoint` (a host or URL) with every browser
 * feature on: automatic page context and page view id, first-party identity and
 * sessions, a persistent queue and unload-safe delivery. Outside a browser it is a
 * plain tracker with platform `web`, so server-side rendering can import and call it.
 */
function newTracker(namespace, endpoint, options) {
    return new BrowserTracker(namespace, endpoint, options);
}

// A single-page app that imports isotrack from npm. The bundler picks the `browser`
// export condition (dist/browser.js); the app tracks a page view on every route change,
// and isotrack sends the previous route as the referrer.

const collector = new URLSearchParams(location.search).get('collector') ?? 'http://localhost:9090';
const tracker = newTracker('spa', collector, { appId: 'example-spa', clientSession: true });
tracker.enableActivityTracking({ minimumVisitLength: 5, heartbeatDelay: 10 });
tracker.trackPageView();

function show(path) {
  document.getElementById('view').textContent = path.endsWith('/about') ? 'About' : 'Home';
  document.title = `isotrack SPA: ${document.getElementById('view').textContent}`;
  tracker.trackPageView();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  show(location.pathname);
});
addEventListener('popstate', () => show(location.pathname));

// For tests and the console.
window.spaTracker = tracker;
