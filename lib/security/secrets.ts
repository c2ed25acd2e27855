import { lintSource } from '@secretlint/core';
import { secretlintConfig } from '../audit/checks/secrets.ts';
import type { SecurityFinding, SeenResponse } from './types.ts';

/*
 * Secrets in a response body, found by the same secretlint rules the audit gate runs on the
 * repository: a key that reaches a page or an API answer is as public as a committed one.
 */
const configs = new Map<string, ReturnType<typeof secretlintConfig>>();

function configFor(disabledRules: readonly string[]): ReturnType<typeof secretlintConfig> {
  const key = disabledRules.join('\n');
  let config = configs.get(key);
  if (!config) {
    config = secretlintConfig(disabledRules);
    configs.set(key, config);
  }
  return config;
}

/** A file name secretlint can key its rules on: the URL's last segment, or one named by type. */
function fileNameOf(response: SeenResponse): string {
  const last = (() => {
    try {
      return new URL(response.url).pathname.split('/').pop() ?? '';
    } catch {
      return '';
    }
  })();
  if (/\.[a-z0-9]+$/i.test(last)) return last;
  return response.kind === 'document' ? 'page.html' : 'response.json';
}

/** security/secrets-in-response: every secretlint finding, with its line and column; the value is kept apart for redaction. */
export async function judgeSecrets(response: SeenResponse, disabledRules: readonly string[]): Promise<SecurityFinding[]> {
  const body = response.body ?? '';
  if (!body) return [];
  const file = fileNameOf(response);
  const result = await lintSource({
    source: { filePath: file, content: body, ext: file.slice(file.lastIndexOf('.')), contentType: 'text' },
    options: { config: configFor(disabledRules), maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((message) => ({
    url: response.url,
    subject: `body line ${message.loc.start.line}:${message.loc.start.column + 1}`,
    problem: `${message.ruleId}: ${message.message}`,
    expected: 'no credential in a response: keep it server-side',
    secret: body.slice(message.range[0], message.range[1]),
  }));
}
