import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InitError } from '../../../lib/init/errors.ts';
import { extractLinks } from '../../../lib/init/links.ts';
import { routeName, routesFromPages } from '../../../lib/init/routes.ts';
import { parseSitemap, sitemapsFromRobots } from '../../../lib/init/sitemap.ts';

describe('sitemaps', () => {
  test('a <urlset> lists its pages, namespaced or not', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://shop.example/</loc><lastmod>2026-01-01</lastmod></url>
  <url><loc> https://shop.example/cart </loc></url>
</urlset>`;
    assert.deepEqual(parseSitemap(xml, 's'), { pages: ['https://shop.example/', 'https://shop.example/cart'], sitemaps: [] });
    assert.deepEqual(parseSitemap('<urlset><url><loc>https://a.example/x</loc></url></urlset>', 's').pages, ['https://a.example/x']);
  });

  test('a <sitemapindex> lists further sitemaps', () => {
    const xml = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/s1.xml</loc></sitemap><sitemap><loc>https://a.example/s2.xml</loc></sitemap></sitemapindex>';
    assert.deepEqual(parseSitemap(xml, 's'), { pages: [], sitemaps: ['https://a.example/s1.xml', 'https://a.example/s2.xml'] });
  });

  test('an empty <urlset> is a sitemap with no page', () => {
    assert.deepEqual(parseSitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', 's'), { pages: [], sitemaps: [] });
  });

  test('a document that is not XML is refused with where it broke', () => {
    assert.throws(() => parseSitemap('<html><body><p>hello</body></html>', 'https://a.example/sitemap.xml'), (error: unknown) => error instanceof InitError && /sitemap\.xml is not XML \(line 1/.test(error.message));
    assert.throws(() => parseSitemap('{"pages": []}', 'x'), /is not XML/);
  });

  test('XML that is not a sitemap is refused', () => {
    assert.throws(() => parseSitemap('<rss><channel><title>x</title></channel></rss>', 'feed'), /feed is XML but not a sitemap/);
  });

  test('robots.txt Sitemap lines, any case, relative ones resolved', () => {
    const robots = 'User-agent: *\nDisallow: /admin\nSitemap: https://a.example/sitemap-main.xml\nsitemap:/news.xml\n# Sitemap: https://ignored.example/x.xml';
    assert.deepEqual(sitemapsFromRobots(robots, new URL('https://a.example/')), ['https://a.example/sitemap-main.xml', 'https://a.example/news.xml']);
  });
});

describe('links and routes', () => {
  test('links are resolved against <base>, fragments and non-http schemes and downloads left out', () => {
    const html = `<html><head><base href="/app/"></head><body>
      <a href="orders">Orders</a> <A HREF=/about>About</A> <a href="https://other.example/x">x</a>
      <a href="mailto:a@b.c">mail</a> <a href="javascript:void(0)">js</a> <a href="report.pdf" download>pdf</a>
      <map><area href="/area"></map> <a href="/q?a=1&amp;b=2">q</a></body></html>`;
    assert.deepEqual(extractLinks(html, 'https://a.example/start'), [
      'https://a.example/app/orders', 'https://a.example/about', 'https://other.example/x', 'https://a.example/area', 'https://a.example/q?a=1&b=2',
    ]);
  });

  test('route names follow the config rule: home for /, words joined by hyphens, unique', () => {
    assert.equal(routeName('/'), 'home');
    assert.equal(routeName('/Workflow/Morning_Routine/'), 'workflow-morning-routine');
    assert.equal(routeName('/_next'), 'next');
    const { routes, leftOut } = routesFromPages(['https://a.example/cart', 'https://a.example/', 'https://a.example/cart', 'https://a.example/a-b', 'https://a.example/a_b', 'https://b.example/x', 'https://a.example/search?q=1'], new URL('https://a.example'), 10);
    assert.deepEqual(routes, [
      { path: '/', name: 'home' }, { path: '/cart', name: 'cart' }, { path: '/a-b', name: 'a-b' }, { path: '/a_b', name: 'a-b-2' }, { path: '/search?q=1', name: 'search-query' },
    ]);
    assert.equal(leftOut, 0);
    assert.equal(routesFromPages(['https://a.example/1', 'https://a.example/2', 'https://a.example/3'], new URL('https://a.example'), 2).leftOut, 1);
  });
});
