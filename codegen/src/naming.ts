/**
 * Names of the generated exports. `<Name>` is the PascalCase of the schema's name
 * (`checkout_started` → `CheckoutStarted`: `trackCheckoutStarted`, `createCheckoutStarted`,
 * `CHECKOUT_STARTED_SCHEMA`). When generated schemas share a name, a fixed rule tells
 * them apart, applied in this order:
 *
 * 1. Another vendor: each schema of the clash is prefixed with the PascalCase of the
 *    shortest tail of its vendor that differs from the others'
 *    (`com.snowplowanalytics.mobile/screen_view` → `MobileScreenView`,
 *    `com.snowplowanalytics.snowplow/screen_view` → `SnowplowScreenView`).
 * 2. Another version of the same schema: the newest keeps the name; each older one gets
 *    `V<model>_<revision>_<addition>` (`LinkClickV1_0_0`).
 * 3. A plan entry's `"name"` overrides all of this for its schema.
 *
 * The rule depends only on the set of generated schemas, never on file order.
 */
import { CodegenError } from './errors.js';
import { compareVersions, family, igluUri, type SchemaKey } from './iglu.js';

/** PascalCase of a schema name or vendor part: `checkout_started`, `checkout-started`, `checkoutStarted` → `CheckoutStarted`. */
export function pascalCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return /^[0-9]/.test(name) ? `_${name}` : name || '_';
}

/** `CheckoutStarted` → `CHECKOUT_STARTED`; `LinkClickV1_0_0` → `LINK_CLICK_V1_0_0`. */
export const constantCase = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();

/** Names of helpers the module declares itself; a schema name equal to one gets a `Data` suffix. */
const RESERVED = new Set(['TrackOptions', 'EventTracker', 'Entity']);

export function assignNames(keys: SchemaKey[], overrides: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map<string, string>();
  const pending = keys.filter((key) => {
    const override = overrides.get(igluUri(key));
    if (override !== undefined) names.set(igluUri(key), override);
    return override === undefined;
  });
  const byBase = groupBy(pending, (key) => pascalCase(key.name));
  for (const [base, group] of byBase) {
    const families = groupBy(group, family);
    const prefixes = families.size > 1 ? vendorPrefixes([...new Set(group.map((key) => key.vendor))]) : new Map<string, string>();
    for (const versions of families.values()) {
      const newest = [...versions].sort((a, b) => compareVersions(b.version, a.version))[0];
      for (const key of versions) {
        let name = `${prefixes.get(key.vendor) ?? ''}${base}`;
        if (key !== newest) name += `V${key.version.replace(/-/g, '_')}`;
        if (RESERVED.has(name)) name += 'Data';
        names.set(igluUri(key), name);
      }
    }
  }
  const seen = new Map<string, string>();
  for (const [uri, name] of names) {
    const other = seen.get(name);
    if (other) throw new CodegenError(`${other} and ${uri} would both be named ${name}; give one a "name" in the plan file`);
    seen.set(name, uri);
  }
  return names;
}

/** For each vendor, the PascalCase of its shortest dot-separated tail that no other vendor of the clash shares. */
function vendorPrefixes(vendors: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const vendor of vendors) {
    const parts = vendor.split('.');
    let take = 1;
    const tail = (v: string, n: number) => v.split('.').slice(-n).join('.');
    while (take < parts.length && vendors.some((other) => other !== vendor && tail(other, take) === tail(vendor, take))) take++;
    out.set(vendor, pascalCase(parts.slice(-take).join('_')));
  }
  return out;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
