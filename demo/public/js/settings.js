// Settings are kept in localStorage; nothing is sent to the server.
(() => {
  const form = document.querySelector('[data-settings-form]');
  const status = document.querySelector('[data-settings-status]');
  if (!form || !status) return;
  const KEY = 'paiid.settings';

  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) || '{}') || {};
  } catch {
    saved = {};
  }
  for (const element of Array.from(form.elements)) {
    if (!element.name || !(element.name in saved)) continue;
    if (element.type === 'checkbox') element.checked = Boolean(saved[element.name]);
    else if (element.type === 'radio') element.checked = element.value === saved[element.name];
    else element.value = String(saved[element.name]);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values = Object.fromEntries(data.entries());
    const confirm = form.elements.namedItem('confirmOrders');
    values.confirmOrders = Boolean(confirm && confirm.checked);
    localStorage.setItem(KEY, JSON.stringify(values));
    status.textContent = 'Settings saved.';
  });
})();
