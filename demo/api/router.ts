import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasFault, type DemoContext } from '../context.ts';
import { sendError, sendJson } from '../http.ts';
import { login } from './auth.ts';
import { answerPreflight, applyCors } from './cors.ts';
import { health, readiness } from './health.ts';
import { bars, expirations, quote } from './market.ts';
import { marketNews } from './news.ts';
import { account, listOrders, placeOrder, positions } from './trading.ts';

interface RouteRequest {
  ctx: DemoContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
}

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle: (request: RouteRequest) => void | Promise<void>;
  /** Served only while this fault is switched on. */
  fault?: string;
}

const routes: Route[] = [
  { method: 'GET', pattern: /^\/api\/health$/, handle: ({ ctx, res }) => health(ctx, res) },
  { method: 'GET', pattern: /^\/api\/health\/readiness$/, handle: ({ ctx, res }) => readiness(ctx, res) },
  { method: 'GET', pattern: /^\/api\/market\/quote\/([^/]+)$/, handle: ({ ctx, res, params }) => quote(ctx, res, params[0] ?? '') },
  { method: 'GET', pattern: /^\/api\/market\/bars\/([^/]+)$/, handle: ({ res, params, url }) => bars(res, params[0] ?? '', url) },
  { method: 'GET', pattern: /^\/api\/options\/expirations\/([^/]+)$/, handle: ({ ctx, res, params }) => expirations(ctx, res, params[0] ?? '') },
  { method: 'GET', pattern: /^\/api\/news\/market$/, handle: ({ ctx, res }) => marketNews(ctx, res) },
  { method: 'POST', pattern: /^\/api\/auth\/login$/, handle: ({ ctx, req, res }) => login(ctx, req, res) },
  { method: 'POST', pattern: /^\/api\/orders$/, handle: ({ ctx, req, res }) => placeOrder(ctx, req, res) },
  { method: 'GET', pattern: /^\/api\/orders$/, handle: ({ ctx, req, res }) => listOrders(ctx, req, res) },
  { method: 'GET', pattern: /^\/api\/positions$/, handle: ({ ctx, req, res }) => positions(ctx, req, res) },
  { method: 'GET', pattern: /^\/api\/account$/, handle: ({ ctx, req, res }) => account(ctx, req, res) },
  {
    method: 'GET',
    pattern: /^\/api\/internal\/debug$/,
    fault: 'undocumented-endpoint',
    handle: ({ ctx, res }) =>
      sendJson(res, 200, {
        node: process.version,
        uptimeSeconds: Math.floor(process.uptime()),
        faults: [...ctx.faults],
        cachedQuotes: ctx.quoteCache.size,
        accounts: ctx.accounts.size,
      }),
  },
];

/** Handles one /api/* request. */
export async function handleApi(ctx: DemoContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return answerPreflight(ctx, req, res);
  applyCors(ctx, req, res);
  const matching = routes.filter((route) => route.pattern.test(url.pathname) && (!route.fault || hasFault(ctx, route.fault)));
  if (matching.length === 0) {
    return sendError(res, 404, 'not_found', `No API operation at ${url.pathname.slice(0, 200)}`);
  }
  const route = matching.find((candidate) => candidate.method === method || (method === 'HEAD' && candidate.method === 'GET'));
  if (!route) {
    const allow = [...new Set(matching.map((candidate) => candidate.method))].join(', ');
    return sendError(res, 405, 'method_not_allowed', `${method} is not supported on ${url.pathname}; use ${allow}`, { Allow: allow });
  }
  const params = (route.pattern.exec(url.pathname) ?? []).slice(1);
  await route.handle({ ctx, req, res, url, params });
}
