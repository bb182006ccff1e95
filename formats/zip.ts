// Minimal host-neutral ZIP reader for .xlsx parts: central directory → entries, stored or deflated
// (fflate inflates, so the same code runs in Node and in browsers).
// Anything else (encryption, zip64, multi-disk, other methods) is refused with LeanReadError.
import { Deflate, inflateSync } from 'fflate';

/** The reader cannot (or will not) read this part or package; the caller says so, located, to the user. */
export class LeanReadError extends Error {
  override name = 'LeanReadError';
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
/** a part larger than this (declared) is not inflated: guards against zip bombs */
export const MAX_PART_BYTES = 128 * 1024 * 1024;
/** all parts one archive inflates, together */
export const MAX_TOTAL_BYTES = 384 * 1024 * 1024;
/** a part this large must not be compressed more than MAX_RATIO:1 (XML rarely exceeds 100:1) */
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;
const MAX_RATIO = 1000;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** offset of the central directory record (the patch writer copies it) */
  centralOffset: number;
  centralLength: number;
  flags: number;
}

export class ZipArchive {
  private readonly buf: Uint8Array;
  private readonly view: DataView;
  private readonly entries = new Map<string, ZipEntry>();
  /** bytes inflated so far (see MAX_TOTAL_BYTES) */
  private inflated = 0;
  /** every central directory record in order, directories included */
  private readonly order: ZipEntry[] = [];
  /** EOCD comment (kept by the patch writer) */
  comment: Uint8Array = new Uint8Array(0);

  constructor(bytes: Uint8Array) {
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readCentralDirectory();
  }

