/** A problem with what init was given or found (a URL that does not answer, a document that does not parse): one line, exit 1. */
export class InitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InitError';
  }
}
