import { GATE_ORDER } from './gates.ts';

export interface TestArgs {
  /**
   * `full`, `quick` or a gate name: the Playwright project to run. A workspace run also takes a
   * target (`web`), one target's gate (`web/contracts`) or `cross-platform`. Absent when the
   * projects are given as Playwright's own `--project` options.
   */
  project?: string;
  /** Our `-c/--config`: the validation config (Playwright's own config is the package's). */
  config?: string;
  /** Our `--workspace`: a workspace file, every target it lists in one run. */
  workspace?: string;
  /** Everything else, handed to Playwright as given. */
  rest: string[];
}

/** `meta-orchestrator test [full|quick|<gate>] [-c file] [Playwright options...]`; a string is the user error. */
export function parseTestArgs(args: readonly string[], env: Record<string, string | undefined> = {}): TestArgs | string {
  const rest: string[] = [];
  let project: string | undefined;
  let config: string | undefined;
  let workspace: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '--config' || arg === '--workspace') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('-')) return `${arg} needs a file: ${arg === '--workspace' ? 'the workspace file to run' : 'the validation config to use'}`;
      if (arg === '--workspace') workspace = value;
      else config = value;
      i += 1;
    } else if (arg.startsWith('--config=')) {
      config = arg.slice('--config='.length);
    } else if (arg.startsWith('--workspace=')) {
      workspace = arg.slice('--workspace='.length);
    } else if (i === 0 && !arg.startsWith('-')) {
      project = arg;
    } else {
      rest.push(arg);
    }
  }
  if (config !== undefined && workspace !== undefined) return '-c/--config and --workspace both name what to validate: a workspace names its targets\' configs itself';
  const inWorkspace = workspace !== undefined || Boolean(env.VALIDATION_WORKSPACE);
  if (project !== undefined && project !== 'full' && project !== 'quick' && !GATE_ORDER.includes(project)) {
    if (!inWorkspace) return `"${project}" is not full, quick or a gate; the gates are ${GATE_ORDER.join(', ')}`;
    if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9-]+)?$/.test(project)) return `"${project}" is not full, a target, <target>/<gate> or cross-platform`;
  }
  const projectsGiven = rest.some((arg) => arg === '--project' || arg.startsWith('--project='));
  if (project !== undefined && projectsGiven) return `give the project once: "${project}" or Playwright's --project options, not both`;
  return { ...(projectsGiven ? {} : { project: project ?? 'full' }), ...(config !== undefined ? { config } : {}), ...(workspace !== undefined ? { workspace } : {}), rest };
}
