/**
 * Read-only by default. A release gate must never change a target's data unless told to: a
 * request that may change state (POST, PUT, PATCH, DELETE, or an operation its document marks
 * `x-mutating: true`) is sent only when the config marks that operation or step with
 * `allowStateChangeIn` AND names the environment the run targets, and never under DRY_RUN=1.
 * The contracts gate, its auth probes, the load test and the smoke critical path all ask here.
 */
export type TargetEnvironment = 'local' | 'staging' | 'production';

export const STATE_CHANGING_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface StateChangeContext {
  environment: TargetEnvironment;
  dryRun: boolean;
  /**
   * The configured login (auth.login): the one POST the suite sends without a mark, because the
   * config names it as the way to get a token. A step or operation with its method and path is it.
   */
  login?: { method: string; path: string };
}

/** Why a request by this method may change state ("POST"), or undefined for GET, HEAD, OPTIONS, TRACE. */
export function methodChangesState(method: string): string | undefined {
  const upper = method.toUpperCase();
  return STATE_CHANGING_METHODS.includes(upper) ? upper : undefined;
}

/** Why this request may change state, or undefined: by its method, unless it is the configured login. */
export function requestChangesState(method: string, path: string, context: Pick<StateChangeContext, 'login'>): string | undefined {
  const login = context.login;
  if (login && login.method.toUpperCase() === method.toUpperCase() && login.path === path.split('?')[0]) return undefined;
  return methodChangesState(method);
}

/**
 * Why a request that may change state must not be sent here, or undefined when it may.
 * `changesState` says why it may change state (undefined: it does not); `key` is the config key
 * that would allow it, for the message.
 */
export function stateChangeRefusal(
  changesState: string | undefined,
  allowedIn: readonly TargetEnvironment[] | undefined,
  context: StateChangeContext,
  key: string,
): string | undefined {
  if (changesState === undefined) return undefined;
  const what = `changes state (${changesState})`;
  if (context.dryRun) return `${what} and DRY_RUN=1 forbids that`;
  if (!allowedIn || allowedIn.length === 0) {
    return `${what} and is not allowed in ${context.environment}: list ${context.environment} in ${key}.allowStateChangeIn to send it there`;
  }
  if (!allowedIn.includes(context.environment)) {
    return `${what} and is not allowed in ${context.environment}: ${key}.allowStateChangeIn names ${allowedIn.join(', ')}`;
  }
  return undefined;
}

/** The context a run gives: TARGET_ENV, DRY_RUN and the configured login. */
export function stateChangeContext(config: { meta: { environment: TargetEnvironment; dryRun: boolean }; auth?: { login?: { method: string; path: string } } }): StateChangeContext {
  const login = config.auth?.login;
  return { environment: config.meta.environment, dryRun: config.meta.dryRun, login: login ? { method: login.method, path: login.path } : undefined };
}

/** A configured request the suite may send: its method, path, marks and config key. */
export interface ConfiguredRequest {
  method: string;
  path: string;
  allowStateChangeIn?: readonly TargetEnvironment[];
}

/** Splits configured requests into those that may be sent here and the sentences saying why the others are not. */
export function allowedRequests<T extends ConfiguredRequest>(items: readonly T[], keyOf: (index: number) => string, context: StateChangeContext): { allowed: T[]; refused: string[] } {
  const allowed: T[] = [];
  const refused: string[] = [];
  items.forEach((item, index) => {
    const refusal = stateChangeRefusal(requestChangesState(item.method, item.path, context), item.allowStateChangeIn, context, keyOf(index));
    if (refusal) refused.push(`${item.method} ${item.path} not sent: ${refusal}`);
    else allowed.push(item);
  });
  return { allowed, refused };
}
