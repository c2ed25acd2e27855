// The session token lives in sessionStorage; an expired token counts as no token at all,
// so pages never send a request that is bound to be refused.
(() => {
  const TOKEN_KEY = 'paiid.token';
  const EXPIRES_KEY = 'paiid.tokenExpiresAt';

  function token() {
    const value = sessionStorage.getItem(TOKEN_KEY);
    const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY) || 0);
    if (!value || Date.now() >= expiresAt) {
      clear();
      return null;
    }
    return value;
  }

  function save(value, expiresInSeconds) {
    sessionStorage.setItem(TOKEN_KEY, value);
    // Renew a few seconds early so a request never races the expiry.
    sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + Math.max(0, expiresInSeconds - 5) * 1000));
  }

  function clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
  }

  async function api(path, options = {}) {
    const current = token();
    if (!current) return { status: 401, body: null };
    const headers = { Accept: 'application/json', Authorization: 'Bearer ' + current };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401) clear();
    const body = await response.json().catch(() => null);
    return { status: response.status, body };
  }

  window.PaiiDSession = { token, save, clear, api };
})();
