/** Iglu URIs (`iglu:vendor/name/format/M-R-A`) and their parts. */

export interface SchemaKey {
  vendor: string;
  name: string;
  format: string;
  version: string;
}

// The pattern the unstruct_event and contexts schemas use for `schema`. No part can
// hold a slash, so the match is linear and a key cannot name a path outside a folder.
const IGLU_URI = /^iglu:([a-zA-Z0-9-_.]+)\/([a-zA-Z0-9-_]+)\/([a-zA-Z0-9-_]+)\/([0-9]+-[0-9]+-[0-9]+)$/;

/** Parses an Iglu URI, or returns `null` when it does not have the Iglu shape. */
export function parseIgluUri(uri: string): SchemaKey | null {
  const match = IGLU_URI.exec(uri);
  if (!match) return null;
  const [, vendor = '', name = '', format = '', version = ''] = match;
  // A vendor of dots only would walk out of the schema folder.
  if (/^\.+$/.test(vendor)) return null;
  return { vendor, name, format, version };
}

/** The schema's path inside a repository: `vendor/name/format/version`. */
export function keyPath(key: SchemaKey): string {
  return `${key.vendor}/${key.name}/${key.format}/${key.version}`;
}
