import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** One scalar in a JSON or YAML document, with its key path and line. */
export interface ScalarEntry {
  /** Key path, e.g. ['cors', 'origins', 0]. */
  path: Array<string | number>;
  value: unknown;
  line: number;
  column: number;
}

/**
 * Every scalar of a JSON or YAML text with its key path and position (JSON is YAML 1.2, so one
 * parser serves both). Returns [] when the text does not parse: the syntax check reports that.
 */
export function scalarEntries(text: string): ScalarEntry[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) return [];
  const out: ScalarEntry[] = [];
  const visit = (node: Node | null | undefined, path: Array<string | number>) => {
    if (!node) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as Node | null, [...path, index]));
    } else if (isScalar(node)) {
      const at = lineCounter.linePos(node.range?.[0] ?? 0);
      out.push({ path, value: node.value, line: at.line, column: at.col });
    }
  };
  visit(document.contents as Node | null, []);
  return out;
}

/** True when the key path ends with the dotted key (segment by segment, array indexes skipped). */
export function pathEndsWith(path: ReadonlyArray<string | number>, dotted: string, caseInsensitive = false): boolean {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  const want = dotted.split('.');
  if (want.length > keys.length) return false;
  const tail = keys.slice(keys.length - want.length);
  return tail.every((segment, index) => (caseInsensitive ? segment.toLowerCase() === want[index]!.toLowerCase() : segment === want[index]));
}

/** The last string key of a path (the name of the setting). */
export function lastKey(path: ReadonlyArray<string | number>): string | undefined {
  for (let index = path.length - 1; index >= 0; index--) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}
