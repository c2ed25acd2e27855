/** The web dashboard's own assets: served from memory, no CDN (the page must work offline). */

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Meta-Orchestrator dashboard</title>
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/dashboard.js" defer></script>
</head>
<body>
<header>
  <h1>Meta-Orchestrator</h1>
  <div id="run" data-testid="run">waiting for the execution log...</div>
  <div id="connection" data-testid="connection">connecting</div>
</header>
<main>
  <section class="cards">
    <div class="card"><span class="label">Tasks</span><span class="value" data-testid="count-total" id="count-total">-</span></div>
    <div class="card ok"><span class="label">Completed</span><span class="value" data-testid="count-completed" id="count-completed">-</span></div>
    <div class="card bad"><span class="label">Failed</span><span class="value" data-testid="count-failed" id="count-failed">-</span></div>
    <div class="card bad"><span class="label">Blocked</span><span class="value" data-testid="count-blocked" id="count-blocked">-</span></div>
    <div class="card"><span class="label">Pending</span><span class="value" data-testid="count-pending" id="count-pending">-</span></div>
    <div class="card"><span class="label">Done</span><span class="value" data-testid="completion" id="completion">-</span></div>
    <div class="card"><span class="label">Errors / warnings</span><span class="value" data-testid="errors-warnings" id="errors-warnings">-</span></div>
    <div class="card" id="risk-card"><span class="label" id="risk-label">Risk rate</span><span class="value" data-testid="risk-rate" id="risk-rate">-</span></div>
  </section>
  <p id="state" data-testid="state"></p>
  <p id="readiness" data-testid="readiness"></p>
  <ul id="reasons"></ul>
  <section>
    <h2>Gates</h2>
    <table data-testid="gates"><thead><tr><th>gate</th><th>status</th><th>progress</th><th>failed</th><th>blocked</th><th>risk</th></tr></thead><tbody id="gates"></tbody></table>
  </section>
  <section class="charts">
    <div><h2>Timeline of this run</h2><div id="timeline"></div></div>
    <div><h2>Risk rate over past runs</h2><div id="trend"></div></div>
  </section>
  <section>
    <h2>Last activity</h2>
    <ol id="activity" data-testid="activity"></ol>
    <div id="problems" data-testid="log-problems"></div>
  </section>
  <section><h2>Report files</h2><ul id="files"></ul></section>
