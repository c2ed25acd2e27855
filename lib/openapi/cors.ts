/** Pure judgement of CORS answers (preflight or simple request) for one Origin. */
export interface CorsFinding {
  ok: boolean;
  severity: 'critical' | 'high' | 'medium';
  message: string;
}

/** Headers with lower-case names, as Playwright returns them. */
type Headers = Record<string, string>;

/** An allowed origin must get its own origin back (or a wildcard without credentials). */
export function judgeAllowedOrigin(origin: string, headers: Headers): CorsFinding {
  const allowOrigin = headers['access-control-allow-origin'];
  const credentials = headers['access-control-allow-credentials'] === 'true';
  if (allowOrigin === '*' && credentials) {
    return { ok: false, severity: 'critical', message: `Access-Control-Allow-Origin is "*" together with Access-Control-Allow-Credentials: true` };
  }
  if (allowOrigin === origin || allowOrigin === '*') return { ok: true, severity: 'high', message: `${origin} is allowed (Access-Control-Allow-Origin: ${allowOrigin})` };
  return { ok: false, severity: 'high', message: `allowed origin ${origin} got Access-Control-Allow-Origin ${JSON.stringify(allowOrigin ?? null)}, expected ${JSON.stringify(origin)}` };
}

/**
 * A disallowed origin must get no grant. A reflected or wildcard grant with credentials is critical
 * (any site acts as the signed-in user); without credentials it is medium, as ZAP rates it (40040):
 * any site can read what the API serves to anyone, which matters where the network is the only guard.
 */
export function judgeDisallowedOrigin(origin: string, headers: Headers): CorsFinding {
  const allowOrigin = headers['access-control-allow-origin'];
  const credentials = headers['access-control-allow-credentials'] === 'true';
  if (allowOrigin === undefined || allowOrigin === '' || (allowOrigin !== origin && allowOrigin !== '*')) {
    return { ok: true, severity: 'critical', message: `${origin} is refused (Access-Control-Allow-Origin: ${allowOrigin ?? 'absent'})` };
  }
  const how = allowOrigin === '*' ? 'a wildcard "*"' : `its own origin reflected`;
  if (credentials) {
    return { ok: false, severity: 'critical', message: `disallowed origin ${origin} got ${how} with Access-Control-Allow-Credentials: true: any site can make credentialed requests` };
  }
  return { ok: false, severity: 'medium', message: `disallowed origin ${origin} got ${how} in Access-Control-Allow-Origin (without credentials: any site can read what the API serves anyone)` };
}
