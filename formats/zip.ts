// Minimal host-neutral ZIP reader for .xlsx parts: central directory → entries, stored or deflated
// (fflate inflates, so the same code runs in Node and in browsers).
// Anything else (encryption, zip64, multi-disk, other methods) is refused with LeanReadError.
import { inflateSync } from 'fflate';

/** The lean reader cannot (or will not) read this file; exceljs decides instead. */
export class LeanReadError extends Error {
  override name = 'LeanReadError';
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
/** a part larger than this is not inflated (guards against zip bombs) */
const MAX_PART_BYTES = 1 << 30;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipArchive {
  private readonly buf: Uint8Array;
  private readonly view: DataView;
  private readonly entries = new Map<string, ZipEntry>();

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
      p = nameEnd + extraLen + commentLen;
      if (name.endsWith('/')) continue; // directory
      if (name.startsWith('/')) name = name.slice(1);
      // encrypted entries are refused only if read: an unrelated encrypted part is no reason to give up
      this.entries.set(name, { name, method: flags & 1 ? -1 : method, compressedSize, size, localOffset });
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
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
    if (e.size > MAX_PART_BYTES) throw new LeanReadError(`entry too large ${name}`);
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
