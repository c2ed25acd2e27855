import { InitError } from '../../lib/init/errors.ts';
import { LogFormatError } from '../../lib/log/index.ts';
import { MissingPackageError } from '../../lib/optional.ts';

/** A problem the user can fix (a wrong flag, a missing file): one line, no stack. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

function isUserError(error: unknown): error is Error {
  if (error instanceof UserError || error instanceof LogFormatError || error instanceof MissingPackageError || error instanceof InitError) return true;
  // node:util parseArgs reports unknown or malformed flags with these codes.
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * The one error boundary of a script: a user error prints one clear line and exits 1;
 * anything else is a bug and prints its stack.
 */
export async function runCli(name: string, main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    if (isUserError(error)) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name}: unexpected error (a bug, please report it):`);
      console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    }
    process.exitCode = 1;
  }
}

/**
 * Exit code of a one-shot view (dashboard --once, tracker --status) over a damaged log: a corrupt
 * line or a cut-off last line. Everything readable is shown, and a script still learns the log is
 * damaged. (The writer puts each record down in one write, so a live log ends on a whole line.)
 */
export const DAMAGED_LOG_EXIT = 3;

export function exitCodeForLog(badLines: readonly unknown[]): number {
  return badLines.length > 0 ? DAMAGED_LOG_EXIT : 0;
}

/** A positive number flag, or a user error naming the flag. */
export function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new UserError(`--${flag} must be a positive number, got ${JSON.stringify(value)}`);
  return parsed;
}
