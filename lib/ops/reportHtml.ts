import MarkdownIt from 'markdown-it';
import { escapeXml } from './charts.ts';

/** Raw HTML in the summary (it quotes failure messages from the target) is shown as text, never rendered. */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #1d2430; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #d5dbe5; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; } th, td { border: 1px solid #d5dbe5; padding: 2pt 4pt; text-align: left; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; } pre { background: #f4f6f9; padding: 6pt; white-space: pre-wrap; }
li { margin: 1pt 0; word-break: break-word; } .trend svg { width: 100%; height: auto; }
footer { margin-top: 16pt; font-size: 8pt; color: #5a6473; }
`;

/**
 * The executive summary as one self-contained HTML page, with the risk-rate trend chart placed
 * before the gate table. Everything inline: the browser that prints it has no network.
 */
export function renderReportHtml(input: { markdown: string; trendSvg: string; title: string; generated: string }): string {
  let body = markdown.render(input.markdown);
  const chart = `<section class="trend"><h2>Risk rate over past runs</h2>${input.trendSvg}</section>\n`;
  const gates = body.indexOf('<h2>Gates</h2>');
  body = gates >= 0 ? `${body.slice(0, gates)}${chart}${body.slice(gates)}` : `${body}${chart}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(input.title)}</title><style>${PRINT_CSS}</style></head>
<body>
${body}
<footer>Generated ${escapeXml(input.generated)} from the executive summary and history.jsonl written by the risk reporter.</footer>
</body></html>
`;
}
