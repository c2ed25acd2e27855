import path from 'node:path';
import type { AuditConfig } from '../../config/sections/audit.ts';

/*
 * Migrations up to date, through each tool's own status command. Which tool a repository uses is
 * read from its files; what a command's output means is judged here, from text, so the judges are
 * tested without the tools. Running the commands is the gate's job (lib/audit/gate/migrationChecks.ts).
 */

export type MigrationTool = AuditConfig['migrations']['skip'][number];

/** What one status command says. */
export type MigrationState =
  | { state: 'up-to-date'; detail: string }
  | { state: 'pending'; detail: string }
  | { state: 'drift'; detail: string }
  | { state: 'error'; detail: string };

/** A command's result as the judges read it. */
export interface CommandOutput {
  exitCode: number | null;
  stdout: string;
  /** stdout and stderr together (the tail). */
  output: string;
}

/** One check of a recognised project: what it asserts, the command, and how its output is read. */
export interface MigrationCheck {
  /** Names the operation: "migrations: <tool> in <dir>: <title>". */
  title: string;
  command: string;
  judge: (output: CommandOutput) => MigrationState;
}

/** One recognised project of a tool, in a folder of the repository. */
export interface MigrationProject {
  tool: MigrationTool;
  /** Folder relative to the repository root ('.' for the root). */
  dir: string;
  /** The file that revealed it, relative to the repository root. */
  marker: string;
  /** Exit 0 when the tool is installed; its stdout may carry the version. */
  probe: string;
}

