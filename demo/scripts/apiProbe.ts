/** Small fetch helpers shared by the self-check scripts. */
export interface ProbeResult {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  headers: Headers;
  body: unknown;
  ms: number;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ProbeResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { method, path, status: response.status, contentType: response.headers.get('content-type'), headers: response.headers, body, ms };
}

export async function login(baseUrl: string): Promise<string> {
  const result = await call(baseUrl, 'POST', '/api/auth/login', { body: { username: 'demo', password: 'paper-trading' } });
  const token = (result.body as { token?: unknown } | undefined)?.token;
  if (result.status !== 200 || typeof token !== 'string') throw new Error(`login answered ${result.status}`);
  return token;
}
