// Event arguments are checked and mapped by small tables rather than by code per
// field: the rules read like the protocol's and the schemas' tables, and they keep the
// browser bundle small (no JSON-schema engine ships in the script tag). Each rule
// states what the pipeline checks for that field (type, integer bounds, enum, format,
// maxLength), so that every event accepted at the call is one the pipeline accepts.
/** Kinds of argument. */
const STRING = 1;
const NUMBER = 2;
const STRINGS = 3;
const ARRAY = 4;
const OBJECT = 5;
/** A whole number the pipeline stores as a 32-bit integer (`|n| ≤ 2^31 - 1`): it refuses `1.5` and `2^31`. */
const INTEGER = 6;
/** A whole number from 0 to 2^31 - 1 (sizes, counts, indexes). */
const COUNT = 7;
/** Added to a kind: the argument must be present (a string or an array, non-empty). */
const REQUIRED = 8;
/** Added to a kind: `null` is a value to send, not an absence. */
const NULLABLE = 16;
/** Added to `STRING + REQUIRED`: the empty string is a value (the schema has no minLength). */
const EMPTY = 32;
/** The largest integer the pipeline stores in an integer column. */
const INT_MAX = 2 ** 31 - 1;
const KIND_NAMES = ['', 'a string', 'a finite number', 'an array of strings', 'an array', 'an object', 'a whole number (32-bit)', 'a whole number ≥ 0 (32-bit)'];
/** The schemas' `format: uuid`. */
const UUID$1 = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
/** A plain object: not null, not an array. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Whether a string meets a rule's maxLength, enum or format. */
const allowed = (text, extra) => typeof text == 'string' &&
    (extra === undefined || (typeof extra == 'number' ? text.length <= extra : extra instanceof RegExp ? extra.test(text) : extra.includes(text)));
function fits(kind, value, extra) {
    switch (kind) {
        case STRING: return allowed(value, extra);
        case NUMBER: return typeof value === 'number' && Number.isFinite(value);
        case STRINGS: return Array.isArray(value) && value.every((v) => allowed(v, extra));
        case ARRAY: return Array.isArray(value);
        case INTEGER: return Number.isInteger(value) && Math.abs(value) <= INT_MAX;
        case COUNT: return Number.isInteger(value) && value >= 0 && value <= INT_MAX;
        default: return isObject(value) && (!extra || Object.values(value).every((v) => extra.includes(typeof v)));
    }
}
/** What a rule asks for, in an error message. */
function wanted(kind, flags, extra) {
    if (kind == OBJECT && extra)
        return `an object of ${extra.join(' or ')} values`;
    if (kind == STRING && Array.isArray(extra))
        return `one of ${extra.join(', ')}`;
    if (extra instanceof RegExp)
        return 'a UUID';
    const name = KIND_NAMES[kind] + (typeof extra == 'number' ? ` of at most ${extra} characters` : '');
    return flags & REQUIRED && !(flags & EMPTY) && (kind == STRING || kind == STRINGS) ? name.replace(/^an? /, 'a non-empty ') : name;
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
    if (!isObject(args))
        fail(method, 'expects an object argument');
    return args;
}
/**
 * Reads `args` by `rules` into the fields to send, in rule order. Absent optional
 * arguments are left out; a missing required one or a value that breaks its rule
 * throws a TypeError naming the argument (prefixed, e.g. `items[1].`).
 *
 * Every argument is read once, and arrays and objects are copied as they are checked
 * (a hole reads as `undefined`): a getter, a Proxy or a later change by the caller
 * cannot make the event sent differ from the event checked.
 */
