import type { Browser } from '@playwright/test';
import { runtimeFaults } from '../faults/runtime.ts';
import { startDemoServer } from '../server.ts';
import { call, login } from './apiProbe.ts';
import { visit } from './browser.ts';

type Probe = (ctx: { url: string; browser: Browser }) => Promise<string | undefined>;

/** Each probe returns evidence that the fault shows, or undefined when it does not. */
const PROBES: Record<string, Probe> = {
  'slow-quote': async ({ url }) => {
    await call(url, 'GET', '/api/market/quote/SPY');
    const warm = await call(url, 'GET', '/api/market/quote/SPY');
    return warm.ms > 2000 ? `warm quote ${warm.ms.toFixed(0)} ms` : undefined;
  },
  'cache-disabled': async ({ url }) => {
    await call(url, 'GET', '/api/market/quote/SPY');
    const second = await call(url, 'GET', '/api/market/quote/SPY');
    return second.headers.get('x-cache') === 'MISS' && second.ms > 100 ? `second quote MISS in ${second.ms.toFixed(0)} ms` : undefined;
  },
  'readiness-degraded': async ({ url }) => {
    const r = await call(url, 'GET', '/api/health/readiness');
    const broker = (r.body as { components?: { broker?: { status?: string } } }).components?.broker?.status;
    return r.status === 503 && broker === 'degraded' ? 'readiness 503, broker degraded' : undefined;
  },
  'type-drift': async ({ url }) => {
    const r = await call(url, 'GET', '/api/market/quote/SPY');
    return typeof (r.body as { price?: unknown }).price === 'string' ? 'price is a string' : undefined;
  },
  'missing-required-field': async ({ url }) => {
    const token = await login(url);
    await call(url, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'buy', quantity: 1 } });
    const r = await call(url, 'GET', '/api/positions', { token });
    const first = (r.body as Array<Record<string, unknown>>)[0];
    return first && !('averagePrice' in first) ? 'position without averagePrice' : undefined;
  },
  'undocumented-500': async ({ url }) => ((await call(url, 'GET', '/api/news/market')).status === 500 ? 'news 500' : undefined),
  'undocumented-endpoint': async ({ url }) => ((await call(url, 'GET', '/api/internal/debug')).status === 200 ? 'debug 200' : undefined),
  'auth-bypass-orders': async ({ url }) => {
    const r = await call(url, 'POST', '/api/orders', { body: { symbol: 'SPY', side: 'buy', quantity: 1 } });
    return r.status === 201 ? 'order accepted without token' : undefined;
  },
  'cors-reflect': async ({ url }) => {
    const r = await call(url, 'OPTIONS', '/api/orders', { headers: { Origin: 'https://evil.example' } });
    const reflected = r.headers.get('access-control-allow-origin') === 'https://evil.example' && r.headers.get('access-control-allow-credentials') === 'true';
    return reflected ? 'evil origin reflected with credentials' : undefined;
  },
  'upstream-401-as-500': async ({ url }) => ((await call(url, 'GET', '/api/market/quote/UPSTREAM401')).status === 500 ? 'UPSTREAM401 -> 500' : undefined),
  'console-error': async ({ url, browser }) => (await visit(browser, url, '/')).consoleErrors[0],
  'page-error': async ({ url, browser }) => (await visit(browser, url, '/news')).pageErrors[0],
  'broken-image': async ({ url, browser }) => (await visit(browser, url, '/research')).failedRequests[0],
  'forbidden-brand-term': async ({ url, browser }) => {
    let found: string | undefined;
    await visit(browser, url, '/', async (page) => {
      found = /\bAI\b/.exec(await page.locator('body').innerText())?.[0];
    });
    return found ? `home shows "${found}"` : undefined;
  },
  'missing-wedge': async ({ url, browser }) => {
    let count = 0;
    await visit(browser, url, '/', async (page) => {
      count = await page.getByTestId('radial-wedge').count();
    });
    return count === 9 ? '9 wedges' : undefined;
  },
  'missing-alt': async ({ url, browser }) => (await visit(browser, url, '/')).axeViolations.find((v) => v.startsWith('image-alt')),
  'low-contrast': async ({ url, browser }) => (await visit(browser, url, '/news')).axeViolations.find((v) => v.startsWith('color-contrast')),
  'unlabelled-field': async ({ url, browser }) => (await visit(browser, url, '/settings')).axeViolations.find((v) => v.startsWith('label')),
  'render-blocking-script': async ({ url, browser }) => {
    const report = await visit(browser, url, '/');
    return report.loadMs > 4000 ? `home load ${report.loadMs.toFixed(0)} ms` : undefined;
  },
  'layout-shift': async ({ url, browser }) => {
    let top = 0;
    await visit(browser, url, '/', async (page) => {
      top = (await page.locator('h1').boundingBox())?.y ?? 0;
    });
    return top > 200 ? `home h1 at y=${top}` : undefined;
  },
  'off-palette': async ({ url, browser }) => {
    let color = '';
    await visit(browser, url, '/', async (page) => {
      color = await page.locator('h1').evaluate((el) => getComputedStyle(el).color);
    });
    return color === 'rgb(255, 0, 170)' ? `h1 colour ${color}` : undefined;
  },
  'missing-glass': async ({ url, browser }) => {
    let filter = '';
    await visit(browser, url, '/', async (page) => {
      filter = await page.locator('.glass').first().evaluate((el) => getComputedStyle(el).backdropFilter);
    });
    return filter === 'none' ? 'glass backdrop-filter none' : undefined;
  },
  'unstable-ticker': async ({ url, browser }) => {
    const seen: string[] = [];
    await visit(browser, url, '/backtesting', async (page) => {
      seen.push(await page.locator('.fault-ticker').innerText());
      await page.waitForTimeout(200);
      seen.push(await page.locator('.fault-ticker').innerText());
    });
    return seen[0] !== seen[1] ? `ticker moved from ${seen[0]} to ${seen[1]}` : undefined;
  },
  'orders-rejected': async ({ url }) => {
    const token = await login(url);
    const r = await call(url, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'buy', quantity: 1 } });
    return r.status === 422 ? 'order 422' : undefined;
  },
  'pnl-wrong': async ({ url }) => {
    const token = await login(url);
    await call(url, 'POST', '/api/orders', { token, body: { symbol: 'SPY', side: 'buy', quantity: 10 } });
    const a = (await call(url, 'GET', '/api/account', { token })).body as Record<string, number>;
    const expected = (a.equity ?? 0) - 100000;
    return Math.abs((a.totalPnl ?? 0) - expected) > 1 ? `totalPnl ${a.totalPnl}, equity-based ${expected.toFixed(2)}` : undefined;
  },
  'health-down': async ({ url }) => {
    const r = await call(url, 'GET', '/api/health');
    return r.status === 503 && (r.body as { status?: string }).status === 'down' ? 'health 503 down' : undefined;
  },
  'missing-nosniff': async ({ url }) => ((await call(url, 'GET', '/settings')).headers.get('x-content-type-options') === null ? 'settings page without nosniff' : undefined),
  'missing-csp': async ({ url }) => ((await call(url, 'GET', '/settings')).headers.get('content-security-policy') === null ? 'settings page without CSP' : undefined),
  'csp-unsafe-inline': async ({ url }) => {
    const policy = (await call(url, 'GET', '/settings')).headers.get('content-security-policy') ?? '';
    return /script-src [^;]*'unsafe-inline'/.test(policy) ? `CSP ${policy.slice(0, 80)}` : undefined;
  },
  'secret-in-page': async ({ url }) => {
    const body = (await call(url, 'GET', '/settings')).body;
    return typeof body === 'string' && /gh[p]_[A-Za-z0-9]{36}/.test(body) ? 'settings source holds a GitHub token' : undefined;
  },
  'insecure-cookie': async ({ url }) => {
    const r = await call(url, 'POST', '/api/auth/login', { body: { username: 'demo', password: 'paper-trading' } });
    const cookie = r.headers.get('set-cookie') ?? '';
    return cookie.startsWith('paiid_session=') && !/HttpOnly/i.test(cookie) ? 'session cookie without HttpOnly' : undefined;
  },
  'stack-trace-500': async ({ url }) => {
    const r = await call(url, 'GET', '/api/options/expirations/SPY');
    return r.status === 500 && /\n\s+at /.test(String((r.body as { stack?: unknown }).stack)) ? 'expirations 500 with a stack trace' : undefined;
  },
  'version-banner': async ({ url }) => (await call(url, 'GET', '/api/health')).headers.get('server') ?? undefined,
  'slow-under-load': async ({ url }) => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call(url, 'GET', '/api/health')));
    const slowest = Math.max(...results.map((r) => r.ms));
    return slowest > 2000 ? `slowest health under load ${slowest.toFixed(0)} ms` : undefined;
  },
};

/** Switches each runtime fault on alone and confirms it shows; returns the ones that did not. */
export async function checkFaults(browser: Browser, only?: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const fault of runtimeFaults) {
    if (only && !only.includes(fault.name)) continue;
    const probe = PROBES[fault.name];
    if (!probe) {
      problems.push(`fault ${fault.name} has no probe`);
      continue;
    }
    const demo = await startDemoServer({ port: 0, faults: [fault.name] });
    try {
      const evidence = await probe({ url: demo.url, browser });
      console.log(`  ${evidence ? 'shows' : 'MISSING'}  ${fault.name}${evidence ? `: ${evidence.slice(0, 120)}` : ''}`);
      if (!evidence) problems.push(`fault ${fault.name} did not show`);
    } finally {
      await demo.close();
    }
  }
  return problems;
}
