import { crc32, inflateRawSync } from 'node:zlib';

/** Minimal zip reading and writing (stored entries), for scrubbing secrets out of zipped reports. */
export interface ZipEntry {
  name: string;
  content: Buffer;
}

/** The entries of a zip archive (stored or deflated), read from its central directory. */
export function readZip(data: Buffer): ZipEntry[] {
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localStart = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const raw = data.subarray(localStart, localStart + compressedSize);
    entries.push({ name, content: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip archive of stored (uncompressed) entries. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.content) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.content.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.content.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.content);
    centrals.push(central, name);
    offset += 30 + name.length + entry.content.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const EMBEDDED_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/;

/** A file's searchable text: zips opened, an HTML report's embedded base64 zip decoded. */
export function searchableText(data: Buffer): string {
  if (data.subarray(0, 2).toString() === 'PK') {
    try {
      return readZip(data).map((e) => e.content.toString('utf8')).join('\n');
    } catch {
      return data.toString('utf8');
    }
  }
  const text = data.toString('utf8');
  const embedded = EMBEDDED_ZIP.exec(text);
  if (embedded?.[1]) return `${text}\n${readZip(Buffer.from(embedded[1], 'base64')).map((e) => e.content.toString('utf8')).join('\n')}`;
  return text;
}

/** Rewrites the zip embedded in an HTML report through `transform` (per entry). */
export function transformEmbeddedZip(html: string, transform: (entry: ZipEntry) => ZipEntry): string {
  const embedded = EMBEDDED_ZIP.exec(html);
  if (!embedded?.[1]) return html;
  const rewritten = writeZip(readZip(Buffer.from(embedded[1], 'base64')).map(transform)).toString('base64');
  return html.replace(embedded[0], () => `data:application/zip;base64,${rewritten}`);
}