const quote = (value: string) => (/^[\w./@:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
const lastLine = (text: string) => text.trim().split('\n').map((line) => line.trim()).filter(Boolean).pop() ?? '';
const npx = (tool: string) => `npx --no-install ${tool}`;

/** Recognises the projects of the four preset tools from the repository's file list. */
export function detectMigrationProjects(files: readonly { path: string; text?: string }[], config: AuditConfig['migrations']): MigrationProject[] {
  if (!config.detect) return [];
  const projects: MigrationProject[] = [];
  const add = (tool: MigrationTool, marker: string, dir: string, probe: string) => {
    if (config.skip.includes(tool) || projects.some((p) => p.tool === tool && p.dir === dir)) return;
    projects.push({ tool, marker, dir, probe });
  };
  for (const file of files) {
    if (/(^|\/)node_modules\//.test(file.path)) continue;
    const dir = path.posix.dirname(file.path);
    const name = path.posix.basename(file.path);
    if (name === 'alembic.ini') add('alembic', file.path, dir, `${config.python} -m alembic --version`);
    else if (name === 'manage.py' && (file.text === undefined || file.text.includes('DJANGO_SETTINGS_MODULE'))) add('django', file.path, dir, `${config.python} -c "import django; print(django.get_version())"`);
    else if (name === 'schema.prisma') add('prisma', file.path, path.posix.basename(dir) === 'prisma' ? path.posix.dirname(dir) : dir, `${npx('prisma')} --version`);
    else if (/^knexfile\.(js|cjs|mjs|ts)$/.test(name)) add('knex', file.path, dir, `${npx('knex')} --version`);
  }
  return projects;
}

/** Revision ids printed by `alembic current` / `alembic heads` (one per line, "abc123 (head)"). */
export function alembicRevisions(stdout: string): string[] {
  return stdout.split('\n').map((line) => /^([0-9A-Za-z_]+)(?:\s+\([^)]*\))*\s*$/.exec(line.trim())?.[1]).filter((id): id is string => Boolean(id));
}

/** Alembic before 1.9 has no `check`: the database is up to date when `current` equals `heads`. */
export function compareAlembicRevisions(current: readonly string[], heads: readonly string[]): MigrationState {
  if (heads.length === 0) return { state: 'error', detail: '`alembic heads` named no revision: is script_location right?' };
  const missing = heads.filter((head) => !current.includes(head));
  if (missing.length === 0) return { state: 'up-to-date', detail: `the database is at the head (${heads.join(', ')})` };
  const at = current.length > 0 ? `at ${current.join(', ')}` : 'at no revision (never migrated)';
  return { state: 'pending', detail: `the database is ${at}, the head is ${heads.join(', ')}: \`alembic upgrade head\` has not been run` };
}

/** `alembic check` (1.9+): "No new upgrade operations detected." or why not. */
export function judgeAlembicCheck(out: CommandOutput): MigrationState {
  if (/Target database is not up to date/.test(out.output)) return { state: 'pending', detail: 'the database is not at the head revision: `alembic upgrade head` has not been run' };
  const ops = /New upgrade operations detected:\s*(.*)/.exec(out.output);
  if (ops) return { state: 'drift', detail: `the models differ from the migrations, and no migration makes the change: ${ops[1]!.slice(0, 400)}` };
  if (out.exitCode === 0) return { state: 'up-to-date', detail: 'the database is at the head and the models match the migrations' };
  return { state: 'error', detail: lastLine(out.output) };
}

/** Alembic's version from `alembic --version` ("alembic 1.8.1"). */
export function alembicVersion(text: string): [number, number] | undefined {
  const match = /alembic (\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const exitJudge = (ok: string, failed: 'pending' | 'drift', detail: (out: CommandOutput) => string) => (out: CommandOutput): MigrationState => {
  if (out.exitCode === 0) return { state: 'up-to-date', detail: ok };
  // A crash (no database, a settings error) is not a verdict on the migrations.
  if (/Traceback \(most recent call last\)/.test(out.output)) return { state: 'error', detail: lastLine(out.output) };
  return { state: failed, detail: detail(out) };
};

/** Prisma's `migrate status`: up to date, migrations not applied, drift, or it could not tell. */
export function judgePrismaStatus(out: CommandOutput): MigrationState {
  if (/Database schema is up to date/.test(out.output)) return { state: 'up-to-date', detail: 'every migration is applied' };
  // The names follow, one a line, up to the first blank line.
  const pending = /have not yet been applied:\s*\n([\s\S]*?)(?:\n\s*\n|$)/.exec(out.output);
  if (pending?.[1]?.trim()) return { state: 'pending', detail: `not applied: ${pending[1].trim().split(/\s+/).join(', ')}` };
  if (/not yet been applied/.test(out.output)) return { state: 'pending', detail: lastLine(out.output) };
  if (/drift|differ/i.test(out.output) && !/P1001/.test(out.output)) return { state: 'drift', detail: lastLine(out.output) };
  return { state: 'error', detail: lastLine(out.output) };
}

/** Knex's `migrate:list` exits 0 either way: its "Found N Pending Migration file/files." decides. */
export function judgeKnexList(out: CommandOutput): MigrationState {
  const pending = /Found (\d+) Pending Migration file\/files\.\s*\n([\s\S]*)$/.exec(out.output);
  if (pending) return { state: 'pending', detail: `${pending[1]} pending: ${pending[2]!.trim().split(/\s+/).slice(0, 10).join(', ')}` };
  if (/No Pending Migration files Found/.test(out.output) && out.exitCode === 0) return { state: 'up-to-date', detail: 'no pending migration' };
  return { state: 'error', detail: lastLine(out.output) };
}

/** The checks of one project; Alembic's depend on its version (`check` came in 1.9). */
export function migrationChecks(project: MigrationProject, config: AuditConfig['migrations'], probeOutput: string): MigrationCheck[] {
  const python = config.python;
  switch (project.tool) {
    case 'alembic': {
      const version = alembicVersion(probeOutput);
      const ini = quote(path.posix.basename(project.marker));
      if (version && (version[0] > 1 || version[1] >= 9)) {
        return [{ title: 'database at the head, models match the migrations (alembic check)', command: `${python} -m alembic -c ${ini} check`, judge: judgeAlembicCheck }];
      }
      // Two commands, compared: `current` then `heads`, joined by a marker line.
      return [{
        title: 'database at the head (alembic current = heads)',
        command: `${python} -m alembic -c ${ini} current && echo '--- heads ---' && ${python} -m alembic -c ${ini} heads`,
        judge: (out) => {
          if (out.exitCode !== 0) return { state: 'error', detail: lastLine(out.output) };
          const [current = '', heads = ''] = out.stdout.split('--- heads ---');
          return compareAlembicRevisions(alembicRevisions(current), alembicRevisions(heads));
        },
      }];
    }
    case 'django':
      return [
        { title: 'models have their migrations (makemigrations --check)', command: `${python} manage.py makemigrations --check --dry-run`, judge: exitJudge('no model change without a migration', 'drift', (out) => `models changed without a migration: ${out.output.trim().split('\n').slice(0, 6).join(' ').slice(0, 400)}`) },
        { title: 'migrations applied (migrate --check)', command: `${python} manage.py migrate --check`, judge: exitJudge('every migration is applied', 'pending', (out) => `unapplied migrations: ${lastLine(out.output) || '`migrate` has not been run'}`) },
      ];
    case 'prisma':
      return [{ title: 'migrations applied (prisma migrate status)', command: `${npx('prisma')} migrate status --schema ${quote(path.posix.relative(project.dir, project.marker))}`, judge: judgePrismaStatus }];
    case 'knex':
      return [{ title: 'migrations applied (knex migrate:list)', command: `${npx('knex')} migrate:list --knexfile ${quote(path.posix.basename(project.marker))}`, judge: judgeKnexList }];
  }
}

/** A configured command: exit 0 is up to date, unless its output matches `pendingPattern`. */
export function judgeConfiguredCommand(out: CommandOutput, pendingPattern: string | undefined): MigrationState {
  const pending = pendingPattern ? new RegExp(pendingPattern, 'm').exec(out.output) : null;
  if (pending) return { state: 'pending', detail: `the output says "${pending[0].slice(0, 200)}"` };
  if (out.exitCode === 0) return { state: 'up-to-date', detail: 'exited 0' };
  return { state: 'pending', detail: `exited ${out.exitCode ?? 'on a signal'}: ${lastLine(out.output)}` };
}

/** Whether a probe's failure means the tool is not installed (rather than broken). */
export function toolAbsent(out: CommandOutput): boolean {
  return out.exitCode === 127 || /No module named|command not found|could not determine executable|missing packages|ENOENT/i.test(out.output);
}
