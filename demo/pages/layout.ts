import { hasFault, type DemoContext } from '../context.ts';
import { escapeHtml } from '../http.ts';
import { faultHead } from './faultAssets.ts';

export interface PageSpec {
  /** Shown in the h1 and in the document title. */
  title: string;
  /** The request path, to mark the current navigation link. */
  path: string;
  description: string;
  main: string;
  /** Deferred scripts under /public/js. */
  scripts?: string[];
  /** Extra synchronous head content (faults only). */
  head?: string;
}

const NAV_LINKS: Array<[href: string, label: string]> = [
  ['/', 'Home'],
  ['/research', 'Research'],
  ['/news', 'News'],
  ['/strategy', 'Strategy'],
  ['/backtesting', 'Backtesting'],
  ['/trade', 'Trade'],
  ['/pnl', 'P&L'],
  ['/settings', 'Settings'],
  ['/login', 'Log in'],
];

function navigation(path: string): string {
  const items = NAV_LINKS.map(([href, label]) => {
    const current = href === path ? ' aria-current="page"' : '';
    return `<li><a href="${href}"${current}>${escapeHtml(label)}</a></li>`;
  }).join('');
  return `<nav class="site-nav" aria-label="Main"><ul>${items}</ul></nav>`;
}

function brand(ctx: DemoContext): string {
  const alt = hasFault(ctx, 'missing-alt') ? '' : ' alt="PaiiD"';
  return `<a class="brand" href="/"><img src="/public/logo.svg"${alt} width="132" height="36" data-testid="brand-logo"></a>`;
}

export function renderPage(ctx: DemoContext, page: PageSpec): string {
  const scripts = (page.scripts ?? []).map((name) => `<script src="/public/js/${name}" defer></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} | PaiiD</title>
<meta name="description" content="${escapeHtml(page.description)}">
<meta name="theme-color" content="#0b1020">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/public/styles.css">
${faultHead(ctx)}${page.head ?? ''}${scripts}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
${brand(ctx)}
${navigation(page.path)}
</header>
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<p>PaiiD paper trading. Simulated market data for demonstration; no real orders are sent.</p>
</footer>
</body>
</html>
`;
}
