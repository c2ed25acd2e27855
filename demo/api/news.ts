import type { ServerResponse } from 'node:http';
import { hasFault, type DemoContext } from '../context.ts';
import { sendJson } from '../http.ts';
import { newsAt } from '../market.ts';

export function marketNews(ctx: DemoContext, res: ServerResponse): void {
  if (hasFault(ctx, 'undocumented-500')) {
    sendJson(res, 500, { message: 'news feed exploded', detail: 'TypeError: cannot read properties of undefined' });
    return;
  }
  sendJson(res, 200, newsAt(Date.now()));
}
