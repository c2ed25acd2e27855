import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { gateRecords, headerRecord, summaryRecord, type RunRecord, type TaskRecord } from '../lib/log/index.ts';
import { environmentSecrets, Redactor } from '../lib/redact.ts';
import { allureEnvironment, computeRun, DEFAULT_POLICY, formatRate, describeWaiver, errorMessage, evaluateTask, isExpired, type RiskPolicy, type RiskThresholds, type RunResult, type TaskInput, type Waiver } from '../lib/risk/index.ts';
import { buildExecutiveSummary, renderMarkdown, renderShort, type ExecutiveSummary } from '../lib/summary/index.ts';
import { closeSecretChannel, readSharedSecrets } from '../lib/secretChannel.ts';
import { JsonlWriter, pointLatest, resolveOutputDir, writeFileAtomic } from './output.ts';
import { readPreviousVerdict, sendAlerts } from './alerts.ts';
import { rollbackHook, type RollbackHookOptions } from './rollback.ts';
import { gateStatuses, readinessOf, verdictReadiness } from './readiness.ts';
import { scrubBlobReports, scrubHtmlReport, scrubTextFiles } from './scrub.ts';
import type { SignOffPlan } from '../lib/review/readiness.ts';
import { projectMetadata, taskIdOf, taskTitlePath, toTaskInput, attachmentPaths } from './taskInput.ts';
import { writeVisualReview, type VisualReview } from './visualReview.ts';
import { AuditSarifCollector } from './auditSarif.ts';
import { ROLLOUT_GATE, STAGE_VERDICT_FILE } from '../lib/workspace/variables.ts';

export interface RiskReporterOptions {
  outputDir?: string;
  thresholds: RiskThresholds;
  /** The severity policy (which failures stop the chain, finding counts); default: the seeds'. */
  policy?: RiskPolicy;
  waivers?: Waiver[];
  gateOrder?: string[];
  target: { name: string; baseUrl: string; apiUrl: string; environment: string };
  repository?: string;
  configFile?: string;
  htmlReport?: string;
  allureResults?: string;
  onCritical?: RollbackHookOptions;
  dryRun?: boolean;
  configDir?: string;
  /** Report folders written by the reporters listed before this one, scrubbed of secrets at the end. */
  scrub?: { htmlDir?: string; allureDir?: string; blobDir?: string };
  /** Reviewer sign-offs production readiness needs (review.signOffs). */
  signOffs?: SignOffPlan[];
  /** A workspace run: this reporter judges this target's chain alone, in `<outputDir>/<target>/`. */
  targetId?: string;
  /** One id for every target's log of one workspace run. */
  runId?: string;
  /**
   * A target of a stage another stage follows: the moment its last task ends, its verdict so far is
   * written (`stage-verdict.json`) for the next stage's rollout gate, and again, final, at the end.
   */
  stageVerdict?: boolean;
}

/** A target whose rollout gate did not let it start: why, for the release (`held_back` in verdict.json). */
function heldBack(result: RunResult): { held_back?: string } {
  const refusal = result.failures.find((failure) => failure.gate === ROLLOUT_GATE);
  return refusal ? { held_back: refusal.message.split('\n')[0]! } : {};
}

function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

