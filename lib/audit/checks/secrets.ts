import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
type SecretLintCoreConfig = Parameters<typeof lintSource>[0]['options']['config'];
import type { Finding } from '../findings.ts';

/** Secretlint's recommended preset, with the rules the config switches off. */
export function secretlintConfig(disabledRules: readonly string[] = []): SecretLintCoreConfig {
  return {
    rules: [{
      id: recommendedPreset.meta.id,
      rule: recommendedPreset,
      rules: disabledRules.map((id) => ({ id, disabled: true })),
    }],
  };
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
