import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyExpectationSchema } from '../../../lib/config/sections/smoke.ts';
import { describeExpectation, evaluateExpectation, resolvePath } from '../../../lib/smoke/expectations.ts';
import { evaluateSum, fillTemplate, referencedVariables } from '../../../lib/smoke/template.ts';

const expectation = (input: Record<string, unknown>) => bodyExpectationSchema.parse(input);
const body = { status: 'filled', totalPnl: -5, realizedPnl: 1.25, unrealizedPnl: -6.25, items: [{ symbol: 'SPY', quantity: 3 }, { symbol: 'QQQ', quantity: 1 }], note: 'order filled at 500' };

describe('resolvePath', () => {
  it('reads dot paths, indexes, filters, length and the whole body', () => {
    assert.equal(resolvePath(body, 'status'), 'filled');
    assert.equal(resolvePath(body, 'items[1].symbol'), 'QQQ');
    assert.equal(resolvePath(body, 'items[symbol=SPY].quantity'), 3);
    assert.equal(resolvePath(body.items, '[symbol=QQQ].quantity'), 1);
    assert.equal(resolvePath(body.items, 'length'), 2);
    assert.equal(resolvePath(body, ''), body);
    assert.equal(resolvePath(body, 'missing.deeper'), undefined);
    assert.equal(resolvePath(body.items, '[symbol=TSLA].quantity'), undefined);
  });
});

describe('templates', () => {
  it('keeps the type of a whole placeholder and reports missing names', () => {
    const filled = fillTemplate({ quantity: '${qty}', auth: 'Bearer ${token}', other: '${nope}' }, { qty: 3, token: 'abc' });
    assert.deepEqual(filled.value, { quantity: 3, auth: 'Bearer abc', other: '' });
    assert.deepEqual(filled.missing, ['nope']);
    assert.deepEqual([...referencedVariables({ a: ['${x}', 'y ${z}'] })], ['x', 'z']);
  });
  it('adds and subtracts numbers, and leaves other text alone', () => {
    assert.equal(evaluateSum('1.25 + -6.25'), -5);
    assert.equal(evaluateSum('-5 - -3'), -2);
    assert.equal(evaluateSum('0.1 + 0.2'), 0.3);
    assert.equal(evaluateSum('ord_1'), 'ord_1');
  });
});

describe('evaluateExpectation', () => {
  it('passes and fails each operator from the table', () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{ path: 'status', equals: 'filled' }, true],
      [{ path: 'status', equals: 'rejected' }, false],
      [{ path: 'status', notEquals: 'rejected' }, true],
      [{ path: 'totalPnl', greaterThan: -6 }, true],
      [{ path: 'totalPnl', greaterOrEqual: -5 }, true],
      [{ path: 'totalPnl', lessThan: -5 }, false],
      [{ path: 'totalPnl', lessOrEqual: '-5' }, true],
      [{ path: 'note', contains: 'filled' }, true],
      [{ path: 'items', contains: { symbol: 'QQQ' } }, true],
      [{ path: 'items', contains: { symbol: 'TSLA' } }, false],
      [{ path: 'status', exists: true }, true],
      [{ path: 'nothing', exists: true }, false],
      [{ path: 'totalPnl', approx: '${realized} + ${unrealized}' }, true],
      [{ path: 'totalPnl', approx: -5.5, tolerance: 0.1 }, false],
    ];
    for (const [input, passed] of cases) {
      const result = evaluateExpectation(expectation(input), body, { realized: 1.25, unrealized: -6.25 });
      assert.equal(result.passed, passed, `${JSON.stringify(input)}: ${result.message}`);
    }
  });
  it('says what was expected and what came back', () => {
    const result = evaluateExpectation(expectation({ path: 'totalPnl', approx: '${a} + ${b}', label: 'P&L adds up' }), { totalPnl: -500 }, { a: 0, b: 0.5 });
    assert.equal(result.passed, false);
    assert.match(result.message, /expected "totalPnl" ≈ 0\.5 \(±0\.01\), got -500/);
    assert.equal(result.name, 'P&L adds up (totalPnl ≈ ${a} + ${b} ±0.01)');
    assert.match(evaluateExpectation(expectation({ path: 'x', equals: '${gone}' }), {}, {}).message, /no value for \$\{gone\}/);
    assert.equal(describeExpectation(expectation({ path: 'a', equals: 1 })), 'a = 1');
  });
  it('is refused by the schema with no operator or with two', () => {
    assert.throws(() => expectation({ path: 'a' }), /exactly one of/);
    assert.throws(() => expectation({ path: 'a', equals: 1, lessThan: 2 }), /got equals, lessThan/);
  });
});
