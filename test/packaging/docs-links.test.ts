// The README is read on the npm page, where relative links resolve against the
// repository: every link must name a file that exists here, and every #anchor a
// heading (or an explicit anchor) of the page it points to.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const pages = ['README.md', 'collector/README.md', ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's heading slugs: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const anchors = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) anchors.add(slug(heading!));
  for (const [, id] of text.matchAll(/<a id="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

describe.each(pages)('%s', (page) => {
  const file = join(repo, page);
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));

  it('has relative links that resolve to files and headings of this repository', () => {
    const broken = links.filter((link) => {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path ? resolve(dirname(file), path) : file;
      if (!existsSync(target)) return true;
      return anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(anchor);
    });
    expect(broken, `in ${relative(repo, file)}`).toEqual([]);
  });
});

describe('package metadata', () => {
  it('names its repository, so that npm resolves the README links', () => {
    for (const manifest of ['package.json', 'collector/package.json']) {
      const pkg = JSON.parse(readFileSync(join(repo, manifest), 'utf8')) as { repository?: { url?: string }; license?: string };
      expect(pkg.repository?.url, manifest).toMatch(/^git\+https:\/\//);
      expect(pkg.license, manifest).toBe('Apache-2.0');
    }
  });
});