function readFields(args, rules, prefix = '') {
    const out = {};
    for (const [argument, flags, third] of rules) {
        const [sentAs, extra] = typeof third == 'string' ? [third] : [argument, third];
        let value = args[argument];
        const kind = flags & 7;
        if (value === undefined || (value === null && !(flags & NULLABLE))) {
            if (flags & REQUIRED)
                fail(prefix + argument, `is required (${wanted(kind, flags, extra)})`);
            if (flags & NULLABLE)
                out[sentAs] = null;
            continue;
        }
        if (Array.isArray(value))
            value = Array.from(value);
        else if (kind == OBJECT && isObject(value))
            value = Object.fromEntries(Object.keys(value).map((key) => [key, value[key]]));
        if (value !== null && !(fits(kind, value, extra) && !(flags & REQUIRED && !(flags & EMPTY) && value.length === 0))) {
            fail(prefix + argument, `must be ${wanted(kind, flags, extra)}, got ${describe(value)}`);
        }
        // The items of an array of objects are read by their own rules.
        if (kind == ARRAY && extra)
            value = value.map((item, i) => readFields(requireArgs(item, `${prefix}${argument}[${i}]`), extra, `${prefix}${argument}[${i}].`));
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
// Enrich reads timestamps as milliseconds within the years 0 to 9999.
const YEAR_0 = -621672192e5;
const YEAR_10000 = 253402300800000;
/** The JSON text of each checked self-describing JSON, made once at the call. */
const texts = new WeakMap();
/** An optional string option or argument, checked. */
function optionalString(value, argument) {
    if (value == null)
        return undefined; // the common case, on every track call
    return readFields({ [argument]: value }, [[argument, STRING]])[argument];
}
/** An optional timestamp (whole ms since the epoch, years 0 to 9999, as Enrich reads them), checked. */
function optionalTimestamp(value, argument) {
    if (value == null)
        return undefined; // the common case, on every track call
    if (!(Number.isInteger(value) && value >= YEAR_0 && value < YEAR_10000)) {
        fail(argument, `must be whole milliseconds since the epoch within the years 0 to 9999, got ${describe(value)}`);
    }
    return value;
}
/**
 * Checks a self-describing JSON (a valid Iglu URI, data that serialises to a JSON
 * object) and returns a copy of it. `schema` and `data` are read once and `data` is
 * serialised here, once: the text sent is the text checked, whatever getters, Proxies
 * or `toJSON` methods do afterwards. A value that cannot be serialised (a cycle, a
 * BigInt) throws a TypeError naming the argument now rather than in the background.
 */
function requireSelfDescribing(value, argument) {
    if (isObject(value)) {
        const { schema, data } = value;
        if (typeof schema == 'string' && IGLU_URI.test(schema) && isObject(data)) {
            const text = toJson(data, `${argument}.data`);
            if (text?.[0] == '{') {
                const copy = { schema, data };
                texts.set(copy, `{"schema":"${schema}","data":${text}}`);
                return copy;
            }
            fail(`${argument}.data`, 'must serialise to a JSON object (see its toJSON)');
        }
    }
    return badSelfDescribing(value, argument);
}
/**
 * True for a self-describing JSON with a valid Iglu URI. Checked inline, without
 * building the argument's name: this runs for the event and every entity of every track call.
 */
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
/** Checks the optional `context` array of a track call; returns checked copies. */
function optionalContexts(value) {
    if (value === undefined || value === null)
        return undefined;
    if (!Array.isArray(value))
        fail('context', `must be an array of self-describing JSON, got ${describe(value)}`);
    // A copy: holes read as undefined, and a Proxy's items are read once.
    return Array.from(value, (entity, i) => requireSelfDescribing(entity, `context[${i}]`));
}
/** JSON text of a self-describing JSON: the text made at the check, else serialised now. */
function selfDescribingJson(value, argument) {
    return texts.get(value) ?? toJson(value, argument);
}
/**
 * JSON text of `value`, or a TypeError naming the argument when it cannot be
 * serialised (a cycle, a BigInt): found now rather than in the background.
 */
function toJson(value, argument) {
    let text;
    try {
        text = JSON.stringify(value);
    }
    catch (error) {
        const message = error?.message;
        fail(argument, `cannot be serialised to JSON (${typeof message == 'string' ? message : 'it threw'})`);
    }
    // `undefined`, a function, or a `toJSON` that returns one of them, serialise to nothing.
    return text ?? fail(argument, 'serialises to nothing (see its toJSON)');
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
    ['id', STRING, UUID$1],
    ['type', STRING],
    ['previousName', STRING],
    ['previousId', STRING, UUID$1],
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
// The schemas' enums and maxLengths (change_form and submit_form 1-0-0).
const NODE_NAMES = ['INPUT', 'TEXTAREA', 'SELECT'];
const INPUT_TYPES = 'button checkbox color date datetime datetime-local email file hidden image month number password radio range reset search submit tel text time url week'.split(' ');
const ID_LENGTH = 4096;
const VALUE_LENGTH = 65535;
const FORM_CHANGE = [
    ['formId', STRING + REQUIRED, ID_LENGTH],
    ['elementId', STRING + REQUIRED, ID_LENGTH],
    ['nodeName', STRING + REQUIRED, NODE_NAMES],
    ['elementClasses', STRINGS, ID_LENGTH],
    // The schema requires `value`, and allows null for fields not to be collected.
    ['value', STRING + NULLABLE, VALUE_LENGTH],
    ['type', STRING, INPUT_TYPES],
];
const FORM_ELEMENT = [
    ['name', STRING + REQUIRED + EMPTY, VALUE_LENGTH],
    ['value', STRING + NULLABLE, VALUE_LENGTH],
    ['nodeName', STRING + REQUIRED, NODE_NAMES],
    ['type', STRING, INPUT_TYPES],
];
const FORM_SUBMIT = [
    ['formId', STRING + REQUIRED, ID_LENGTH],
    ['formClasses', STRINGS, ID_LENGTH],
    ['elements', ARRAY, FORM_ELEMENT],
];
const SITE_SEARCH = [
    ['terms', STRINGS + REQUIRED],
    ['filters', OBJECT, ['string', 'boolean']],
    ['totalResults', COUNT],
    ['pageResults', COUNT],
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

// The browser and neutral builds swap this in for src/core/base64.ts (see
// rollup.config.mjs): every browser, worker, Deno, Bun and edge runtime has btoa, so
// js-base64 would only add weight, and its bare import would stop the neutral build
// from loading unbundled (a module worker, Deno by URL). The tracker only encodes
// JSON.stringify output, which is always well-formed UTF-16, so encodeURIComponent
// cannot meet a lone surrogate here.
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

/** Reports what a plugin or generator threw or returned wrongly: it is skipped, and the event goes on. */
const warn$1 = (...details) => console.warn('isotrack: skipped', ...details);
/**
 * Calls `hook` of every plugin with `arg`, in order; one that throws is skipped with a
 * warning. For `contexts`, adds the entities it returns to `arg.contexts` (warning about
 * anything that is not one). Returns false when a `filter` returned false.
 * Runs on every event: one loop, plain try/catch, no closure per call.
 */
function runHook(plugins, hook, arg) {
    let keep = true;
    for (const plugin of plugins) {
        try {
            const result = plugin[hook]?.(arg);
            if (result === false)
                keep = false;
            if (hook == 'contexts' && result) {
                for (const entity of result)
                    isSelfDescribing(entity) ? arg.contexts.push(entity) : warn$1('not an entity', entity);
            }
        }
        catch (error) {
            warn$1(error);
        }
    }
    return keep;
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
 * Who and where an event comes from: user, device and session fields that a
 * tracker adds to every event. Setters are chainable; a per-event subject is
 * merged over the tracker's.
 *
 * Every setter checks its argument's type (and what the pipeline checks: a UUID
 * session id, whole-number sizes and index) and throws a TypeError naming it:
 * nothing is converted silently. `null` or `undefined` unsets a text field.
 */
class Subject {
    constructor() {
        /** The protocol fields this subject sets, e.g. `{ uid: 'u1', res: '1920x1080' }`. */
        this.fields = {};
    }
    /** Sets a text field, checked by `kind` and `extra` (see field-rules); `null`/`undefined` unset it. */
    set(key, argument, value, extra) {
        readFields({ [argument]: value }, [[argument, STRING, extra]]);
        if (value == null)
            delete this.fields[key];
        else
            this.fields[key] = value;
        return this;
    }
    /** Sets a whole number, or a `WxH` pair of them (0 to 2^31 - 1). */
    whole(key, values) {
        const names = Object.keys(values);
        readFields(values, names.map((name) => [name, COUNT + REQUIRED]));
        this.fields[key] = names.map((name) => values[name]).join('x');
        return this;
    }
    /** Platform code (`p`): web, mob, pc, srv, app, tv, cnsl, iot or headset; any other throws a TypeError. */
    setPlatform(platform) { this.fields.p = checkPlatform(platform, 'platform'); return this; }
    /** Business user id (`uid`). */
    setUserId(userId) { return this.set('uid', 'userId', userId); }
    /** Screen resolution (`res`, sent as `WxH`): whole numbers from 0 to 2^31 - 1. */
    setScreenResolution(width, height) { return this.whole('res', { width, height }); }
    /** Viewport size (`vp`, sent as `WxH`): whole numbers from 0 to 2^31 - 1. */
    setViewport(width, height) { return this.whole('vp', { width, height }); }
    /** Colour depth in bits (`cd`), a whole number. */
    setColorDepth(depth) { return this.whole('cd', { depth }); }
    /** Time zone name, e.g. `Europe/London` (`tz`). */
    setTimezone(timezone) { return this.set('tz', 'timezone', timezone); }
    /** Language, e.g. `en-GB` (`lang`). */
    setLang(lang) { return this.set('lang', 'lang', lang); }
    /** First-party domain user id (`duid`). */
    setDomainUserId(domainUserId) { return this.set('duid', 'domainUserId', domainUserId); }
    /** Session id, a UUID (`sid`); anything else throws a TypeError. */
    setDomainSessionId(sessionId) { return this.set('sid', 'sessionId', sessionId, UUID$1); }
    /** Session index, a whole number from 0 to 2^31 - 1 (`vid`); sessions count from 1. */
    setDomainSessionIndex(index) { return this.whole('vid', { index }); }
    /** IP address override (`ip`). */
    setIpAddress(ip) { return this.set('ip', 'ip', ip); }
    /** User-agent override (`ua`). */
    setUseragent(useragent) { return this.set('ua', 'useragent', useragent); }
    /** Network user id set by the tracker (`tnuid`), overriding the collector's cookie. */
    setNetworkUserId(networkUserId) { return this.set('tnuid', 'networkUserId', networkUserId); }
}

/**
 * Builds events and hands them to its emitters. Every `track*` method validates
 * its input at the call (a mistake throws a `TypeError` naming the argument and
 * queues nothing), serialises the event once, and returns its event id.
 */
let Tracker$1 = class Tracker {
    constructor(emitters, options = {}) {
        /** Events a plugin's filter dropped. */
        this.filtered = 0;
        this.emitters = Array.isArray(emitters) ? [...emitters] : [emitters];
        this.subject = options.subject;
        // Empty means unset: the payload leaves both out.
        this.namespace = optionalString(options.namespace, 'namespace') || undefined;
        this.appId = optionalString(options.appId, 'appId') || undefined;
        this.encodeBase64 = options.encodeBase64 ?? true;
        this.platform = options.platform == null ? 'srv' : checkPlatform(options.platform, 'platform');
        this.plugins = [];
        for (const plugin of options.plugins ?? [])
            this.addPlugin(plugin);
    }
    setSubject(subject) {
        this.subject = subject;
        return this;
    }
    addEmitter(emitter) {
        this.emitters.push(emitter);
        return this;
    }
    /** Adds a plugin and activates it (`activate`, then `activateBrowserPlugin`). */
    addPlugin(plugin) {
        this.plugins.push(plugin);
        runHook([plugin], 'activate', this);
        runHook([plugin], 'activateBrowserPlugin', this);
        return this;
    }
    /** The tracker's own counters: events that plugins filtered out. */
    stats() {
        return { filtered: this.filtered };
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
    /** `T`, the type of the event's data, may be an interface; it is inferred from the argument. */
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
        const trueTimestamp = optionalTimestamp(common.trueTimestamp, 'trueTimestamp');
        const subject = common.subject;
        if (subject !== undefined && !(subject instanceof Subject)) {
            throw new TypeError('isotrack: subject must be a Subject');
        }
        const serialized = events.map((built) => this.serialize(built, contexts, trueTimestamp, subject));
        for (const [event, tracked] of serialized) {
            if (!runHook(this.plugins, 'filter', tracked)) {
                this.filtered++;
                continue;
            }
            for (const sink of this.emitters)
                sink.input(event);
            runHook(this.plugins, 'afterTrack', tracked);
        }
        return serialized[0][0].eid;
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
        const contexts = this.plugins.length > 0 ? [...(userContexts ?? [])] : (userContexts ?? []);
        const tracked = { e: built.e, schema: built.ue?.schema ?? '', payload, contexts };
        runHook(this.plugins, 'contexts', tracked);
        runHook(this.plugins, 'beforeTrack', tracked);
        for (const [field, argument] of built.required ?? []) {
            if (!payload[field])
                throw new TypeError(`isotrack: ${argument} is required`);
        }
        // The wrappers are written as text around the one serialisation of the caller's data.
        const base64 = this.encodeBase64;
        if (built.ue)
            addJsonField(payload, base64, 'ue_px', 'ue_pr', wrap(SCHEMAS.unstructEvent, selfDescribingJson(built.ue, 'event')));
        if (contexts.length > 0)
            addJsonField(payload, base64, 'cx', 'co', wrap(SCHEMAS.contexts, `[${contexts.map((entity) => selfDescribingJson(entity, 'context')).join(',')}]`));
        const json = JSON.stringify(payload);
        return [{ eid, json, bytes: utf8ByteLength(json) }, tracked];
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
 * Why a request failed, in a few words for `onFailure` and the warning at exit: the
 * status (and where a redirect pointed), or the network error's code and message
 * (`ECONNREFUSED`, `ENOTFOUND`, a TLS error, a timeout); fetch puts the system error
 * in `cause`.
 */
function failureCause(status, response, error) {
    if (response) {
        const location = response.header('location');
        return `HTTP ${status}${status > 299 && status < 400 ? ` redirect${location ? ` to ${location}` : ''}, not followed` : ''}`;
    }
    const e = (error?.cause ?? error);
    return [e?.code, e?.message].filter((part) => typeof part == 'string').join(': ') || 'network error';
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
    const counts = { 'queue-full': 0, closed: 0, unsendable: 0 };
    let queued;
    return (reason, n) => {
        if (!onDrop)
            return;
        counts[reason] = (counts[reason] ?? 0) + n;
        if (queued)
            return;
        queued = true;
        queueMicrotask(() => {
            queued = false;
            // Insertion order: queue-full, closed, unsendable.
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
    /** Why the last request failed, for `onFailure` and the warning at exit. */
    let lastCause;
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
    const drop = (reason, n = 1) => {
        dropped += n;
        reportDrop(reason, n);
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
        let request;
        try {
            request = buildRequest(base, o, batch._events, unloading);
        }
        catch (error) {
            // It can never be sent (a GET of text that is not valid UTF-16: encodeURIComponent
            // throws): retrying would block every event behind it. Dropped once, reported.
            warn(`isotrack: ${batch._events.length} event(s) cannot be encoded, dropped`, error);
            out(batch, true);
            drop('unsendable', batch._events.length);
            return settled(batch, false);
        }
        inFlight.add(batch);
        batch._attempts++;
        const startedAt = Date.now();
        // The executor turns a transport (or platform) that throws into a rejection, like a network error.
        new Promise((resolve) => {
            transport ??= o.transport ?? platform.transport();
            resolve(transport(request));
        })
            .then((response) => settle(batch, startedAt, response), (error) => settle(batch, startedAt, undefined, error))
            .catch((error) => warn('isotrack: delivery error', error));
    };
    /** Applies the retry table to an answer (none = network error or timeout). */
    const settle = (batch, startedAt, response, error) => {
        const events = batch._events;
        const n = events.length;
        inFlight.delete(batch);
        const status = response ? +response.status : 0;
        const outcome = response ? classify(status, o.customRetryCodes) : 'retry';
        const report = (willRetry) => {
            const successCount = successSinceFailure;
            successSinceFailure = 0;
            const cause = (lastCause = failureCause(status, response, error));
            const onFailure = o.onFailure;
            if (onFailure)
                safely('onFailure', () => onFailure(successCount, toPayloads(events), { willRetry, status, cause, error }));
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
            settled(batch, ok);
        }
        schedulePump();
    };
    /** A batch is done with (delivered or given up): the flushes waiting for it learn how it went. */
    const settled = (batch, ok) => {
        for (const waiter of waiters) {
            if (waiter._batches.delete(batch) && !ok)
                waiter._failed += batch._events.length;
            check(waiter);
        }
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
        abandon() {
            const n = held();
            stopped = closed = true;
            clearTimeout(interval);
            clearTimeout(backoff);
            if (!n)
                return 0;
            dropped += n;
            warn(`isotrack: ${n} event(s) for ${base} lost at exit; last failure: ${lastCause ?? 'none'}`);
            // Synchronous: at process exit no microtask runs any more.
            const onDrop = o.onDrop;
            if (onDrop)
                safely('onDrop', () => onDrop(n, 'exit'));
            return n;
        },
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
    // A browser keeps its queue in localStorage, which the page shares (about 5 M characters
    // per origin): 2 MiB of events (some 3,000 of the usual 700 bytes, hours of a page's
    // events offline) leaves more than half of it to the host app (docs/robustness.md).
    maxQueueEvents: 3_000,
    maxQueueBytes: 2 * 1024 * 1024,
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
    /**
     * Gives up every event still held and stops: they are counted as dropped, reported
     * synchronously through `onDrop(count, 'exit')` and one console warning that names the
     * collector and the last failure's cause. Returns the count. The Node entry calls it when
     * the process exits with events still queued; it is not for ordinary use.
     */
    abandon() {
        return this.engine.abandon();
    }
};
/**
 * A fetch response as a transport answer. A browser hides a redirect not followed
 * (`opaqueredirect`, status 0, which would read as "handed off"): it is reported as 300,
 * a redirect whose code is unknown.
 */
const answer = (response) => ({
    status: response.type == 'opaqueredirect' ? 300 : response.status,
    header: (name) => response.headers.get(name) ?? undefined,
});

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
        // `redirect: 'manual'`: a batch never follows a redirect (see fetchTransport).
        const init = { method, headers, body, keepalive, credentials, redirect: 'manual' };
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
            const settled = async () => {
                const response = await sending;
                down = response.status >= 500;
                await drain(response);
                return answer(response);
            };
            return await Promise.race([settled(), thawed]);
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
 * An event read back from storage, or undefined when the line is not one this store
 * wrote: the tracker's events are JSON objects of strings with an `eid`. Anything else
 * (a torn write, another script's data, a hand-edited value) would make a whole batch
 * unreadable to the collector, so it is dropped here instead of poisoning later events.
 */
function restore(line) {
    let fields;
    try {
        fields = JSON.parse(line);
    }
    catch {
        return;
    }
    if (!fields || typeof fields != 'object' || Array.isArray(fields))
        return;
    for (const key in fields)
        if (typeof fields[key] != 'string')
            return;
    const eid = fields.eid;
    if (!eid)
        return;
    const json = JSON.stringify(fields);
    return { eid, json, bytes: utf8ByteLength(json) };
}
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
            let restored = 0, corrupt = 0;
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
                    const lines = (kv.get(key) ?? '').split('\n');
                    // The progress counter: absent is 0. A corrupt one (not a whole number within the
                    // segment) is read as 0 too: resending delivered events beats losing waiting ones.
                    const done = kv.get(key + 'd') ?? '0';
                    const from = /^\d+$/.test(done) && +done <= lines.length ? +done : (corrupt++, 0);
                    for (const line of lines.slice(from)) {
                        const event = restore(line);
                        if (event)
                            store.add(event), restored++;
                        else
                            corrupt++;
                    }
                    // Our copy is written in a moment; theirs goes now.
                    kv.del(key);
                    kv.del(key + 'd');
                }
                kv.del(prefix + owner);
            }
            if (corrupt)
                warn(`isotrack: ${corrupt} corrupt item(s) of the stored event queue discarded`);
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

/** `href` with `_sp=<value>` first in its query (replacing an earlier `_sp`), before any fragment. */
function decorateHref(href, value) {
    const [base = '', ...fragment] = href.split('#');
    const [path, ...query] = base.split('?');
    const fields = query.join('?').split('&').filter((field) => field && !field.startsWith('_sp='));
    return [`${path}?${['_sp=' + value, ...fields].join('&')}`, ...fragment].join('#');
}
/**
 * Snowplow's cross-domain linking: when a link that `accept` approves is followed
 * (mousedown or click, the keyboard's Enter included), its `href` gets
 * `_sp=<domain user id>.<ms timestamp>`, which Enrich reads as the user on the other
 * domain. One listener on the document (capture, before the navigation), so that links
 * added after this call are decorated too. No id (anonymous tracking), no decoration.
 * Returns the remover.
 */
function linkCrossDomain(accept, domainUserId) {
    return listen(document, 'mousedown click', (event) => {
        const anchor = event.target?.closest?.('a[href],area[href]');
        const id = anchor && domainUserId();
        try {
            if (id && accept(anchor))
                anchor.href = decorateHref(anchor.href, `${id}.${Date.now()}`);
        }
        catch (error) {
            // The site's filter threw: the link is followed undecorated.
            console.error(error);
        }
    });
}

/** The value of cookie `name` ('' when absent or unreadable, as a sandboxed document throws). */
function getCookie(name) {
    try {
        for (const pair of document.cookie.split('; ')) {
            if (pair.startsWith(name + '='))
                return decodeURIComponent(pair.slice(name.length + 1));
        }
    }
    catch {
        // Cookies blocked or a malformed escape: as absent.
    }
    return '';
}
/**
 * Writes cookie `name` for `seconds`, rounded (0 or less deletes it). Returns whether it can
 * be read back: a browser refuses a cookie silently (blocked cookies, a `Secure` one on
 * http, a public-suffix domain), and the identity then lives in memory.
 */
function setCookie(name, value, seconds, a) {
    try {
        document.cookie =
            // Max-Age, not Expires (Snowplow's): an Expires date is cut to the second, so a
            // short session cookie could expire at once.
            `${name}=${encodeURIComponent(value)}; Max-Age=${Math.round(seconds)}; Path=${a.path}` +
                `${a.domain ? '; Domain=' + a.domain : ''}; SameSite=${a.sameSite}${a.secure ? '; Secure' : ''}`;
    }
    catch {
        return false;
    }
    return getCookie(name) == value;
}
/**
 * The widest domain this page may set cookies on, found as Snowplow finds it: from the
 * two last labels of the host name upwards, the first where a test cookie sticks
 * (`www.shop.test` gives `shop.test`; `a.co.uk` gives `a.co.uk`, since the browser refuses
 * `co.uk`). The host name itself when cookies cannot be written.
 */
function findRootDomain(sameSite, secure) {
    const host = location.hostname;
    // An IP address (v4, or v6 in brackets) has no parent domain to share cookies with:
    // probing its parts only makes the browser reject cookies for "0.1" (Firefox logs
    // each rejection in the page's console).
    if (/^[\d.]+$|:/.test(host))
        return host;
    const labels = host.split('.');
    const name = '_sp_root_domain_test_' + Date.now();
    for (let i = labels.length - 2; i >= 0; i--) {
        const domain = labels.slice(i).join('.');
        const attributes = { path: '/', domain, sameSite, secure };
        if (setCookie(name, name, 60, attributes)) {
            setCookie(name, '', -1, attributes);
            return domain;
        }
    }
    return host;
}

// The value of Snowplow's `_sp_id.<hash>` cookie, read and written in the same format as
// the Snowplow browser tracker, so that a site can switch trackers (or run both) without
// a returning user getting a new id: ten dot-separated fields, times in seconds except
// the first event's time, which is in milliseconds.
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const DIGITS = /^\d{1,15}$/;
// What Snowplow trackers write as the user id (a UUID, or 16 hex digits before v3), or
// nothing (anonymous tracking): the client_session entity accepts only these.
const USER_ID = /^(?:[\da-f]{8}-(?:[\da-f]{4}-){3}[\da-f]{12}|[\da-f]{16})?$/;
const MAX_INDEX = 2 ** 31 - 1;
/** A whole number in `text` (at most 15 digits, so exact), or undefined when it is not one. */
const whole = (text) => (text && DIGITS.test(text) ? +text : undefined);
/** '' or a whole number; undefined when the text is neither. */
const wholeOrEmpty = (text = '') => (text ? whole(text) : '');
/** '' or a UUID; undefined when the text is neither. */
const uuidOrEmpty = (text = '') => (!text || UUID.test(text) ? text : undefined);
/**
 * Parses an `_sp_id` value. Older Snowplow trackers wrote 6 to 9 fields (the later ones
 * are then empty); an empty session id is allowed (a new one is made). Returns undefined
 * when any field is not what Snowplow writes there, so that a corrupted value is never
 * sent on (a `sid` that is not a UUID makes every event bad).
 */
function parseIdCookie(value) {
    if (!value)
        return undefined;
    let text = value;
    try {
        text = decodeURIComponent(value);
    }
    catch {
        return undefined;
    }
    const f = text.split('.');
    if (f.length < 6 || f.length > 10)
        return undefined;
    const state = [
        USER_ID.test(f[0]) ? f[0] : undefined,
        whole(f[1]),
        whole(f[2]),
        whole(f[3]),
        wholeOrEmpty(f[4]),
        uuidOrEmpty(f[5]),
        uuidOrEmpty(f[6]),
        uuidOrEmpty(f[7]),
        wholeOrEmpty(f[8]),
        f[9] ? whole(f[9]) : 0,
    ];
    if (state.includes(undefined) || state[2] > MAX_INDEX || state[9] > MAX_INDEX)
        return undefined;
    return state;
}
/** The `_sp_id` value of a state (the cookie value needs no further encoding). */
const serializeIdCookie = (state) => state.join('.');
/**
 * Snowplow's session rules, applied to `s` in place at an event (`eid`, `dtm` in ms) or
 * without one: a new session (`fresh`) keeps the user, remembers the previous session's
 * id and last event time, counts the session index up, takes a new id and forgets the
 * first event; then the last event time is now, and an event is counted (the first of a
 * session is remembered as its first event). Returns `s`.
 */
function advanceSession(s, fresh, newId, eid, dtm) {
    if (fresh) {
        if (s[5]) {
            s[6] = s[5];
            s[4] = s[3];
        }
        s[2]++;
        s[5] = newId();
        s[7] = s[8] = '';
        s[9] = 0;
    }
    s[3] = Math.round(Date.now() / 1000);
    if (eid) {
        if (!s[9]) {
            s[7] = eid;
            s[8] = Number(dtm);
        }
        s[9]++;
    }
    return s;
}

const rotate = (x, n) => (x << n) | (x >>> (32 - n));
/**
 * SHA-1 of the UTF-8 bytes of `text`, as 40 hex digits. Snowplow names its identity
 * cookies with the first 4 digits of the SHA-1 of cookie domain + path, and the name
 * must be known synchronously at the first event (`crypto.subtle` is asynchronous and
 * absent outside secure contexts), so the few lines of the algorithm live here.
 * Not for security: only for names.
 */
function sha1Hex(text) {
    const bytes = [...new TextEncoder().encode(text)];
    const bits = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 != 56)
        bytes.push(0);
    // Length as a 64-bit big-endian number; inputs here are far below 2^32 bits.
    for (let shift = 56; shift >= 0; shift -= 8)
        bytes.push(shift > 24 ? 0 : (bits >>> shift) & 255);
    let h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    const w = [];
    for (let block = 0; block < bytes.length; block += 64) {
        for (let i = 0; i < 80; i++) {
            const at = block + 4 * i;
            w[i] = i < 16 ? (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3] : rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }
        let [a, b, c, d, e] = h;
        for (let i = 0; i < 80; i++) {
            const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
            const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
            const t = (rotate(a, 5) + f + e + k + w[i]) | 0;
            e = d;
            d = c;
            c = rotate(b, 30);
            b = a;
            a = t;
        }
        const round = [a, b, c, d, e];
        h = h.map((x, j) => (x + round[j]) | 0);
    }
    return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}
/** The 4-hex-digit suffix of Snowplow's cookie names for a cookie domain and path (`shop.test` + `/` gives `c169`). */
const cookieNameHash = (domain, path) => sha1Hex(domain + path).slice(0, 4);

const nothing = () => { };
/**
 * `identity()` outside a browser (server-side rendering, a worker, Node): there are no
 * cookies or storage to read, so it adds nothing to events and stores nothing, and its
 * controls do nothing; every event is allowed. Shared code can call it everywhere.
 */
function identityOnServer() {
    return {
        allowed: () => true,
        anonymous: () => false,
        serverAnonymous: () => false,
        enableAnonymousTracking: nothing,
        disableAnonymousTracking: nothing,
        setAnonymous: nothing,
        clearUserData: nothing,
        optOut: nothing,
        optIn: nothing,
        newSession: nothing,
        save: nothing,
        ids: () => undefined,
        // Snowplow's shape with nothing in it: cookies disabled, no user, no session.
        info: () => ['1', '', 0, 0, 0, '', '', '', '', '', 0],
        cookieName: () => '',
        beforeTrack: nothing,
    };
}

/**
 * The identity state's storage for the current strategy (read at each call: anonymous
 * tracking can switch it). In localStorage, a value's expiry is kept beside it under
 * `<name>.expires` (milliseconds), as Snowplow keeps it, and checked on read.
 */
function stateStore(strategy, cookie, ls) {
    const expires = (name) => name + '.expires';
    const del = (name) => {
        ls.del(name);
        ls.del(expires(name));
    };
    return {
        get(name) {
            const where = strategy();
            if (where == 'none')
                return '';
            if (where != 'localStorage')
                return getCookie(name);
            const until = ls.get(expires(name));
            if (until == null || +until > Date.now())
                return ls.get(name) ?? '';
            del(name);
            return '';
        },
        set(name, value, seconds) {
            const where = strategy();
            if (where == 'localStorage')
                return ls.set(expires(name), `${Date.now() + seconds * 1000}`) && ls.set(name, value);
            return where != 'none' && setCookie(name, value, seconds, cookie);
        },
        del(name) {
            del(name);
            setCookie(name, '', -1, cookie);
        },
    };
}

const IDENTIFIERS = ['uid', 'duid', 'tnuid', 'nuid', 'ip'];
/**
 * First-party identity in the Snowplow browser tracker's format: the `_sp_id.<hash>` and
 * `_sp_ses.<hash>` cookies (or localStorage keys), read at every event as Snowplow reads
 * them, so that both trackers, other tabs and other subdomains share one user and
 * session. Writes are deferred a few milliseconds (as Snowplow's are), so a burst of
 * events writes the cookies once; a new session is written at once.
 */
function identity(options = {}) {
    if (!inBrowser())
        return identityOnServer();
    let strategy = options.stateStorageStrategy ?? options.stateStorage ?? 'cookieAndLocalStorage';
    const timeout = options.sessionCookieTimeout ?? options.sessionTimeout ?? 1800;
    const sameSite = options.cookieSameSite ?? 'Lax';
    const secure = options.cookieSecure ?? location.protocol == 'https:';
    const path = options.cookiePath ?? '/';
    let domain = options.cookieDomain;
    if (options.discoverRootDomain ?? !domain)
        domain = findRootDomain(sameSite, secure);
    const hash = cookieNameHash(domain || location.hostname, path);
    const prefix = options.cookieName ?? '_sp_';
    const idName = prefix + 'id.' + hash;
    const sesName = prefix + 'ses.' + hash;
    const legacy = options.storagePrefix ?? '_it_';
    const optKey = legacy + 'optout';
    const ls = localStore();
    const store = stateStore(() => strategy, { path, domain, sameSite, secure }, ls);
    const nav = navigator;
    const dnt = !!options.respectDoNotTrack && (nav.doNotTrack == '1' || window.doNotTrack == '1');
    let optedOut = ls.get(optKey) == '1';
    let anon = false;
    let anonSession = false;
    let anonServer = false;
    const setAnon = (config) => {
        anon = !!config;
        anonSession = typeof config == 'object' && !!config.withSessionTracking;
        anonServer = typeof config == 'object' && !!config.withServerAnonymisation;
    };
    setAnon(options.anonymousTracking ?? (options.anonymous && { withServerAnonymisation: true }));
    const nowS = () => Math.round(Date.now() / 1000);
    const blank = () => ['', nowS(), 0, nowS(), '', '', '', '', '', 0];
    // The state as last read or changed here; the only copy when nothing can be stored.
    let mem = blank();
    let persisted = false;
    let lastEvent = 0;
    let timer;
    const warned = {};
    const allowed = () => !optedOut && !dnt;
    const tracksSession = () => !anon || anonSession;
    const session = (s) => ({
        userId: anon ? '00000000-0000-0000-0000-000000000000' : s[0],
        sessionId: s[5],
        sessionIndex: s[2],
        eventIndex: s[9],
        previousSessionId: (!anon && s[6]) || null,
        storageMechanism: strategy == 'localStorage' ? 'LOCAL_STORAGE' : 'COOKIE_1',
        firstEventId: s[7] || null,
        firstEventTimestamp: s[8] ? new Date(s[8]).toISOString() : null,
    });
    // Invalid state is dropped once, said once, and replaced by the next write.
    const discard = (name, value, del) => {
        if (!warned[name])
            console.warn(`isotrack: discarded invalid identity state ${name}=${value}`);
        warned[name] = 1;
        del(name);
    };
    const read = () => {
        const value = store.get(idName);
        const state = parseIdCookie(value);
        if (value && !state)
            discard(idName, value, store.del);
        return state;
    };
    const write = () => {
        clearTimeout(timer);
        timer = undefined;
        if (strategy == 'none' || !tracksSession() || !allowed())
            return (persisted = false);
        const copy = [...mem];
        if (anon)
            copy[0] = copy[6] = '';
        // The session cookie lives `timeout` from the last event, not from this (deferred) write.
        const left = timeout - (Date.now() - lastEvent) / 1000;
        return (persisted = store.set(idName, serializeIdCookie(copy), options.cookieLifetime ?? 63072000) && store.set(sesName, '*', left));
    };
    // isotrack before 0.2 kept `<prefix>id` in localStorage: 7 fields, times in ms.
    const migrate = () => {
        const key = legacy + 'id';
        const value = ls.get(key);
        if (!value)
            return;
        ls.del(key);
        const [duid, index, sid, last, previous, firstId, firstMs, more] = value.split('.');
        const state = more == null ? parseIdCookie([duid, nowS(), index, Math.round(Number(last) / 1000), '', sid, previous, firstId, firstMs, 1].join('.')) : undefined;
        if (!state?.[0] || !state[5])
            return discard(key, value, ls.del);
        mem = state;
        // The session goes on if it was active: the session cookie gets the time it had left.
        lastEvent = Number(last);
        write();
    };
    /** Session rules of Snowplow's tracker, at an event (`eid`, `dtm`) or without one. */
    const step = (eid, dtm, forceNew) => {
        const now = Date.now();
        // A write of ours is pending: memory is the freshest state.
        const stored = timer || strategy == 'none' ? undefined : read();
        const s = stored ?? mem;
        if (!s[0] && !anon)
            s[0] = uuidv4();
        const fresh = forceNew || !s[5] || (timer ? false : stored ? !store.get(sesName) : now - lastEvent > timeout * 1000);
        advanceSession(s, fresh, uuidv4, eid, dtm);
        mem = s;
        lastEvent = now;
        if (fresh) {
            if (write())
                options.onSessionUpdateCallback?.(session(s));
        }
        else
            timer ??= setTimeout(write, 10);
        return s;
    };
    // Read-only: a getter neither extends nor starts a session.
    const current = () => (timer || strategy == 'none' ? undefined : read()) ?? mem;
    const start = () => {
        if (!allowed() || !tracksSession())
            return;
        if (strategy != 'none' && !read())
            migrate();
        step();
    };
    const clearUserData = (o = {}) => {
        clearTimeout(timer);
        timer = undefined;
        for (const name of [idName, sesName])
            store.del(name);
        if (!o.preserveSession)
            mem[5] = '', (mem[2] = 0);
        if (!o.preserveUser)
            mem[0] = '';
    };
    const enable = (o) => {
        if (o?.stateStorageStrategy)
            strategy = o.stateStorageStrategy;
        setAnon(o?.options ?? true);
    };
    start();
    return {
        allowed,
        anonymous: () => anon,
        serverAnonymous: () => anonServer,
        enableAnonymousTracking: enable,
        disableAnonymousTracking(o) {
            enable({ ...o, options: false });
            start();
        },
        setAnonymous(on) {
            if (on) {
                enable({ options: { withServerAnonymisation: true } });
                clearUserData({ preserveUser: true, preserveSession: true });
            }
            else
                this.disableAnonymousTracking();
        },
        clearUserData,
        optOut() {
            optedOut = true;
            ls.set(optKey, '1');
        },
        optIn() {
            optedOut = false;
            ls.del(optKey);
            start();
        },
        newSession() {
            if (allowed() && tracksSession())
                step(undefined, undefined, true);
        },
        save: () => void (timer && write()),
        ids() {
            if (!allowed() || !tracksSession())
                return undefined;
            const s = current();
            return { domainUserId: anon ? '' : s[0], sessionId: s[5], sessionIndex: s[2] };
        },
        info: () => [persisted ? '0' : '1', ...current()],
        cookieName: (base) => (base == 'id' ? idName : sesName),
        beforeTrack({ payload, contexts }) {
            if (!allowed())
                return;
            // Unset rather than deleted: the payload keeps its shape (see newPayload).
            if (anon)
                for (const key of IDENTIFIERS)
                    payload[key] = UNSET;
            if (!tracksSession()) {
                payload.sid = payload.vid = UNSET;
                return;
            }
            const s = step(payload.eid, payload.dtm);
            // The event's own values win.
            if (!anon)
                payload.duid ||= s[0];
            payload.sid ||= s[5];
            payload.vid ||= `${s[2]}`;
            if (options.clientSession)
                contexts.push({ schema: SCHEMAS.clientSession, data: session(s) });
        },
    };
}

// Shared by the trackers of the page, as Snowplow's trackers share theirs.
const shared = {};
/**
 * Fills the fields a browser knows: screen, viewport, document size,
 * time zone, language, charset, page URL, title and referrer. In a single-page
 * app the referrer of a page view is the previous page view's URL.
 */
function pageContext(options = {}) {
    const pageViewId = () => (shared.pageViewId ??= uuidv4());
    // Server-side rendering: no page to describe, so the plugin adds nothing.
    if (!inBrowser())
        return { pageViewId, preservePageViewId() { }, setCustomUrl() { }, setReferrerUrl() { }, beforeTrack() { } };
    let sent;
    let preserve = false;
    let customUrl;
    let customReferrer;
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
    // The document's referrer does not change while the page lives.
    const docReferrer = doc.referrer;
    // One entity per page view, shared by its events: they are serialised at once.
    let entity;
    return {
        pageViewId,
        preservePageViewId: () => void (preserve = true),
        setCustomUrl: (url) => void (customUrl = new URL(url, location.href).href),
        setReferrerUrl: (url) => void (customReferrer = url),
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
            p.url ||= customUrl ?? location.href;
            if (e == 'pv') {
                // A new id only when this tracker's last page view had the current one (another
                // tracker may have renewed it already), unless it is preserved.
                if (sent == pageViewId() && !preserve)
                    shared.pageViewId = uuidv4();
                sent = pageViewId();
                p.page ||= doc.title || UNSET;
                p.refr ||= (customReferrer ?? lastUrl ?? docReferrer) || UNSET;
                lastUrl = p.url;
                referrer = p.refr;
            }
            else
                p.refr ||= (customReferrer ?? referrer ?? docReferrer) || UNSET;
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
                if (id?.serverAnonymous())
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
        this.page = page;
        if (id)
            listen(window, 'pagehide', id.save);
        if (options.crossDomainLinker)
            this.crossDomainLinker(options.crossDomainLinker);
    }
    /** Page pings while the user is active; see {@link ActivityTrackingOptions}. Returns a stop function. */
    enableActivityTracking(options) {
        return enableActivityTracking(this, options);
    }
    // Identity, session and page: Snowplow's names and behaviour (docs/identity.md).
    /** Sets the business user id (`uid`) of later events (`''` or null: none). */
    setUserId(userId) {
        this.who.setUserId(userId ?? '');
    }
    /** Sets the business user id from the first-party cookie `name` (none when absent). */
    setUserIdFromCookie(name) {
        if (this.identity)
            this.setUserId(getCookie(name));
    }
    /** Sets the business user id from the query parameter `name` of the page's URL (none when absent). */
    setUserIdFromLocation(name) {
        if (this.identity)
            this.setUserId(new URL(location.href).searchParams.get(name));
    }
    /** The id of the current page view (the `web_page` entity's `id`). */
    getPageViewId() {
        return this.page?.pageViewId();
    }
    /** Keeps the current page view id for the later page views of this page. */
    preservePageViewId() {
        this.page?.preservePageViewId();
    }
    /** Sends `url` (resolved against the location) as the page URL of later events. */
    setCustomUrl(url) {
        this.page?.setCustomUrl(url);
    }
    /** Sends `url` as the referrer of later events. */
    setReferrerUrl(url) {
        this.page?.setReferrerUrl(url);
    }
    /** The domain user id (`duid`); undefined outside a browser, in anonymous tracking or when not allowed. */
    getDomainUserId() {
        return this.identity?.ids()?.domainUserId;
    }
    /** The current session id (`sid`), as {@link BrowserTracker.getDomainUserId}. */
    getDomainSessionId() {
        return this.identity?.ids()?.sessionId;
    }
    /** Snowplow's parsed `_sp_id` cookie: [cookies disabled '0'|'1', domain user id, created (s), session index, last event (s), previous session's last event (s), session id, previous session id, first event id, first event time (ms), event index]. */
    getDomainUserInfo() {
        return this.identity?.info();
    }
    /** Ends the current session: the next event belongs to a new one. */
    newSession() {
        this.identity?.newSession();
    }
    /** Anonymous tracking from now on (`options`: `true` or {@link AnonymousTrackingOptions}). */
    enableAnonymousTracking(config) {
        this.identity?.enableAnonymousTracking(config);
    }
    /** Back to tracking the user (a stored id is reused, else a new one is made). */
    disableAnonymousTracking(config) {
        this.identity?.disableAnonymousTracking(config);
    }
    /** Deletes the stored identity (cookies and localStorage) and, unless preserved, the ids and user id in memory. */
    clearUserData(config) {
        this.identity?.clearUserData(config);
        if (!config?.preserveUser)
            this.setUserId('');
    }
    /** Decorates followed links that `accept` approves with `_sp=<duid>.<ms>` (links added later too). Returns a stop function. */
    crossDomainLinker(accept) {
        if (typeof accept != 'function')
            throw new TypeError('isotrack: crossDomainLinker must be a function');
        const id = this.identity;
        return id ? linkCrossDomain(accept, () => id.ids()?.domainUserId) : () => { };
    }
    /** The emitter's counters and the tracker's own (`filtered`: events a plugin's filter dropped). */
    stats() {
        return { ...this.emitter.stats(), ...super.stats() };
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
