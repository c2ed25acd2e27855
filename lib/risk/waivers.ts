import picomatch from 'picomatch';

export interface Waiver {
  check: string;
  reason: string;
  owner: string;
  expires: string;
}

/** End of the waiver's last day, UTC. */
function expiryTime(waiver: Waiver): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(waiver.expires) ? `${waiver.expires}T23:59:59.999Z` : waiver.expires;
  return Date.parse(day);
}

export function isExpired(waiver: Waiver, now: Date): boolean {
  return expiryTime(waiver) < now.getTime();
}

/** `gate/task#operation`, or `gate/task` matching any of the task's operations. */
export function waiverMatches(waiver: Waiver, taskId: string, operation: string): boolean {
  const full = `${taskId}#${operation}`;
  const match = picomatch(waiver.check, { dot: true });
  return match(full) || match(taskId);
}

/** The waiver in force for this check, or the expired ones that would have matched. */
export function findWaiver(waivers: Waiver[], taskId: string, operation: string, now: Date): { active?: Waiver; expired: Waiver[] } {
  const expired: Waiver[] = [];
  for (const waiver of waivers) {
    if (!waiverMatches(waiver, taskId, operation)) continue;
    if (isExpired(waiver, now)) expired.push(waiver);
    else return { active: waiver, expired };
  }
  return { expired };
}

export function describeWaiver(waiver: Waiver): string {
  return `${waiver.check} (${waiver.reason}; owner ${waiver.owner}; until ${waiver.expires})`;
}
