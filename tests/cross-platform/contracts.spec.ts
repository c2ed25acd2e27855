import { crossPlatformChecks, test } from '../../fixtures/index.ts';
import { compareContracts, type ContractChange } from '../../lib/crossPlatform/contractCompat.ts';
import { describeLoadFailure, loadOpenApi } from '../../lib/openapi/index.ts';

/*
 * Contract compatibility: a client of `from` must keep working against `to`. Each operation both
 * serve is one check, failed with its changes (the operation, the place, what broke), at the
 * severity of the worst of them; an operation `to` does not serve is one too.
 */
const checks = await crossPlatformChecks();
const RANK = { high: 3, medium: 2, low: 1 } as const;

test.describe('contract compatibility', () => {
  for (const { from, to } of checks.contracts) {
    test(`clients of ${from} keep working against ${to}`, async ({ platforms, risk }, testInfo) => {
      const documents = [];
      for (const id of [from, to]) {
        const config = platforms.config(id);
        const started = performance.now();
        const loaded = config.api.openapi ? await loadOpenApi(config.api.openapi, config.meta.dir, config.timeouts.requestMs) : undefined;
        const name = `${id}'s OpenAPI document loads`;
        if (!loaded?.ok) {
          risk.fail(name, loaded ? describeLoadFailure(loaded) : `${id} has no api.openapi: its contract cannot be compared`, { check: 'cross-platform/contract', durationMs: performance.now() - started });
          return;
        }
        risk.pass(name, { check: 'cross-platform/contract', durationMs: performance.now() - started, evidence: { location: loaded.location } });
        documents.push(loaded);
      }
      const [a, b] = documents as [Extract<Awaited<ReturnType<typeof loadOpenApi>>, { ok: true }>, Extract<Awaited<ReturnType<typeof loadOpenApi>>, { ok: true }>];
      const comparison = compareContracts(a.dereferenced, b.dereferenced, { from, to });
      await testInfo.attach(`contract-compat-${from}-${to}.json`, { body: JSON.stringify(comparison, null, 2), contentType: 'application/json' });
      const byOperation = new Map<string, ContractChange[]>();
      for (const change of comparison.changes) byOperation.set(change.operation, [...(byOperation.get(change.operation) ?? []), change]);
      const evidence = { from: a.location, to: b.location };
      for (const operation of [...comparison.shared, ...comparison.onlyFrom]) {
        const changes = byOperation.get(operation) ?? [];
        const name = `${operation}: ${to} serves what clients of ${from} rely on`;
        if (changes.length === 0) {
          risk.pass(name, { check: 'cross-platform/contract', evidence });
          continue;
        }
        const worst = changes.reduce((top, change) => (RANK[change.severity] > RANK[top.severity] ? change : top));
        risk.fail(name, changes.map((change) => `${change.message} (${change.kind}, ${change.severity})`).join('\n'), {
          check: 'cross-platform/contract',
          severity: worst.severity,
          evidence: { ...evidence, changes: changes.map(({ location, kind, severity }) => ({ location, kind, severity })) },
        });
      }
      if (comparison.additions.length > 0) testInfo.annotations.push({ type: 'compatible additions', description: comparison.additions.slice(0, 20).join('; ') });
    });
  }
});
