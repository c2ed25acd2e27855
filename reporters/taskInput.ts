import path from 'node:path';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { taskIdFor } from '../lib/ids.ts';
import { Redactor } from '../lib/redact.ts';
import { RISK_ATTACHMENT, errorMessage, type AttemptInput, type Operation, type RiskAttachment, type TaskInput, type TaskStatus } from '../lib/risk/index.ts';

interface ProjectMetadata {
  gate?: string;
  /** The workspace target whose chain the project belongs to. */
  target?: string;
  phase?: string;
  dependencies?: string[];
}

export function projectMetadata(test: TestCase): ProjectMetadata & { project: string } {
  const project = test.parent.project();
  return { ...((project?.metadata ?? {}) as ProjectMetadata), project: project?.name ?? '' };
}

/** Title path below the project and file: describe blocks and the test title (a target's own block left out: the log names the target). */
export function taskTitlePath(test: TestCase): string[] {
  const titles = test.titlePath().slice(3);
  const target = projectMetadata(test).target;
  return target !== undefined && titles[0] === target && titles.length > 1 ? titles.slice(1) : titles;
}

export function taskIdOf(test: TestCase): string {
  const meta = projectMetadata(test);
  return taskIdFor(meta.gate ?? meta.project, taskTitlePath(test));
}

/** Operations a test attached, from every attachment named `risk` of that attempt, and how many were switched off. */
export function risksOf(result: TestResult): { operations: Operation[]; switchedOff: number } {
  const operations: Operation[] = [];
  let switchedOff = 0;
  for (const attachment of result.attachments) {
    if (attachment.name !== RISK_ATTACHMENT || !attachment.body) continue;
    try {
      const parsed = JSON.parse(attachment.body.toString('utf8')) as RiskAttachment;
      if (Array.isArray(parsed.operations)) operations.push(...parsed.operations);
      switchedOff += typeof parsed.switchedOff === 'number' ? parsed.switchedOff : 0;
    } catch {
      operations.push({ name: 'risk attachment', check: 'run/attachment', outcome: 'fail', severity: 'high', durationMs: 0, message: 'the risk attachment of this task is not valid JSON' });
    }
  }
  return { operations, switchedOff };
}

export function operationsOf(result: TestResult): Operation[] {
  return risksOf(result).operations;
}

function attemptStatus(result: TestResult): AttemptInput['status'] {
  return result.status;
}

/** Maps Playwright's view of a test to a task status. */
export function taskStatus(test: TestCase, runInterrupted: boolean): TaskStatus {
  const last = test.results[test.results.length - 1];
  if (!last) return runInterrupted ? 'interrupted' : 'blocked';
  if (last.status === 'interrupted') return 'interrupted';
  switch (test.outcome()) {
    case 'expected': return last.status === 'skipped' ? 'skipped' : 'completed';
    case 'flaky': return 'flaky';
    case 'skipped': return 'skipped';
    default: return 'failed';
  }
}

export function skipReason(test: TestCase): string | undefined {
  const annotations = [...test.annotations, ...(test.results.at(-1)?.annotations ?? [])];
  const skip = annotations.find((a) => a.type === 'skip' || a.type === 'fixme');
  if (!skip) return undefined;
  return skip.description || 'skipped without a reason';
}

export function attachmentPaths(test: TestCase, relativeTo: string): string[] {
  const files: string[] = [];
  for (const result of test.results) {
    for (const attachment of result.attachments) {
      if (attachment.path) files.push(path.relative(relativeTo, attachment.path) || attachment.path);
    }
  }
  return files;
}

export function toTaskInput(test: TestCase, runInterrupted: boolean, redactor: Redactor): TaskInput {
  const meta = projectMetadata(test);
  const gate = meta.gate ?? meta.project;
  return {
    taskId: taskIdOf(test),
    project: meta.project,
    gate,
    phase: meta.phase ?? gate.toUpperCase(),
    description: taskTitlePath(test).join(' > '),
    file: path.relative(process.cwd(), test.location.file) || test.location.file,
    line: test.location.line,
    tags: test.tags,
    dependencies: meta.dependencies ?? [],
    status: taskStatus(test, runInterrupted),
    skipReason: skipReason(test),
    attempts: test.results.map((result) => ({
      attempt: result.retry,
      status: attemptStatus(result),
      startTime: result.startTime.toISOString(),
      durationMs: result.duration,
      ...risksOf(result),
      errors: result.errors.map((e) => redactor.text(errorMessage(e.message ?? e.value ?? 'error')).slice(0, 2000)),
    })),
  };
}
