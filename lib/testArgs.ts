import { GATE_ORDER } from './gates.ts';

export interface TestArgs {
  /** `full`, `quick` or a gate name: the Playwright project to run. */
  project: string;
  /** Our `-c/--config`: the validation config (Playwright's own config is the package's). */
  config?: string;
  /** Everything else, handed to Playwright as given. */
  rest: string[];
}

/** `meta-orchestrator test [full|quick|<gate>] [-c file] [Playwright options...]`; a string is the user error. */
export function parseTestArgs(args: readonly string[]): TestArgs | string {
  const rest: string[] = [];
  let project = 'full';
  let config: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '--config') {
      config = args[i + 1];
      if (config === undefined || config.startsWith('-')) return `${arg} needs a file: the validation config to use`;
      i += 1;
    } else if (arg.startsWith('--config=')) {
      config = arg.slice('--config='.length);
    } else if (i === 0 && !arg.startsWith('-')) {
      if (arg !== 'full' && arg !== 'quick' && !GATE_ORDER.includes(arg)) return `"${arg}" is not full, quick or a gate; the gates are ${GATE_ORDER.join(', ')}`;
      project = arg;
    } else {
      rest.push(arg);
    }
  }
  return { project, ...(config !== undefined ? { config } : {}), rest };
}
