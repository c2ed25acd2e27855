import { eachTarget, test } from '../../fixtures/index.ts';
import { PROBE_NAMES, describeProbeFailure, describeTarget, parseInfraUrl, type ServiceKind } from '../../lib/smoke/infrastructure.ts';
import { probeDocker, probePostgres, probeRedis } from '../../lib/smoke/probes.ts';
import { MissingPackageError } from '../../lib/optional.ts';
import { errorMessage } from '../../lib/risk/index.ts';

// Each target's tests (a workspace run declares them once per target, in that target's block).
await eachTarget((config) => {
  const services: ServiceKind[] = ['postgres', 'redis', 'docker'];

  test.describe('infrastructure', () => {
    for (const kind of services) {
      const variable = config.smoke.infrastructure[kind].urlVariable;

      test(kind, async ({ risk, target }) => {
        const value = process.env[variable];
        test.skip(!value, `not configured: ${variable} is not set`);
        if (!value) return;
        // The URL may carry a password: the recorder redacts it wherever it appears.
        risk.redactor.add(value);
        const probeName = PROBE_NAMES[kind];
        const parsed = parseInfraUrl(kind, value, variable);
        if (!parsed.ok) {
          risk.fail(probeName, parsed.problem, { check: 'smoke/infrastructure' });
          return;
        }
        const timeoutMs = target.smoke.infrastructure.timeoutMs;
        const where = describeTarget(parsed.target);
        const started = performance.now();
        try {
          const result = parsed.target.kind === 'docker'
            ? await probeDocker(parsed.target, timeoutMs)
            : parsed.target.kind === 'postgres' ? await probePostgres(value, timeoutMs) : await probeRedis(value, timeoutMs);
          risk.pass(probeName, { check: 'smoke/infrastructure', durationMs: result.durationMs, evidence: { target: where, detail: result.detail }, metrics: { latencyMs: Math.round(result.durationMs) } });
        } catch (error) {
          // Configured, but the client package is an optional one this project has not installed.
          if (error instanceof MissingPackageError) {
            risk.warn(probeName, error.message, { check: 'smoke/infrastructure', evidence: { target: where } });
            return;
          }
          risk.fail(probeName, describeProbeFailure(parsed.target, errorMessage(error).split('\n')[0] ?? 'failed'), { check: 'smoke/infrastructure', durationMs: performance.now() - started, evidence: { target: where } });
        }
      });
    }
  });
});
