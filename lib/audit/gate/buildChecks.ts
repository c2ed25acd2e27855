import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateOpenApiTypes } from '../../openapi/generateTypes.ts';
import type { RiskRecorder } from '../../risk/recorder.ts';
import { compareNpmLock, hasDependencies, LOCKFILES, parseNpmAudit, type AuditOutcome } from '../checks/dependencies.ts';
import { findWorkspaceRoot } from '../checks/workspaces.ts';
import { checkGlass, cssRules, offPaletteColours, paletteFrom, paletteFromTokens, type GlassUse, type TriageEntry } from '../checks/designDna.ts';
import { compareGenerated } from '../checks/generated.ts';
import { emptyCounts, textFiles } from '../files.ts';
import { globMatcher, type Finding } from '../findings.ts';
import { runCommand } from '../process.ts';
import { recordCoverage, recordExamined, recordWarnings, type AuditContext } from '../record.ts';

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Check 9: committed generated files equal what their generators give now. */
export async function auditGenerated(context: AuditContext, risk: RiskRecorder): Promise<number> {
  const { generated } = context.config;
  for (const pair of generated.openapi) {
    const name = `generated: ${pair.output} is fresh from ${pair.document}`;
    await risk.check(name, async () => {
      const committed = readOrUndefined(path.join(context.root, pair.output));
      if (committed === undefined) throw new Error(`${pair.output}: the generated file is missing (generate it from ${pair.document})`);
      const expected = await generateOpenApiTypes(path.join(context.root, pair.document));
      const finding = compareGenerated(pair.output, committed, expected, `openapi-typescript ${pair.document}`);
      if (finding) throw new Error(`${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`);
    }, { check: 'audit/generated' });
  }
  for (const pair of generated.commands) {
    await risk.check(`generated: ${pair.output} is fresh from \`${pair.command}\``, async () => {
      const committed = readOrUndefined(path.join(context.root, pair.output));
      if (committed === undefined) throw new Error(`${pair.output}: the generated file is missing`);
      const result = await runCommand(pair.command, { cwd: context.root, timeoutMs: pair.timeoutMs, keepStdout: true });
      if (result.timedOut || result.exitCode !== 0) throw new Error(`\`${pair.command}\` ${result.timedOut ? `timed out after ${pair.timeoutMs} ms` : `exited with ${result.exitCode}`}:\n${result.tail.slice(-1500)}`);
      const finding = compareGenerated(pair.output, committed, result.stdout, `\`${pair.command}\``);
      if (finding) throw new Error(`${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`);
    }, { check: 'audit/generated' });
  }
  return generated.openapi.length + generated.commands.length;
}

/**
 * Check 10a: each manifest that asks for packages has a lockfile, and an npm lockfile agrees with
 * it. A workspace member (npm, yarn or pnpm workspaces) is locked by its workspace root's lockfile.
 */
export function auditLockfiles(context: AuditContext, risk: RiskRecorder): string[] {
  const manifests = context.listing.files.map((file) => file.path).filter(globMatcher(context.config.dependencies.manifests));
  const read = (file: string) => readOrUndefined(path.join(context.root, file));
  for (const manifest of manifests) {
    const dir = path.posix.dirname(manifest);
    const manifestText = read(manifest) ?? '';
    if (!hasDependencies(manifestText)) {
      risk.pass(`dependencies: ${manifest} asks for no package, nothing to lock`, { check: 'audit/lockfile' });
      continue;
    }
    const workspace = findWorkspaceRoot(dir, read);
    const lockDir = workspace?.dir ?? dir;
    const local = (name: string) => (lockDir === '.' ? name : `${lockDir}/${name}`);
    const lockfile = LOCKFILES.map(local).find((candidate) => existsSync(path.join(context.root, candidate)));
    let findings: Finding[];
    if (!lockfile) {
      const where = workspace ? `nor at its workspace root ${workspace.dir} (${workspace.declaredIn})` : 'next to it';
      findings = [{ file: manifest, line: 1, rule: 'lockfile-missing', message: `has no lockfile ${where} (${LOCKFILES.join(', ')}): installs are not reproducible`, severity: 'medium' }];
    } else if (lockfile.endsWith('.json')) {
      findings = compareNpmLock(manifest, manifestText, lockfile, read(lockfile) ?? '', workspace?.memberDir);
    } else {
      findings = [];
    }
    const via = workspace ? `, the workspace root's` : '';
    recordExamined(risk, 'audit/lockfile', `dependencies: ${manifest} has a lockfile that agrees${lockfile ? ` (${lockfile}${via})` : ''}`, findings);
  }
  return manifests;
}

