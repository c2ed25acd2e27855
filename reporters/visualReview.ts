import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestCase } from '@playwright/test/reporter';
import { renderReviewNote, REVIEW_DIR, REVIEW_FILE, REVIEW_VERSION, reviewIn, type ImageKind, type ReviewFile, type ScreenReview } from '../lib/visual/review.ts';
import { operationsOf, projectMetadata } from './taskInput.ts';

export interface VisualReview {
  file: string;
  screens: ScreenReview[];
  /** The summary's "Visual changes" section. */
  lines: string[];
}

/**
 * The screens of this run a person should look at: their images copied from the test results
 * (which a merged report carries too) into `<reports>/visual/`, listed in `review.json` for
 * `npm run visual:update`. A run without the visual gate leaves the last review as it was.
 */
export function writeVisualReview(tests: readonly TestCase[], reportsDir: string, runId: string, target: string): VisualReview | undefined {
  const visualTests = tests.filter((test) => projectMetadata(test).gate === 'visual' && test.results.length > 0);
  if (visualTests.length === 0) return undefined;
  const dir = path.join(reportsDir, REVIEW_DIR);
  rmSync(dir, { recursive: true, force: true });
  const byScreen = new Map<string, ScreenReview>();
  for (const test of visualTests) {
    const result = test.results[test.results.length - 1];
    if (!result) continue;
    for (const operation of operationsOf(result)) {
      const review = reviewIn(operation.evidence);
      if (!review) continue;
      const images: ScreenReview['images'] = {};
      for (const [kind, name] of Object.entries(review.images) as [ImageKind, string][]) {
        const attachment = result.attachments.find((a) => a.name === name);
        if (!attachment) continue;
        mkdirSync(dir, { recursive: true });
        const target = path.join(dir, path.basename(name));
        if (attachment.path && existsSync(attachment.path)) copyFileSync(attachment.path, target);
        else if (attachment.body) writeFileSync(target, attachment.body);
        else continue;
        images[kind] = path.basename(name);
      }
      byScreen.set(review.screen, { ...review, images });
    }
  }
  if (byScreen.size === 0) return undefined;
  const screens = [...byScreen.values()].sort((a, b) => a.screen.localeCompare(b.screen));
  const review: ReviewFile = { version: REVIEW_VERSION, runId, target, screens };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, REVIEW_FILE);
  writeFileSync(file, `${JSON.stringify(review, null, 2)}\n`);
  return { file, screens, lines: renderReviewNote(screens) };
}
