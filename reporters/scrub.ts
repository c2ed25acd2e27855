import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../lib/redact.ts';
import { transformEmbeddedZip } from '../lib/zip.ts';

const TEXT_FILE = /\.(json|txt|html|xml|log|md)$/i;

/** Larger files are artifacts (traces, videos renamed .txt), not messages: left as they are. */
const MAX_SCRUB_BYTES = 20 * 1024 * 1024;

/**
 * Playwright records a failing test's error in its own files (allure results, the HTML report's
 * data/*.md, error-context.md under test-results); an error that quoted a body holding a secret
 * would leave it there. The reporters before this one have written their files: scrub every text
 * file under `dir`. Returns how many were rewritten.
 */
export function scrubTextFiles(dir: string | undefined, redactor: Redactor): number {
  if (!dir || !existsSync(dir)) return 0;
  let changed = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) {
        stack.push(file);
        continue;
      }
      if (!entry.isFile() || !TEXT_FILE.test(entry.name) || statSync(file).size > MAX_SCRUB_BYTES) continue;
      const text = readFileSync(file, 'utf8');
      const clean = redactor.text(text);
      if (clean !== text) {
        writeFileSync(file, clean);
        changed += 1;
      }
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
