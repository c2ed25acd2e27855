import { writeSection } from '../../bench/lib/results.ts';
import { CASES } from '../../selftest/hostile/cases.ts';
import { formatTable, runMatrix } from '../../selftest/hostile/matrix.ts';

/**
 * `npm run bench:hostile [-- --only <regex>]`: the whole hostile matrix, one case at a time: the
 * real suite against a misbehaving server and against broken inputs of our own. Prints case,
 * verdict, exit code, seconds, the bound it must finish within, log validity and the message.
 * Exits 1 when any case broke one of its properties.
 */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new RegExp(process.argv[onlyAt + 1] ?? '', 'i') : undefined;
const cases = CASES.filter((c) => !only || only.test(c.name));
if (cases.length === 0) {
  console.error(`bench:hostile: no case matches --only ${process.argv[onlyAt + 1] ?? ''}`);
  process.exit(1);
}
const started = Date.now();
const outcomes = await runMatrix(cases, (o) => {
  console.error(`${o.problems.length === 0 ? 'ok  ' : 'FAIL'} ${o.name} (${o.seconds.toFixed(1)} s of ${o.boundSeconds} s)`);
});
const tableText = formatTable(outcomes);
const closing = `${outcomes.length} case(s) in ${((Date.now() - started) / 1000).toFixed(0)} s; ${outcomes.filter((o) => o.problems.length === 0).length} held every property.`;
console.log(tableText);
console.log(`\n${closing}`);
// The whole matrix only: a filtered run does not replace the recorded table.
if (!only) {
  const body = [
    'Every case runs the real suite (or an ops script) against `selftest/hostile/server.ts` or a broken input, and must hold: finished within its bound, '
      + 'a message naming the cause in a sentence, a log valid against the schema with a CRITICAL summary (suite runs), the expected exit code, and the case\'s random password in no output file nor the terminal.',
    '',
    tableText,
    '',
    closing,
  ].join('\n');
  writeSection('hostile', 'Hostile conditions', 'npm run bench:hostile', body);
}
process.exitCode = outcomes.some((o) => o.problems.length > 0) ? 1 : 0;
