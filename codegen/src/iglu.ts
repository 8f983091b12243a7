/** Iglu schema keys (`vendor/name/format/M-R-A`), their URIs and their order. */

export interface SchemaKey {
  vendor: string;
  name: string;
  format: string;
  version: string;
}

const IGLU_URI = /^iglu:([a-zA-Z0-9-_.]+)\/([a-zA-Z0-9-_]+)\/([a-zA-Z0-9-_]+)\/([0-9]+-[0-9]+-[0-9]+)$/;
const VERSION = /^[0-9]+-[0-9]+-[0-9]+$/;

export function parseIgluUri(uri: string): SchemaKey | null {
  const match = IGLU_URI.exec(uri);
  if (!match) return null;
  const [, vendor = '', name = '', format = '', version = ''] = match;
  return { vendor, name, format, version };
}

export const isVersion = (text: string): boolean => VERSION.test(text);

export const igluUri = (key: SchemaKey): string => `iglu:${key.vendor}/${key.name}/${key.format}/${key.version}`;

export const keyPath = (key: SchemaKey): string => `${key.vendor}/${key.name}/${key.format}/${key.version}`;

/** `vendor/name`: what "a schema" means when its versions are not counted. */
export const family = (key: SchemaKey): string => `${key.vendor}/${key.name}`;

/** Orders `M-R-A` versions numerically (`1-0-10` after `1-0-9`). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('-').map(Number);
  const right = b.split('-').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The model (major version) of `M-R-A`. */
export const model = (version: string): string => version.split('-')[0] ?? version;
