import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maintenanceWindowsSection } from '../../../lib/config/sections/operations.ts';
import { activeMaintenanceWindow, describeMaintenanceWindow } from '../../../lib/smoke/maintenance.ts';

const windows = maintenanceWindowsSection.parse([
  { start: '2026-11-22T02:00:00Z', end: '2026-11-22T04:00:00Z', reason: 'database upgrade' },
  { start: '2026-11-22T03:00:00Z', end: '2026-11-22T05:00:00Z', environments: ['local'], gates: ['smoke'], reason: 'laptop rebuild' },
]);

describe('activeMaintenanceWindow', () => {
  it('covers [start, end) in its environments', () => {
    assert.equal(activeMaintenanceWindow(windows, 'staging', new Date('2026-11-22T02:00:00Z'))?.reason, 'database upgrade');
    assert.equal(activeMaintenanceWindow(windows, 'production', new Date('2026-11-22T03:59:59.999Z'))?.reason, 'database upgrade');
    assert.equal(activeMaintenanceWindow(windows, 'production', new Date('2026-11-22T04:00:00Z')), undefined);
    assert.equal(activeMaintenanceWindow(windows, 'production', new Date('2026-11-22T01:59:59Z')), undefined);
    assert.equal(activeMaintenanceWindow(windows, 'local', new Date('2026-11-22T02:30:00Z')), undefined);
    assert.equal(activeMaintenanceWindow(windows, 'local', new Date('2026-11-22T03:30:00Z'))?.reason, 'laptop rebuild');
  });
  it('respects the gates a window names, when a gate is given', () => {
    assert.equal(activeMaintenanceWindow(windows, 'staging', new Date('2026-11-22T03:00:00Z'), 'contracts'), undefined);
    assert.equal(activeMaintenanceWindow(windows, 'staging', new Date('2026-11-22T03:00:00Z'), 'data-flows')?.reason, 'database upgrade');
    assert.equal(activeMaintenanceWindow(windows, 'local', new Date('2026-11-22T03:30:00Z'), 'data-flows'), undefined);
  });
  it('honours time zones and names the window', () => {
    const [window] = maintenanceWindowsSection.parse([{ start: '2026-11-22T04:00:00+02:00', end: '2026-11-22T05:00:00+02:00', reason: 'rack move' }]);
    assert.ok(window);
    assert.equal(activeMaintenanceWindow([window], 'staging', new Date('2026-11-22T02:30:00Z')), window);
    assert.equal(describeMaintenanceWindow(window), 'maintenance window 2026-11-22T04:00:00+02:00..2026-11-22T05:00:00+02:00 (rack move)');
  });
  it('is refused by the schema when it ends before it starts or has no reason', () => {
    assert.throws(() => maintenanceWindowsSection.parse([{ start: '2026-11-22T04:00:00Z', end: '2026-11-22T03:00:00Z', reason: 'x' }]), /end must be after start/);
    assert.throws(() => maintenanceWindowsSection.parse([{ start: 'tomorrow', end: '2026-11-22T03:00:00Z', reason: 'x' }]), /ISO date-time/);
    assert.throws(() => maintenanceWindowsSection.parse([{ start: '2026-11-22T02:00:00Z', end: '2026-11-22T03:00:00Z' }]));
  });
});
