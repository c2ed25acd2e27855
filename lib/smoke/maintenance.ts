import type { MaintenanceWindow } from '../config/sections/operations.ts';

export type { MaintenanceWindow } from '../config/sections/operations.ts';

type WindowInput = Pick<MaintenanceWindow, 'start' | 'end' | 'environments' | 'reason'> & { gates?: readonly string[] };

/**
 * The maintenance window in force for this environment (and gate, when given) at `now`, or undefined.
 * A window is [start, end): it covers its start instant and ends at its end instant. The first
 * matching window in config order wins, so the message names one window, always the same one.
 */
export function activeMaintenanceWindow<W extends WindowInput>(windows: readonly W[], environment: string, now: Date, gate?: string): W | undefined {
  const time = now.getTime();
  return windows.find((window) => {
    const start = Date.parse(window.start);
    const end = Date.parse(window.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return false;
    if (!window.environments.includes(environment as MaintenanceWindow['environments'][number])) return false;
    if (gate !== undefined && window.gates !== undefined && !window.gates.includes(gate)) return false;
    return time >= start && time < end;
  });
}

/** "maintenance window 2026-11-22T02:00:00Z..2026-11-22T04:00:00Z (database upgrade)": the words a downgraded failure carries. */
export function describeMaintenanceWindow(window: WindowInput): string {
  return `maintenance window ${window.start}..${window.end} (${window.reason})`;
}
