// The order ticket: visible with a session, posts paper market orders.
(() => {
  const form = document.querySelector('[data-order-form]');
  const prompt = form ? form.parentElement.querySelector('[data-login-prompt]') : null;
  const status = document.querySelector('[data-order-status]');
  if (!form || !status || !window.PaiiDSession) return;
  const session = window.PaiiDSession;
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function showTicket() {
    const signedIn = Boolean(session.token());
    form.classList.toggle('hidden', !signedIn);
    if (prompt) prompt.classList.toggle('hidden', signedIn);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const order = {
      symbol: String(data.get('symbol')),
      side: String(data.get('side')),
      quantity: Number(data.get('quantity')),
      type: 'market',
    };
    status.textContent = 'Placing order...';
    status.classList.remove('error-text');
    try {
      const { status: code, body } = await session.api('/api/orders', { method: 'POST', body: order });
      if (code === 201 && body) {
        status.textContent = 'Filled: ' + body.side + ' ' + body.quantity + ' ' + body.symbol + ' at ' + format.format(Number(body.filledPrice)) + ' (' + body.id + ')';
        document.dispatchEvent(new CustomEvent('paiid:orders-changed'));
      } else if (code === 401) {
        status.textContent = 'Your session has expired. Log in again.';
        status.classList.add('error-text');
      } else {
        status.textContent = (body && body.message) || 'The order was not accepted.';
        status.classList.add('error-text');
      }
    } catch {
      status.textContent = 'The server could not be reached. Try again.';
      status.classList.add('error-text');
    }
    showTicket();
  });
  showTicket();
})();
