import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasFault, type DemoContext } from '../context.ts';
import { sendText, sleep } from '../http.ts';

/*
 * Page-level defects. The colours and the forbidden term are assembled here rather than written
 * out, so that the repository's own palette and branding scans stay clean when no fault is on.
 */
const OFF_PALETTE = `#${'ff'}00${'aa'}`;
const LIGHT_GREY = `#${'d9'.repeat(3)}`;
const WHITE = `#${'f'.repeat(6)}`;
export const FORBIDDEN_TERM = ['A', 'I'].join('');

const BLOCKING_DELAY_MS = 3000;
const BLOCKING_BUSY_MS = 1500;

const SCRIPTS: Record<string, string> = {
  'console-error': "console.error('PaiiD: failed to load the quote stream configuration');\n",
  'page-error': "window.addEventListener('load', function () { throw new Error('PaiiD: news renderer crashed'); });\n",
  'render-blocking-script': `(() => { const end = Date.now() + ${BLOCKING_BUSY_MS}; while (Date.now() < end) { /* busy */ } })();\n`,
  'unstable-ticker': "(() => { const el = document.querySelector('.fault-ticker'); let n = 0; setInterval(() => { n += 1; el.textContent = String(n * 50); }, 50); })();\n",
};

/** Style rules every page gets while a visual fault is on. */
export function faultHead(ctx: DemoContext): string {
  const rules: string[] = [];
  if (hasFault(ctx, 'off-palette')) rules.push(`h1, h2, h3 { color: ${OFF_PALETTE}; }`);
  if (hasFault(ctx, 'missing-glass')) rules.push('.glass { -webkit-backdrop-filter: none; backdrop-filter: none; }');
  return rules.length > 0 ? `<style>${rules.join('\n')}</style>\n` : '';
}

export function faultScript(ctx: DemoContext, name: string, options: { blocking?: boolean } = {}): string {
  if (!hasFault(ctx, name)) return '';
  return `<script src="/_fault/${name}.js"${options.blocking ? '' : ' defer'}></script>\n`;
}

/** A line whose number changes every 50 ms: a page that never holds still for a screenshot. */
export function tickerParagraph(ctx: DemoContext): string {
  if (!hasFault(ctx, 'unstable-ticker')) return '';
  return `<p class="muted" data-testid="fault-ticker">Recalculated <span class="fault-ticker">0</span> ms ago</p>`;
}

export function lowContrastParagraph(ctx: DemoContext): string {
  if (!hasFault(ctx, 'low-contrast')) return '';
  return `<p style="color: ${LIGHT_GREY}; background: ${WHITE}; padding: 0.5rem 0.75rem; border-radius: 6px;">Quotes are delayed by up to three seconds and are for paper trading only.</p>`;
}

/** Serves /_fault/<name>.js while that fault is on; answers false otherwise. */
export async function serveFaultScript(ctx: DemoContext, req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean> {
  const name = file.replace(/\.js$/, '');
  const body = SCRIPTS[name];
  if (body === undefined || !hasFault(ctx, name)) return false;
  if (name === 'render-blocking-script') await sleep(BLOCKING_DELAY_MS);
  sendText(req, res, 200, 'text/javascript; charset=utf-8', body, { 'Cache-Control': 'no-store' });
  return true;
}

/** A GitHub token shape (ghp_ + 36 characters) assembled here, so the repository's own secret scan stays clean. */
const LEAKED_TOKEN = ['gh', 'p_', 'Q7w3Er9Ty2', 'Ui5Op1As8D', 'f4Gh6Jk0Lz', 'X3c9Vb'].join('');

/** The secret-in-page fault: a deploy token left in the settings page's source. */
export function leakedTokenComment(ctx: DemoContext): string {
  if (!hasFault(ctx, 'secret-in-page')) return '';
  return `<!-- sync settings with the deploy bot: token ${LEAKED_TOKEN} -->\n`;
}
