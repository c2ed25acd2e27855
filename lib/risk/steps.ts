import type { Operation } from './types.ts';

/** Where a check was made in the source, as a test runner locates a step. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * Shows operations as steps of the running test (the fixture gives Playwright's `test.step`; lib/
 * stays free of it). `run` wraps a check that is still running, so what it does nests under it;
 * `show` adds an operation recorded after the fact. Either step fails when the operation failed.
 */
export interface OperationSteps {
  run<T>(title: string, body: () => Promise<T>, location: SourceLocation | undefined): Promise<T>;
  show(operation: Operation, location: SourceLocation | undefined): void;
  /** Whether an operation of this outcome would be a step now (`running`: a check not yet decided); a location is looked up only then. */
  wants?(outcome: Operation['outcome'] | 'running'): boolean;
}

/** Thrown inside a check's step so the step is red; the recorder catches it, the test goes on. */
export class CheckFailedError extends Error {
  constructor(readonly operation: Operation, location: SourceLocation | undefined) {
    super(describeFailure(operation));
    this.name = 'CheckFailed';
    // The runner points an error at the first frame of its stack: the check's own line, not the recorder's.
    this.stack = `${this.name}: ${this.message}${location ? `\n    at ${location.file}:${location.line}:${location.column}` : ''}`;
  }
}

/** How much of an operation's evidence a step shows; the whole of it is in the risk attachment. */
export const STEP_EVIDENCE_CHARS = 2000;

/** A failed operation as the step's error says it: severity, check, message and its evidence. */
export function describeFailure(operation: Operation): string {
  const check = operation.check ? ` ${operation.check}` : '';
  const head = `[${operation.severity}]${check} ${operation.name}: ${operation.message ?? 'failed'}`;
  if (operation.evidence === undefined) return head;
  const evidence = JSON.stringify(operation.evidence, null, 2) ?? '';
  const shown = evidence.length > STEP_EVIDENCE_CHARS ? `${evidence.slice(0, STEP_EVIDENCE_CHARS)}\n... (${evidence.length - STEP_EVIDENCE_CHARS} more characters in the risk attachment)` : evidence;
  return `${head}\nevidence: ${shown}`;
}

/** The step's title: the check's name; a warning says so, with its reason's first line. */
export function stepTitle(operation: Pick<Operation, 'name' | 'outcome' | 'message' | 'waiver'>): string {
  if (operation.outcome !== 'warn') return operation.name;
  const reason = operation.waiver ? `waived by ${operation.waiver}` : (operation.message ?? '').split('\n')[0]?.slice(0, 200);
  return `${operation.name} (warning${reason ? `: ${reason}` : ''})`;
}

/** Frames of the recorder itself and of the runner: a check's location is the first frame past them. */
const PLUMBING = /[\\/](lib[\\/]risk[\\/]|fixtures[\\/]risk\.|node_modules[\\/])|(?:^at |\()node:/;
const FRAME = /(?:\(|at (?:async )?)((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/** The same plumbing and spec files, told apart by a raw frame's file name (a path or a file: URL). */
const PLUMBING_FILE = /[\\/](lib[\\/]risk[\\/]|fixtures[\\/]risk\.|node_modules[\\/])|^node:/;
const SPEC_FILE = /\.(spec|test)\.[cm]?[jt]s$/;

/** The frames `checkLocation` could pick: none of the plumbing, nothing past the first spec frame. */
function framesToFormat(frames: NodeJS.CallSite[]): NodeJS.CallSite[] {
  const kept: NodeJS.CallSite[] = [];
  for (const frame of frames) {
    const file = frame.getFileName() ?? '';
    if (PLUMBING_FILE.test(file)) continue;
    kept.push(frame);
    if (SPEC_FILE.test(file)) break;
  }
  return kept;
}

/** Where the frames at these raw positions point: the checks of a loop share their frames. Bounded, in case code is generated. */
const locationsByFrames = new Map<string, SourceLocation | undefined>();
const MAX_REMEMBERED_LOCATIONS = 10_000;

/** The raw positions of the frames, or undefined when one has no file (eval'd code: its text names where it was evaluated). */
function framesKey(frames: readonly NodeJS.CallSite[]): string | undefined {
  let key = '';
  for (const frame of frames) {
    const file = frame.getFileName();
    if (!file) return undefined;
    key += `${file}:${frame.getLineNumber()}:${frame.getColumnNumber()}\n`;
  }
  return key;
}

/**
 * `checkLocation` of a stack taken where this is called, formatting only the frames it could pick,
 * and those once for a place in the code: the installed formatter maps every frame through its
 * source map, and Playwright's worker keeps 200 frames, mostly its own. Without a formatter to hand
 * the frames to, V8 formats them all.
 */
export function callerLocation(): SourceLocation | undefined {
  const format = Error.prepareStackTrace;
  const holder: { stack?: string } = {};
  if (!format) {
    Error.captureStackTrace(holder, callerLocation);
    return checkLocation(holder.stack);
  }
  let frames: NodeJS.CallSite[] = [];
  Error.prepareStackTrace = (_error, all) => {
    frames = framesToFormat(all);
    return '';
  };
  try {
    // The stack starts at the frame that called callerLocation, as a `new Error()` made there would.
    Error.captureStackTrace(holder, callerLocation);
    void holder.stack;
  } finally {
    Error.prepareStackTrace = format;
  }
  const key = framesKey(frames);
  const known = key === undefined ? undefined : locationsByFrames.get(key);
  if (known || (key !== undefined && locationsByFrames.has(key))) return known && { ...known };
  const location = checkLocation(format(holder as Error, frames) as string);
  if (key !== undefined && locationsByFrames.size < MAX_REMEMBERED_LOCATIONS) locationsByFrames.set(key, location);
  return location && { ...location };
}

/**
 * The source line that made the check, from a stack: the spec's own line when the spec is on the
 * stack, else the first frame outside the recorder (a helper such as lib/a11y recording for a spec).
 */
export function checkLocation(stack: string | undefined): SourceLocation | undefined {
  if (!stack) return undefined;
  let fallback: SourceLocation | undefined;
  for (const raw of stack.split('\n').slice(1)) {
    const line = raw.trim();
    if (PLUMBING.test(line)) continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? decodeURIComponent(new URL(match[1]!).pathname) : match[1]!;
    const location = { file, line: Number(match[2]), column: Number(match[3]) };
    if (SPEC_FILE.test(file)) return location;
    fallback ??= location;
  }
  return fallback;
}
