/** Which schemas differ between two generated modules, for `--check`'s report. */

export interface ModuleDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** Something outside the per-schema parts changed (header, helpers, validators). */
  shared: boolean;
}

const URI_LINE = /^export (?:declare )?const \w+(?:: "[^"]*")? = "(iglu:[^"]+)";$|^export declare const \w+: "(iglu:[^"]+)";$/;

/** The module cut into its shared head and tail and one part per schema URI. */
function sections(code: string): { shared: string; parts: Map<string, string> } {
  const parts = new Map<string, string>();
  const [body = '', tail = ''] = code.split('\n// Validators:');
  const chunks = body.split('\n/** Iglu URI of ');
  const head = chunks.shift() ?? '';
  for (const chunk of chunks) {
    const line = chunk.split('\n').find((text) => URI_LINE.test(text));
    const match = line ? URI_LINE.exec(line) : null;
    const uri = match?.[1] ?? match?.[2];
    if (uri) parts.set(uri, chunk);
  }
  return { shared: `${head}\n${tail}`, parts };
}

export function diffModules(before: string, after: string): ModuleDiff {
  const old = sections(before);
  const now = sections(after);
  return {
    added: [...now.parts.keys()].filter((uri) => !old.parts.has(uri)),
    removed: [...old.parts.keys()].filter((uri) => !now.parts.has(uri)),
    changed: [...now.parts.keys()].filter((uri) => old.parts.has(uri) && old.parts.get(uri) !== now.parts.get(uri)),
    shared: old.shared !== now.shared,
  };
}
