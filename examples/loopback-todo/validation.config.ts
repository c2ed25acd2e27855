import { defineValidationConfig } from '../../lib/config/index.ts';

/**
 * The LoopBack 4 Todo example (`npm install @loopback/example-todo`), as `npm run examples` runs it:
 * a copy of the package in its own git checkout, started with `HOST=127.0.0.1 PORT=3300 node .`.
 * OpenAPI 3 at /openapi.json, no auth, an in-memory database seeded from data/db.json.
 */
const port = process.env.TODO_PORT ?? '3300';

export default defineValidationConfig({
  // Every gate runs whatever an earlier one finds: the verdict still counts every finding.
  policy: { blockOn: [] },
  target: { name: 'LoopBack Todo', baseUrl: `http://127.0.0.1:${port}` },
  browser: {
    // The landing page shows loopback.io's "powered by" badge; this machine's network reaches no
    // third-party host, so its request fails here and nowhere else.
    ignoreRequests: ['^https://loopback\\.io/'],
  },
  routes: [
    { path: '/', name: 'home' },
    { path: '/explorer/', name: 'explorer' },
  ],
  api: {
    openapi: `http://127.0.0.1:${port}/openapi.json`,
    endpoints: [
      { name: 'todos', path: '/todos' },
      { name: 'todo count', path: '/todos/count' },
    ],
  },
  audit: { repository: process.env.TODO_REPO ?? '.work/app' },
  smoke: {
    criticalPath: {
      api: [
        { name: 'list the todos', path: '/todos', expect: [{ path: '[0].title', exists: true }] },
      ],
    },
    load: { connections: 10, durationSeconds: 5, endpoints: [{ name: 'todos', path: '/todos' }] },
  },
});
