import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { Finding } from '../findings.ts';

/*
 * Secretlint's core always profiles: every lint leaves about sixty performance marks in its
 * profiler singleton and in the process's performance timeline, and each new mark searches all
 * earlier ones. Over thousands of files that grows memory and time without bound (10,000 files
 * never finished), and nothing here reads the profile: marking is switched off once, at load.
 */
(secretLintProfiler as unknown as { mark: (marker: unknown) => void }).mark = () => undefined;

type SecretLintCoreConfig = Parameters<typeof lintSource>[0]['options']['config'];

/**
 * The rules of secretlint's recommended preset, minus those the config switches off. They are
 * registered one by one: secretlint 12 ignores `disabled` on a rule inside a preset.
 */
export function secretlintConfig(disabledRules: readonly string[] = []): SecretLintCoreConfig {
  const off = new Set(disabledRules);
  return {
    rules: recommendedRules
      .filter((rule) => !off.has(rule.meta.id))
      .map((rule) => ({ id: rule.meta.id, rule })),
  } as SecretLintCoreConfig;
}

/**
 * Secrets in one file, found by secretlint (its rules, not a regex list of ours). Secretlint masks
 * the value in its message, so a finding can be written to any report.
 */
export async function scanSecrets(file: string, text: string, config: SecretLintCoreConfig): Promise<Finding[]> {
  const ext = file.includes('.') ? file.slice(file.lastIndexOf('.')) : '';
  const result = await lintSource({
    source: { filePath: file, content: text, ext, contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((message) => ({
    file,
    line: message.loc.start.line,
    column: message.loc.start.column + 1,
    rule: message.ruleId,
    message: message.message,
    severity: 'critical',
  }));
}

