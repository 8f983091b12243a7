/**
 * A folder of Iglu schemas (`vendor/name/format/M-R-A` files) read as data, not served
 * as a file system: only regular files that really lie inside the folder (a symlink
 * pointing elsewhere is ignored), each at most {@link MAX_SCHEMA_BYTES}, and named in
 * messages by the folder's own name rather than by the machine's absolute path.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { SchemaKey } from './schema-key.js';
import { keyPath } from './schema-key.js';

/** Largest schema file read, from a folder or a registry. Iglu Central's largest is about 20 KB. */
export const MAX_SCHEMA_BYTES = 1024 * 1024;

export type FolderRead = { status: 'found'; text: string } | { status: 'missing' } | { status: 'invalid'; error: string };

export class SchemaFolder {
  private readonly root: string;

  /** @param label how messages name the folder, e.g. `folder "my-schemas"` */
  constructor(
    dir: string,
    readonly label: string,
  ) {
    this.root = realpathSync(dir);
  }

  /** Checks a folder given by the user; throws a message saying what is wrong with it. */
  static open(dir: string): SchemaFolder {
    const stats = statSync(dir, { throwIfNoEntry: false });
    if (!stats) throw new Error(`schema folder ${dir} does not exist`);
    if (!stats.isDirectory()) throw new Error(`schema folder ${dir} is not a folder`);
    if (!holdsSchema(dir, 0)) {
      throw new Error(`schema folder ${dir} holds no schema (expected files at vendor/name/jsonschema/M-R-A inside it)`);
    }
    return new SchemaFolder(dir, `folder "${basename(realpathSync(dir))}"`);
  }

  read(key: SchemaKey): FolderRead {
    let real: string;
    try {
      real = realpathSync(join(this.root, key.vendor, key.name, key.format, key.version));
    } catch {
      return { status: 'missing' };
    }
    // A symlink may point anywhere on the machine; only what lies inside the folder counts.
    if (!real.startsWith(this.root + sep)) return { status: 'missing' };
    const stats = statSync(real, { throwIfNoEntry: false });
    if (!stats?.isFile()) return { status: 'missing' };
    if (stats.size > MAX_SCHEMA_BYTES) {
      return { status: 'invalid', error: `${keyPath(key)} in ${this.label} is ${stats.size} bytes, over the ${MAX_SCHEMA_BYTES}-byte limit` };
    }
    try {
      return { status: 'found', text: readFileSync(real, 'utf8') };
    } catch (error) {
      return { status: 'invalid', error: `${keyPath(key)} in ${this.label} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }
}

/** True when a file sits four levels down (vendor/name/format/version). */
function holdsSchema(dir: string, depth: number): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (depth === 3 && (entry.isFile() || entry.isSymbolicLink())) return true;
    if (depth < 3 && (entry.isDirectory() || entry.isSymbolicLink()) && holdsSchema(join(dir, entry.name), depth + 1)) return true;
  }
  return false;
}
