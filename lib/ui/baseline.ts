/** Where the Percy CLI serves its local API (the SDK's own default and override). */
export function percyServerAddress(env: Record<string, string | undefined> = process.env): string {
  return env.PERCY_SERVER_ADDRESS || 'http://localhost:5338';
}

/** Rejects with a message naming what timed out, so an unreachable service fails instead of hanging. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
