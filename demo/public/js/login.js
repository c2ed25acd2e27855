// Logs in through the API and keeps the token in sessionStorage.
(() => {
  const form = document.querySelector('[data-login-form]');
  const status = document.querySelector('[data-login-status]');
  const actions = document.querySelector('[data-session-actions]');
  const logout = document.querySelector('[data-logout]');
  if (!form || !status || !window.PaiiDSession) return;
  const session = window.PaiiDSession;

  function showSession() {
    const signedIn = Boolean(session.token());
    if (actions) actions.classList.toggle('hidden', !signedIn);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    status.textContent = 'Signing in...';
    status.classList.remove('error-text');
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username: String(data.get('username') || ''), password: String(data.get('password') || '') }),
      });
      const body = await response.json().catch(() => null);
      if (response.ok && body && body.token) {
        session.save(body.token, Number(body.expiresIn) || 0);
        status.textContent = 'Logged in. Your session is ready.';
        form.reset();
      } else {
        status.textContent = (body && body.message) || 'Log in failed.';
        status.classList.add('error-text');
      }
    } catch {
      status.textContent = 'The server could not be reached. Try again.';
      status.classList.add('error-text');
    }
    showSession();
  });

  if (logout) {
    logout.addEventListener('click', () => {
      session.clear();
      status.textContent = 'Logged out.';
      showSession();
    });
  }
  showSession();
})();
