import type { Finding } from '../findings.ts';
import { lineStartsOf, positionAt } from '../findings.ts';

const EMOJI = /\p{Extended_Pictographic}/u;
const NON_ASCII = /[^\x00-\x7f]/;
/** Findings per file past which the rest are summed up: one emoji-ridden file must not flood a report. */
const MAX_PER_FILE = 10;

/**
 * Files whose interpreter reads them in the system's legacy code page, where a non-ASCII letter
 * turns into another character: cmd.exe batch files always, Windows PowerShell 5.1 scripts unless
 * a byte-order mark says UTF-8. Python 3 (PEP 3120), shells and Node read UTF-8.
 */
function readInCodePage(file: string, bom: boolean): boolean {
  return /\.(bat|cmd)$/i.test(file) || (/\.ps1$/i.test(file) && !bom);
}

/**
 * A script must survive Windows consoles and code pages: UTF-8, no byte-order mark where it breaks
 * the first line (a shebang; PowerShell needs one for UTF-8), no emoji, no other non-ASCII where the
 * file is read in a code page (unless allowed), one line-ending style.
 */
export function checkScript(file: string, bytes: Buffer, allowNonAscii: boolean): Finding[] {
  const findings: Finding[] = [];
  const finding = (line: number, column: number, rule: string, message: string) => findings.push({ file, line, column, rule, message, severity: 'medium' });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom && !/\.ps1$/i.test(file)) finding(1, 1, 'script-bom', 'starts with a UTF-8 byte-order mark');
  const lettersMatter = !allowNonAscii && readInCodePage(file, bom);
  const text = bytes.toString('utf8');
  const lineStarts = lineStartsOf(text);
  const replacement = text.indexOf('\ufffd');
  if (replacement !== -1 && !Buffer.from(text, 'utf8').equals(bytes)) {
    const at = positionAt(lineStarts, replacement);
    finding(at.line, at.column, 'script-encoding', 'is not valid UTF-8 here');
  }
  let count = 0;
  let extra = 0;
  const scan = NON_ASCII.test(text);
  if (scan) {
    for (let offset = 0; offset < text.length; offset++) {
      if (text.charCodeAt(offset) < 0x80) continue;
      const char = String.fromCodePoint(text.codePointAt(offset)!);
      if (char.length === 2) offset += 1;
      if (char === '\ufeff' && offset === 0) continue;
      const emoji = EMOJI.test(char);
      if (!emoji && (!lettersMatter || char === '\ufffd')) continue;
      if (count >= MAX_PER_FILE) {
        extra += 1;
        continue;
      }
      count += 1;
      const at = positionAt(lineStarts, offset - (char.length === 2 ? 1 : 0));
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      finding(at.line, at.column, emoji ? 'script-emoji' : 'script-non-ascii', emoji ? `emoji ${code} (breaks Windows consoles and code pages)` : `non-ASCII character ${code} (read in the system code page: save as ASCII${/\.ps1$/i.test(file) ? ', or as UTF-8 with a byte-order mark' : ''})`);
    }
  }
  if (extra > 0) findings.push({ file, rule: 'script-non-ascii', message: `and ${extra} more non-ASCII character(s)`, severity: 'medium' });
  const endings = lineEndings(text);
  if ([endings.crlf, endings.lf, endings.cr].filter((n) => n > 0).length > 1) {
    const minority = endings.crlf <= endings.lf ? endings.firstCrlf : endings.firstLf;
    finding(minority, 1, 'script-line-endings', `mixes line endings (${endings.crlf} CRLF, ${endings.lf} LF${endings.cr ? `, ${endings.cr} CR` : ''})`);
  }
  return findings;
}

function lineEndings(text: string) {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let line = 1;
  let firstCrlf = 0;
  let firstLf = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) {
        crlf += 1;
        firstCrlf ||= line;
        index += 1;
      } else {
        cr += 1;
      }
      line += 1;
    } else if (code === 10) {
      lf += 1;
      firstLf ||= line;
      line += 1;
    }
  }
  return { crlf, lf, cr, firstCrlf, firstLf };
}
