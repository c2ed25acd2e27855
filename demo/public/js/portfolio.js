// Fills [data-portfolio] panels (account, positions, orders) for a signed-in session.
(() => {
  const panels = Array.from(document.querySelectorAll('[data-portfolio]'));
  if (panels.length === 0 || !window.PaiiDSession) return;
  const session = window.PaiiDSession;
  const REFRESH_MS = 5000;
  const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const ENDPOINTS = { account: '/api/account', positions: '/api/positions', orders: '/api/orders' };

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children || []) node.append(child);
    return node;
  }

  const amount = (value) => (Number.isFinite(Number(value)) ? money.format(Number(value)) : 'n/a');
  const trend = (value) => (Number(value) > 0 ? 'num up' : Number(value) < 0 ? 'num down' : 'num');

  function table(caption, columns, rows) {
    const head = el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : '' }, [c.label])));
    const body = rows.map((row) =>
      el('tr', {}, columns.map((c, i) => {
        const value = c.value(row);
        if (i === 0) return el('th', { scope: 'row' }, [String(value)]);
        return el('td', { class: c.className ? c.className(row) : c.numeric ? 'num' : '', 'data-dynamic': '' }, [String(value)]);
      })),
    );
    return el('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' }, [
      el('table', {}, [el('caption', {}, [caption]), el('thead', {}, [head]), el('tbody', {}, body)]),
    ]);
  }

  const RENDER = {
    account(a) {
      const items = [
        ['Cash', a.cash], ['Equity', a.equity], ['Buying power', a.buyingPower],
        ['Realized P&L', a.realizedPnl], ['Unrealized P&L', a.unrealizedPnl], ['Total P&L', a.totalPnl],
      ];
      return el('dl', { class: 'stat-list', 'data-account': a.accountId }, items.map(([label, value]) =>
        el('div', {}, [el('dt', {}, [label]), el('dd', { class: label.includes('P&L') ? trend(value) : 'num', 'data-dynamic': '' }, [amount(value)])]),
      ));
    },
    positions(list) {
      if (list.length === 0) return el('p', { class: 'muted' }, ['No open positions yet. Place a paper order on the Trade page.']);
      return table('Open positions', [
        { label: 'Symbol', value: (p) => p.symbol },
        { label: 'Quantity', numeric: true, value: (p) => p.quantity },
        { label: 'Average price', numeric: true, value: (p) => amount(p.averagePrice) },
        { label: 'Market price', numeric: true, value: (p) => amount(p.marketPrice) },
        { label: 'Market value', numeric: true, value: (p) => amount(p.marketValue) },
        { label: 'Unrealized P&L', numeric: true, value: (p) => amount(p.unrealizedPnl), className: (p) => trend(p.unrealizedPnl) },
      ], list);
    },
    orders(list) {
      if (list.length === 0) return el('p', { class: 'muted' }, ['No orders yet.']);
      return table('Recent orders', [
        { label: 'Order', value: (o) => o.id },
        { label: 'Side', value: (o) => o.side },
        { label: 'Symbol', value: (o) => o.symbol },
        { label: 'Quantity', numeric: true, value: (o) => o.quantity },
        { label: 'Fill price', numeric: true, value: (o) => amount(o.filledPrice) },
      ], list.slice(0, 10));
    },
  };

  async function refreshPanel(panel) {
    const kind = panel.getAttribute('data-portfolio');
    if (!session.token()) return;
    try {
      const { status, body } = await session.api(ENDPOINTS[kind]);
      if (status === 200 && body) panel.replaceChildren(RENDER[kind](body));
      else if (status === 401) panel.replaceChildren(el('p', { class: 'muted' }, ['Your session has expired. ', el('a', { href: '/login' }, ['Log in again'])]));
    } catch {
      // keep the last rendering; the next refresh retries
    }
  }

  let timer = 0;
  async function refreshAll() {
    clearTimeout(timer);
    await Promise.all(panels.map(refreshPanel));
    if (session.token()) timer = setTimeout(refreshAll, REFRESH_MS);
  }

  document.addEventListener('paiid:orders-changed', refreshAll);
  refreshAll();
})();
