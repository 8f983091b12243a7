/**
 * Turning wire text into values: base64 (`ue_px`, `cx`), JSON and query strings.
 * Every function returns a result instead of throwing, because a malformed
 * request is an expected input here, not a bug.
 */

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

// Both alphabets, because Enrich's decoder (commons-codec) accepts both;
// at most two `=` at the very end, because padding is optional.
const BASE64_TEXT = /^[A-Za-z0-9+/_-]*={0,2}$/;

// `fatal` makes invalid UTF-8 an error instead of silently becoming U+FFFD,
// so a tracker that base64s UTF-16 or Latin-1 gets told.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes base64 in the URL-safe or the standard alphabet, padded or not,
 * into UTF-8 text. Node's own decoder skips characters it does not know,
 * which would hide broken input, so the text is checked first.
 */
export function decodeBase64Text(input: string): Decoded<string> {
  const text = input.trim();
  if (!BASE64_TEXT.test(text)) {
    const bad = [...text].find((ch) => !/[A-Za-z0-9+/_=-]/.test(ch));
    // In a query string an unencoded "+" arrives as a space: worth saying so.
    const hint = bad === ' ' ? '; a "+" sent unencoded in a query string reads as a space' : '';
    return {
      ok: false,
      error: bad === undefined ? 'misplaced "=" padding' : `invalid character ${JSON.stringify(bad)}${hint}`,
    };
  }
  const unpadded = text.replace(/=+$/, '');
  // A single leftover character carries only 6 bits: no byte can come out of it.
  if (unpadded.length % 4 === 1) {
    return { ok: false, error: `length ${unpadded.length} is not a valid base64 length` };
  }
  if (text.length !== unpadded.length && text.length % 4 !== 0) {
    return { ok: false, error: 'wrong amount of "=" padding' };
  }
  const bytes = Buffer.from(unpadded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  try {
    return { ok: true, value: utf8.decode(bytes) };
  } catch {
    return { ok: false, error: 'decoded bytes are not valid UTF-8' };
  }
}

/**
 * Deepest nesting of arrays and objects accepted in any JSON the collector reads.
 * Deeper values would later overflow the stack of recursive code (JSON.stringify
 * of /micro/good, the validator), so they are refused before they are parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** `JSON.parse` with the parser's message kept for the error list, refusing deep nesting. */
export function parseJson(text: string): Decoded<unknown> {
  if (nestingExceeds(text, MAX_JSON_DEPTH)) {
    return { ok: false, error: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One pass over JSON text, counting brackets outside strings; malformed text is left to the parser. */
function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) {
      inString = true;
    } else if (code === 91 || code === 123 /* [ { */) {
      if (++depth > max) return true;
    } else if (code === 93 || code === 125 /* ] } */) {
      depth--;
    }
  }
  return false;
}

/**
 * The first `max` characters of `text` as a string of their own. V8's `slice` returns a
 * view that keeps the whole original alive: storing the cut of a 1 MB body kept the
 * megabyte, and a flood of such bodies grew memory without bound.
 */
export function cutText(text: string, max: number, mark = '…'): string {
  if (text.length <= max) return text;
  return Buffer.from(text.slice(0, max) + mark, 'utf8').toString('utf8');
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a field that holds a self-describing JSON either as text (`ue_pr`, `co`)
 * or as base64 of that text (`ue_px`, `cx`). `field` names the parameter in errors.
 */
export function decodeSelfDescribingField(field: string, value: string, base64: boolean): Decoded<unknown> {
  let text = value;
  if (base64) {
    const decoded = decodeBase64Text(value);
    if (!decoded.ok) return { ok: false, error: `${field}: not valid base64 (${decoded.error})` };
    text = decoded.value;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, error: `${field}: not valid JSON (${parsed.error})` };
  return parsed;
}

/**
 * Parses a query string into parameters. Like the Snowplow collector, `+` means a
 * space and a repeated name keeps its first value. A stray `%` that cannot be
 * decoded is reported instead of throwing.
 */
export function parseQuery(query: string): Decoded<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return { ok: false, error: `query string: cannot percent-decode "${pair.slice(0, 80)}"` };
    }
    if (!Object.hasOwn(params, name)) params[name] = value;
  }
  return { ok: true, value: params };
}
