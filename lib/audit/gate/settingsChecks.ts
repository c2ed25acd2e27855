import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RiskRecorder } from '../../risk/recorder.ts';
import { checkCorsAuth, settingsOf } from '../checks/corsAuth.ts';
import { compareVariables, documentedVariables, ignoredVariables, mentionedVariables, readPatterns, variableReads, type VariableUse } from '../checks/env.ts';
import { comparePorts, composePorts, configPorts, envPorts, scriptPorts, type PortDeclaration } from '../checks/ports.ts';
import { checkSyntax, type SyntaxKind } from '../checks/syntax.ts';
import { emptyCounts, textFiles } from '../files.ts';
import { globMatcher } from '../findings.ts';
import { recordCoverage, recordExamined, recordWarnings, type AuditContext } from '../record.ts';

/** Check 2: every JSON, JSONC, YAML and dotenv file parses. */
export function auditSyntax(context: AuditContext, risk: RiskRecorder): void {
  const { syntax } = context.config;
  const kinds: Array<[SyntaxKind, (file: string) => boolean]> = [
    ['jsonc', globMatcher(syntax.jsonc)],
    ['json', globMatcher(syntax.json)],
    ['yaml', globMatcher(syntax.yaml)],
    ['dotenv', globMatcher(syntax.dotenv)],
  ];
  const kindOf = (file: string) => kinds.find(([, match]) => match(file))?.[0];
  const counts = emptyCounts();
  for (const { file, text } of textFiles(context.listing, (file) => kindOf(file) !== undefined, counts)) {
    const kind = kindOf(file)!;
    const error = checkSyntax(kind, text);
    recordExamined(risk, 'audit/syntax', `${kind} syntax: ${file}`, error ? [{ file, line: error.line, column: error.column, rule: `${kind === 'jsonc' ? 'json' : kind}-syntax`, message: error.message, severity: 'high' }] : []);
  }
  recordCoverage(risk, 'config syntax', context, counts);
}

/** Check 3: each service's port agrees across env files, compose files, scripts and settings. */
export function auditPorts(context: AuditContext, risk: RiskRecorder): void {
  const { ports } = context.config;
  const sources: Array<[(file: string) => boolean, (file: string, text: string) => PortDeclaration[]]> = [
    [globMatcher(ports.envFiles), (file, text) => envPorts(file, text, ports.services)],
    [globMatcher(ports.composeFiles), (file, text) => composePorts(file, text, ports.services)],
    [globMatcher(ports.packageFiles), (file, text) => scriptPorts(file, text, ports.services)],
    [globMatcher(ports.configFiles), (file, text) => configPorts(file, text, ports.services)],
  ];
  const declarations: PortDeclaration[] = [];
  const counts = emptyCounts();
  for (const { file, text } of textFiles(context.listing, (file) => sources.some(([match]) => match(file)), counts)) {
    for (const [match, extract] of sources) if (match(file)) declarations.push(...extract(file, text));
  }
  for (const service of ports.services) {
    const own = declarations.filter((declaration) => declaration.service === service.name);
    const verdict = comparePorts(service.name, own);
    recordExamined(risk, 'audit/ports', `ports of service "${service.name}" agree (${own.length} declaration(s)${verdict.port ? `, port ${verdict.port}` : ''})`, verdict.findings, { declarations: own.length });
  }
  recordCoverage(risk, 'port consistency', context, counts);
}

/** Check 5: CORS origins and auth secrets in settings files. */
export function auditCorsAuth(context: AuditContext, risk: RiskRecorder): void {
  const { corsAuth } = context.config;
  const production = globMatcher(corsAuth.productionFiles);
  const example = globMatcher(corsAuth.exampleFiles);
  const counts = emptyCounts();
  for (const { file, text } of textFiles(context.listing, globMatcher(corsAuth.files), counts)) {
    const findings = checkCorsAuth(file, settingsOf(file, text), corsAuth, { production: production(file), example: example(file) });
    recordExamined(risk, 'audit/cors-auth', `cors and auth settings: ${file}`, findings);
  }
  recordCoverage(risk, 'cors and auth settings', context, counts);
}

/**
 * Check 6: variables read in code are documented in the example file (or named in the project's
 * documentation); documented ones are read. Platform variables (CI, shells, test runners) are not
 * the project's to document.
 */
export function auditEnvironment(context: AuditContext, risk: RiskRecorder): void {
  const { env } = context.config;
  const patterns = readPatterns([...env.readPatterns, ...env.extraReadPatterns]);
  const ignored = [...env.ignore, ...env.extraIgnore];
  const isIgnored = ignoredVariables(ignored);
  const firstReads = new Map<string, VariableUse>();
  const counts = emptyCounts();
  for (const { file, text } of textFiles(context.listing, globMatcher(env.code), counts)) {
    for (const use of variableReads(file, text, patterns)) if (!firstReads.has(use.name)) firstReads.set(use.name, use);
  }
  let documented: VariableUse[] = [];
  let exampleText: string | undefined;
  try {
    exampleText = readFileSync(path.join(context.root, env.exampleFile), 'utf8');
    documented = documentedVariables(env.exampleFile, exampleText);
  } catch {
    // no example file: the documentation files may still name the variables
  }
  const mentioned: VariableUse[] = [];
  const docs = globMatcher(env.documentedIn);
  // The project's own variables: an ignored one is read, but not the project's to document.
  const own = [...firstReads.keys()].filter((name) => !isIgnored(name)).sort();
  const undocumentedNames = () => own.filter((name) => !documented.some((d) => d.name === name) && !mentioned.some((m) => m.name === name));
  let docFiles = 0;
  for (const { file, text } of textFiles(context.listing, (file) => file !== env.exampleFile && docs(file), emptyCounts())) {
    docFiles += 1;
    mentioned.push(...mentionedVariables(file, text, undocumentedNames()));
  }
  if (exampleText === undefined && docFiles === 0 && own.length > 0) {
    recordExamined(risk, 'audit/env-documented', `environment: ${env.exampleFile} exists`, [{ file: env.exampleFile, rule: 'env-example-missing', message: `is missing, and no documentation file (audit.env.documentedIn) exists, but code reads ${own.length} variable(s)`, severity: 'medium' }]);
  }
  const where = exampleText === undefined ? `${env.documentedIn.join(', ')} (no ${env.exampleFile})` : `${env.exampleFile}${docFiles > 0 ? ' or the documentation' : ''}`;
  const result = compareVariables(firstReads, documented, where, ignored, mentioned);
  for (const name of own) {
    const finding = result.undocumented.find((candidate) => candidate.message.startsWith(`${name} `));
    recordExamined(risk, 'audit/env-documented', `environment: ${name} is documented`, finding ? [finding] : []);
  }
  if (env.unusedLevel === 'error') recordExamined(risk, 'audit/env-documented', `environment: every documented variable is read`, result.unused);
  else if (env.unusedLevel === 'warn') recordWarnings(risk, 'audit/env-documented', `environment: documented variables nobody reads`, result.unused);
  recordCoverage(risk, 'environment', context, counts);
}
