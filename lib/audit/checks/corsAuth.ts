import type { Finding } from '../findings.ts';
import { forEachLine } from '../findings.ts';
import { lastKey, scalarEntries } from '../yamlWalk.ts';

export interface CorsAuthRules {
  originKeys: string[];
  credentialsKeys: string[];
  secretKeyPattern: string;
  placeholders: string[];
}

/** A setting as read from a JSON/YAML or dotenv file: its key name, value and line. */
export interface Setting {
  key: string;
  value: unknown;
  line: number;
  column: number;
}

export function settingsOf(file: string, text: string): Setting[] {
  if (/(^|\/)\.env($|\.)|\.env$/.test(file)) {
    const out: Setting[] = [];
    forEachLine(text, (line, lineNumber) => {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (!match) return;
      const raw = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
      // a comma-separated list stays one setting per item so each origin is judged alone
      for (const value of raw.split(',')) out.push({ key: match[1]!, value: value.trim(), line: lineNumber, column: line.indexOf('=') + 2 });
    });
    return out;
  }
  return scalarEntries(text).map((entry) => ({ key: lastKey(entry.path) ?? '', value: entry.value, line: entry.line, column: entry.column }));
}

const lower = (values: readonly string[]) => new Set(values.map((value) => value.toLowerCase()));

/**
 * CORS: no `*` origin where credentials are on; no plain-http origin in production settings.
 * Auth: no secret left at a placeholder outside example files.
 */
export function checkCorsAuth(file: string, settings: readonly Setting[], rules: CorsAuthRules, options: { production: boolean; example: boolean }): Finding[] {
  const originKeys = lower(rules.originKeys);
  const credentialKeys = lower(rules.credentialsKeys);
  const secretKey = new RegExp(rules.secretKeyPattern, 'i');
  const placeholders = lower(rules.placeholders);
  const findings: Finding[] = [];
  const credentials = settings.some((setting) => credentialKeys.has(setting.key.toLowerCase()) && (setting.value === true || String(setting.value).toLowerCase() === 'true'));
  for (const setting of settings) {
    const key = setting.key.toLowerCase();
    const value = typeof setting.value === 'string' ? setting.value.trim() : setting.value;
    const at = { file, line: setting.line, column: setting.column };
    if (originKeys.has(key) && typeof value === 'string') {
      if (value === '*' && credentials) {
        findings.push({ ...at, rule: 'cors-wildcard-credentials', message: `${setting.key} allows "*" while credentials are on: browsers refuse it, and a server that echoes the origin instead lets any site read authenticated responses`, severity: 'critical' });
      }
      if (options.production && /^http:\/\//i.test(value)) {
        findings.push({ ...at, rule: 'cors-plain-http', message: `${setting.key} allows the plain-http origin ${value} in a production setting`, severity: 'high' });
      }
    }
    if (!options.example && secretKey.test(setting.key) && typeof value === 'string' && placeholders.has(value.toLowerCase())) {
      findings.push({ ...at, rule: 'auth-placeholder-secret', message: `${setting.key} is left at the placeholder "${value}" in a committed settings file`, severity: 'critical' });
    }
  }
  return findings;
}
