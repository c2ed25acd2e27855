import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RiskRecorder } from '../../risk/recorder.ts';
import { checkDefinition } from '../../risk/checks/index.ts';
import {
  detectMigrationProjects, judgeConfiguredCommand, migrationChecks, toolAbsent, type CommandOutput, type MigrationState,
} from '../checks/migrations.ts';
import { runCommand } from '../process.ts';
import type { AuditContext } from '../record.ts';

const SEVERITY = checkDefinition('audit/migrations')?.severity ?? 'high';
const VERDICT: Record<MigrationState['state'], string> = {
  'up-to-date': 'up to date',
  pending: 'migrations pending',
  drift: 'models changed without a migration',
  error: 'could not check',
};

export interface MigrationAuditOutcome {
  /** Projects recognised plus configured commands. */
  planned: number;
  /** Checks that ran (an operation each). */
  ran: number;
  /** Recognised projects not checked because their tool is not installed, and why. */
  absent: { project: string; reason: string }[];
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function run(command: string, cwd: string, timeoutMs: number): Promise<CommandOutput & { timedOut: boolean; durationMs: number }> {
  const result = await runCommand(command, { cwd, timeoutMs, keepStdout: true });
  return { exitCode: result.exitCode, stdout: result.stdout, output: result.tail, timedOut: result.timedOut, durationMs: result.durationMs };
}

function record(risk: RiskRecorder, name: string, state: MigrationState, command: string, where: string, output: string, durationMs: number): void {
  const options = { check: 'audit/migrations', severity: SEVERITY, durationMs, metrics: { durationMs: Math.round(durationMs) }, evidence: { command, cwd: where, output: output.slice(-2000) } };
  if (state.state === 'up-to-date') risk.pass(name, options);
  else risk.fail(name, `${VERDICT[state.state]}: ${state.detail}\n(\`${command}\` in ${where})`, options);
}

/**
 * Runs the migration status checks of every recognised project and configured command, each
 * bounded by audit.migrations.timeoutMs. A tool that is not installed is reported, not failed.
 */
export async function auditMigrations(context: AuditContext, risk: RiskRecorder): Promise<MigrationAuditOutcome> {
  const config = context.config.migrations;
  const files = context.listing.files.map((file) => ({
    path: file.path,
    ...(path.posix.basename(file.path) === 'manage.py' ? { text: readOrUndefined(path.join(context.root, file.path)) ?? '' } : {}),
  }));
  const projects = detectMigrationProjects(files, config);
  const outcome: MigrationAuditOutcome = { planned: projects.length + config.commands.length, ran: 0, absent: [] };
  for (const project of projects) {
    const cwd = path.join(context.root, project.dir);
    const where = project.dir === '.' ? 'the repository root' : `${project.dir}/`;
    const label = `migrations: ${project.tool} in ${where}`;
    const probe = await run(project.probe, cwd, Math.min(config.timeoutMs, 30_000));
    if (probe.exitCode !== 0 || probe.timedOut) {
      if (!probe.timedOut && toolAbsent(probe)) {
        outcome.absent.push({ project: `${project.tool} (${project.marker})`, reason: `${project.tool} is not installed: \`${project.probe}\` says "${probe.output.trim().split('\n').pop()?.trim() ?? ''}"` });
        continue;
      }
      outcome.ran += 1;
      record(risk, `${label}: the tool runs`, { state: 'error', detail: probe.timedOut ? `timed out after ${Math.min(config.timeoutMs, 30_000)} ms` : probe.output.trim().split('\n').pop() ?? '' }, project.probe, where, probe.output, probe.durationMs);
      continue;
    }
    const checks = migrationChecks(project, config, probe.stdout);
    for (const check of checks) {
      const result = await run(check.command, cwd, config.timeoutMs);
      const state: MigrationState = result.timedOut
        ? { state: 'error', detail: `timed out after ${config.timeoutMs} ms (audit.migrations.timeoutMs): does the database answer?` }
        : check.judge(result);
      outcome.ran += 1;
      record(risk, `${label}: ${check.title}`, state, check.command, where, result.output, result.durationMs);
    }
    if (project.tool === 'alembic' && checks.every((check) => !check.command.endsWith(' check'))) {
      risk.warn(`${label}: models compared with the migrations`, `not compared: ${probe.stdout.trim()} has no \`alembic check\` (Alembic 1.9 and later): only pending revisions are checked`, { check: 'audit/migrations', severity: SEVERITY });
    }
  }
  for (const command of config.commands) {
    const cwd = path.join(context.root, command.cwd);
    const timeoutMs = command.timeoutMs ?? config.timeoutMs;
    const result = await run(command.command, cwd, timeoutMs);
    const state: MigrationState = result.timedOut ? { state: 'error', detail: `timed out after ${timeoutMs} ms` } : judgeConfiguredCommand(result, command.pendingPattern);
    outcome.ran += 1;
    record(risk, `migrations: ${command.name}`, state, command.command, command.cwd === '.' ? 'the repository root' : command.cwd, result.output, result.durationMs);
  }
  return outcome;
}
