import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RiskRecorder } from '../../risk/recorder.ts';
import { declaredRanges, declares } from '../checks/declared.ts';
import { checkScript } from '../checks/scriptHygiene.ts';
import { brandingRules, deprecatedRules, scanPatterns } from '../checks/patterns.ts';
import { scanSecrets, secretlintConfig } from '../checks/secrets.ts';
import { emptyCounts, textFiles } from '../files.ts';
import { globMatcher } from '../findings.ts';
import { recordCoverage, recordExamined, type AuditContext } from '../record.ts';

/** Check 1: every text file through secretlint's recommended preset. */
export async function auditSecrets(context: AuditContext, risk: RiskRecorder): Promise<void> {
  const config = secretlintConfig(context.config.secrets.disabledRules);
  const excluded = globMatcher(context.config.secrets.exclude);
  const counts = emptyCounts();
  for (const { file, text } of textFiles(context.listing, (file) => !excluded(file), counts)) {
    recordExamined(risk, 'audit/secrets', `secrets: ${file}`, await scanSecrets(file, text, config));
  }
  recordCoverage(risk, 'secrets', context, counts);
}

/** Check 4: deprecated APIs, each rule on the files its globs name. */
export function auditDeprecated(context: AuditContext, risk: RiskRecorder): void {
  // Manifests are read only if a rule asks for a package version.
  let ranges: Map<string, string[]> | undefined;
  const rules = deprecatedRules(context.config.deprecated, (pkg, range) => declares((ranges ??= declaredRanges(context.listing)), pkg, range));
  const counts = emptyCounts();
  const inScope = (file: string) => rules.some((rule) => rule.applies(file));
  for (const { file, text } of textFiles(context.listing, inScope, counts)) {
    recordExamined(risk, 'audit/deprecated', `deprecated patterns: ${file}`, scanPatterns(file, text, rules));
  }
  recordCoverage(risk, 'deprecated patterns', context, counts);
}

/** Check 7: forbidden brand terms in user-facing source; the logo asset exists. */
export function auditBranding(context: AuditContext, risk: RiskRecorder): void {
  const { branding } = context.config;
  if (branding.logo) {
    const logo = branding.logo;
    const present = existsSync(path.join(context.root, logo));
    recordExamined(risk, 'audit/branding', `branding: logo ${logo} exists`, present ? [] : [{ file: logo, rule: 'brand-logo', message: 'the configured logo asset is missing', severity: 'high' }]);
  }
  const rules = brandingRules(branding.forbiddenTerms, branding.files, branding.exceptions);
  const counts = emptyCounts();
  if (rules.length > 0) {
    const inScope = (file: string) => rules.some((rule) => rule.applies(file));
    for (const { file, text } of textFiles(context.listing, inScope, counts)) {
      recordExamined(risk, 'audit/branding', `branding: ${file}`, scanPatterns(file, text, rules));
    }
  }
  recordCoverage(risk, 'branding', context, counts);
}

/** Check 8: scripts are UTF-8 without BOM, without emoji, with one line-ending style. */
export function auditScripts(context: AuditContext, risk: RiskRecorder): void {
  const match = globMatcher(context.config.scripts.files);
  const counts = emptyCounts();
  for (const { file, bytes } of textFiles(context.listing, match, counts)) {
    recordExamined(risk, 'audit/script-hygiene', `script hygiene: ${file}`, checkScript(file, bytes, context.config.scripts.allowNonAscii));
  }
  recordCoverage(risk, 'script hygiene', context, counts);
}
