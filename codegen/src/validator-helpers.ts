/**
 * What the generated validators share: the checks of string formats and the small
 * runtime helpers, emitted only when a check uses them. Annotations are written
 * `⟨: type⟩`, so that one template gives both the `.ts` and the `.js` output.
 */

/** Checks for string `format`s; unknown formats are not checked (as JSON Schema says). */
export const FORMATS: Record<string, string> = {
  'date-time': '$isDateTime(v)',
  date: '$isDate(v)',
  uuid: '/^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v)',
  uri: '/^[a-z][a-z0-9+.-]*:[^\\s]*$/i.test(v)',
  email: '/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(v)',
  hostname: '/^(?=.{1,253}\\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\\.?$/i.test(v)',
  ipv4: '/^(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$/.test(v)',
  ipv6: '$isIpv6(v)',
};

/** Runtime helpers, emitted only when a check uses them. `T` marks TypeScript annotations. */
export const HELPERS: Record<string, { code: string; uses?: string[] }> = {
  $isObject: { code: 'const $isObject = (v⟨: any⟩)⟨: boolean⟩ => typeof v === "object" && v !== null && !Array.isArray(v);' },
  $got: {
    code: 'const $got = (v⟨: any⟩)⟨: string⟩ => ", got " + (v === undefined ? "undefined" : Array.isArray(v) ? "an array" : v === null ? "null" : typeof v === "object" ? "an object" : typeof v === "string" ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v) : String(v));',
  },
  $length: { code: '/** Length in code points, as JSON Schema counts it. */\nconst $length = (v⟨: string⟩)⟨: number⟩ => Array.from(v).length;' },
  $equal: { code: 'const $equal = (a⟨: any⟩, b⟨: any⟩)⟨: boolean⟩ => JSON.stringify($sorted(a)) === JSON.stringify($sorted(b));', uses: ['$sorted'] },
  $sorted: {
    code: 'const $sorted = (v⟨: any⟩)⟨: any⟩ => Array.isArray(v) ? v.map($sorted) : v !== null && typeof v === "object" ? Object.keys(v).sort().map((k) => [k, $sorted(v[k])]) : v;',
  },
  $required: {
    code: 'function $required(v⟨: any⟩, p⟨: string⟩, names⟨: string[]⟩)⟨: string | undefined⟩ {\n  for (const k of names) if (v[k] === undefined) return p + " is missing the required field " + JSON.stringify(k);\n  return undefined;\n}',
  },
  $fields: {
    code: 'function $fields(v⟨: any⟩, p⟨: string⟩, fields⟨: [string, (v: any, p: string) => string | undefined][]⟩)⟨: string | undefined⟩ {\n  for (const [k, check] of fields) {\n    if (v[k] === undefined) continue;\n    const e = check(v[k], /^[A-Za-z_$][\\w$]*$/.test(k) ? p + "." + k : p + "[" + JSON.stringify(k) + "]");\n    if (e !== undefined) return e;\n  }\n  return undefined;\n}',
  },
  $multiple: {
    code: '/** `multipleOf` on decimal values, as the pipeline checks it: 19.99 is a multiple of 0.01, though 19.99 / 0.01 is not an integer in floating point. */\nconst $multiple = (v⟨: number⟩, step⟨: number⟩)⟨: boolean⟩ => { const places = (n⟨: number⟩)⟨: number⟩ => { const [m, e] = String(n).toLowerCase().split("e"); return Math.max(0, (m⟨!⟩.split(".")[1] ?? "").length - Number(e ?? 0)); }; const k = 10 ** Math.max(places(v), places(step)), a = Math.round(v * k), b = Math.round(step * k); return Number.isSafeInteger(a) ? a % b === 0 : Number.isInteger(v / step); };',
  },
  $count: { code: 'const $count = (v⟨: any⟩)⟨: number⟩ => Object.keys(v).filter((k) => v[k] !== undefined).length;' },
  $isDate: {
    code: 'const $isDate = (v⟨: string⟩)⟨: boolean⟩ => { const m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(v); if (!m) return false; const y = +m[1]⟨!⟩, mo = +m[2]⟨!⟩, d = +m[3]⟨!⟩; return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate(); };',
  },
  $isDateTime: {
    code: 'const $isDateTime = (v⟨: string⟩)⟨: boolean⟩ => { const m = /^(\\d{4}-\\d{2}-\\d{2})[Tt ]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):?[0-5]\\d)$/.exec(v); return m !== null && $isDate(m[1]⟨!⟩); };',
    uses: ['$isDate'],
  },
  $isIpv6: {
    code: 'const $isIpv6 = (v⟨: string⟩)⟨: boolean⟩ => { if (!/^[0-9a-f:.]+$/i.test(v) || !v.includes(":")) return false; try { new URL("http://[" + v + "]"); return true; } catch { return false; } };',
  },
  $validate: {
    uses: ['$got'],
    code: [
      '/** Throws a TypeError naming the schema and the failing field. */',
      'function $validate(data⟨: unknown⟩, schema⟨: string⟩, check⟨?: (v: any, p: string) => string | undefined⟩)⟨: void⟩ {',
      '  // A self-describing event\'s data is a JSON object, whatever else the schema allows.',
      '  const error = typeof data !== "object" || data === null || Array.isArray(data) ? "data must be a JSON object" + $got(data) : check?.(data, "data");',
      '  if (error !== undefined) throw new TypeError("isotrack: " + schema + ": " + error);',
      '}',
    ].join('\n'),
  },
};

/** Annotations are written `⟨: type⟩` in the templates: kept (without the marks) for `.ts`, removed for `.js`. */
export const stripTypes = (code: string): string => code.replace(/⟨[^⟩]*⟩/g, '');
export const keepTypes = (code: string): string => code.replace(/[⟨⟩]/g, '');
