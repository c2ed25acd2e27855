import { appendFileSync, chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * Secrets captured at run time in a worker (a login's token) must be redacted by the reporter too,
 * which runs in the main process. Workers append them to a private file (0600) named by an env
 * variable the main process sets before workers start; the reporter reads and deletes it at the end.
 */
export const SECRET_CHANNEL_ENV = 'MO_SECRET_CHANNEL';

/**
 * A new file in the temp folder that only this user can read (0600), for what the run's processes
 * pass each other: only its name travels in the environment, never its content.
 */
export function createPrivateFile(prefix: string, content = ''): string {
  const file = path.join(os.tmpdir(), `${prefix}-${process.pid}-${randomBytes(6).toString('hex')}`);
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function openSecretChannel(env: NodeJS.ProcessEnv = process.env): string {
  const existing = env[SECRET_CHANNEL_ENV];
  if (existing) return existing;
  const file = createPrivateFile('mo-secrets');
  env[SECRET_CHANNEL_ENV] = file;
  return file;
}

export function shareSecret(secret: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env[SECRET_CHANNEL_ENV];
  if (!file || !secret || secret.length < 6) return;
  try {
    appendFileSync(file, `${Buffer.from(secret, 'utf8').toString('base64')}\n`, { mode: 0o600 });
  } catch {
    // the channel is gone (the run is ending): pattern redaction still applies
  }
}

export function readSharedSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const file = env[SECRET_CHANNEL_ENV];
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => Buffer.from(line, 'base64').toString('utf8'));
}

export function closeSecretChannel(env: NodeJS.ProcessEnv = process.env): void {
  const file = env[SECRET_CHANNEL_ENV];
  if (file) rmSync(file, { force: true });
}
