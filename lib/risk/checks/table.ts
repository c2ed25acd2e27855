import type { CheckDefinition } from './types.ts';

/** The README's severity table: check, default severity, why (and where a tool's level replaces it). */
export function checksTable(checks: readonly CheckDefinition[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = checks.map((check) => {
    const subs = check.subChecks === 'axe-rules' ? ' (and `/<axe rule>`)' : check.subChecks === 'any' ? ' (and `/<rule>`)' : check.subChecks?.length ? ` (and \`/${check.subChecks.join('`, `/')}\`)` : '';
    const why = check.toolLevels ? `${check.why}; tool level: ${check.toolLevels}` : check.why;
    return `| \`${check.id}\`${subs} | ${check.severity} | ${cell(why)} |`;
  });
  return ['| check | default severity | why |', '|---|---|---|', ...rows].join('\n');
}