/** Check 10b: `npm audit --json`, bounded in time; a registry that does not answer is a skip reason. */
export async function npmAudit(context: AuditContext): Promise<AuditOutcome> {
  const { dependencies } = context.config;
  if (!existsSync(path.join(context.root, 'package-lock.json')) && !existsSync(path.join(context.root, 'npm-shrinkwrap.json'))) {
    return { status: 'skipped', reason: 'no npm lockfile in the repository root', counts: {}, advisories: [] };
  }
  const result = await runCommand('npm audit --json --package-lock-only', { cwd: context.root, timeoutMs: dependencies.auditTimeoutMs, keepStdout: true });
  if (result.timedOut) return { status: 'skipped', reason: `the registry did not answer within ${dependencies.auditTimeoutMs} ms`, counts: {}, advisories: [] };
  return parseNpmAudit(result.stdout, dependencies.auditLevel === 'off' ? 'critical' : dependencies.auditLevel);
}

/** Check 11: off-palette colours and glass components without backdrop-filter; writes the triage file. */
export function auditDesignDna(context: AuditContext, risk: RiskRecorder, triageFile: string): TriageEntry[] {
  const { designDna } = context.config;
  const tokensText = designDna.paletteFile ? readOrUndefined(path.join(context.root, designDna.paletteFile)) : undefined;
  if (designDna.paletteFile && tokensText === undefined) {
    recordExamined(risk, 'audit/design-dna', `design dna: palette file ${designDna.paletteFile} exists`, [{ file: designDna.paletteFile, rule: 'design-palette', message: 'the configured palette file is missing', severity: 'medium' }]);
  }
  const palette = [...paletteFrom(designDna.palette), ...(tokensText ? paletteFromTokens(tokensText) : [])];
  const triage: TriageEntry[] = [];
  const glassUses: GlassUse[] = [];
  const counts = emptyCounts();
  const stylesheet = /\.(css|scss|sass|less)$/;
  const record = (name: string, findings: readonly Finding[]) => designDna.level === 'error'
    ? recordExamined(risk, 'audit/design-dna', name, findings)
    : findings.length ? recordWarnings(risk, 'audit/design-dna', name, findings) : risk.pass(name, { check: 'audit/design-dna' });
  for (const { file, text } of textFiles(context.listing, globMatcher(designDna.files), counts)) {
    const colours = offPaletteColours(file, text, palette);
    for (const colour of colours) triage.push({ file, line: colour.line!, column: colour.column, finding: `off-palette colour ${colour.colour}`, colour: colour.colour, ...(colour.suggestedToken ? { suggestedToken: colour.suggestedToken } : {}) });
    // A rule can only name a glass selector whose text appears in the file: the others are not parsed.
    if (stylesheet.test(file) && designDna.glassSelectors.some((selector) => text.includes(selector))) {
      for (const rule of cssRules(text)) if (rule.selectors.some((selector) => designDna.glassSelectors.includes(selector))) glassUses.push({ file, rule });
    }
    record(`design dna: ${file}`, colours);
  }
  for (const selector of designDna.glassSelectors) {
    const findings = checkGlass(selector, glassUses);
    for (const finding of findings) triage.push({ file: finding.file, line: finding.line ?? 0, finding: finding.message, suggestedToken: 'backdrop-filter' });
    record(`design dna: ${selector} has a glass backdrop`, findings);
  }
  recordCoverage(risk, 'design dna', context, counts);
  mkdirSync(path.dirname(triageFile), { recursive: true });
  writeFileSync(triageFile, `${JSON.stringify({ repository: context.root, palette: palette.map((c) => ({ hex: c.hex, token: c.token })), glassSelectors: designDna.glassSelectors, findings: triage }, null, 2)}\n`);
  return triage;
}

/** Check 12: configured commands exit 0 within their time limit. */
export async function auditCommands(context: AuditContext, risk: RiskRecorder): Promise<void> {
  for (const command of context.config.commands) {
    const result = await runCommand(command.command, { cwd: context.root, timeoutMs: command.timeoutMs });
    const name = `command: ${command.name} (\`${command.command}\`) exits 0`;
    const metrics = { durationMs: Math.round(result.durationMs) };
    if (!result.timedOut && result.exitCode === 0) {
      risk.pass(name, { check: 'audit/commands', severity: command.severity, metrics, durationMs: result.durationMs });
    } else {
      const why = result.timedOut ? `timed out after ${command.timeoutMs} ms` : `exited with ${result.exitCode ?? result.signal}`;
      // The last line of output usually says what and where (a compiler's file:line); it leads the message.
      const lastLine = result.tail.trim().split('\n').pop()?.trim() ?? '';
      risk.fail(name, `\`${command.command}\` ${why}: ${lastLine}\nin ${context.root}; output tail:\n${result.tail.slice(-2000)}`, { check: 'audit/commands', severity: command.severity, metrics, durationMs: result.durationMs, evidence: { tail: result.tail.slice(-4000) } });
    }
  }
}