  private readCentralDirectory(): void {
    const b = this.buf;
    if (b.length < EOCD_SIZE) throw new LeanReadError('not a zip: too short');
    let eocd = -1;
    const stop = Math.max(0, b.length - EOCD_SIZE - 0xffff);
    for (let i = b.length - EOCD_SIZE; i >= stop; i--) {
      if (u32(this.view, i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new LeanReadError('not a zip: no end of central directory');
    const disk = u16(this.view, eocd + 4);
    const cdDisk = u16(this.view, eocd + 6);
    const count = u16(this.view, eocd + 10);
    const cdSize = u32(this.view, eocd + 12);
    const cdOffset = u32(this.view, eocd + 16);
    if (disk !== 0 || cdDisk !== 0) throw new LeanReadError('multi-disk zip');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new LeanReadError('zip64');
    if (cdOffset + cdSize > eocd) throw new LeanReadError('central directory out of range');
    this.comment = b.slice(eocd + EOCD_SIZE, Math.min(b.length, eocd + EOCD_SIZE + u16(this.view, eocd + 20)));
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || u32(this.view, p) !== SIG_CENTRAL) throw new LeanReadError('bad central directory');
      const flags = u16(this.view, p + 8);
      const method = u16(this.view, p + 10);
      const compressedSize = u32(this.view, p + 20);
      const size = u32(this.view, p + 24);
      const nameLen = u16(this.view, p + 28);
      const extraLen = u16(this.view, p + 30);
      const commentLen = u16(this.view, p + 32);
      const localOffset = u32(this.view, p + 42);
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new LeanReadError('zip64');
      const nameEnd = p + 46 + nameLen;
      if (nameEnd > eocd) throw new LeanReadError('bad central directory');
      let name = decodeName(b.subarray(p + 46, nameEnd), (flags & 0x800) !== 0);
      const centralOffset = p;
      p = nameEnd + extraLen + commentLen;
      this.order.push({ name, method, compressedSize, size, localOffset, centralOffset, centralLength: p - centralOffset, flags });
      if (name.endsWith('/')) continue; // directory
      if (name.startsWith('/')) name = name.slice(1);
      // encrypted entries are refused only if read: an unrelated encrypted part is no reason to give up
      this.entries.set(name, { name, method: flags & 1 ? -1 : method, compressedSize, size, localOffset, centralOffset, centralLength: p - centralOffset, flags });
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Every record of the archive in order, as raw bytes the patch writer copies unchanged:
   * `local` is the local header, the compressed data and any data descriptor; `central` the
   * central directory record. `name` is the entry name as read (leading '/' kept).
   */
  rawEntries(): { name: string; local: Uint8Array; central: Uint8Array }[] {
    const b = this.buf;
    return this.order.map((e) => {
      if (e.localOffset + 30 > b.length || u32(this.view, e.localOffset) !== SIG_LOCAL) throw new LeanReadError(`bad local header ${e.name}`);
      let end = e.localOffset + 30 + u16(this.view, e.localOffset + 26) + u16(this.view, e.localOffset + 28) + e.compressedSize;
      if (e.flags & 8) end += end + 4 <= b.length && u32(this.view, end) === SIG_DESCRIPTOR ? 16 : 12;
      if (end > b.length) throw new LeanReadError(`truncated entry ${e.name}`);
      return { name: e.name, local: b.subarray(e.localOffset, end), central: b.subarray(e.centralOffset, e.centralOffset + e.centralLength) };
    });
  }

  /** The inflated bytes of one part, or undefined when the zip has no such entry. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const b = this.buf;
    if (e.method === -1) throw new LeanReadError(`encrypted entry ${name}`);
    if (e.localOffset + 30 > b.length || u32(this.view, e.localOffset) !== SIG_LOCAL) throw new LeanReadError(`bad local header ${name}`);
    const start = e.localOffset + 30 + u16(this.view, e.localOffset + 26) + u16(this.view, e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new LeanReadError(`truncated entry ${name}`);
    if (e.size > MAX_PART_BYTES) throw new LeanReadError(`part too large: ${name} declares ${e.size} bytes (limit ${MAX_PART_BYTES})`);
    if (e.size > RATIO_FLOOR_BYTES && e.size > e.compressedSize * MAX_RATIO) {
      throw new LeanReadError(`part too large: ${name} compression ratio ${Math.round(e.size / Math.max(1, e.compressedSize))}:1`);
    }
    if (this.inflated + e.size > MAX_TOTAL_BYTES) throw new LeanReadError(`parts too large together: budget of ${MAX_TOTAL_BYTES} bytes`);
    this.inflated += e.size;
    const data = b.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        // one spare byte: a stream longer than its declared size fills it and is refused below
        out = inflateSync(data, { out: new Uint8Array(e.size + 1) });
      } catch (err) {
        throw new LeanReadError(`cannot inflate ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else throw new LeanReadError(`compression method ${e.method} in ${name}`);
    if (out.length !== e.size) throw new LeanReadError(`size mismatch in ${name}`);
    return out;
  }

  /** A part decoded as UTF-8 text (as exceljs/jszip do), or undefined when absent. */
  text(name: string): string | undefined {
    const bytes = this.read(name);
    if (!bytes) return undefined;
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new LeanReadError(`UTF-16 part ${name}`);
    }
    return UTF8.decode(bytes);
  }
}

const UTF8 = new TextDecoder('utf-8');

function u32(v: DataView, at: number): number {
  return v.getUint32(at, true);
}

function u16(v: DataView, at: number): number {
  return v.getUint16(at, true);
}

/** Entry names: UTF-8 when flagged, else bytes as Latin-1 (as Node's 'latin1' did). */
function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return UTF8.decode(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

// ---------------------------------------------------------------- writing

let CRC_TABLE: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  return crc32Update(0, data);
}

/** The CRC-32 of the data so far (`crc`, 0 at the start) followed by `data`. */
export function crc32Update(crc: number, data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const table = CRC_TABLE;
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate of the chunks by CompressionStream('deflate-raw'), written as they come. */
async function deflateNative(chunks: Iterable<Uint8Array>): Promise<Uint8Array[]> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    const reader = stream.readable.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      out.push(value);
    }
  })();
  try {
    for (const c of chunks) await writer.write(c as Uint8Array<ArrayBuffer>);
    await writer.close();
  } catch (e) {
    await writer.abort(e).catch(() => undefined);
    await reading.catch(() => undefined);
    throw e;
  }
  await reading;
  return out;
}

