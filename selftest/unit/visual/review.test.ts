import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageName, parseReviewFile, renderReviewNote, reviewIn, selectForAccept, type ReviewFile, type ScreenReview } from '../../../lib/visual/review.ts';

const renderer = { browser: 'chromium', browserVersion: '156.0.8078.108', platform: 'linux' };
const screen = (name: string, status: ScreenReview['status'], over: Partial<ScreenReview> = {}): ScreenReview => ({
  screen: name, status, label: `/${name} @desktop`, target: 'Shop', route: `/${name}`, viewport: 'desktop', baseline: `baselines/shop/${name}.png`,
  width: 1920, height: 1080, renderer,
  images: status === 'missing' ? { actual: imageName(name, 'actual') } : { expected: imageName(name, 'expected'), actual: imageName(name, 'actual'), diff: imageName(name, 'diff') },
  ...over,
});
const review: ReviewFile = {
  version: 1, runId: 'r1', target: 'Shop',
  screens: [
    screen('home-desktop', 'changed', { diffPixels: 35215, allowedPixels: 50, region: { x: 442, y: 90, width: 811, height: 922 }, baselineRenderer: { ...renderer, browserVersion: '150.0.7871.100' } }),
    screen('login-tablet', 'missing'),
    screen('news-desktop', 'unstable', { region: { x: 0, y: 0, width: 10, height: 10 }, element: 'ul.news-list', images: { previous: 'news-desktop-previous.png', actual: 'news-desktop-actual.png' } }),
  ],
};

describe('visual review', () => {
  it('reads a review from an operation\'s evidence, and nothing from other evidence', () => {
    assert.equal(reviewIn({ baseline: 'x', review: review.screens[0] })?.screen, 'home-desktop');
    assert.equal(reviewIn({ baseline: 'x' }), undefined);
    assert.equal(reviewIn({ review: { screen: 'x' } }), undefined);
    assert.equal(reviewIn(undefined), undefined);
  });

  it('accepts every changed or new screen, never an unstable one', () => {
    assert.deepEqual(selectForAccept(review, 'all').map((s) => s.screen), ['home-desktop', 'login-tablet']);
    assert.deepEqual(selectForAccept(review, ['login-tablet']).map((s) => s.screen), ['login-tablet']);
  });

  it('names every screen it cannot accept', () => {
    assert.throws(() => selectForAccept(review, ['home-tablet', 'news-desktop']), (error: Error) => {
      assert.match(error.message, /"home-tablet" is not among the reviewed screens \(home-desktop, login-tablet, news-desktop\)/);
      assert.match(error.message, /"news-desktop" is unstable/);
      return true;
    });
  });

  it('lists each screen in the summary with links to its images', () => {
    const lines = renderReviewNote(review.screens);
    assert.match(lines[0] ?? '', /^1 changed, 1 without a baseline, 0 created, 0 rewritten, 1 unstable\. Review and accept with `npm run visual:update`/);
    const home = lines.find((line) => line.startsWith('| home-desktop'));
    assert.match(home ?? '', /\| changed \| 35215 px \(allowed 50\) in 811x922 at x=442, y=90 \| chromium 150\.0\.7871\.100 on linux \| chromium 156\.0\.8078\.108 on linux \| \[expected\]\(visual\/home-desktop-expected\.png\) · \[actual\]\(visual\/home-desktop-actual\.png\) · \[diff\]\(visual\/home-desktop-diff\.png\) \|$/);
    assert.match(lines.find((line) => line.startsWith('| news-desktop')) ?? '', /kept changing in 10x10 at x=0, y=0 \(ul\.news-list\)/);
    assert.deepEqual(renderReviewNote([]), []);
  });

  it('parses its own file and names what is wrong with a damaged one', () => {
    assert.deepEqual(parseReviewFile(JSON.stringify(review), 'review.json'), review);
    assert.throws(() => parseReviewFile('{"version":1,"runId":"r","target":"Shop","screens":[{"screen":"Home"}]}', 'reports/visual/review.json'), /reports\/visual\/review\.json is not a visual review file:\n {2}- screens\[0\]\.screen/);
    assert.throws(() => parseReviewFile('nope', 'review.json'), /review\.json is not JSON/);
  });
});
