import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { searchableText } from '../../lib/zip.ts';
import { assertLogValid } from '../helpers/logSchema.ts';
import type { SuiteRun } from '../helpers/runSuite.ts';

/**
 * The five properties every hostile case must hold, checked on one finished run: bounded time,
 * a one-sentence cause, a complete log valid against the schema, a summary, a non-zero exit,
 * and nothing secret in any output.
 */

/** What a case expects of its run. */
export type Expectation =
  /** A suite run: a log, a summary and a CRITICAL verdict are required. */
  | 'verdict'
  /** Refused before any test (a config problem): no log exists, the message names the key. */
  | 'refused'
  /** An ops script reading a damaged log: it must say so, never crash. */
  | 'tool';

export interface CaseOutcome {
  name: string;
  verdict: string;
  exitCode: number | null;
  seconds: number;
  boundSeconds: number;
  logValid: string;
  message: string;
  /** Properties that did not hold; empty when the case passed. */
  problems: string[];
}

export interface Observed {
  exitCode: number | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** The suite run, when there was one. */
  run?: SuiteRun;
  /** Folder every output file of the case lives under (searched for the secret). */
  outputRoot?: string;
}

export function newSecret(): string {
  return `pw-${randomBytes(12).toString('hex')}`;
}

/** A line of a stack trace, as V8 prints it. */
const STACK_LINE = /^\s*at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/;

export function isStackOnly(message: string): boolean {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length === 0 || STACK_LINE.test(lines[0] ?? '') || lines.every((l) => STACK_LINE.test(l) || /^\w*Error$/.test(l));
}

/** The first line that reads as a sentence: at least three words and not a stack frame. */
export function firstSentence(text: string): string {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line.split(' ').length >= 3 && !STACK_LINE.test(line)) return line;
  }
  return '';
}

/** The message a reader sees first: the first failed task's first error, else the first finding, else the summary's reason. */
export function leadingMessage(observed: Observed, expectation: Expectation, cause?: RegExp): string {
  const run = observed.run;
  if (expectation === 'verdict' && run) {
    // What stopped the chain first, else the first finding, else why the verdict is what it is.
    const failed = run.tasks.find((t) => ['failed', 'interrupted', 'timedOut'].includes(t.status) && t.errors.length > 0);
    const finding = run.tasks.find((t) => (t.findings?.length ?? 0) > 0);
    const text = failed ? `${failed.task_id}: ${failed.errors[0]}` : finding ? `${finding.task_id}: ${finding.findings![0]}` : (run.summary?.reasons[0] ?? '');
    return firstSentence(text) || text.split('\n')[0] || '';
  }
  // A refusal or a tool's notice lists several lines: the one naming the cause, else the first sentence.
  const lines = `${observed.stderr}\n${observed.stdout}`.split('\n').filter((l) => !/^npm (warn|notice)/i.test(l));
  const naming = cause ? lines.find((l) => cause.test(l)) : undefined;
  return naming ? firstSentence(naming) || naming.trim() : firstSentence(lines.join('\n'));
}

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Output files (the HTML report's zip included) and the terminal that hold the secret. */
export function secretLeaks(observed: Observed, secret: string): string[] {
  const leaks: string[] = [];
  if (observed.stdout.includes(secret)) leaks.push('stdout');
  if (observed.stderr.includes(secret)) leaks.push('stderr');
  if (observed.outputRoot) {
    for (const file of filesUnder(observed.outputRoot)) {
      if (searchableText(readFileSync(file)).includes(secret)) leaks.push(path.relative(observed.outputRoot, file));
    }
  }
  return leaks;
}

export interface Judgement {
  name: string;
  expectation: Expectation;
  boundSeconds: number;
  /** The cause the message must name. */
  cause: RegExp;
  secret: string;
  /** The exit code the case must end with; by default any but 0. */
  exitCode?: number;
  /** Extra checks of the case; each returns a problem or undefined. */
  extra?: Array<(observed: Observed) => string | undefined>;
}

export function judge(observed: Observed, j: Judgement): CaseOutcome {
  const problems: string[] = [];
  const seconds = observed.durationMs / 1000;
  const run = observed.run;
  if (seconds > j.boundSeconds) problems.push(`took ${seconds.toFixed(1)} s, over its ${j.boundSeconds} s bound`);
  if (j.exitCode !== undefined) {
    if (observed.exitCode !== j.exitCode) problems.push(`exit code ${observed.exitCode}, expected ${j.exitCode}`);
  } else if (observed.exitCode === 0) problems.push('exit code 0');
  if (observed.exitCode === null) problems.push('killed: it did not end on its own');
  const message = leadingMessage(observed, j.expectation, j.cause);
  if (!message) problems.push('no message that reads as a sentence');
  else if (!j.cause.test(message)) problems.push(`the message does not name the cause ${j.cause}`);
  const output = `${observed.stdout}\n${observed.stderr}`;
  if (j.expectation !== 'verdict' && /\n\s+at .+:\d+:\d+/.test(output)) problems.push('a stack trace was printed');
  let logValid = 'n/a';
  if (j.expectation === 'verdict') {
    if (!run || run.logText === '') {
      logValid = 'no log';
      problems.push('no execution log');
    } else {
      try {
        assertLogValid(run);
        logValid = 'yes';
      } catch (error) {
        logValid = 'no';
        problems.push(`log invalid: ${(error as Error).message.split('\n')[0]}`);
      }
      if (run.summary?.verdict !== 'CRITICAL') problems.push(`verdict ${run.summary?.verdict ?? 'none'}, expected CRITICAL`);
      if (!run.summaryMarkdown.includes(run.summary?.verdict ?? '\0')) problems.push('no executive summary naming the verdict');
      for (const task of run.tasks) {
        for (const error of task.errors) if (isStackOnly(error)) problems.push(`${task.task_id}: an error that is only a stack trace`);
      }
    }
  }
  const leaks = secretLeaks(observed, j.secret);
  if (leaks.length > 0) problems.push(`the secret appears in ${leaks.slice(0, 5).join(', ')}`);
  for (const check of j.extra ?? []) {
    const problem = check(observed);
    if (problem) problems.push(problem);
  }
  return {
    name: j.name,
    verdict: run?.summary?.verdict ?? (j.expectation === 'refused' ? 'refused' : '-'),
    exitCode: observed.exitCode,
    seconds,
    boundSeconds: j.boundSeconds,
    logValid,
    message,
    problems,
  };
}
