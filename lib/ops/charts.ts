import { formatRate } from '../risk/rate.ts';
import type { RiskThresholds } from '../risk/types.ts';
import { chronological, type HistoryEntry } from './history.ts';
import type { GateView } from './view.ts';

/** Inline SVG only: the dashboard and the PDF must render with no network at all. */
const VERDICT_COLOUR: Record<string, string> = { PASS: '#2e9e5b', WARNING: '#d8a200', CRITICAL: '#d2373c' };
const STATUS_COLOUR: Record<string, string> = {
  passed: '#2e9e5b', done: '#2e9e5b', running: '#2f7fd8', pending: '#9aa4b2',
  failed: '#d2373c', blocked: '#8c1d22', skipped: '#9aa4b2', interrupted: '#d2373c',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface TrendOptions {
  width?: number;
  height?: number;
  /** At most this many of the newest runs. */
  limit?: number;
  thresholds: Pick<RiskThresholds, 'riskTarget' | 'riskCritical'>;
}

/** Risk rate over past runs: a line, one dot a run coloured by its verdict, the two thresholds dashed. */
export function trendSvg(history: readonly HistoryEntry[], options: TrendOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const runs = chronological(history).slice(-(options.limit ?? 30));
  const pad = { left: 48, right: 16, top: 16, bottom: 34 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const top = Math.max(options.thresholds.riskCritical * 1.5, ...runs.map((r) => r.risk_rate), 1);
  const x = (i: number) => pad.left + (runs.length <= 1 ? plotW / 2 : (plotW * i) / (runs.length - 1));
  const y = (rate: number) => pad.top + plotH - (plotH * Math.min(rate, top)) / top;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Risk rate over the last ${runs.length} runs" data-testid="risk-trend">`);
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#555"/>`);
  parts.push(`<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}" stroke="#555"/>`);
  for (const [label, rate, colour] of [['target', options.thresholds.riskTarget, '#d8a200'], ['critical', options.thresholds.riskCritical, '#d2373c']] as const) {
    parts.push(`<line x1="${pad.left}" y1="${y(rate).toFixed(1)}" x2="${pad.left + plotW}" y2="${y(rate).toFixed(1)}" stroke="${colour}" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${pad.left + plotW - 2}" y="${(y(rate) - 3).toFixed(1)}" font-size="10" text-anchor="end" fill="${colour}" font-family="sans-serif">${label} ${escapeXml(formatRate(rate))}</text>`);
  }
  for (const tick of [0, top / 2, top]) {
    parts.push(`<text x="${pad.left - 4}" y="${(y(tick) + 3).toFixed(1)}" font-size="10" text-anchor="end" fill="#333" font-family="sans-serif">${tick.toFixed(1)}%</text>`);
  }
  if (runs.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" font-size="12" text-anchor="middle" fill="#666" font-family="sans-serif">no finished run in the history yet</text>`);
  } else {
    if (runs.length > 1) parts.push(`<polyline fill="none" stroke="#2f7fd8" stroke-width="2" points="${runs.map((r, i) => `${x(i).toFixed(1)},${y(r.risk_rate).toFixed(1)}`).join(' ')}"/>`);
    runs.forEach((r, i) => {
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(r.risk_rate).toFixed(1)}" r="4" fill="${VERDICT_COLOUR[r.verdict] ?? '#666'}"><title>${escapeXml(`${r.run_id} ${r.mode} ${r.verdict} ${formatRate(r.risk_rate)}`)}</title></circle>`);
    });
    const first = runs[0];
    const last = runs.at(-1);
    if (first) parts.push(`<text x="${pad.left}" y="${height - 10}" font-size="10" fill="#333" font-family="sans-serif">${escapeXml(first.time.slice(0, 16).replace('T', ' '))}</text>`);
    if (last && runs.length > 1) parts.push(`<text x="${pad.left + plotW}" y="${height - 10}" font-size="10" text-anchor="end" fill="#333" font-family="sans-serif">${escapeXml(last.time.slice(0, 16).replace('T', ' '))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The latest run's gates on a time axis: one bar a gate, from its first task's start to its last task's end. */
export function timelineSvg(gates: readonly GateView[], elapsedSeconds: number, options: { width?: number } = {}): string {
  const width = options.width ?? 640;
  const rowH = 22;
  const pad = { left: 110, right: 60, top: 8, bottom: 20 };
  const height = pad.top + pad.bottom + Math.max(1, gates.length) * rowH;
  const span = Math.max(elapsedSeconds, ...gates.map((g) => g.endOffset ?? 0), 1);
  const plotW = width - pad.left - pad.right;
  const x = (s: number) => pad.left + (plotW * s) / span;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Gate timeline" data-testid="gate-timeline">`];
  gates.forEach((gate, i) => {
    const rowY = pad.top + i * rowH;
    parts.push(`<text x="${pad.left - 6}" y="${rowY + 15}" font-size="12" text-anchor="end" fill="#222" font-family="sans-serif">${escapeXml(gate.gate)}</text>`);
    const colour = STATUS_COLOUR[gate.status] ?? '#9aa4b2';
    if (gate.startOffset === null) {
      parts.push(`<text x="${pad.left + 4}" y="${rowY + 15}" font-size="11" fill="#777" font-family="sans-serif">${escapeXml(gate.status)}</text>`);
      return;
    }
    const start = x(gate.startOffset);
    const end = Math.max(start + 3, x(gate.endOffset ?? gate.startOffset));
    parts.push(`<rect x="${start.toFixed(1)}" y="${rowY + 4}" width="${(end - start).toFixed(1)}" height="${rowH - 8}" rx="3" fill="${colour}"><title>${escapeXml(`${gate.gate}: ${gate.status}, ${gate.tasks.done}/${gate.tasks.planned} tasks`)}</title></rect>`);
    parts.push(`<text x="${(end + 4).toFixed(1)}" y="${rowY + 15}" font-size="11" fill="#333" font-family="sans-serif">${escapeXml(`${gate.tasks.done}/${gate.tasks.planned} ${gate.status}`)}</text>`);
  });
  parts.push(`<text x="${pad.left}" y="${height - 5}" font-size="10" fill="#333" font-family="sans-serif">0s</text>`);
  parts.push(`<text x="${pad.left + plotW}" y="${height - 5}" font-size="10" text-anchor="end" fill="#333" font-family="sans-serif">${Math.round(span)}s</text>`);
  parts.push('</svg>');
  return parts.join('');
}
