import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoContext } from '../context.ts';
import { HTML_TYPE, sendText } from '../http.ts';
import { pageHeaders } from '../securityHeaders.ts';
import { serveDiscovery } from '../discovery.ts';
import { serveStatic } from '../static.ts';
import { renderBacktesting } from './backtesting.ts';
import { serveFaultScript } from './faultAssets.ts';
import { renderHome } from './home.ts';
import { renderPage } from './layout.ts';
import { renderLogin } from './login.ts';
import { renderNews } from './news.ts';
import { renderPnl } from './pnl.ts';
import { renderResearch } from './research.ts';
import { renderSettings } from './settings.ts';
import { renderStrategy } from './strategy.ts';
import { renderTrade } from './trade.ts';
import { findWorkflow, renderWorkflow } from './workflow.ts';

const PAGES: Record<string, (ctx: DemoContext, url: URL) => string> = {
  '/': renderHome,
  '/research': renderResearch,
  '/news': renderNews,
  '/strategy': renderStrategy,
  '/backtesting': renderBacktesting,
  '/settings': renderSettings,
  '/login': renderLogin,
  '/trade': renderTrade,
  '/pnl': renderPnl,
};

function notFound(ctx: DemoContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const html = renderPage(ctx, {
    title: 'Page not found',
    path: url.pathname,
    description: 'This page does not exist.',
    main: '<h1>Page not found</h1><p class="lead">There is nothing at this address. <a href="/">Back to the workflows</a>.</p>',
  });
  sendText(req, res, 404, HTML_TYPE, html, pageHeaders(ctx));
}

/** Pages, static files and the favicon: everything outside /api. */
export async function handlePage(ctx: DemoContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const render = PAGES[path];
  if (render) return sendText(req, res, 200, HTML_TYPE, render(ctx, url), pageHeaders(ctx));
  const workflowMatch = /^\/workflow\/([a-z-]+)$/.exec(path);
  const workflow = workflowMatch?.[1] ? findWorkflow(workflowMatch[1]) : undefined;
  if (workflow) return sendText(req, res, 200, HTML_TYPE, renderWorkflow(ctx, workflow), pageHeaders(ctx));

  if (path === '/favicon.ico' || path === '/favicon.svg') {
    if (await serveStatic(req, res, 'favicon.svg')) return;
  }
  if (path === '/robots.txt' && (await serveStatic(req, res, 'robots.txt'))) return;
  if (await serveDiscovery(ctx, req, res, path, Object.keys(PAGES))) return;
  if (path.startsWith('/public/') && (await serveStatic(req, res, path.slice('/public/'.length)))) return;
  if (path.startsWith('/_fault/') && (await serveFaultScript(ctx, req, res, path.slice('/_fault/'.length)))) return;
  notFound(ctx, req, res, url);
}
