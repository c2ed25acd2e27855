import { escapeHtml } from '../http.ts';
import { INSTRUMENTS, type Bar, type NewsItem, type Quote } from '../market.ts';

export const money = (value: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const signed = (value: number, suffix = ''): string => `${value > 0 ? '+' : ''}${money(value)}${suffix}`;

export const trendClass = (value: number): string => (value > 0 ? 'up' : value < 0 ? 'down' : '');

export function panel(heading: string, body: string, headingLevel = 2): string {
  return `<section class="glass"><h${headingLevel}>${escapeHtml(heading)}</h${headingLevel}>${body}</section>`;
}

/** `rankedRows`: the row order itself changes with the market (mask the whole body). */
export function quotesTable(quotes: Quote[], caption: string, rankedRows = false): string {
  const rows = quotes
    .map(
      (q) => `<tr>
<th scope="row">${escapeHtml(q.symbol)} <span class="muted name">${escapeHtml(INSTRUMENTS[q.symbol]?.name ?? '')}</span></th>
<td class="num" data-dynamic>${money(q.price)}</td>
<td class="num ${trendClass(q.change)}" data-dynamic>${signed(q.change)}</td>
<td class="num ${trendClass(q.change)}" data-dynamic>${signed(q.changePercent, '%')}</td>
<td class="num" data-dynamic>${q.volume.toLocaleString('en-US')}</td>
</tr>`,
    )
    .join('');
  return `<div class="table-wrap" role="region" aria-label="${escapeHtml(caption)}" tabindex="0"><table class="quotes">
<caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Symbol</th><th scope="col" class="num">Price</th><th scope="col" class="num">Change</th><th scope="col" class="num">Change %</th><th scope="col" class="num">Volume</th></tr></thead>
<tbody${rankedRows ? ' data-dynamic' : ''}>${rows}</tbody></table></div>`;
}

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function newsList(items: NewsItem[]): string {
  const entries = items
    .map(
      (item) => `<li><article>
<h3><a href="${escapeHtml(item.url)}" rel="noopener">${escapeHtml(item.headline)}</a></h3>
<span class="meta">${escapeHtml(item.source)}, <time datetime="${item.publishedAt}" data-dynamic>${timeFormat.format(new Date(item.publishedAt))}</time></span>
<span>${item.symbols.map((s) => `<span class="tag">${escapeHtml(s)}</span>`).join('')}</span>
</article></li>`,
    )
    .join('');
  // Headlines rotate every hour, so the whole list is dynamic for screenshots.
  return `<ul class="news-list" data-dynamic>${entries}</ul>`;
}

interface Series {
  values: number[];
  label: string;
  alt?: boolean;
}

/** A server-drawn line chart; colours come from the stylesheet classes. */
export function lineChart(series: Series[], description: string): string {
  const width = 640;
  const height = 240;
  const pad = 28;
  const all = series.flatMap((s) => s.values);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const count = Math.max(...series.map((s) => s.values.length), 2);
  const x = (i: number): number => pad + (i * (width - 2 * pad)) / (count - 1);
  const y = (v: number): number => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const grid = [0, 0.5, 1]
    .map((f) => {
      const value = min + f * span;
      const gy = y(value).toFixed(1);
      return `<line class="grid-line" x1="${pad}" x2="${width - pad}" y1="${gy}" y2="${gy}"/><text x="2" y="${gy}">${money(value)}</text>`;
    })
    .join('');
  const lines = series
    .map((s) => `<polyline class="series${s.alt ? ' alt' : ''}" points="${s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`)
    .join('');
  const legend = series
    .map((s) => `<li><span class="swatch${s.alt ? ' alt' : ''}"></span>${escapeHtml(s.label)}</li>`)
    .join('');
  return `<figure data-dynamic><svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(description)}">${grid}${lines}</svg>
<ul class="legend">${legend}</ul></figure>`;
}

export function barsTable(bars: Bar[], caption: string): string {
  const rows = bars
    .slice(-10)
    .reverse()
    .map(
      (b) => `<tr><th scope="row" data-dynamic><time datetime="${b.timestamp}">${b.timestamp.slice(0, 10)}</time></th>
<td class="num" data-dynamic>${money(b.open)}</td><td class="num" data-dynamic>${money(b.high)}</td>
<td class="num" data-dynamic>${money(b.low)}</td><td class="num" data-dynamic>${money(b.close)}</td>
<td class="num" data-dynamic>${b.volume.toLocaleString('en-US')}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap" role="region" aria-label="${escapeHtml(caption)}" tabindex="0"><table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Date</th><th scope="col" class="num">Open</th><th scope="col" class="num">High</th><th scope="col" class="num">Low</th><th scope="col" class="num">Close</th><th scope="col" class="num">Volume</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** Content that needs a session: filled in by /public/js/portfolio.js when a token is present. */
export function signedInOnly(kind: 'account' | 'positions' | 'orders', heading: string): string {
  return panel(
    heading,
    `<div data-portfolio="${kind}"><p class="muted" data-login-prompt>Log in to see your paper ${kind}. <a href="/login">Log in</a></p></div>`,
  );
}
