import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * A real, small Alembic project on SQLite, built for a test: one model, one migration, and on
 * request a second migration never applied (what "migrations pending" means).
 */

const INI = `[alembic]
script_location = migrations
prepend_sys_path = .
sqlalchemy.url = sqlite:///orders.db

[loggers]
keys = root,sqlalchemy,alembic
[handlers]
keys = console
[formatters]
keys = generic
[logger_root]
level = WARN
handlers = console
qualname =
[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine
[logger_alembic]
level = INFO
handlers =
qualname = alembic
[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic
[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
`;

const ENV = `from alembic import context
from sqlalchemy import engine_from_config, pool

import models

config = context.config
connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=models.metadata)
    with context.begin_transaction():
        context.run_migrations()
`;

const MODELS = `import sqlalchemy as sa

metadata = sa.MetaData()
orders = sa.Table("orders", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("symbol", sa.String(12), nullable=False))
`;

const migration = (revision: string, down: string | null, upgrade: string, downgrade: string) => `"""${revision}"""
import sqlalchemy as sa
from alembic import op

revision = "${revision}"
down_revision = ${down ? `"${down}"` : 'None'}
branch_labels = None
depends_on = None


def upgrade():
    ${upgrade}


def downgrade():
    ${downgrade}
`;

/** A Python interpreter that imports alembic and sqlalchemy, or undefined (with what was tried). */
export function pythonWithAlembic(): { python?: string; tried: string[] } {
  const candidates = [process.env.MIGRATIONS_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));
  for (const python of candidates) {
    if (spawnSync(python, ['-c', 'import alembic, sqlalchemy'], { stdio: 'ignore', timeout: 20_000 }).status === 0) return { python, tried: candidates };
  }
  return { tried: candidates };
}

/** Builds the project in a temp folder and migrates its database to the head. */
export function alembicProject(python: string): { dir: string; addPendingMigration: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mo-alembic-'));
  mkdirSync(path.join(dir, 'migrations', 'versions'), { recursive: true });
  writeFileSync(path.join(dir, 'alembic.ini'), INI);
  writeFileSync(path.join(dir, 'migrations', 'env.py'), ENV);
  writeFileSync(path.join(dir, 'models.py'), MODELS);
  writeFileSync(path.join(dir, 'migrations', 'versions', '0001_create_orders.py'), migration('0001', null,
    'op.create_table("orders", sa.Column("id", sa.Integer, primary_key=True), sa.Column("symbol", sa.String(12), nullable=False))',
    'op.drop_table("orders")'));
  const upgrade = spawnSync(python, ['-m', 'alembic', 'upgrade', 'head'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (upgrade.status !== 0) throw new Error(`alembic upgrade head failed in ${dir}: ${upgrade.stderr}`);
  return {
    dir,
    addPendingMigration: () => writeFileSync(path.join(dir, 'migrations', 'versions', '0002_add_quantity.py'), migration('0002', '0001',
      'op.add_column("orders", sa.Column("quantity", sa.Integer, nullable=True))',
      'op.drop_column("orders", "quantity")')),
  };
}
