import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { alembicProject, pythonWithAlembic } from '../helpers/alembicProject.ts';
import { digest, failedChecksOf, ROOT, runSuite, tasksOf } from '../helpers/runSuite.ts';

/**
 * "Migrations up to date" against a real SQLite Alembic project built here: the audit gate's
 * migrations task alone (--grep), clean, with a migration never applied, and with no Alembic.
 */
const TASK = 'audit/repository-database-migrations-are-up-to-date';
const { python, tried } = pythonWithAlembic();
const skip = python ? false : `Alembic and SQLAlchemy are not importable by ${tried.join(', ')} (apt-get install python3-alembic python3-sqlalchemy, or set MIGRATIONS_PYTHON)`;

function configFor(name: string, repository: string, interpreter: string): string {
  const dir = path.join(ROOT, '.work', 'selftest', `migrations-config-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'validation.config.ts');
  writeFileSync(file, [
    `import base from ${JSON.stringify(path.join(ROOT, 'validation.config.ts'))};`,
    `export default { ...base, audit: { ...base.audit, repository: ${JSON.stringify(repository)}, migrations: { python: ${JSON.stringify(interpreter)}, timeoutMs: 60000 } } };`,
    '',
  ].join('\n'));
  return file;
}

async function runMigrations(name: string, repository: string, interpreter: string) {
  return runSuite({
    project: 'audit', noDeps: true, args: ['--grep', 'database migrations'], timeoutMs: 240_000, name: `migrations-${name}-${process.pid}`,
    env: { VALIDATION_CONFIG: configFor(name, repository, interpreter), TARGET_REPO: repository },
  });
}

describe('audit: database migrations (Alembic on SQLite)', { concurrency: true, skip }, () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('passes when the database is at the head revision', async () => {
    const project = alembicProject(python!);
    folders.push(project.dir);
    const run = await runMigrations('clean', project.dir, python!);
    const task = tasksOf(run, 'audit').find((t) => t.task_id === TASK);
    assert.equal(run.exitCode, 0, digest(run));
    assert.equal(task?.status, 'completed', digest(run));
    assert.ok((task?.metrics.operations ?? 0) >= 1, `the check looked at the database\n${digest(run)}`);
  });

  it('fails naming both revisions when a migration was never applied', async () => {
    const project = alembicProject(python!);
    folders.push(project.dir);
    project.addPendingMigration();
    const run = await runMigrations('pending', project.dir, python!);
    const task = tasksOf(run, 'audit').find((t) => t.task_id === TASK);
    // audit/migrations is high: a finding that spends the error budget, here all of it.
    assert.equal(run.exitCode, 1, digest(run));
    assert.notEqual(run.summary?.verdict, 'PASS', digest(run));
    assert.ok(task, digest(run));
    assert.match(failedChecksOf(task).join('\n'), /^migrations: alembic in the repository root: database at the head[^:]*: migrations pending: the database is at 0001, the head is 0002: `alembic upgrade head` has not been run/m, digest(run));
  });

  it('skips with the reason when the tool is not installed', async () => {
    const project = alembicProject(python!);
    folders.push(project.dir);
    const run = await runMigrations('absent', project.dir, '/nonexistent/python3');
    const task = tasksOf(run, 'audit').find((t) => t.task_id === TASK);
    assert.equal(task?.status, 'skipped', digest(run));
    assert.match(task?.warnings.join('\n') ?? '', /no migration tool installed: alembic \(alembic\.ini\): alembic is not installed/, digest(run));
  });
});
