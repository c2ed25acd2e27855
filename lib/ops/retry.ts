/** Retry policy as data: the sender only sleeps and tries what the schedule says. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Delay before the second try; each later one multiplies it by `factor`, capped at `maxDelayMs`. */
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** One try may take this long before it is abandoned. */
  attemptTimeoutMs: number;
  /** Hard bound on everything, delays included: a slow or dead receiver never stalls the run beyond it. */
  totalTimeoutMs: number;
}

export const DEFAULT_WEBHOOK_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 500,
  factor: 2,
  maxDelayMs: 4_000,
  attemptTimeoutMs: 4_000,
  totalTimeoutMs: 10_000,
};

/** Delays before each try: `[0, base, base*factor, ...]`, capped. */
export function backoffDelays(policy: Pick<RetryPolicy, 'attempts' | 'baseDelayMs' | 'factor' | 'maxDelayMs'>): number[] {
  const delays: number[] = [];
  for (let i = 0; i < Math.max(1, policy.attempts); i += 1) {
    delays.push(i === 0 ? 0 : Math.min(policy.maxDelayMs, Math.round(policy.baseDelayMs * policy.factor ** (i - 1))));
  }
  return delays;
}

/** What is left for one try that starts `elapsedMs` into the budget: 0 means do not start it. */
export function attemptBudget(policy: Pick<RetryPolicy, 'attemptTimeoutMs' | 'totalTimeoutMs'>, elapsedMs: number): number {
  return Math.max(0, Math.min(policy.attemptTimeoutMs, policy.totalTimeoutMs - elapsedMs));
}

/** Network errors, 429 and 5xx are worth another try; any other answer is final. */
export function isRetryable(outcome: { status?: number; error?: string }): boolean {
  if (outcome.status === undefined) return true;
  return outcome.status === 429 || outcome.status >= 500;
}

/** Reads a policy override from the environment (milliseconds); bad values keep the default. */
export function policyFromEnv(env: Record<string, string | undefined>, base: RetryPolicy = DEFAULT_WEBHOOK_POLICY): RetryPolicy {
  const read = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    return Number.isFinite(value) && value >= min ? value : fallback;
  };
  const totalTimeoutMs = read('WEBHOOK_TIMEOUT_MS', base.totalTimeoutMs, 100);
  return {
    ...base,
    attempts: Math.round(read('WEBHOOK_ATTEMPTS', base.attempts, 1)),
    totalTimeoutMs,
    attemptTimeoutMs: Math.min(base.attemptTimeoutMs, totalTimeoutMs),
  };
}
