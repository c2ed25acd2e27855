import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crawl, isLogoutLike, type FetchedPage } from '../../../lib/init/crawl.ts';

/** A site as a map of path -> HTML; everything else is a 404. */
function site(pages: Record<string, string>, redirects: Record<string, string> = {}) {
  const fetched: string[] = [];
  const fetchPage = async (url: string): Promise<FetchedPage | undefined> => {
    fetched.push(url);
    const { pathname, origin } = new URL(url);
    if (redirects[pathname]) return { status: 200, contentType: 'text/html', body: pages[redirects[pathname]!] ?? '', url: `${origin}${redirects[pathname]}` };
    const body = pages[pathname];
    return body === undefined ? { status: 404, contentType: 'text/html', body: 'no', url } : { status: 200, contentType: 'text/html; charset=utf-8', body, url };
  };
  return { fetchPage, fetched };
}

const link = (...paths: string[]) => paths.map((p) => `<a href="${p}">${p}</a>`).join(' ');

describe('the crawl', () => {
  test('follows same-origin links breadth-first and skips logout-like links, assets, other origins and 404s', async () => {
    const { fetchPage, fetched } = site({
      '/': link('/a', '/b', '/logout', '/auth/sign-out', '/logo.png', 'https://cdn.example/x', '/missing', '/a#top'),
      '/a': link('/', '/c'),
      '/b': link('/a'),
      '/c': 'leaf',
    });
    const result = await crawl(new URL('http://app.test/'), fetchPage, { maxPages: 50, maxDepth: 3 });
    assert.deepEqual(result.pages, ['http://app.test/', 'http://app.test/a', 'http://app.test/b', 'http://app.test/c']);
    assert.deepEqual(result.skipped.map((s) => [new URL(s.url).pathname, s.reason]), [['/logout', 'logout-like'], ['/auth/sign-out', 'logout-like'], ['/logo.png', 'not a page']]);
    assert.equal(result.truncated, false);
    assert.ok(!fetched.some((url) => url.includes('logout') || url.includes('cdn.example')), 'a skipped link was fetched');
  });

  test('stops at the page bound and says so', async () => {
    const pages = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`/p${i}`, link(`/p${i + 1}`)]));
    const { fetchPage, fetched } = site({ '/': link('/p0'), ...pages });
    const result = await crawl(new URL('http://app.test/'), fetchPage, { maxPages: 5, maxDepth: 100 });
    assert.equal(fetched.length, 5);
    assert.equal(result.pages.length, 5);
    assert.equal(result.truncated, true);
  });

  test('stops at the depth bound: links deeper than it are not fetched', async () => {
    const { fetchPage, fetched } = site({ '/': link('/one'), '/one': link('/two'), '/two': link('/three'), '/three': 'x' });
    const result = await crawl(new URL('http://app.test/'), fetchPage, { maxPages: 50, maxDepth: 2 });
    assert.deepEqual(result.pages.map((p) => new URL(p).pathname), ['/', '/one', '/two']);
    assert.ok(!fetched.includes('http://app.test/three'));
    assert.equal(result.truncated, true);
  });

  test('a redirect to a page already found is not listed twice; a non-HTML answer is no page', async () => {
    const { fetchPage } = site({ '/': link('/home', '/data'), '/data': 'x' }, { '/home': '/' });
    const wrapped = async (url: string) => (url.endsWith('/data') ? { status: 200, contentType: 'application/json', body: '{}', url } : fetchPage(url));
    const result = await crawl(new URL('http://app.test/'), wrapped, { maxPages: 50, maxDepth: 3 });
    assert.deepEqual(result.pages, ['http://app.test/']);
  });

  test('logout-like: the usual spellings in paths and queries, not words that merely contain them', () => {
    for (const path of ['/logout', '/log-out', '/users/sign_out', '/signoff', '/session/end-session', '/account/delete', '/?action=logout']) assert.ok(isLogoutLike(new URL(path, 'http://a.test')), path);
    for (const path of ['/logistics', '/catalogue', '/exits-and-entries', '/blog/outline', '/deleted-items-policy']) assert.ok(!isLogoutLike(new URL(path, 'http://a.test')), path);
  });
});
