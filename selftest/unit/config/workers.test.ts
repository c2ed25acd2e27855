import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultWorkers, MEMORY_PER_WORKER_BYTES } from '../../../lib/workers.ts';

const GIB = 1024 ** 3;

describe('default workers', () => {
  it('is one per core while memory allows', () => {
    assert.equal(defaultWorkers(2, 24 * GIB), 2);
    assert.equal(defaultWorkers(8, 64 * GIB), 8);
    assert.equal(defaultWorkers(1, 64 * GIB), 1);
  });

  it('is fewer on a machine short of memory, never none', () => {
    assert.equal(defaultWorkers(8, 4 * GIB), Math.floor((4 * GIB) / MEMORY_PER_WORKER_BYTES));
    assert.equal(defaultWorkers(4, 1 * GIB), 1);
    assert.equal(defaultWorkers(0, 0), 1);
  });
});
