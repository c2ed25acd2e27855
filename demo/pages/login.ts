import type { DemoContext } from '../context.ts';
import { renderPage } from './layout.ts';

export function renderLogin(ctx: DemoContext): string {
  const main = `<h1>Log in</h1>
<p class="lead">Sign in to place paper orders and see your positions. The session lasts until the token expires or the tab closes.</p>
<section class="glass" aria-labelledby="login-title">
<h2 id="login-title">Account</h2>
<form id="login-form" data-login-form>
<div class="field"><label for="login-username">Username</label><input id="login-username" name="username" type="text" autocomplete="username" required></div>
<div class="field"><label for="login-password">Password</label><input id="login-password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit">Log in</button>
<p class="status" role="status" data-login-status></p>
</form>
<p data-session-actions class="hidden">You are logged in. <a href="/trade">Place a trade</a> or <button type="button" data-logout>Log out</button></p>
</section>`;
  return renderPage(ctx, {
    title: 'Log in',
    path: '/login',
    description: 'Log in to PaiiD paper trading.',
    main,
    scripts: ['session.js', 'login.js'],
  });
}
