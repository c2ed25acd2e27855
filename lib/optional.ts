/**
 * Packages only some teams need (Percy, the PostgreSQL and Redis clients, Allure's CLI,
 * openapi-typescript) are optional peers of the installed package: loaded when a check uses them,
 * and when absent the check says in one line which package to install.
 */
export class MissingPackageError extends Error {
  readonly packageName: string;
  constructor(packageName: string, purpose: string) {
    super(`${purpose} needs the optional package ${packageName}, which is not installed: npm install --save-dev ${packageName}`);
    this.name = 'MissingPackageError';
    this.packageName = packageName;
  }
}

/** True when `error` says that `packageName` itself (not one of its own dependencies) could not be found. */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(`'${packageName}'`) || message.includes(`"${packageName}"`) || message.includes(`'${packageName}/`);
}

/** Runs the import; a missing package becomes a MissingPackageError naming it. */
export async function importOptional<T>(packageName: string, purpose: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingPackage(error, packageName)) throw new MissingPackageError(packageName, purpose);
    throw error;
  }
}
