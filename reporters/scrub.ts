import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../lib/redact.ts';
import { readZip, transformEmbeddedZip, writeZip } from '../lib/zip.ts';

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

/** Text, not an image or a trace: no NUL byte in its first 8 KB. */
function looksLikeText(content: Buffer): boolean {
  return !content.subarray(0, 8192).includes(0);
}

/**
 * A shard's blob reports (zips of the run's events and attachments) carry its errors and step titles
 * into `merge-reports`, where the secrets this shard learnt at run time are unknown: rewrite their
 * text entries here, before they leave the shard. Returns how many archives were rewritten.
 */
export function scrubBlobReports(dir: string | undefined, redactor: Redactor): number {
  if (!dir || !existsSync(dir)) return 0;
  let changed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.zip')) continue;
    const file = path.join(dir, name);
    if (statSync(file).size > MAX_SCRUB_BYTES * 5) continue;
    let touched = false;
    const entries = readZip(readFileSync(file)).map((entry) => {
      if (entry.content.length > MAX_SCRUB_BYTES || !looksLikeText(entry.content)) return entry;
      const text = entry.content.toString('utf8');
      const clean = redactor.text(text);
      if (clean === text) return entry;
      touched = true;
      return { name: entry.name, content: Buffer.from(clean, 'utf8') };
    });
    if (!touched) continue;
    writeFileSync(file, writeZip(entries));
    changed += 1;
  }
  return changed;
}
