import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { inlineProject } from '../helpers/inlineProject.ts';
import { readRun, ROOT } from '../helpers/runSuite.ts';
import { searchableText } from '../../lib/zip.ts';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Looks like nothing a pattern would catch: only the shard that learnt it at run time knows it. */
const SECRET = 'planted7Qx93kLmZ0shard';

// Built at run time: the spec's source (which the HTML report quotes in its snippets) never holds it.
const spec = (n: number) => `import { test, expect } from '@fixtures';
test('learns a token at run time and leaks it ${n}', async ({ risk }) => {
  const token = ['${SECRET.slice(0, 9)}', '${SECRET.slice(9)}'].join('');
  risk.redactor.add(token);
  console.log('session ' + token);
  await risk.check('uses the session ' + token, () => expect(token, 'token ' + token).toBe('other'), { check: 'data-flows/status' });
  throw new Error('the spec crashed holding ' + token);
});
`;

describe('merged reports are scrubbed like a single run', () => {
  const project = inlineProject('merge-scrub', [{ name: 'only' }], { 'only/a.spec.ts': spec(1), 'only/b.spec.ts': spec(2) });
  writeFileSync(path.join(project.dir, 'merge.config.ts'), `import { loadValidationConfig } from '${path.join(ROOT, 'lib/config/index.ts')}';
import { mergeConfig } from '${path.join(ROOT, 'projects/suiteConfig.ts')}';
const config = await loadValidationConfig();
export default mergeConfig(config, { suiteRoot: '${ROOT}', projectRoot: import.meta.dirname });
`);

  test('a secret planted in a sharded run is found nowhere in the blobs of its shards or the merged outputs', async () => {
    const blobs = path.join(project.dir, 'blobs');
    mkdirSync(blobs, { recursive: true });
    for (let shard = 1; shard <= 2; shard++) {
      const out = path.join(project.dir, `shard${shard}`);
      const run = await project.run([`--shard=${shard}/2`], { OUTPUT_ROOT: out, BLOB_REPORT: '1' });
      assert.equal(run.exitCode, 1, run.stdout + run.stderr);
      for (const file of readdirSync(path.join(out, 'blob-report'))) copyFileSync(path.join(out, 'blob-report', file), path.join(blobs, file));
    }
    const mergedRoot = path.join(project.dir, 'merged');
    const merge = spawnSync(path.join(ROOT, 'node_modules/.bin/playwright'), ['merge-reports', '--config', 'merge.config.ts', blobs], {
      cwd: project.dir, env: { ...process.env, OUTPUT_ROOT: mergedRoot, VALIDATION_CONFIG: path.join(project.dir, 'validation.config.ts'), FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 180_000,
    });
    const merged = readRun(mergedRoot);
    assert.equal(merged.summary?.verdict, 'CRITICAL', `${merge.stdout}\n${merge.stderr}`);
    const outputs = [...filesUnder(blobs), ...filesUnder(mergedRoot)];
    assert.ok(outputs.some((file) => file.endsWith(path.join('playwright-report', 'index.html'))), 'the merge wrote no HTML report');
    const leaks = outputs.filter((file) => searchableText(readFileSync(file)).includes(SECRET));
    assert.deepEqual(leaks.map((file) => path.relative(project.dir, file)), []);
    // What held it is still there, redacted: the merged report shows the crash.
    const html = searchableText(readFileSync(path.join(mergedRoot, 'playwright-report', 'index.html')));
    assert.match(html, /the spec crashed holding \[REDACTED\]/);
  });
});