function deflateFflate(chunks: Iterable<Uint8Array>): Uint8Array[] {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  for (const c of chunks) deflate.push(c);
  deflate.push(new Uint8Array(0), true);
  return out;
}

/** A ZIP written record by record: raw copies of an original's records, or new deflated entries. */
export class ZipWriter {
  private readonly locals: Uint8Array[] = [];
  private readonly centrals: Uint8Array[] = [];
  private offset = 0;

  /** Copy an original record unchanged (only the local header offset in its central record moves). */
  copy(raw: { local: Uint8Array; central: Uint8Array }): void {
    this.push({ local: raw.local, central: raw.central.slice() });
  }

  /**
   * A new entry deflated from its data, given in chunks (never held whole); `nameBytes` the raw
   * name, `time`/`date` DOS stamps. Deflated by the platform's CompressionStream (native zlib in
   * Node and browsers), else by fflate.
   */
  async add(nameBytes: Uint8Array, chunks: Iterable<Uint8Array>, time: number, date: number, utf8Name: boolean): Promise<void> {
    let crc = 0;
    let size = 0;
    const counted = function* (): Generator<Uint8Array> {
      for (const c of chunks) {
        crc = crc32Update(crc, c);
        size += c.length;
        if (size > 0xfffffffe) throw new LeanReadError('part too large to write (zip64)');
        yield c;
      }
    };
    const deflated = typeof CompressionStream === 'function' ? await deflateNative(counted()) : deflateFflate(counted());
    const compressed = deflated.reduce((n, c) => n + c.length, 0);
    this.push(this.header(nameBytes, crc, compressed, size, time, date, utf8Name), deflated, compressed);
  }

  private header(nameBytes: Uint8Array, crc: number, compressed: number, size: number, time: number, date: number, utf8Name: boolean): { local: Uint8Array; central: Uint8Array } {
    const flags = utf8Name ? 0x800 : 0;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    central.set(nameBytes, 46);
    return { local, central };
  }

  /** One record: its local header, its data (in pieces) and its central record. */
  private push(record: { local: Uint8Array; central: Uint8Array }, data: Uint8Array[] = [], dataLength = 0): void {
    const length = record.local.length + dataLength;
    if (this.offset + length > 0xfffffffe) throw new LeanReadError('zip too large to write (zip64)');
    new DataView(record.central.buffer, record.central.byteOffset).setUint32(42, this.offset, true);
    this.locals.push(record.local);
    for (const d of data) this.locals.push(d);
    this.centrals.push(record.central);
    this.offset += length;
  }

  /** The whole archive. */
  finish(comment: Uint8Array = new Uint8Array(0)): Uint8Array {
    const cdSize = this.centrals.reduce((n, c) => n + c.length, 0);
    if (this.centrals.length > 0xfffe) throw new LeanReadError('too many entries to write (zip64)');
    const out = new Uint8Array(this.offset + cdSize + EOCD_SIZE + comment.length);
    let p = 0;
    for (const l of this.locals) {
      out.set(l, p);
      p += l.length;
    }
    for (const c of this.centrals) {
      out.set(c, p);
      p += c.length;
    }
    const v = new DataView(out.buffer);
    v.setUint32(p, SIG_EOCD, true);
    v.setUint16(p + 8, this.centrals.length, true);
    v.setUint16(p + 10, this.centrals.length, true);
    v.setUint32(p + 12, cdSize, true);
    v.setUint32(p + 16, this.offset, true);
    v.setUint16(p + 20, comment.length, true);
    out.set(comment, p + EOCD_SIZE);
    return out;
  }
}

/** The raw name bytes and DOS time/date of a central directory record. */
export function centralInfo(central: Uint8Array): { nameBytes: Uint8Array; time: number; date: number; utf8: boolean } {
  const v = new DataView(central.buffer, central.byteOffset, central.byteLength);
  const nameLen = v.getUint16(28, true);
  return { nameBytes: central.subarray(46, 46 + nameLen), time: v.getUint16(12, true), date: v.getUint16(14, true), utf8: (v.getUint16(8, true) & 0x800) !== 0 };
}
