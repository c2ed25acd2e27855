import type { ServerResponse } from 'node:http';
import { DEMO_VERSION } from '../config.ts';
import { hasFault, type DemoContext } from '../context.ts';
import { sendJson } from '../http.ts';
import { hashSeed, seededRandom } from '../market.ts';
import { delayUnderLoad } from './load.ts';

type ComponentStatus = 'healthy' | 'degraded' | 'down';

function componentLatency(name: string, now: number): number {
  // Stable for ten seconds at a time, so repeated probes agree.
  return 2 + Math.floor(seededRandom(hashSeed(`${name}:${Math.floor(now / 10_000)}`))() * 18);
}

export async function health(ctx: DemoContext, res: ServerResponse): Promise<void> {
  await delayUnderLoad(ctx);
  const uptimeSeconds = Math.floor((Date.now() - ctx.startedAt) / 1000);
  if (hasFault(ctx, 'health-down')) {
    sendJson(res, 503, { status: 'down', version: DEMO_VERSION, uptimeSeconds });
    return;
  }
  sendJson(res, 200, { status: 'ok', version: DEMO_VERSION, uptimeSeconds });
}

export function readiness(ctx: DemoContext, res: ServerResponse): void {
  const now = Date.now();
  const brokerStatus: ComponentStatus = hasFault(ctx, 'readiness-degraded') ? 'degraded' : 'healthy';
  const components = {
    marketData: { status: 'healthy' as ComponentStatus, latencyMs: componentLatency('marketData', now) },
    broker: { status: brokerStatus, latencyMs: componentLatency('broker', now) + (brokerStatus === 'healthy' ? 0 : 900) },
    cache: { status: 'healthy' as ComponentStatus, latencyMs: componentLatency('cache', now) % 3 },
  };
  const ready = Object.values(components).every((component) => component.status === 'healthy');
  sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', components });
}
