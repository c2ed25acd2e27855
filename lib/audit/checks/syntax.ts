import JSON5 from 'json5';
import { parseAllDocuments } from 'yaml';
import { lineStartsOf, positionAt } from '../findings.ts';

/** Where a file stops parsing, and why. `undefined` when it parses. */
export interface SyntaxError {
  line: number;
  column: number;
  message: string;
}

export type SyntaxKind = 'json' | 'jsonc' | 'yaml' | 'dotenv';

export function checkSyntax(kind: SyntaxKind, text: string): SyntaxError | undefined {
  switch (kind) {
    case 'json': return checkJson(text);
    case 'jsonc': return checkJsonc(text);
    case 'yaml': return checkYaml(text);
    case 'dotenv': return checkDotenv(text);
  }
}

/** Strict JSON. V8 names the character offset of the error; we turn it into line:column. */
export function checkJson(text: string): SyntaxError | undefined {
  try {
    JSON.parse(stripBom(text));
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const at = positionAt(lineStartsOf(text), offset === undefined ? text.length : Number(offset) + (text.charCodeAt(0) === 0xfeff ? 1 : 0));
    return { ...at, message: message.replace(/\s*in JSON at position \d+.*$/s, '') };
  }
}

/** JSON with comments and trailing commas (tsconfig.json and friends). */
export function checkJsonc(text: string): SyntaxError | undefined {
  try {
    JSON5.parse(stripBom(text));
    return undefined;
  } catch (error) {
    const failure = error as Error & { lineNumber?: number; columnNumber?: number };
    return { line: failure.lineNumber ?? 1, column: failure.columnNumber ?? 1, message: failure.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '') };
  }
}

/** YAML 1.2, every document of a multi-document file. */
export function checkYaml(text: string): SyntaxError | undefined {
  const documents = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    const error = document.errors[0];
    if (!error) continue;
    const at = positionAt(lineStartsOf(text), error.pos[0]);
    return { ...at, message: `${error.code}: ${error.message.split('\n')[0]}` };
  }
  return undefined;
}

const DOTENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

/**
 * dotenv syntax: blank lines, comments, KEY=value with an optional `export`, quoted values closed
 * (double-quoted and backtick values may span lines, as dotenv allows).
 */
export function checkDotenv(text: string): SyntaxError | undefined {
  const lines = stripBom(text).split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = DOTENV_LINE.exec(line);
    if (!match) return { line: index + 1, column: firstNonSpace(line), message: 'expected KEY=value, a comment or a blank line' };
    const value = match[2] ?? '';
    const quote = value[0];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    const valueColumn = line.length - value.length + 1;
    if (closesQuote(value.slice(1), quote)) continue;
    if (quote === "'") return { line: index + 1, column: valueColumn, message: 'single-quoted value is never closed on its line' };
    // Multi-line value: look for the closing quote on a later line.
    let closed = false;
    for (let next = index + 1; next < lines.length; next++) {
      if (closesQuote(lines[next] ?? '', quote)) {
        index = next;
        closed = true;
        break;
      }
    }
    if (!closed) return { line: index + 1, column: valueColumn, message: `${quote}-quoted value is never closed` };
  }
  return undefined;
}

function closesQuote(rest: string, quote: string): boolean {
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '\\' && quote !== "'") {
      i += 1;
      continue;
    }
    if (rest[i] === quote) return /^\s*(#.*)?$/.test(rest.slice(i + 1));
  }
  return false;
}

function firstNonSpace(line: string): number {
  const index = line.search(/\S/);
  return index === -1 ? 1 : index + 1;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
