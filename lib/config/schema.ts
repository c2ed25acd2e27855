import { z } from 'zod';
import { a11ySection } from './sections/a11y.ts';
import { apiSection } from './sections/api.ts';
import { auditSection } from './sections/audit.ts';
import { authSection } from './sections/auth.ts';
import { browserSection } from './sections/browser.ts';
import { extraSpecsSection, maintenanceWindowsSection, onCriticalSection } from './sections/operations.ts';
import { policySection, severitySection } from './sections/policy.ts';
import { reportSection } from './sections/report.ts';
import { thresholdsSection, waiversSection } from './sections/risk.ts';
import { reviewSection } from './sections/review.ts';
import { routesSection } from './sections/routes.ts';
import { securitySection } from './sections/security.ts';
import { smokeSection } from './sections/smoke.ts';
import { targetSection } from './sections/target.ts';
import { timeoutsSection } from './sections/timeouts.ts';
import { visualSection } from './sections/visual.ts';

/** The whole validation config. Each section lives in its own file under sections/. */
export const validationConfigSchema = z.strictObject({
  target: targetSection,
  auth: authSection,
  routes: routesSection,
  api: apiSection,
  audit: auditSection,
  browser: browserSection,
  a11y: a11ySection,
  visual: visualSection,
  smoke: smokeSection,
  security: securitySection,
  review: reviewSection,
  thresholds: thresholdsSection,
  policy: policySection,
  severity: severitySection,
  timeouts: timeoutsSection,
  waivers: waiversSection,
  maintenanceWindows: maintenanceWindowsSection,
  onCritical: onCriticalSection,
  extraSpecs: extraSpecsSection,
  report: reportSection,
});

/** What the user writes: defaults may be left out. */
export type ValidationConfigInput = z.input<typeof validationConfigSchema>;
/** What the suite reads: defaults filled in. */
export type ValidationConfig = z.output<typeof validationConfigSchema>;
