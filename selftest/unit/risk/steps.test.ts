import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CheckFailedError, checkLocation, RiskRecorder, stepTitle, type Operation, type OperationSteps, type SourceLocation } from '../../../lib/risk/index.ts';

/** Steps as a runner would keep them: title, whether it failed, where. */
function recordingSteps() {
  const steps: { title: string; error?: string; location?: SourceLocation }[] = [];
  const sink: OperationSteps = {
    async run(title, body, location) {
      const step: (typeof steps)[number] = { title, location };
      steps.push(step);
      try {
        return await body();
      } catch (error) {
        step.error = (error as Error).message;
        throw error;
      }
    },
    show(operation: Operation, location) {
      steps.push({ title: stepTitle(operation), location, ...(operation.outcome === 'fail' ? { error: new CheckFailedError(operation, location).message } : {}) });
    },
  };
  return { steps, sink };
}

describe('operations as steps', () => {
  test('a check runs inside its step; a failed one fails the step and the test goes on', async () => {
    const { steps, sink } = recordingSteps();
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
    assert.equal(await recorder.check('ok', () => 7, { check: 'data-flows/status' }), 7);
    assert.equal(await recorder.check('broken', () => { throw new Error('500, expected 200'); }, { check: 'data-flows/status', evidence: { url: '/x' } }), undefined);
    assert.deepEqual(steps.map((s) => [s.title, s.error !== undefined]), [['ok', false], ['broken', true]]);
    assert.match(steps[1]!.error!, /^\[critical\] data-flows\/status broken: 500, expected 200\nevidence: \{\n {2}"url": "\/x"\n\}$/);
    assert.equal(recorder.failed.length, 1);
  });

  test('a fatal check rethrows its own error after its step failed', async () => {
    const { steps, sink } = recordingSteps();
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
    await assert.rejects(recorder.check('login', () => { throw new Error('401'); }, { check: 'data-flows/status', fatal: true }), /^Error: 401$/);
    assert.ok(steps[0]!.error);
  });

  test('a waived failure is a green step that says it is a warning', async () => {
    const { steps, sink } = recordingSteps();
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink, waivers: [{ check: 'api/x#slow', reason: 'known', owner: 'ops', expires: '2999-01-01' }] });
    await recorder.check('slow', () => { throw new Error('too slow'); }, { check: 'data-flows/status' });
    recorder.warn('near', 'near the limit', { check: 'data-flows/status' });
    assert.equal(steps[0]!.error, undefined);
    assert.equal(steps[1]!.title, 'near (warning: near the limit)');
    assert.deepEqual(recorder.operations.map((op) => op.outcome), ['warn', 'warn']);
  });

  test('an operation recorded after the fact is shown once, at the line that recorded it', () => {
    const { steps, sink } = recordingSteps();
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
    recorder.fail('late', 'took 900 ms', { check: 'data-flows/status' });
    assert.equal(steps.length, 1);
    assert.match(steps[0]!.location?.file ?? '', /selftest[\\/]unit[\\/]risk[\\/]steps\.test\.ts$/);
  });

  test('past what the sink wants, a passed check is no step and costs no stack; a failed one still is, at its line', async () => {
    const { steps, sink } = recordingSteps();
    let shownPassed = 0;
    sink.wants = (outcome) => outcome === 'fail' || outcome === 'warn';
    const show = sink.show.bind(sink);
    sink.show = (operation, location) => {
      if (operation.outcome === 'pass') shownPassed += 1;
      else show(operation, location);
    };
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
    await recorder.check('quiet', () => 1, { check: 'data-flows/status' });
    await recorder.check('loud', async () => { await Promise.resolve(); throw new Error('boom'); }, { check: 'data-flows/status' });
    recorder.pass('quiet too', { check: 'data-flows/status' });
    assert.deepEqual(steps.map((s) => s.title), ['loud']);
    assert.equal(shownPassed, 2);
    assert.match(steps[0]!.location?.file ?? '', /steps\.test\.ts$/);
    assert.equal(recorder.operations.length, 3);
  });

  test('a secret in a check name never reaches the step title', async () => {
    const { steps, sink } = recordingSteps();
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
    recorder.redactor.add('hunter2-secret-token');
    await recorder.check('token hunter2-secret-token works', () => 1, { check: 'data-flows/status' });
    assert.doesNotMatch(steps[0]!.title, /hunter2/);
  });

  test('the location is the spec line, past the recorder and the runner; else the first frame outside them', () => {
    const stack = [
      'Error',
      '    at RiskRecorder.record (/suite/lib/risk/recorder.ts:150:38)',
      '    at recordAxe (/suite/lib/a11y/axeOperations.ts:40:10)',
      '    at file:///suite/tests/a11y/axe.spec.ts:12:7',
      '    at /suite/node_modules/playwright/lib/worker.js:1:1',
    ].join('\n');
    assert.deepEqual(checkLocation(stack), { file: '/suite/tests/a11y/axe.spec.ts', line: 12, column: 7 });
    assert.deepEqual(checkLocation(stack.split('\n').slice(0, 3).join('\n')), { file: '/suite/lib/a11y/axeOperations.ts', line: 40, column: 10 });
    assert.equal(checkLocation('Error\n    at node:internal/x:1:1'), undefined);
  });

  test('the checks of a loop are located at its line, each with its own location', () => {
    const { steps, sink } = recordingSteps();
    const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
    const whole = checkLocation(new Error().stack); for (let i = 0; i < 3; i++) recorder.pass(`ok ${i}`, { check: 'data-flows/status' });
    const [first, second, third] = steps.map((step) => step.location);
    assert.ok(whole && first);
    assert.deepEqual([first.file, first.line], [whole.file, whole.line]);
    assert.deepEqual([second, third], [first, first]);
    assert.notEqual(second, first);
  });

  test('a recorded check is located at the line the whole stack gives, with or without a stack formatter installed', () => {
    const format = Error.prepareStackTrace;
    assert.ok(format);
    for (const installed of [true, false]) {
      if (!installed) delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
      try {
        const { steps, sink } = recordingSteps();
        const recorder = new RiskRecorder('api/x', 'contracts', { steps: sink });
        const whole = checkLocation(new Error().stack); recorder.pass('ok', { check: 'data-flows/status' });
        assert.ok(whole && steps[0]!.location);
        assert.deepEqual([steps[0]!.location.file, steps[0]!.location.line], [whole.file, whole.line]);
        assert.equal(Error.prepareStackTrace, installed ? format : undefined);
      } finally {
        Error.prepareStackTrace = format;
      }
    }
  });
});
