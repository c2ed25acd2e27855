// Refreshes every [data-live-quote] element from the quote API every two seconds.
(() => {
  const nodes = Array.from(document.querySelectorAll('[data-live-quote]'));
  if (nodes.length === 0) return;
  const REFRESH_MS = 2000;
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const updated = document.querySelector('[data-live-updated]');

  async function refreshOne(node) {
    const symbol = node.getAttribute('data-live-quote');
    try {
      const response = await fetch('/api/market/quote/' + encodeURIComponent(symbol), { headers: { Accept: 'application/json' } });
      if (!response.ok) return false;
      const quote = await response.json();
      const price = Number(quote.price);
      const changePercent = Number(quote.changePercent);
      if (!Number.isFinite(price) || !Number.isFinite(changePercent)) return false;
      const priceNode = node.querySelector('[data-field="price"]');
      const changeNode = node.querySelector('[data-field="changePercent"]');
      if (priceNode) priceNode.textContent = format.format(price);
      if (changeNode) {
        changeNode.textContent = (changePercent > 0 ? '+' : '') + format.format(changePercent) + '%';
        changeNode.classList.toggle('up', changePercent > 0);
        changeNode.classList.toggle('down', changePercent < 0);
      }
      node.setAttribute('data-quote-time', String(quote.timestamp));
      return true;
    } catch {
      return false; // keep showing the last value; the next tick retries
    }
  }

  async function refresh() {
    const results = await Promise.all(nodes.map(refreshOne));
    if (updated && results.some(Boolean)) updated.textContent = new Date().toISOString().slice(11, 19) + ' UTC';
    setTimeout(refresh, REFRESH_MS);
  }

  refresh();
})();
