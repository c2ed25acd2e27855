import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, SignJWT } from 'jose';
import { hasFault, type DemoContext } from '../context.ts';
import { BodyError, isPlainObject, readJsonBody, sendError, sendJson } from '../http.ts';

const ISSUER = 'paiid-demo';
const AUDIENCE = 'paiid-api';
export const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer realm="paiid"' };

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function login(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (error instanceof BodyError) return sendError(res, 400, 'invalid_body', error.message);
    throw error;
  }
  if (!isPlainObject(body) || typeof body.username !== 'string' || typeof body.password !== 'string') {
    return sendError(res, 400, 'invalid_body', 'Expected a JSON object with string fields "username" and "password"');
  }
  const extra = Object.keys(body).filter((key) => key !== 'username' && key !== 'password');
  if (extra.length > 0) return sendError(res, 400, 'invalid_body', `Unknown field(s): ${extra.join(', ')}`);
  if (!sameText(body.username, ctx.config.user) || !sameText(body.password, ctx.config.password)) {
    return sendError(res, 401, 'invalid_credentials', 'Username or password is incorrect', UNAUTHORIZED_HEADERS);
  }
  const token = await new SignJWT({ scope: 'paper-trading' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(ctx.config.user)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ctx.config.tokenTtlSeconds}s`)
    .sign(ctx.config.jwtSecret);
  // The insecure-cookie fault also hands the token over as a cookie any script can read.
  const cookie: Record<string, string> = hasFault(ctx, 'insecure-cookie') ? { 'Set-Cookie': `paiid_session=${token}; Path=/; Max-Age=${ctx.config.tokenTtlSeconds}` } : {};
  sendJson(res, 200, { token, tokenType: 'Bearer', expiresIn: ctx.config.tokenTtlSeconds }, cookie);
}

/** The user a bearer token names, or undefined when it is missing, malformed, forged or expired. */
export async function authenticate(ctx: DemoContext, req: IncomingMessage): Promise<string | undefined> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return undefined;
  try {
    const { payload } = await jwtVerify(match[1], ctx.config.jwtSecret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

export function refuse(res: ServerResponse, req: IncomingMessage): void {
  const message = req.headers.authorization ? 'Bearer token is invalid or expired' : 'Missing bearer token';
  sendError(res, 401, 'unauthorized', message, UNAUTHORIZED_HEADERS);
}
