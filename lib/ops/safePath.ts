/**
 * Which report files the web dashboard may serve: a bare file name from the reports folder,
 * nothing else. The caller must still check that the resolved real path stays inside the
 * folder (a symlink can point out of it).
 */
export const SERVABLE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(jsonl|json|md)$/;

export type LogRequest = { ok: true; name: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** `raw` is the request path after the route prefix, still percent-encoded. */
export function resolveLogRequest(raw: string): LogRequest {
  let name: string;
  try {
    // Decode twice: a double-encoded `%252e%252e` must not survive as `..` for a later decoder.
    name = decodeURIComponent(raw);
    if (/%[0-9a-f]{2}/i.test(name)) name = decodeURIComponent(name);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (name.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in the path' };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.startsWith('\\')) return { ok: false, status: 403, reason: 'absolute paths are refused' };
  if (name.split(/[\\/]/).includes('..')) return { ok: false, status: 403, reason: 'path traversal is refused' };
  if (/[\\/]/.test(name)) return { ok: false, status: 403, reason: 'only files directly in the reports folder are served' };
  if (!SERVABLE_FILE.test(name)) return { ok: false, status: 404, reason: 'not a report file' };
  return { ok: true, name };
}

/** True when `real` (a resolved real path) is `root` or inside it. */
export function isInside(root: string, real: string, separator = '/'): boolean {
  const base = root.endsWith(separator) ? root : `${root}${separator}`;
  return real === root || real.startsWith(base);
}
