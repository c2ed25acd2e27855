import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  alembicRevisions, compareAlembicRevisions, detectMigrationProjects, judgeAlembicCheck, judgeConfiguredCommand, judgeKnexList, judgePrismaStatus, migrationChecks, toolAbsent,
} from '../../../lib/audit/checks/migrations.ts';
import { auditSection } from '../../../lib/config/sections/audit.ts';

const config = auditSection.parse(undefined).migrations;
const out = (output: string, exitCode = 0, stdout = output) => ({ output, exitCode, stdout });

describe('migration presets: recognised from the repository files', () => {
  it('finds Alembic, Django, Prisma and Knex projects where their files are', () => {
    const projects = detectMigrationProjects([
      { path: 'alembic.ini' },
      { path: 'backend/manage.py', text: 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")' },
      { path: 'tools/manage.py', text: 'print("not django")' },
      { path: 'web/prisma/schema.prisma' },
      { path: 'api/knexfile.ts' },
      { path: 'node_modules/x/knexfile.js' },
    ], config);
    assert.deepEqual(projects.map((p) => `${p.tool} ${p.dir} ${p.marker}`), ['alembic . alembic.ini', 'django backend backend/manage.py', 'prisma web web/prisma/schema.prisma', 'knex api api/knexfile.ts']);
  });
  it('skips presets by name, or detection altogether', () => {
    assert.deepEqual(detectMigrationProjects([{ path: 'alembic.ini' }], { ...config, skip: ['alembic'] }), []);
    assert.deepEqual(detectMigrationProjects([{ path: 'alembic.ini' }], { ...config, detect: false }), []);
  });
  it('uses `alembic check` from 1.9, and current vs heads before', () => {
    const project = detectMigrationProjects([{ path: 'db/alembic.ini' }], config)[0]!;
    assert.match(migrationChecks(project, config, 'alembic 1.13.2')[0]!.command, /^python3 -m alembic -c alembic\.ini check$/);
    assert.match(migrationChecks(project, config, 'alembic 1.8.1')[0]!.command, / current && echo '--- heads ---' && .* heads$/);
  });
});

describe('migration judges', () => {
  it('alembic current vs heads', () => {
    assert.deepEqual(alembicRevisions('INFO  [alembic.runtime.migration] Context impl SQLiteImpl.\n0001 (head)\n'), ['0001']);
    assert.equal(compareAlembicRevisions(['0002'], ['0002']).state, 'up-to-date');
    assert.deepEqual(compareAlembicRevisions(['0001'], ['0002']), { state: 'pending', detail: 'the database is at 0001, the head is 0002: `alembic upgrade head` has not been run' });
    assert.match(compareAlembicRevisions([], ['0001']).detail, /at no revision \(never migrated\)/);
  });
  it('alembic check: pending, models changed without a migration, clean, broken', () => {
    assert.equal(judgeAlembicCheck(out('FAILED: Target database is not up to date.', 255)).state, 'pending');
    const drift = judgeAlembicCheck(out("ERROR [alembic.util.messaging] New upgrade operations detected: [('add_column', None, 'orders', Column('quantity', Integer()))]", 255));
    assert.equal(drift.state, 'drift');
    assert.match(drift.detail, /add_column.*quantity/);
    assert.equal(judgeAlembicCheck(out('No new upgrade operations detected.')).state, 'up-to-date');
    assert.equal(judgeAlembicCheck(out('sqlalchemy.exc.OperationalError: unable to open database file', 1)).state, 'error');
  });
  it('prisma migrate status and knex migrate:list', () => {
    assert.equal(judgePrismaStatus(out('Database schema is up to date!')).state, 'up-to-date');
    assert.deepEqual(judgePrismaStatus(out('Following migration have not yet been applied:\n20240101_add_orders\n\nTo apply migrations in development run prisma migrate dev.', 1)), { state: 'pending', detail: 'not applied: 20240101_add_orders' });
    assert.equal(judgePrismaStatus(out("Error: P1001: Can't reach database server at `db:5432`", 1)).state, 'error');
    assert.equal(judgeKnexList(out('Found 2 Completed Migration file/files.\na.js\nb.js\nNo Pending Migration files Found.\n')).state, 'up-to-date');
    assert.deepEqual(judgeKnexList(out('Found 1 Completed Migration file/files.\na.js\nFound 1 Pending Migration file/files.\n20240102_orders.js\n')), { state: 'pending', detail: '1 pending: 20240102_orders.js' });
  });
  it('a configured command: exit code, or its pending pattern for tools that always exit 0', () => {
    assert.equal(judgeConfiguredCommand(out('ok'), undefined).state, 'up-to-date');
    assert.equal(judgeConfiguredCommand(out('2 pending', 1), undefined).state, 'pending');
    assert.equal(judgeConfiguredCommand(out('Pending: 3'), '^Pending: [1-9]').state, 'pending');
  });
  it('tells a tool that is not installed from one that fails', () => {
    assert.ok(toolAbsent(out('/usr/bin/python3: No module named alembic', 1)));
    assert.ok(toolAbsent(out('sh: 1: knex: not found', 127)));
    assert.ok(!toolAbsent(out('sqlalchemy.exc.OperationalError', 1)));
  });
});
