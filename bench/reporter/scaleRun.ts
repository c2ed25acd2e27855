/**
 * One scale measurement in a fresh process: builds a synthetic run, then feeds it to the risk
 * reporter (onBegin, onTestEnd for every test, onEnd) and prints one JSON line of figures.
 * Run with `node --expose-gc --import tsx bench/reporter/scaleRun.ts <tests> <operations> <outputDir>`.
 */
import type RiskReporterClass from '../../reporters/riskReporter.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GATE_ORDER } from '../../projects/index.ts';
import { buildSyntheticRun } from './syntheticRun.ts';

const [testsArg, operationsArg, outputDir] = process.argv.slice(2);
const tests = Number(testsArg);
const operations = Number(operationsArg);
if (!Number.isInteger(tests) || !Number.isInteger(operations) || !outputDir) {
  console.error('usage: scaleRun.ts <tests> <operations> <outputDir>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

// BENCH_REPORTER=path measures a candidate change of the reporter against the same synthetic run.
const modulePath = process.env.BENCH_REPORTER ? path.resolve(process.env.BENCH_REPORTER) : path.join(import.meta.dirname, '..', '..', 'reporters', 'riskReporter.ts');
const RiskReporter = (await import(pathToFileURL(modulePath).href) as { default: typeof RiskReporterClass }).default;
const run = buildSyntheticRun(tests, operations);
gc();
const before = process.memoryUsage();
// Peak RSS is sampled between the reporter's calls too: onEnd is one synchronous stretch.
let peakRss = before.rss;
let peakHeap = before.heapUsed;
const sample = () => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
};

// The reporter prints its short summary; keep this process's stdout for the figures.
const log = console.log;
console.log = () => undefined;
const started = performance.now();
const cpuStart = process.cpuUsage();
const reporter = new RiskReporter({
  outputDir,
  thresholds: { riskTarget: 0.5, riskCritical: 2, maxWarnings: 3, minOperations: 50 },
  gateOrder: [...GATE_ORDER],
  target: { name: 'synthetic', baseUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', environment: 'local' },
  repository: process.cwd(),
});
reporter.onBegin(run.config, run.suite);
const streamStarted = performance.now();
for (let index = 0; index < run.tests.length; index++) {
  reporter.onTestEnd(run.tests[index]!, run.results[index]!);
  if (index % 500 === 0) sample();
}
const streamMs = performance.now() - streamStarted;
sample();
const endStarted = performance.now();
const outcome = await reporter.onEnd({ status: 'failed', startTime: new Date(), duration: 0 } as Parameters<RiskReporterClass['onEnd']>[0]);
const endMs = performance.now() - endStarted;
sample();
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
console.log = log;
const maxRss = process.resourceUsage().maxRSS * 1024;
console.log(`SCALE ${JSON.stringify({
  tests,
  operations: run.operations,
  attachmentMb: mb(run.attachmentBytes),
  totalMs: Math.round(totalMs),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  onTestEndMs: Math.round(streamMs),
  onEndMs: Math.round(endMs),
  rssBeforeMb: mb(before.rss),
  heapBeforeMb: mb(before.heapUsed),
  peakRssMb: mb(Math.max(maxRss, peakRss)),
  peakHeapMb: mb(peakHeap),
  reporterRssMb: mb(Math.max(maxRss, peakRss) - before.rss),
  status: outcome?.status ?? 'none',
})}`);
