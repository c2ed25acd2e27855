import { defineValidationConfig } from '../../lib/config/index.ts';

/**
 * Verdaccio (`npm install verdaccio`), the private npm registry, as `npm run examples` runs it: its
 * web UI (a React single-page application) and the npm registry API, with no OpenAPI document. One
 * package is published before the run, so the pages and the API have something to show.
 */
const port = process.env.VERDACCIO_PORT ?? '4873';

export default defineValidationConfig({
  // Every gate runs whatever an earlier one finds: the verdict still counts every finding.
  policy: { blockOn: [] },
  target: { name: 'Verdaccio', baseUrl: `http://127.0.0.1:${port}` },
  // Both pages say when the package was published, relative to now ("Published a minute ago"): masked.
  // The web UI is styled in JavaScript with generated class names, so the masks find the text. On the
  // list the date sits inside a row whose later items move as its width changes: the row is masked.
  routes: [
    { path: '/', name: 'home', expect: { visible: ['[data-testid="package-title"]'] }, masks: ['li:has-text("Published")'] },
    { path: '/-/web/detail/left-pad-lite', name: 'package', expect: { visible: ['text=Pads strings on the left'] }, masks: ['text=/Published .+ ago/'] },
  ],
  api: {
    health: { path: '/-/ping' },
    endpoints: [
      { name: 'packages', path: '/-/verdaccio/data/packages' },
      { name: 'package metadata', path: '/left-pad-lite' },
      { name: 'search', path: '/-/v1/search?text=pad' },
    ],
  },
  audit: { repository: process.env.VERDACCIO_REPO ?? '.work/deploy' },
  smoke: {
    criticalPath: {
      api: [
        { name: 'the published package is listed', path: '/-/verdaccio/data/packages', expect: [{ path: '[0].name', equals: 'left-pad-lite' }] },
        { name: 'its metadata names the latest version', path: '/left-pad-lite', expect: [{ path: 'dist-tags.latest', equals: '1.0.0' }] },
      ],
    },
  },
});
