import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../lib/redact.ts';
import { transformEmbeddedZip } from '../lib/zip.ts';

const TEXT_FILE = /\.(json|txt|html|xml|log|md)$/i;

/**
 * Playwright records expect() messages in its own reports; a spec that compared a body holding a
 * token would leave it there. The reporters before this one have written their files: scrub them.
 */
export function scrubAllureResults(dir: string | undefined, redactor: Redactor): number {
  if (!dir || !existsSync(dir)) return 0;
  let changed = 0;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (!TEXT_FILE.test(entry) || !statSync(file).isFile()) continue;
    const text = readFileSync(file, 'utf8');
    const clean = redactor.text(text);
    if (clean !== text) {
      writeFileSync(file, clean);
      changed += 1;
    }
  }
  return changed;
}

/** The HTML report keeps its data in a zip embedded in index.html: rewrite its text entries. */
export function scrubHtmlReport(dir: string | undefined, redactor: Redactor): boolean {
  const index = dir ? path.join(dir, 'index.html') : undefined;
  if (!index || !existsSync(index)) return false;
  const html = readFileSync(index, 'utf8');
  let touched = false;
  const rewritten = transformEmbeddedZip(html, (entry) => {
    const text = entry.content.toString('utf8');
    const clean = redactor.text(text);
    if (clean === text) return entry;
    touched = true;
    return { name: entry.name, content: Buffer.from(clean, 'utf8') };
  });
  if (touched) writeFileSync(index, rewritten);
  return touched;
}
