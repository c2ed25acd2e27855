import { LOG_SCHEMA_NAME, LOG_SCHEMA_VERSION, type HeaderRecord, type LogRecord } from './records.ts';

export class LogFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogFormatError';
  }
}

export interface ParsedLog {
  header: HeaderRecord;
  records: LogRecord[];
  /** Lines that are not JSON (a corrupt line, or a last line cut off mid-write). */
  badLines: { line: number; text: string; reason: string }[];
  /** The last line had no newline yet: a log still being written. */
  partialTail: boolean;
}

/**
 * Parses an execution log. Rejects a file with no header or a newer schema version;
 * tolerates corrupt lines and a truncated tail (they are reported, not fatal).
 */
export function parseExecutionLog(text: string, source = 'execution log'): ParsedLog {
  const lines = text.split('\n');
  const partialTail = text.length > 0 && !text.endsWith('\n');
  const records: LogRecord[] = [];
  const badLines: ParsedLog['badLines'] = [];
  let header: HeaderRecord | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      const last = index === lines.length - 1 && partialTail;
      badLines.push({ line: index + 1, text: line.slice(0, 120), reason: last ? 'incomplete last line (cut off mid-write)' : `corrupt: not JSON (${(error as Error).message})` });
      return;
    }
    if (!record || typeof record !== 'object' || typeof (record as { type?: unknown }).type !== 'string') {
      badLines.push({ line: index + 1, text: line.slice(0, 120), reason: 'corrupt: not a log record (no "type")' });
      return;
    }
    const typed = record as LogRecord;
    if (!header) {
      if (typed.type !== 'header') throw new LogFormatError(`${source} does not start with a header record: it is not an execution log of this suite (line 1 is ${JSON.stringify(line.slice(0, 80))}).`);
      if (typed.schema !== LOG_SCHEMA_NAME) throw new LogFormatError(`${source} has schema "${String(typed.schema)}", expected "${LOG_SCHEMA_NAME}".`);
      if (typeof typed.version !== 'number' || typed.version > LOG_SCHEMA_VERSION) {
        throw new LogFormatError(`${source} was written with log schema version ${String(typed.version)}; this version reads up to ${LOG_SCHEMA_VERSION}. Update the suite to read it.`);
      }
      header = typed;
    }
    records.push(typed);
  });
  if (!header) throw new LogFormatError(`${source} is empty or has no header record: it is not an execution log of this suite.`);
  return { header, records, badLines, partialTail };
}
