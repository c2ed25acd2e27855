import type { FetchedPage } from '../../lib/init/crawl.ts';

/** Bodies past this are cut: a page or a sitemap bigger than this is not read whole. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * GET with a bound in time and size, following redirects. A network failure or a timeout comes back
 * as `{ error }` rather than a throw, so the caller decides whether it is fatal.
 */
export async function fetchText(url: string, timeoutMs: number): Promise<FetchedPage | { error: string }> {
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'user-agent': 'meta-orchestrator-init' } });
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size >= MAX_BODY_BYTES) {
        await reader.cancel();
        break;
      }
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: Buffer.concat(chunks).toString('utf8'), url: response.url || url };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : cause?.code ?? cause?.message ?? (error as Error).message;
    return { error: reason };
  }
}