</main>
</body>
</html>
`;

export const DASHBOARD_CSS = `
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f9; color: #1d2430; }
header { display: flex; gap: 1.5rem; align-items: baseline; padding: 0.8rem 1.2rem; background: #1d2430; color: #fff; flex-wrap: wrap; }
header h1 { font-size: 1.2rem; margin: 0; }
#connection { margin-left: auto; font-size: 0.85rem; opacity: 0.8; }
main { padding: 1rem 1.2rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 0.6rem; }
.card { background: #fff; border-radius: 6px; padding: 0.6rem 0.8rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); display: flex; flex-direction: column; }
.card .label { font-size: 0.75rem; color: #5a6473; }
.card .value { font-size: 1.5rem; font-weight: 600; }
.level-ok .value { color: #2e9e5b; } .level-warn .value { color: #b58700; } .level-critical .value { color: #d2373c; }
table { border-collapse: collapse; background: #fff; width: 100%; max-width: 900px; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #e3e7ee; font-size: 0.9rem; }
.status-failed, .status-blocked, .status-interrupted { color: #d2373c; font-weight: 600; }
.status-passed, .status-done, .status-completed { color: #2e9e5b; }
.status-running { color: #2f7fd8; }
progress { width: 140px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; }
.charts svg { max-width: 100%; height: auto; background: #fff; border-radius: 6px; }
#activity { font-family: ui-monospace, monospace; font-size: 0.85rem; }
#problems { color: #b58700; font-family: ui-monospace, monospace; font-size: 0.85rem; }
.readiness-READY { color: #2e9e5b; } .readiness-ON-HOLD { color: #b58700; }
td.verdict-PASS, td.level-ok { color: #2e9e5b; } td.verdict-WARNING, td.level-warn { color: #b58700; } td.verdict-CRITICAL, td.level-critical { color: #d2373c; font-weight: 600; }
#details { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; } .target h2 { font-size: 1rem; } .verdict-PASS { color: #7ee2a8; } .verdict-WARNING { color: #ffd166; } .verdict-CRITICAL { color: #ff8a8f; }
`;

/** Both pages' live updates: the first state, then every one the server pushes, rendered by the page's `render`. */
const LIVE_UPDATES = `function connect() {
  const source = new EventSource('/events');
  source.onopen = () => { $('connection').textContent = 'live'; };
  source.onmessage = (event) => { try { render(JSON.parse(event.data)); } catch (e) { $('connection').textContent = 'bad update: ' + e.message; } };
  source.onerror = () => { $('connection').textContent = 'reconnecting...'; };
}
fetch('/api/state').then((r) => r.json()).then(render).catch(() => {});
connect();
`;

/** Plain browser script: texts go through textContent; only the server's own SVG goes through innerHTML. */
export const DASHBOARD_JS = `
'use strict';
const $ = (id) => document.getElementById(id);
const rate = (r) => r.toFixed(2) + ' %';
function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
function render(state) {
  if (!state.ok) { $('run').textContent = state.message; return; }
  const v = state.view; const t = v.tasks;
  $('run').textContent = 'run ' + v.runId + ' | mode ' + v.mode + ' | ' + v.target.name + ' (' + v.target.environment + ')';
  $('count-total').textContent = t.planned; $('count-completed').textContent = t.completed; $('count-failed').textContent = t.failed;
  $('count-blocked').textContent = t.blocked; $('count-pending').textContent = t.pending; $('completion').textContent = v.completionPercent.toFixed(1) + ' %';
  $('errors-warnings').textContent = v.errors + ' / ' + v.warnings;
  $('risk-rate').textContent = rate(v.risk.rate); $('risk-label').textContent = 'Risk rate (' + v.risk.label + ')';
  $('risk-card').className = 'card level-' + v.risk.level;
  const state_ = $('state'); state_.textContent = '';
  const verdict = el('strong', v.verdict ? v.verdict : 'RUNNING', v.verdict ? 'verdict-' + v.verdict : '');
  state_.append(verdict, ' ' + v.state + ', elapsed ' + Math.round(v.elapsedSeconds) + 's, ETA ' + eta(v.eta));
  state_.dataset.state = v.state;
  const ready = $('readiness'); ready.textContent = '';
  if (v.readiness) {
    ready.append(el('strong', 'Production readiness: ' + v.readiness.state, 'readiness-' + v.readiness.state.replace(' ', '-')), v.readiness.required ? '' : ' (no sign-off required)');
    const items = v.readiness.pending.map((p) => el('li', 'pending: ' + p)).concat(v.readiness.discrepancies.map((d) => el('li', 'DISCREPANCY (' + d.kind + '): ' + d.reviewer + ' on ' + d.signOff + ' ' + d.message, 'status-failed')));
    if (items.length) { const list = el('ul'); list.append(...items); ready.append(list); }
  }
  const reasons = $('reasons'); reasons.replaceChildren(...v.reasons.map((r) => el('li', r)));
  $('gates').replaceChildren(...v.gates.map((g) => {
    const tr = document.createElement('tr'); tr.dataset.gate = g.gate;
    const bar = document.createElement('progress'); bar.max = Math.max(1, g.tasks.planned); bar.value = g.tasks.done;
    const cell = el('td'); cell.append(bar, ' ' + g.tasks.done + '/' + g.tasks.planned);
    tr.append(el('td', g.gate), el('td', g.status, 'status-' + g.status), cell, el('td', String(g.tasks.failed)), el('td', String(g.tasks.blocked)), el('td', rate(g.riskRate)));
    return tr;
  }));
  $('timeline').innerHTML = state.timelineSvg; $('trend').innerHTML = state.trendSvg;
  $('activity').replaceChildren(...v.activity.map((a) => el('li', (a.time ? a.time.slice(11, 19) : '--:--:--') + ' ' + a.status + ' ' + a.taskId + (a.detail ? ': ' + a.detail : ''), 'status-' + a.status)));
  $('problems').replaceChildren(...v.logProblems.map((p) => el('div', 'log line ' + p.line + ': ' + p.reason)));
  $('files').replaceChildren(...state.files.map((f) => { const li = el('li'); const a = el('a', f); a.href = '/logs/' + encodeURIComponent(f); li.append(a); return li; }));
  document.body.dataset.runState = v.state;
}
function eta(e) {
  if (e.kind === 'done') return 'finished';
  if (e.kind === 'unknown') return 'unknown';
  if (e.kind === 'estimate') return '~' + Math.round(e.remainingSeconds) + 's';
  return Math.round(e.overSeconds) + 's over';
}
${LIVE_UPDATES}`;

/** A workspace run's page: the release verdict, then every target side by side, then each target's detail. */
export const TARGETS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Meta-Orchestrator dashboard: every target</title>
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/dashboard.js" defer></script>
</head>
<body>
<header>
  <h1>Meta-Orchestrator</h1>
  <div id="release" data-testid="release">waiting for the targets' logs...</div>
  <div id="connection" data-testid="connection">connecting</div>
</header>
<main>
  <ul id="release-reasons" data-testid="release-reasons"></ul>
  <section>
    <h2>Targets side by side</h2>
    <table data-testid="targets"><thead><tr id="targets-head"></tr></thead><tbody id="targets"></tbody></table>
  </section>
  <section id="details" data-testid="details"></section>
  <section><h2>Release files</h2><ul id="files"></ul></section>
</main>
</body>
</html>
`;

/** Plain browser script, as the single-target page's: texts through textContent, only the server's SVG through innerHTML. */
export const TARGETS_JS = `
'use strict';
const $ = (id) => document.getElementById(id);
const rate = (r) => r.toFixed(2) + ' %';
function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
function link(text, href) { const li = el('li'); const a = el('a', text); a.href = href; li.append(a); return li; }
function render(state) {
  if (!state.ok) { $('release').textContent = state.message; return; }
  const release = $('release'); release.textContent = '';
  if (state.release) release.append('Release: ', el('strong', state.release.verdict, 'verdict-' + state.release.verdict));
  else release.append(state.targets.length ? 'Release: running' : 'no workspace run in ' + state.reportsDir + ' yet');
  release.dataset.verdict = state.release ? state.release.verdict : '';
  $('release-reasons').replaceChildren(...(state.release ? state.release.reasons : []).map((r) => el('li', r)));
  $('targets-head').replaceChildren(...['target', 'state', 'verdict', 'tasks', 'risk', 'failed', 'blocked'].concat(state.gateNames).map((h) => el('th', h)));
  $('targets').replaceChildren(...state.targets.map((t) => {
    const tr = document.createElement('tr'); tr.dataset.target = t.id;
    if (t.problem) { const td = el('td', t.problem, 'status-failed'); td.colSpan = 6 + state.gateNames.length; tr.append(el('td', t.id), td); return tr; }
    const byGate = new Map(t.gates.map((g) => [g.gate, g.status]));
    const bar = document.createElement('progress'); bar.max = Math.max(1, t.tasks.planned); bar.value = t.tasks.done;
    const progress = el('td'); progress.append(bar, ' ' + t.tasks.done + '/' + t.tasks.planned);
    const risk = el('td', rate(t.risk.rate), 'level-' + t.risk.level); risk.dataset.testid = 'risk';
    tr.append(el('td', t.id + ' (' + t.name + ')'), el('td', t.state, 'status-' + t.state), el('td', t.verdict || 'RUNNING', t.verdict ? 'verdict-' + t.verdict : ''), progress, risk,
      el('td', String(t.tasks.failed)), el('td', String(t.tasks.blocked)), ...state.gateNames.map((g) => { const s = byGate.get(g) || '-'; const td = el('td', s, 'status-' + s); td.dataset.gate = g; return td; }));
    return tr;
  }));
  $('details').replaceChildren(...state.targets.filter((t) => !t.problem).map((t) => {
    const section = el('section', undefined, 'target'); section.dataset.target = t.id;
    section.append(el('h2', t.id + ': ' + t.name + ' (' + t.environment + '), run ' + t.runId));
    const reasons = el('ul'); reasons.append(...t.reasons.map((r) => el('li', r))); section.append(reasons);
    const trend = el('div'); trend.innerHTML = t.trendSvg; section.append(el('h3', 'Risk rate over past runs'), trend);
    const files = el('ul'); files.append(...t.files.map((f) => link(f, '/targets/' + encodeURIComponent(t.id) + '/logs/' + encodeURIComponent(f)))); section.append(files);
    return section;
  }));
  $('files').replaceChildren(...state.files.map((f) => link(f, '/logs/' + encodeURIComponent(f))));
  document.body.dataset.released = state.release ? 'yes' : 'no';
}
${LIVE_UPDATES}`;
