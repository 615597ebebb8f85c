import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { count } from '../format';
import { BenchFailure, type Row, type Section } from '../section';

const ROOT = join(import.meta.dirname, '../..');
const TARGET_KB = 230;

/** Every `<script src>` and `<link rel="modulepreload" href>` of the built page. */
function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(match[1] ?? '');
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(match[1] ?? '');
  return [...found].filter((src) => src.endsWith('.js'));
}

/** Static `import … from "./x.js"` of a built chunk: loaded with it, whether or not the page preloads them. */
function staticImportsOf(code: string): string[] {
  return [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?"(\.\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

/** The first screen's JavaScript: the page's scripts and preloads, plus every chunk they import statically. */
function firstLoadChunks(outDir: string): Map<string, Buffer> {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const chunks = new Map<string, Buffer>();
  const pending = scriptsOf(html).map((src) => src.replace(/^\//, ''));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (chunks.has(file)) continue;
    const code = readFileSync(join(outDir, file));
    chunks.set(file, code);
    for (const spec of staticImportsOf(code.toString('utf8'))) pending.push(posix.join(posix.dirname(file), spec));
  }
  return chunks;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export const firstLoad: Section = {
  name: 'first-load',
  title: 'First load: gzipped JavaScript of the first screen',
  note: `a fresh production build; sums gzip (level 6) of every script dist/index.html loads or preloads and their static imports; target ≤ ${TARGET_KB} KB`,
  async run({ progress }) {
    progress('building the SPA');
    const outDir = mkdtempSync(join(tmpdir(), 'studio-first-load-'));
    try {
      await build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
      const chunks = firstLoadChunks(outDir);
      if (chunks.size === 0) throw new BenchFailure('The built index.html loads no script.');
      const rows: Row[] = [...chunks]
        .map(([file, code]) => ({ file, raw: code.length, gzip: gzipSync(code).length }))
        .sort((a, b) => b.gzip - a.gzip)
        .map(({ file, raw, gzip }) => ({ name: posix.basename(file), raw: kb(raw), gzip: kb(gzip) }));
      const total = [...chunks.values()].reduce((sum, code) => sum + gzipSync(code).length, 0);
      const raw = [...chunks.values()].reduce((sum, code) => sum + code.length, 0);
      rows.push({ name: `total (${count(chunks.size)} scripts; target ≤ ${TARGET_KB} KB)`, raw: kb(raw), gzip: kb(total) });
      return rows;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
