import { defineValidationConfig } from '../../lib/config/index.ts';

/**
 * Jupyter Notebook 6 (Debian's `jupyter-notebook`), as `npm run examples` runs it:
 *   jupyter-notebook --ip=127.0.0.1 --port=8888 --no-browser --NotebookApp.token=$NOTEBOOK_TOKEN
 * serving a copy of notebooks/ (beside this file). Every page and every API call is behind the
 * token login; the API is described by a Swagger 2.0 document at /api/spec.yaml, itself behind it.
 */
const port = process.env.NOTEBOOK_PORT ?? '8888';

export default defineValidationConfig({
  // Every gate runs whatever an earlier one finds: the verdict still counts every finding.
  policy: { blockOn: [] },
  // The Debian package ships the code without the project's docs/ folder, so whether a variable is
  // documented cannot be judged from this checkout.
  severity: { 'audit/env-documented': 'off' },
  target: { name: 'Jupyter Notebook', baseUrl: `http://127.0.0.1:${port}` },
  auth: { scheme: 'token' },
  routes: [
    { path: '/login', name: 'login' },
    // Modification times ("a minute ago") and checkpoint times change from run to run.
    // Each file's row: its "modified an hour ago" and "Running" change width with the clock and the run's own
    // kernels and move the rest of the row, so the whole row is masked (its names are checked by the browser gate).
    { path: '/tree', name: 'files', requiresAuth: true, masks: ['#notebook_list .list_item'] },
    // The save widget's "Last Checkpoint: an hour ago" changes width with the clock and moves the header around it;
    // the notification area shows the kernel's passing states ("Kernel starting") for as long as they last, and
    // grows leftwards with them: a mask (the element's own box) would move with it, so it is hidden instead.
    { path: '/notebooks/welcome.ipynb', name: 'notebook', requiresAuth: true, masks: ['#save_widget'], hide: ['#notification_area'] },
    { path: '/edit/README.md', name: 'editor', requiresAuth: true, masks: ['.last_modified'] },
  ],
  browser: {
    // The login page, as a person uses it: the token is the password.
    session: {
      steps: [
        { action: 'goto', path: '/login' },
        { action: 'fill', selector: '#password_input', value: '${NOTEBOOK_TOKEN}' },
        { action: 'click', selector: '#login_submit' },
        { action: 'expectVisible', selector: '#notebook_list' },
      ],
    },
  },
  api: {
    openapi: `http://127.0.0.1:${port}/api/spec.yaml`,
    openapiHeaders: { Authorization: 'token ${NOTEBOOK_TOKEN}' },
    // The document declares no security, but every call needs the token (Jupyter answers 403 without it).
    contracts: { defaultAuth: 'token' },
    endpoints: [
      { name: 'server status', path: '/api/status', auth: true },
      { name: 'notebook contents', path: '/api/contents', auth: true },
      { name: 'kernel specs', path: '/api/kernelspecs', auth: true },
    ],
  },
  audit: { repository: process.env.NOTEBOOK_REPO ?? '.work/repo' },
  smoke: {
    criticalPath: {
      api: [
        { name: 'list the notebooks', path: '/api/contents', auth: 'token', expect: [{ path: 'type', equals: 'directory' }] },
        { name: 'read the welcome notebook', path: '/api/contents/welcome.ipynb', auth: 'token', expect: [{ path: 'type', equals: 'notebook' }] },
      ],
      ui: [
        { action: 'goto', path: '/tree' },
        { name: 'the notebook is listed', action: 'expectText', selector: '#notebook_list', text: 'welcome.ipynb' },
      ],
    },
    load: { connections: 10, durationSeconds: 5, endpoints: [{ name: 'server status', path: '/api/status', headers: { Authorization: 'token ${NOTEBOOK_TOKEN}' } }] },
  },
});
