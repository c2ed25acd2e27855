import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditSarif, type SarifOperation } from '../lib/ci/sarif.ts';
import type { Redactor } from '../lib/redact.ts';
import type { TaskInput } from '../lib/risk/index.ts';
import { writeFileAtomic } from './output.ts';

export const AUDIT_GATE = 'audit';
export const SARIF_FILE = 'audit.sarif';

/** The suite's version, from the nearest package.json above this module (checkout or installed package). */
function suiteVersion(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === 'meta-orchestrator' && manifest.version) return manifest.version;
      } catch {
        // not ours: keep looking
      }
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

/** Collects the audit gate's failed and warned operations, from the attempt that decided each task. */
export class AuditSarifCollector {
  private readonly operations: SarifOperation[] = [];
  private ran = false;

  add(task: TaskInput): void {
    if (task.gate !== AUDIT_GATE) return;
    const decisive = task.attempts.at(-1);
    if (!decisive) return;
    this.ran = true;
    for (const op of decisive.operations) if (op.outcome !== 'pass') this.operations.push({ ...op, taskId: task.taskId });
  }

  /**
   * Writes `<reports>/audit.sarif` when the audit gate ran (with no result, it closes the alerts of
   * findings since fixed). Returns its path, or undefined.
   */
  write(outputDir: string, redactor: Redactor): string | undefined {
    if (!this.ran) return undefined;
    const file = path.join(outputDir, SARIF_FILE);
    writeFileAtomic(file, `${JSON.stringify(redactor.value(auditSarif(this.operations, suiteVersion())), null, 2)}\n`);
    return file;
  }
}
