import { hasFault, type DemoContext } from '../context.ts';
import { SYMBOLS } from '../market.ts';
import { leakedTokenComment } from './faultAssets.ts';
import { renderPage } from './layout.ts';

function unlabelledField(ctx: DemoContext): string {
  if (!hasFault(ctx, 'unlabelled-field')) return '';
  return '<div class="field"><input id="settings-webhook" name="webhook" type="url"></div>';
}

export function settingsForm(ctx: DemoContext): string {
  const symbols = SYMBOLS.map((s) => `<option value="${s}">${s}</option>`).join('');
  return `<form id="settings-form" data-settings-form>
<div class="field"><label for="settings-name">Display name</label><input id="settings-name" name="displayName" type="text" autocomplete="nickname" value="Demo trader"></div>
<div class="field"><label for="settings-symbol">Default symbol</label><select id="settings-symbol" name="defaultSymbol">${symbols}</select></div>
<div class="field"><label for="settings-refresh">Quote refresh (seconds)</label><input id="settings-refresh" name="refreshSeconds" type="number" min="2" max="60" value="2" inputmode="numeric"></div>
${unlabelledField(ctx)}
<fieldset><legend>Risk tolerance</legend>
<label class="choice"><input type="radio" name="risk" value="conservative"> Conservative</label>
<label class="choice"><input type="radio" name="risk" value="balanced" checked> Balanced</label>
<label class="choice"><input type="radio" name="risk" value="aggressive"> Aggressive</label>
</fieldset>
<div class="field"><label class="choice"><input type="checkbox" name="confirmOrders" checked> Confirm before placing orders</label></div>
<button type="submit">Save settings</button>
<p class="status" role="status" data-settings-status></p>
</form>`;
}

export function renderSettings(ctx: DemoContext): string {
  const main = `${leakedTokenComment(ctx)}<h1>Settings</h1>
<p class="lead">Preferences are stored in this browser only.</p>
<section class="glass" aria-labelledby="preferences-title">
<h2 id="preferences-title">Preferences</h2>
${settingsForm(ctx)}
</section>`;
  return renderPage(ctx, {
    title: 'Settings',
    path: '/settings',
    description: 'Display and trading preferences for PaiiD.',
    main,
    scripts: ['settings.js'],
  });
}
