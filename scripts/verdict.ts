import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run verdict`: exits by the verdict the risk reporter wrote (merge-reports does not exit
 * non-zero on failures, so CI asks this instead).
 */
function main(): number {
  const reports = process.env.REPORTS_DIR || path.join(process.env.OUTPUT_ROOT || '.', 'reports');
  const file = path.resolve(process.argv[2] ?? path.join(reports, 'verdict.json'));
  let verdict: { verdict?: string; exit_code?: number; risk_rate?: number; reasons?: string[]; run_id?: string };
  try {
    verdict = JSON.parse(readFileSync(file, 'utf8')) as typeof verdict;
  } catch (error) {
    console.error(`No verdict to read at ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): run the gates or merge-reports first.`);
    return 1;
  }
  if (typeof verdict.verdict !== 'string' || (verdict.exit_code !== 0 && verdict.exit_code !== 1)) {
    console.error(`${file} is not a verdict written by the risk reporter.`);
    return 1;
  }
  console.log(`Verdict ${verdict.verdict} (run ${verdict.run_id}, risk rate ${verdict.risk_rate?.toFixed(2)} %): ${(verdict.reasons ?? []).join('; ')}`);
  return verdict.exit_code;
}

process.exitCode = main();
