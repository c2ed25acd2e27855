import type { Finding } from '../findings.ts';

/**
 * Compares a committed generated file with what its generator prints now. Line endings are
 * normalised (a checkout on Windows is not stale); the first differing line is the finding.
 */
export function compareGenerated(file: string, committed: string, expected: string, generator: string): Finding | undefined {
  const normalise = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n*$/, '\n');
  const a = normalise(committed).split('\n');
  const b = normalise(expected).split('\n');
  if (a.length === b.length && a.every((line, index) => line === b[index])) return undefined;
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index += 1;
  const found = a[index];
  const want = b[index];
  const detail = found === undefined
    ? `the file ends here; ${generator} has ${b.length - index - 1} more line(s), starting ${JSON.stringify(want?.slice(0, 120))}`
    : want === undefined
      ? `${generator} ends here; the file has ${a.length - index - 1} more line(s)`
      : `committed ${JSON.stringify(found.slice(0, 120))}, ${generator} gives ${JSON.stringify(want.slice(0, 120))}`;
  return { file, line: index + 1, rule: 'generated-stale', message: `is stale: regenerate it (${detail})`, severity: 'high' };
}
