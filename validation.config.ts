import { defineValidationConfig } from './lib/config/index.ts';

/**
 * The validation config for the sample target in demo/. Every target-specific fact lives here;
 * another application needs its own copy of this file (VALIDATION_CONFIG=path), not new specs.
 */
const demoPort = process.env.DEMO_PORT ?? '47310';
const demoUrl = `http://127.0.0.1:${demoPort}`;

export default defineValidationConfig({
  // ---- target -------------------------------------------------------------
  target: {
    name: 'PaiiD demo',
    baseUrl: demoUrl,
    environments: {},
    webServer: {
      command: 'npx tsx demo/server.ts',
      // A static file: the demo's health may be switched off by a fault, its files never are.
      url: `${demoUrl}/robots.txt`,
      timeoutMs: 60_000,
      env: { DEMO_PORT: demoPort, DEMO_FAULTS: process.env.DEMO_FAULTS ?? '' },
    },
  },

  // ---- auth ---------------------------------------------------------------
  auth: {
    login: { method: 'POST', path: '/api/auth/login', body: { username: '${API_USER}', password: '${API_PASSWORD}' }, tokenPath: 'token' },
    defaultUser: 'demo',
    defaultPassword: 'paper-trading',
  },

  // ---- routes (browser, a11y, visual) ---------------------------------------
  routes: [
    {
      path: '/',
      name: 'home',
      expect: {
        visible: ['[data-testid="radial-wedge"]', '[data-testid="brand-logo"]'],
        // Quotes in the hub refresh every two seconds.
        liveData: { selector: '[data-testid="live-quote-SPY"] [data-field="price"]', withinMs: 10_000 },
      },
      masks: ['[data-dynamic]'],
      tags: ['@critical'],
    },
    { path: '/research', name: 'research', expect: { visible: ['[data-testid="split-handle"]'] }, masks: ['[data-dynamic]'] },
    // Headlines rotate every hour.
    { path: '/news', name: 'news', masks: ['[data-dynamic]', '.news-list'] },
    // The first expiration date moves with the calendar.
    { path: '/strategy', name: 'strategy', masks: ['[data-dynamic]', '#strategy-expiration'] },
    { path: '/backtesting', name: 'backtesting', masks: ['[data-dynamic]'] },
    { path: '/settings', name: 'settings', masks: ['[data-dynamic]'] },
    { path: '/login', name: 'login', masks: ['[data-dynamic]'] },
    { path: '/trade', name: 'trade', masks: ['[data-dynamic]'] },
    { path: '/pnl', name: 'pnl', masks: ['[data-dynamic]'] },
  ],

  // ---- a11y ---------------------------------------------------------------
  a11y: {
    tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
    // axe cannot compute a background under the overlapping glass wedges or behind SVG chart
    // labels and answers "needs review" for them; the visual gate checks those colours instead.
    // Real contrast violations are still reported: this only drops the undecided ones.
    ignoreIncomplete: ['color-contrast'],
    // Suppressions: { rule, selector?, route?, reason, owner, expires: 'YYYY-MM-DD' }, listed in the summary.
    suppressions: [],
    lighthouse: {
      routes: ['home', 'research'],
      // A clean build scored 0.88-1.0 here, under heavy load too; a slow blocking script sinks it to 0.72-0.77.
      // The audit names the cause: a clean build blocks rendering for under 100 ms, the fault for over 1.5 s.
      assertions: {
        'categories:performance': ['error', { minScore: 0.8 }],
        'audits:render-blocking-resources': ['error', { maxNumericValue: 500 }],
      },
    },
  },

  // ---- browser ------------------------------------------------------------
  browser: {
    viewports: [
      { name: 'desktop', width: 1920, height: 1080 },
      { name: 'tablet', width: 1024, height: 768 },
    ],
    brand: {
      // "AI" as a word, in capitals: the product is PaiiD, never sold as an "AI" tool.
      forbiddenTerms: [{ term: 'AI', caseSensitive: true, wholeWord: true }],
      exceptions: [],
      logoSelector: '[data-testid="brand-logo"]',
    },
    interactions: [
      {
        name: 'radial menu opens every workflow',
        route: '/',
        steps: [
          { action: 'count', selector: '[data-testid="radial-wedge"]', equals: 10 },
          { action: 'followEach', selector: '[data-testid="radial-wedge"]', expectUrl: '^/workflow/[a-z0-9-]+$', expectVisible: ['h1'] },
        ],
      },
      {
        name: 'split-screen handle resizes the panes',
        route: '/research',
        steps: [
          { action: 'expectVisible', selector: '[data-testid="split-handle"]' },
          {
            action: 'drag',
            selector: '[data-testid="split-handle"]',
            byX: 200,
            resizes: [
              { selector: '[data-testid="split-left"]', change: 'grow', minPx: 100 },
              { selector: '[data-testid="split-right"]', change: 'shrink', minPx: 100 },
            ],
          },
        ],
      },
    ],
  },

  // ---- visual -------------------------------------------------------------
  visual: {
    // Baselines live in baselines/paiid-demo/ beside this file (the default for this target's name),
    // with manifest.json naming the browser that rendered each; the tolerance is the measured default.
    // Dates move with the calendar on every page.
    masks: ['time'],
    tokens: {
      // The palette of demo/design-tokens.json; translucent fills reuse these with an alpha channel.
      palette: ['#0b1020', '#141b2d', '#2a3550', '#e8edf7', '#a9b4cc', '#2dd4bf', '#f87171', '#fbbf24', '#818cf8'],
      tolerance: 3,
      glassSelectors: ['.glass'],
    },
  },

  // ---- api (data-flows, contracts) --------------------------------------------
  api: {
    openapi: 'demo/openapi.yaml',
    health: { path: '/api/health', budgetMs: 1_000 },
    readiness: { path: '/api/health/readiness' },
    endpoints: [
      { name: 'SPY quote', path: '/api/market/quote/SPY', budgetMs: 2_000, cache: { budgetMs: 2_000, header: 'x-cache', hitValue: 'HIT' } },
      { name: 'SPY bars', path: '/api/market/bars/SPY', budgetMs: 1_000 },
      { name: 'SPY option expirations', path: '/api/options/expirations/SPY', budgetMs: 1_000 },
      { name: 'market news', path: '/api/news/market', budgetMs: 1_000 },
    ],
    contracts: {
      // Orders run first, so positions and orders have items to validate.
      operations: { placeOrder: { mutating: true } },
      cors: { path: '/api/market/quote/SPY', allowedOrigins: ['https://app.paiid.example'], disallowedOrigins: ['https://evil.example'] },
      // The simulated provider fails for these symbols: 401 must surface as 503, 5xx as 502.
      errorMappings: [
        { name: 'upstream 401 -> 503', path: '/api/market/quote/UPSTREAM401', expectStatus: 503 },
        { name: 'upstream 5xx -> 502', path: '/api/market/quote/UPSTREAM500', expectStatus: 502 },
      ],
    },
  },

  // ---- audit --------------------------------------------------------------
  audit: {
    repository: 'demo',
    // One service: the demo server, whose port is DEMO_PORT everywhere it is written down.
    ports: { services: [{ name: 'demo', env: ['DEMO_PORT', 'PORT'], compose: ['demo'], scripts: ['*'], keys: ['server.port'] }] },
    // demo/config.ts reads its variables through an `env` parameter (testable), not process.env.
    env: { extraReadPatterns: ['\\benv\\.(DEMO_[A-Z0-9_]+)\\b'] },
    branding: {
      forbiddenTerms: [{ term: 'AI', message: 'the brand is PaiiD: say "assistant" or name the feature' }],
      files: ['pages/**', 'public/**', '**/*.html'],
      logo: 'public/logo.svg',
    },
    generated: { openapi: [{ document: 'openapi.yaml', output: 'generated/api.ts' }] },
    designDna: { paletteFile: 'design-tokens.json', files: ['**/*.css', 'pages/**/*.ts', 'public/**/*.js'], glassSelectors: ['.glass'] },
    commands: [
      { name: 'shell scripts parse', command: 'for f in scripts/*.sh; do bash -n "$f" || exit 1; done', timeoutMs: 20_000 },
      { name: 'python scripts compile', command: 'python3 -c "import ast, sys; [ast.parse(open(f, encoding=\'utf-8\').read(), f) for f in sys.argv[1:]]" scripts/*.py', timeoutMs: 20_000 },
      { name: 'browser scripts parse', command: 'for f in public/js/*.js; do node --check "$f" || exit 1; done', timeoutMs: 30_000 },
    ],
  },

  // ---- smoke --------------------------------------------------------------
  smoke: {
    health: { expect: [{ path: 'status', equals: 'ok' }] },
    criticalPath: {
      // Log in -> place a paper order -> see it in positions -> account and P&L reflect it.
      api: [
        { name: 'log in', method: 'POST', path: '/api/auth/login', body: { username: '${API_USER}', password: '${API_PASSWORD}' }, capture: { token: { path: 'token', secret: true } } },
        { name: 'read the account before the order', path: '/api/account', headers: { Authorization: 'Bearer ${token}' }, capture: { cashBefore: 'cash' } },
        { name: 'read positions before the order', path: '/api/positions', headers: { Authorization: 'Bearer ${token}' }, capture: { quantityBefore: { path: '[symbol=SPY].quantity', default: 0 } } },
        {
          name: 'place a paper order', method: 'POST', path: '/api/orders', mutating: true, expectStatus: 201,
          headers: { Authorization: 'Bearer ${token}' }, body: { symbol: 'SPY', side: 'buy', quantity: 1, type: 'market' },
          capture: { orderId: 'id', orderQuantity: 'quantity' },
          expect: [{ path: 'status', equals: 'filled' }, { path: 'symbol', equals: 'SPY' }],
        },
        {
          name: 'see it in positions', path: '/api/positions', headers: { Authorization: 'Bearer ${token}' },
          expect: [{ path: '[symbol=SPY].quantity', equals: '${quantityBefore} + ${orderQuantity}', label: 'position grew by the order' }],
        },
        {
          name: 'account and P&L reflect it', path: '/api/account', headers: { Authorization: 'Bearer ${token}' },
          capture: { realizedPnl: 'realizedPnl', unrealizedPnl: 'unrealizedPnl' },
          expect: [
            { path: 'cash', lessThan: '${cashBefore}', needs: ['place a paper order'], label: 'cash paid for the order' },
            { path: 'totalPnl', approx: '${realizedPnl} + ${unrealizedPnl}', tolerance: 0.01, label: 'P&L adds up' },
          ],
        },
      ],
      // The same path through the pages; QQQ so it never races the API path's SPY position.
      ui: [
        { action: 'goto', path: '/login' },
        { action: 'fill', selector: '#login-username', value: '${API_USER}' },
        { action: 'fill', selector: '#login-password', value: '${API_PASSWORD}' },
        { action: 'click', selector: '#login-form button[type="submit"]' },
        { name: 'log in through the page', action: 'expectText', selector: '[data-login-status]', text: 'Logged in' },
        { action: 'goto', path: '/trade' },
        { action: 'select', selector: '#order-symbol', value: 'QQQ' },
        { action: 'fill', selector: '#order-quantity', value: '1' },
        { name: 'place a paper order', action: 'click', selector: '#order-form button[type="submit"]', mutating: true },
        { name: 'order filled', action: 'expectText', selector: '[data-order-status]', text: 'Filled', needs: ['place a paper order'] },
        { action: 'goto', path: '/pnl' },
        { name: 'see it in positions', action: 'expectText', selector: '[data-portfolio="positions"] table', text: 'QQQ', needs: ['order filled'] },
        { name: 'account and P&L shown', action: 'expectText', selector: '[data-portfolio="account"]', text: 'Total P&L' },
      ],
    },
    // 5 s instead of the default 10 s keeps the demo's gate fast; 50 connections as in production use.
    load: {
      connections: 50,
      durationSeconds: 5,
      endpoints: [
        { name: 'health', path: '/api/health' },
        { name: 'SPY quote', path: '/api/market/quote/SPY' },
      ],
    },
  },

  // ---- reviewer sign-off -----------------------------------------------------
  // The seeds' reviewer mesh: each area's reviewer signs a run off before production
  // (\`npm run review\`). Readiness shows beside the verdict and never changes it.
  review: {
    signOffs: [
      { name: 'design', gates: ['browser', 'a11y', 'visual'], reviewers: ['R1'] },
      { name: 'security', gates: ['contracts'], reviewers: ['R2'] },
      { name: 'testing', gates: ['data-flows', 'smoke'], reviewers: ['R3'] },
      { name: 'repository', gates: ['audit'], reviewers: ['R4'] },
    ],
  },

  // ---- risk ---------------------------------------------------------------
  thresholds: { riskTarget: 0.5, riskCritical: 2.0, maxWarnings: 3, minOperations: 50 },
  timeouts: { requestMs: 10_000, navigationMs: 20_000, testMs: 90_000, expectMs: 5_000 },
  waivers: [],
});
