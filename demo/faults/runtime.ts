import type { FaultDefinition } from '../faults.ts';

type RuntimeFault = Omit<FaultDefinition, 'kind' | 'plant'>;

const definitions: RuntimeFault[] = [
  // cross-platform: consistent with its own document, so only the comparison with PaiiD's catches it
  { name: '2mx-account-breaking', gate: 'cross-platform', platform: '2mx', breaks: "PaπD 2mx's account drops buyingPower, a field PaiiD's document requires (its own document drops it too).", caughtBy: 'GET /api/account' },
  // data-flows
  { name: 'slow-quote', gate: 'data-flows', breaks: 'Every quote takes about 2600 ms, even from the warm cache.', caughtBy: 'latency' },
  { name: 'cache-disabled', gate: 'data-flows', breaks: 'The quote cache never hits: every quote answers X-Cache: MISS at upstream speed.', caughtBy: 'cache' },
  { name: 'readiness-degraded', gate: 'data-flows', breaks: 'Readiness answers 503 with the broker component degraded.', caughtBy: 'readiness' },
  // contracts
  { name: 'type-drift', gate: 'contracts', breaks: 'Quote price is served as a string instead of a number.', caughtBy: 'schema' },
  { name: 'missing-required-field', gate: 'contracts', breaks: 'Position items lose their required averagePrice field.', caughtBy: 'schema' },
  { name: 'undocumented-500', gate: 'contracts', breaks: 'GET /api/news/market answers 500, a status the contract does not document.', caughtBy: 'status' },
  { name: 'undocumented-endpoint', gate: 'contracts', breaks: 'GET /api/internal/debug answers 200 though the contract does not list it.', caughtBy: 'undocumented' },
  { name: 'auth-bypass-orders', gate: 'contracts', breaks: 'POST /api/orders accepts an order without a bearer token.', caughtBy: 'auth' },
  { name: 'cors-reflect', gate: 'contracts', breaks: 'Any Origin is reflected with Access-Control-Allow-Credentials: true.', caughtBy: 'cors' },
  { name: 'upstream-401-as-500', gate: 'contracts', breaks: 'An upstream 401 is mapped to 500 instead of the documented 503.', caughtBy: 'error mapping' },
  { name: 'insecure-cookie', gate: 'contracts', breaks: 'Login also sets the token as a session cookie without HttpOnly or SameSite.', caughtBy: 'cookie flags' },
  { name: 'stack-trace-500', gate: 'contracts', breaks: 'Option expirations crash, answered 500 with the Node.js stack trace in the body.', caughtBy: 'error disclosure' },
  { name: 'version-banner', gate: 'contracts', breaks: 'Every response names the server software and its version (Server, X-Powered-By).', caughtBy: 'server version' },
  // browser
  { name: 'console-error', gate: 'browser', breaks: 'The home page logs an error to the console.', caughtBy: 'console' },
  { name: 'page-error', gate: 'browser', breaks: 'The news page throws an uncaught exception.', caughtBy: 'page error' },
  { name: 'broken-image', gate: 'browser', breaks: 'The research page loads an image that answers 404.', caughtBy: 'failed request' },
  { name: 'forbidden-brand-term', gate: 'browser', breaks: 'The home page shows a forbidden brand term in a menu label.', caughtBy: 'brand' },
  { name: 'missing-wedge', gate: 'browser', breaks: 'The radial menu renders nine wedges instead of ten.', caughtBy: 'menu' },
  { name: 'missing-nosniff', gate: 'browser', breaks: 'Pages and their files are served without X-Content-Type-Options: nosniff.', caughtBy: 'nosniff' },
  { name: 'missing-csp', gate: 'browser', breaks: 'Pages are served without a Content-Security-Policy.', caughtBy: 'content-security-policy' },
  { name: 'csp-unsafe-inline', gate: 'browser', breaks: "The pages' Content-Security-Policy allows 'unsafe-inline' scripts.", caughtBy: 'content-security-policy' },
  { name: 'secret-in-page', gate: 'browser', breaks: "A deploy bot's GitHub token is left in a comment of the settings page's source.", caughtBy: 'secret' },
  // a11y
  { name: 'missing-alt', gate: 'a11y', breaks: 'The logo image loses its alt text.', caughtBy: 'image-alt' },
  { name: 'low-contrast', gate: 'a11y', breaks: 'A paragraph on the news page is light grey on white.', caughtBy: 'color-contrast' },
  { name: 'unlabelled-field', gate: 'a11y', breaks: 'The settings form gains an input with no label.', caughtBy: 'label on' },
  { name: 'render-blocking-script', gate: 'a11y', breaks: 'A slow synchronous script in the home head sinks the Lighthouse performance score.', caughtBy: 'lighthouse' },
  // visual
  { name: 'layout-shift', gate: 'visual', breaks: 'A 120px banner pushes the home content down.', caughtBy: 'screenshot' },
  { name: 'off-palette', gate: 'visual', breaks: 'Headings are drawn in a colour outside the design palette.', caughtBy: 'palette' },
  { name: 'missing-glass', gate: 'visual', breaks: 'The glass panels lose their backdrop-filter blur.', caughtBy: 'glass' },
  { name: 'unstable-ticker', gate: 'visual', breaks: 'A counter on the backtesting page redraws every 50 ms, so no two screenshots match.', caughtBy: 'kept changing' },
  // smoke
  { name: 'orders-rejected', gate: 'smoke', breaks: 'Every paper order is rejected with 422.', caughtBy: 'critical path' },
  { name: 'pnl-wrong', gate: 'smoke', breaks: 'Account totalPnl ignores the trades and reports the cash spent as a loss.', caughtBy: 'p&l' },
  { name: 'health-down', gate: 'smoke', breaks: 'Health answers 503 with status "down".', caughtBy: 'health' },
  { name: 'slow-under-load', gate: 'smoke', breaks: 'With more than 10 requests or connections open at once, quote and health answers are delayed about 2500 ms.', caughtBy: 'p95' },
];

/** Defects the running server switches on when named in DEMO_FAULTS. */
export const runtimeFaults: FaultDefinition[] = definitions.map((fault) => ({ ...fault, kind: 'runtime' }));
