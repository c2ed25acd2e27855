import { existsSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { ConfigError, loadValidationConfig, type ResolvedConfig } from '../lib/config/index.ts';
import { describeBox } from '../lib/visual/compare.ts';
import { describeRenderer, sha256 } from '../lib/visual/manifest.ts';
import { REVIEW_COMMAND } from '../lib/visual/policy.ts';
import { acceptable, parseReviewFile, REVIEW_DIR, REVIEW_FILE, selectForAccept, type ReviewFile, type ScreenReview } from '../lib/visual/review.ts';
import { writeBaseline } from '../lib/visual/store.ts';
import { runCli, UserError } from './dashboard/cli.ts';
import { runNpx, SUITE_ROOT } from './ci/runner.ts';

const USAGE = `Usage: ${REVIEW_COMMAND} [-- playwright test arguments, e.g. --grep home]
       ${REVIEW_COMMAND} -- --accept all|<screen>[,<screen>...]
Review and accept visual changes of the target in VALIDATION_CONFIG (default validation.config.ts).
  (no --accept)   run the visual gate without writing anything, then show each changed or new
                  screen with its expected, actual and diff images; at a terminal, ask which to accept
  --accept all    write every changed or new screen of the last review as its baseline, with its
                  manifest entry (no new run: exactly the reviewed images are written)
  --accept a,b    only these screens (names as the review lists them, e.g. home-desktop)`;

/** Reports land where the suite's own run puts them (OUTPUT_ROOT, REPORTS_DIR). */
function reportsDir(): string {
  const outputRoot = path.resolve(SUITE_ROOT, process.env.OUTPUT_ROOT ?? '.');
  return path.resolve(SUITE_ROOT, process.env.REPORTS_DIR || path.join(outputRoot, 'reports'));
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

async function loadConfig(): Promise<ResolvedConfig> {
  try {
    return await loadValidationConfig(process.env, SUITE_ROOT);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message);
    throw error;
  }
}

function readReview(): { review: ReviewFile; dir: string } {
  const dir = path.join(reportsDir(), REVIEW_DIR);
  const file = path.join(dir, REVIEW_FILE);
  if (!existsSync(file)) throw new UserError(`no review at ${shown(file)}: run \`${REVIEW_COMMAND}\` first`);
  try {
    return { review: parseReviewFile(readFileSync(file, 'utf8'), shown(file)), dir };
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

function describe(screen: ScreenReview, dir: string): string[] {
  const what = screen.status === 'missing' ? 'new screen, no baseline yet'
    : screen.status === 'unstable' ? `kept changing in ${describeBox(screen.region)}${screen.element ? ` (${screen.element})` : ''}: mask it, it cannot be accepted`
    : `${screen.diffPixels ?? 0} pixels differ (allowed ${screen.allowedPixels ?? 0}) in ${describeBox(screen.region)}; baseline by ${describeRenderer(screen.baselineRenderer)}`;
  const lines = [`  ${screen.status.padEnd(9)} ${screen.screen} (${screen.label}): ${what}; this run by ${describeRenderer(screen.renderer)}`];
  for (const [kind, name] of Object.entries(screen.images)) lines.push(`              ${kind.padEnd(8)} ${shown(path.join(dir, name))}`);
  return lines;
}

async function accept(wanted: 'all' | string[]): Promise<number> {
  const config = await loadConfig();
  const { review, dir } = readReview();
  if (review.target !== config.target.name) {
    throw new UserError(`the last review is of target "${review.target}", the config ${shown(config.meta.file)} is of "${config.target.name}": review this target first, or set VALIDATION_CONFIG`);
  }
  const owner = config.visual.baselinesOf;
  if (owner !== undefined && owner !== config.target.name) {
    throw new UserError(`"${config.target.name}" compares with the baselines of "${owner}" (visual.baselinesOf) and never writes them: review and accept "${owner}"'s screens instead`);
  }
  let chosen: ScreenReview[];
  try {
    chosen = selectForAccept(review, wanted);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  if (chosen.length === 0) {
    console.log('visual:update: the last review holds no changed or new screen: nothing to accept.');
    return 0;
  }
  for (const screen of chosen) {
    const file = path.join(dir, screen.images.actual ?? '');
    if (!screen.images.actual || !existsSync(file)) throw new UserError(`the reviewed image of ${screen.screen} is gone (${shown(file)}): run \`${REVIEW_COMMAND}\` again`);
    const image = readFileSync(file);
    if (screen.actualSha256 && sha256(image) !== screen.actualSha256) throw new UserError(`${shown(file)} changed since it was reviewed: run \`${REVIEW_COMMAND}\` again`);
    const written = await writeBaseline(config.meta.baselineDir, config.target.name, screen.screen, image, { ...screen.renderer, route: screen.route, viewport: screen.viewport, masks: screen.masks });
    console.log(`accepted ${screen.screen} -> ${shown(written)} (rendered by ${describeRenderer(screen.renderer)})`);
  }
  console.log(`visual:update: ${chosen.length} baseline(s) and their manifest entries written; commit ${shown(config.meta.baselineDir)} to keep them.`);
  return 0;
}

async function review(playwrightArgs: string[]): Promise<number> {
  const config = await loadConfig();
  const started = Date.now();
  // Nothing is written during review: a screen without a baseline fails and is listed as new.
  const exitCode = runNpx(['playwright', 'test', '--project=visual', '--no-deps', '--update-snapshots=none', ...playwrightArgs], {});
  const file = path.join(reportsDir(), REVIEW_DIR, REVIEW_FILE);
  const fresh = existsSync(file) && statSync(file).mtimeMs >= started - 1_000;
  if (!fresh) {
    if (exitCode === 0) {
      console.log(`\nvisual:update: every screen matches its baseline in ${shown(config.meta.baselineDir)}: nothing to review.`);
      return 0;
    }
    throw new UserError(`the visual gate failed (exit ${exitCode}) before any screen could be reviewed: see its output above`);
  }
  const { review: reviewed, dir } = readReview();
  console.log(`\nvisual:update: ${reviewed.screens.length} screen(s) to review for "${reviewed.target}" (baselines in ${shown(config.meta.baselineDir)}):`);
  for (const screen of reviewed.screens) console.log(describe(screen, dir).join('\n'));
  const htmlReport = path.join(path.resolve(SUITE_ROOT, process.env.OUTPUT_ROOT ?? '.'), 'playwright-report');
  console.log(`\nSee them side by side: npx playwright show-report ${shown(htmlReport)} (each test's "Image mismatch" view), or the files above.`);
  const pending = reviewed.screens.filter((s) => (s.status === 'changed' || s.status === 'missing') && acceptable(s));
  if (pending.length === 0) return 0;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    console.log(`Accept them with: ${REVIEW_COMMAND} -- --accept all   (or --accept ${pending.map((s) => s.screen).join(',')})`);
    return 0;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await prompt.question(`Accept which screens? all, a comma-separated list (${pending.map((s) => s.screen).join(',')}), or Enter for none: `)).trim();
  prompt.close();
  if (answer === '') {
    console.log('Nothing accepted.');
    return 0;
  }
  return accept(answer === 'all' ? 'all' : answer.split(',').map((name) => name.trim()).filter(Boolean));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const at = args.findIndex((arg) => arg === '--accept' || arg.startsWith('--accept='));
  if (at < 0) return review(args);
  const value = args[at]?.includes('=') ? args[at]?.slice('--accept='.length) : args[at + 1];
  if (!value || value.startsWith('-')) throw new UserError('--accept needs "all" or a comma-separated list of screens, e.g. --accept home-desktop,login-tablet');
  const rest = args.filter((_, i) => i !== at && !(i === at + 1 && !args[at]?.includes('=')));
  if (rest.length > 0) throw new UserError(`--accept takes no other arguments (got ${rest.join(' ')}): it writes the last review's images without a new run`);
  return accept(value === 'all' ? 'all' : value.split(',').map((name) => name.trim()).filter(Boolean));
}

await runCli('visual:update', main);
