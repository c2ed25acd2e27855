import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LogRecord } from '../lib/log/index.ts';

/** env variable -> reporter option -> default, made absolute, parent created. */
export function resolveOutputDir(envValue: string | undefined, option: string | undefined, fallback: string): string {
  const dir = path.resolve(envValue || option || fallback);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Append-only JSONL writer: one `JSON.stringify(record) + '\n'` per record, flushed as it goes. */
export class JsonlWriter {
  private fd: number | undefined;

  /** `stamp` joins every record: `{ target_id }` in a workspace run, so each line names its target. */
  constructor(readonly file: string, private readonly stamp: Record<string, string> = {}) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a');
  }

  write(record: LogRecord): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify({ ...record, ...this.stamp })}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** `latest.jsonl` -> the newest log: a relative symlink, or a copy where links are not allowed. */
export function pointLatest(dir: string, file: string, copy = false): void {
  const latest = path.join(dir, 'latest.jsonl');
  try {
    if (existsSync(latest) || isLink(latest)) rmSync(latest, { force: true });
    if (copy) copyFileSync(file, latest);
    else symlinkSync(path.basename(file), latest);
  } catch {
    copyFileSync(file, latest);
  }
}

function isLink(file: string): boolean {
  try {
    return Boolean(lstatSync(file));
  } catch {
    return false;
  }
}

export function writeFileAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