function gitSha(dir: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 3_000, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

/**
 * Tests deduplicated by gate and title path: a merged report may hold a dependency run in every
 * shard, and a command asking for both chains (`--project=full --project=quick`) runs three gates
 * twice. Each check counts once: the copy that ran, and of two that ran, the one that failed.
 */
export function uniqueTests(suite: Suite, targetId?: string): TestCase[] {
  const byKey = new Map<string, TestCase>();
  const rank = (test: TestCase) => (test.results.length === 0 ? 0 : test.outcome() === 'unexpected' ? 2 : 1);
  for (const test of suite.allTests()) {
    const meta = projectMetadata(test);
    if (targetId !== undefined && meta.target !== targetId) continue;
    const key = `${meta.gate ?? meta.project}\u0000${test.titlePath().slice(2).join('\u0000')}`;
    const existing = byKey.get(key);
    if (!existing || rank(test) > rank(existing)) byKey.set(key, test);
  }
  return [...byKey.values()];
}

function runMode(projects: string[], gateOrder: string[]): string {
  if (projects.includes('full') || gateOrder.every((gate) => projects.includes(gate))) return 'full';
  if (projects.includes('quick') || projects.some((p) => p.startsWith('quick-'))) return 'quick';
  return projects.filter((p) => gateOrder.includes(p)).join(',') || projects.join(',');
}

/**
 * The risk reporter: streams the execution log while the run goes; in onEnd computes the one
 * result the summary, the log's summary record, verdict.json and the exit code all come from.
 */
export default class RiskReporter implements Reporter {
  private readonly options: RiskReporterOptions;
  private readonly redactor = new Redactor(environmentSecrets());
  private outputDir = '';
  private runId = '';
  private startTime = new Date();
  private writer: JsonlWriter | undefined;
  private rootSuite: Suite | undefined;
  /** Where the projects keep their test output (error-context.md, attachments): scrubbed at the end. */
  private testOutputDirs: string[] = [];
  private mode = '';
  private readonly written = new Set<string>();
  private readonly runErrors: string[] = [];
  /** Tests of this target whose last attempt ended, and how many there are: the stage verdict's moment. */
  private readonly ended = new Set<string>();
  private expected = 0;

  constructor(options: RiskReporterOptions) {
    this.options = options;
  }

  printsToStdio(): boolean {
    return false;
  }

  /** `playwright test --list` runs nothing: no log, no verdict, no history line. */
  private listOnly = process.argv.includes('--list');

  onBegin(config: FullConfig, suite: Suite): void {
    if (this.listOnly) return;
    // A workspace run that leaves this target out (`--project=<other target>`): nothing to judge, nothing written.
    if (this.options.targetId !== undefined && uniqueTests(suite, this.options.targetId).length === 0) {
      this.listOnly = true;
      return;
    }
    try {
      this.startTime = new Date();
      this.rootSuite = suite;
      this.testOutputDirs = [...new Set(config.projects.map((project) => project.outputDir))];
      // Playwright ends a run gracefully on SIGINT only; a SIGTERM (CI cancelling a job) takes the same
      // path, so the log still ends in an interrupted summary.
      process.once('SIGTERM', () => process.emit('SIGINT', 'SIGINT'));
      this.runId = process.env.RUN_ID || this.options.runId || newRunId(this.startTime);
      this.outputDir = resolveOutputDir(process.env.REPORTS_DIR, this.options.outputDir, 'reports');
      if (this.options.targetId) this.outputDir = resolveOutputDir(undefined, path.join(this.outputDir, this.options.targetId), '');
      this.writer = new JsonlWriter(path.join(this.outputDir, `execution_log_${this.runId}.jsonl`), this.options.targetId ? { target_id: this.options.targetId } : {});
      const projects = suite.suites.map((s) => s.project()?.name ?? s.title);
      this.mode = runMode(projects, this.options.gateOrder ?? []);
      const plannedByGate: Record<string, number> = {};
      const tests = uniqueTests(suite, this.options.targetId);
      this.expected = tests.length;
      if (this.options.stageVerdict) rmSync(path.join(this.outputDir, STAGE_VERDICT_FILE), { force: true });
      for (const test of tests) {
        const meta = projectMetadata(test);
        const gate = meta.gate ?? meta.project;
        plannedByGate[gate] = (plannedByGate[gate] ?? 0) + 1;
      }
      this.writer.write(headerRecord(this.runId, this.startTime));
      const run: RunRecord = {
        type: 'run',
        run_id: this.runId,
        start_time: this.startTime.toISOString(),
        mode: this.mode,
        projects,
        planned_tasks: tests.length,
        planned_by_gate: plannedByGate,
        thresholds: this.options.thresholds,
        target: { name: this.options.target.name, base_url: this.options.target.baseUrl, api_url: this.options.target.apiUrl, environment: this.options.target.environment },
        git_sha: gitSha(this.options.repository ?? process.cwd()),
        shard: config.shard ? `${config.shard.current}/${config.shard.total}` : null,
        workers: config.workers,
        config_file: path.relative(process.cwd(), this.options.configFile ?? config.configFile ?? '') || '',
        ...(this.options.signOffs ? { sign_offs: this.options.signOffs } : {}),
      };
      this.writer.write(this.redactor.value(run));
      pointLatest(this.outputDir, this.writer.file);
    } catch (error) {
      this.reportOwnError('could not start the execution log', error);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (this.listOnly) return;
    const willRetry = (result.status === 'failed' || result.status === 'timedOut') && result.retry < test.retries;
    if (willRetry) return;
    if (this.options.targetId !== undefined && projectMetadata(test).target !== this.options.targetId) return;
    try {
      const task = toTaskInput(test, false, this.redactor);
      // A merged report may hold a dependency's tests once per shard: log each task once.
      if (!this.written.has(this.taskKey(task))) this.writeTask(task);
    } catch (error) {
      this.reportOwnError(`could not log ${test.title}`, error);
    }
    this.ended.add(test.id);
    if (this.options.stageVerdict && this.ended.size === this.expected) this.writeStageVerdict();
  }

  /** This target's verdict the moment its last task ended: what the next stage's rollout gate reads. */
  private writeStageVerdict(result?: RunResult): void {
    try {
      const judged = result ?? computeRun(function* (this: RiskReporter): Generator<TaskInput> {
        for (const test of uniqueTests(this.rootSuite!, this.options.targetId)) yield toTaskInput(test, false, this.redactor);
      }.call(this), this.runOptions(false, this.expected, 'passed', new Date()));
      writeFileAtomic(path.join(this.outputDir, STAGE_VERDICT_FILE), `${JSON.stringify(this.redactor.value({
        run_id: this.runId, verdict: judged.verdict, risk_rate: judged.riskRate, reasons: judged.reasons, tasks: judged.tasks, final: result !== undefined, time: new Date().toISOString(),
      }), null, 2)}\n`);
    } catch (error) {
      this.reportOwnError('could not write the stage verdict', error);
    }
  }

  /** What the verdict is computed with, mid-run (the stage verdict) and at the end alike. */
  private runOptions(interrupted: boolean, tests: number, status: FullResult['status'], endTime: Date): Parameters<typeof computeRun>[1] {
    const expired = (this.options.waivers ?? []).filter((w) => isExpired(w, endTime));
    return {
      thresholds: this.options.thresholds,
      policy: this.policy,
      interrupted,
      strict: process.env.STRICT === '1' || process.env.STRICT === 'true',
      gateOrder: this.options.gateOrder,
      runErrors: this.runErrors.length > 0 || tests > 0 || status === 'passed'
        ? this.runErrors
        : [`the run ended "${status}" without running any task`],
      extraWarnings: expired.map((w) => ({ kind: 'waiver-expired' as const, message: `waiver ${describeWaiver(w)} has expired and no longer applies` })),
    };
  }

  /** Errors outside any test: a spec that does not load, a web server that never started. */
  onError(error: TestError): void {
    const where = error.location ? ` (${path.relative(process.cwd(), error.location.file)}:${error.location.line})` : '';
    this.runErrors.push(this.redactor.text(`${errorMessage(error.message ?? error.value ?? 'error')}${where}`).slice(0, 2000));
  }

  async onEnd(fullResult: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.listOnly) return undefined;
    try {
      for (const secret of readSharedSecrets()) this.redactor.add(secret);
      const endTime = new Date();
      const interrupted = fullResult.status === 'interrupted' || fullResult.status === 'timedout';
      const tests = this.rootSuite ? uniqueTests(this.rootSuite, this.options.targetId) : [];
      // One task at a time: its operations are counted and dropped, so memory does not grow with them.
      const skipped: TaskInput[] = [];
      const sarif = new AuditSarifCollector();
      const inputs = function* (this: RiskReporter): Generator<TaskInput> {
        for (const test of tests) {
          const task = toTaskInput(test, interrupted, this.redactor);
          if (!this.written.has(this.taskKey(task))) this.writeTask(task);
          if (task.status === 'skipped') skipped.push(task);
          sarif.add(task);
          yield task;
        }
      }.call(this);

      const waivers = this.options.waivers ?? [];
      const expired = waivers.filter((w) => isExpired(w, endTime));
      const result = computeRun(inputs, this.runOptions(interrupted, tests.length, fullResult.status, endTime));
      if (this.options.stageVerdict) this.writeStageVerdict(result);
      const byId = new Map(tests.map((test) => [taskIdOf(test), test]));
      // Failures and findings both link what their test attached (Lighthouse's report, the axe view).
      for (const failure of [...result.failures, ...(result.findings ?? [])]) {
        const test = byId.get(failure.taskId);
        if (test) failure.attachments = attachmentPaths(test, process.cwd());
      }
      for (const record of gateRecords(this.runId, result)) this.writer?.write(record);
      const rollback = await rollbackHook(this.options.onCritical, result, {
        runId: this.runId,
        environment: this.options.target.environment as 'local' | 'staging' | 'production',
        dryRun: this.options.dryRun ?? false,
        baseUrl: this.options.target.baseUrl,
        configDir: this.options.configDir ?? process.cwd(),
        redactor: this.redactor,
      });
      if (rollback) this.writer?.write(rollback.record);
      this.writer?.write(summaryRecord(this.runId, this.redactor.value(result), this.startTime, endTime));
      this.writer?.close();

      const summary = this.redactor.value(this.buildSummary(result, skipped, waivers.filter((w) => !isExpired(w, endTime)), expired, endTime));
      if (rollback) summary.run.notes = [...(summary.run.notes ?? []), { title: 'Rollback', lines: rollback.lines }];
      const visual = this.visualReview(tests);
      if (visual) summary.run.notes = [...(summary.run.notes ?? []), { title: 'Visual changes', lines: this.redactor.value(visual.lines) }];
      // Read before this run's history line is appended: the first PASS after a WARNING alerts too.
      const previousVerdict = readPreviousVerdict(this.outputDir, { name: this.options.target.name, environment: this.options.target.environment });
      this.writeSummaryFiles(summary, result);
      await sendAlerts({ summary, previousVerdict, reportsDir: this.outputDir, env: process.env });
      this.writeAllureEnvironment(result, summary);
      this.writeSarif(sarif);
      scrubTextFiles(this.options.scrub?.allureDir, this.redactor);
      scrubHtmlReport(this.options.scrub?.htmlDir, this.redactor);
      if (this.options.scrub?.htmlDir) scrubTextFiles(path.join(this.options.scrub.htmlDir, 'data'), this.redactor);
      for (const dir of this.testOutputDirs) scrubTextFiles(dir, this.redactor);
      // The blob reporter is listed before this one: its archive is complete by now.
      scrubBlobReports(this.options.scrub?.blobDir, this.redactor);
      closeSecretChannel();
      return { status: result.exitCode === 1 ? 'failed' : 'passed' };
    } catch (error) {
      this.reportOwnError('could not compute the verdict', error);
      return { status: 'failed' };
    }
  }

  private get policy(): RiskPolicy {
    return this.options.policy ?? DEFAULT_POLICY;
  }

  private taskKey(task: TaskInput): string {
    return `${task.gate}\u0000${task.taskId}\u0000${task.description}`;
  }

  private writeTask(task: TaskInput): void {
    const key = this.taskKey(task);
    this.written.add(key);
    const evaluated = evaluateTask(task, this.policy);
    const attempts = task.attempts;
    const first = attempts[0];
    const last = attempts[attempts.length - 1];
    const start = first ? new Date(first.startTime) : null;
    const end = last ? new Date(Date.parse(last.startTime) + last.durationMs) : null;
    const record: TaskRecord = {
      type: 'task',
      run_id: this.runId,
      task_id: task.taskId,
      agent: task.gate,
      phase: task.phase,
      description: task.description,
      status: task.status,
      start_time: start ? start.toISOString() : null,
      end_time: end ? end.toISOString() : null,
      duration_seconds: start && end ? Math.max(0, Math.round((end.getTime() - start.getTime()) / 10) / 100) : 0,
      dependencies: task.dependencies,
      errors: evaluated.failures.map((f) => `${f.operation}: ${f.message}`.slice(0, 1000)),
      findings: evaluated.findings.map((f) => `${f.operation}: ${f.message}`.slice(0, 1000)),
      warnings: [...evaluated.warnings.map((w) => w.message), ...(task.status === 'skipped' ? [`skipped: ${task.skipReason ?? 'no reason given'}`] : [])],
      metrics: { operations: evaluated.result.operations.operations, failed_operations: evaluated.result.operations.failed, warn_operations: evaluated.result.operations.warned, findings: evaluated.result.operations.findings },
      attempt: last?.attempt ?? 0,
      location: `${task.file}:${task.line}`,
      tags: task.tags,
    };
    this.writer?.write(this.redactor.value(record));
  }

  private buildSummary(result: RunResult, skipped: TaskInput[], inForce: Waiver[], expired: Waiver[], endTime: Date): ExecutiveSummary {
    return buildExecutiveSummary(result, {
      readiness: readinessOf(this.outputDir, this.options.signOffs ?? [], this.runId, gateStatuses(result.gates)),
      runId: this.runId,
      mode: this.mode,
      target: this.options.target,
      startTime: this.startTime.toISOString(),
      endTime: endTime.toISOString(),
      durationSeconds: (endTime.getTime() - this.startTime.getTime()) / 1000,
      gitSha: gitSha(this.options.repository ?? process.cwd()),
      waiversInForce: inForce,
      expiredWaivers: expired,
      skipped: skipped.map((t) => ({ taskId: t.taskId, reason: t.skipReason ?? 'no reason given' })),
      reports: {
        log: path.relative(process.cwd(), this.writer?.file ?? '') || '',
        html: this.options.htmlReport,
        allure: this.options.allureResults,
      },
    });
  }

  private writeSummaryFiles(summary: ExecutiveSummary, result: RunResult): void {
    const markdownPath = path.join(this.outputDir, 'executive-summary.md');
    writeFileAtomic(markdownPath, renderMarkdown(summary));
    writeFileAtomic(path.join(this.outputDir, 'executive-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileAtomic(path.join(this.outputDir, 'verdict.json'), `${JSON.stringify({
      run_id: this.runId, verdict: result.verdict, exit_code: result.exitCode, risk_rate: result.riskRate, reasons: result.reasons,
      tasks: result.tasks, operations: result.operations.operations, failed_operations: result.operations.failed,
      ...heldBack(result),
      target: { name: summary.run.target.name, environment: summary.run.target.environment },
      ...(summary.run.readiness ? { readiness: verdictReadiness(summary.run.readiness, this.options.signOffs ?? [], gateStatuses(result.gates)) } : {}),
    }, null, 2)}\n`);
    appendFileSync(path.join(this.outputDir, 'history.jsonl'), `${JSON.stringify(this.redactor.value({
      run_id: this.runId,
      time: summary.run.endTime,
      git_sha: summary.run.gitSha,
      target: summary.run.target.name,
      base_url: summary.run.target.baseUrl,
      environment: summary.run.target.environment,
      mode: this.mode,
      verdict: result.verdict,
      risk_rate: result.riskRate,
      duration_seconds: summary.run.durationSeconds,
      gates: Object.fromEntries(result.gates.map((g) => [g.gate, { status: g.status, tasks: g.tasks.total, failed: g.tasks.failed, blocked: g.tasks.blocked, operations: g.operations.operations, failed_operations: g.operations.failed, risk_rate: g.riskRate }])),
      log: path.relative(this.outputDir, this.writer?.file ?? ''),
    }))}\n`);
    if (this.writer) pointLatest(this.outputDir, this.writer.file);
    console.log(renderShort(summary, path.relative(process.cwd(), markdownPath)));
  }

  /** The audit findings for code scanning; its own failure is reported, never the verdict's. */
  private writeSarif(sarif: AuditSarifCollector): void {
    try {
      sarif.write(this.outputDir, this.redactor);
    } catch (error) {
      this.reportOwnError('could not write the audit SARIF', error);
    }
  }

  /** Allure's environment widget carries the verdict, so a team reading Allure reads the gate's decision too. */
  private writeAllureEnvironment(result: RunResult, summary: ExecutiveSummary): void {
    const dir = this.options.scrub?.allureDir;
    if (!dir || !existsSync(dir)) return;
    try {
      const gates = Object.fromEntries(result.gates.map((g) => [`gate ${g.gate}`, `${g.status}, risk rate ${formatRate(g.riskRate)}`]));
      writeFileAtomic(path.join(dir, 'environment.properties'), this.redactor.text(allureEnvironment({
        verdict: result.verdict,
        'risk rate': formatRate(result.riskRate),
        reasons: result.reasons.join('; '),
        target: summary.run.target.name,
        environment: summary.run.target.environment,
        'base url': summary.run.target.baseUrl,
        run: this.runId,
        'git sha': summary.run.gitSha,
        'executive summary': path.relative(process.cwd(), path.join(this.outputDir, 'executive-summary.md')),
        ...gates,
      })));
    } catch (error) {
      this.reportOwnError('could not write the Allure environment', error);
    }
  }

  /** Screens to review, beside the summary; its own failure is reported, never the verdict's. */
  private visualReview(tests: readonly TestCase[]): VisualReview | undefined {
    try {
      return writeVisualReview(tests, this.outputDir, this.runId, this.options.target.name);
    } catch (error) {
      this.reportOwnError('could not write the visual review', error);
      return undefined;
    }
  }

  private reportOwnError(what: string, error: unknown): void {
    console.error(`Risk reporter ${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

export { taskTitlePath };
