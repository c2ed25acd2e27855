/**
 * npm run bench:peers [-- --runs 3 --project full --skip-findings | --findings-only --faults a,b | --setup-only]
 *
 * Our `full` project against the tools it replaces (secretlint, Lighthouse CI, pa11y-ci, Prism's
 * validation proxy), alternating A B A B on one running demo; then which tool catches which
 * runtime fault of the demo. Rewrites its sections of bench/RESULTS.md. Installs the tools into
 * bench/node_modules first when they are missing or stale; --setup-only stops after that and
 * prints each tool's version.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadValidationConfig } from '../../lib/config/index.ts';
import { runtimeFaults } from '../../demo/faults/runtime.ts';
import { startDemo } from '../../bench/lib/demo.ts';
import { requireGnuTime, SetupError } from '../../bench/lib/measure.ts';
import { BENCH_DIR } from '../../bench/lib/results.ts';
import { writePeerConfigs } from '../../bench/peers/configs.ts';
import { runFindings, writeFindings } from '../../bench/peers/findings.ts';
import { ensurePeerTools, formatVersions, peerVersions, requirePeerBrowser } from '../../bench/peers/setup.ts';
import { runTiming, writeTiming } from '../../bench/peers/timing.ts';

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      // Comma-separated projects run together, e.g. the gates the peers cover: audit,a11y,contracts.
      project: { type: 'string', default: 'full' },
      'no-deps': { type: 'boolean', default: false },
      'skip-findings': { type: 'boolean', default: false },
      'findings-only': { type: 'boolean', default: false },
      faults: { type: 'string' },
      'setup-only': { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive integer, got "${values.runs}"`);
  const known = new Set(runtimeFaults.map((f) => f.name));
  const faults = values.faults ? values.faults.split(',').map((f) => f.trim()).filter(Boolean) : [...known];
  const unknown = faults.filter((f) => !known.has(f));
  if (unknown.length > 0) throw new UsageError(`unknown runtime fault(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  requireGnuTime();
  requirePeerBrowser();
  await ensurePeerTools((line) => console.log(`bench:peers: ${line}`));
  if (values['setup-only']) {
    console.log(`bench:peers: peer tools ready in bench/node_modules\n${formatVersions(peerVersions())}`);
    return;
  }

  const config = await loadValidationConfig();
  const work = path.join(BENCH_DIR, '.work', 'peers');
  const command = `npm run bench:peers -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, '');

  let cleanFindings: Record<string, number> | undefined;
  if (!values['findings-only']) {
    const demo = await startDemo();
    try {
      const plan = writePeerConfigs(config, demo.url, path.join(work, 'config'));
      const timing = await runTiming({ project: values.project, noDeps: values['no-deps'], runs, demoPort: demo.port, baseUrl: demo.url, plan, work });
      cleanFindings = timing.cleanFindings;
      console.log(`\n${writeTiming(timing, command)}`);
    } finally {
      await demo.stop();
    }
  }
  if (!values['skip-findings']) {
    const findings = await runFindings({ config, faults: runtimeFaults.filter((f) => faults.includes(f.name)), work, cleanFindings });
    console.log(`\n${writeFindings(findings, command)}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof SetupError) {
    console.error(`bench:peers: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
