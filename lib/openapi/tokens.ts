import { randomBytes } from 'node:crypto';

/**
 * A well-formed HS256 JWT whose `exp` is an hour in the past, signed with a random key. The
 * suite cannot sign with the target's secret, so an API must refuse it twice over (expired and
 * foreign-signed); accepting it means the token is not verified at all.
 */
export async function expiredForeignToken(now: Date = new Date()): Promise<string> {
  const { SignJWT } = await import('jose');
  const seconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({ scope: 'contract-check' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('contract-check')
    .setIssuedAt(seconds - 7200)
    .setExpirationTime(seconds - 3600)
    .sign(new Uint8Array(randomBytes(32)));
}
