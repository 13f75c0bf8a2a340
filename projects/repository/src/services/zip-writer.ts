import { createWriteStream, type WriteStream } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP (PKWARE APPNOTE 6.3) writer: deflated files and empty folder entries, UTF-8 names
 * (general purpose flag bit 11), no ZIP64. It is enough for the download room, whose archives are
 * bounded by the upload limit, and avoids a dependency. Entries are buffered one at a time.
 */
export class ZipWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  /** Adds a file; names use '/' separators. */
  async addFile(name: string, data: Buffer, modified: Date): Promise<void> {
    const deflated = deflateRawSync(data);
    // Store incompressible data as is (method 0), as zip tools do.
    const stored = deflated.length >= data.length;
    await this.entry(name, stored ? data : deflated, stored ? 0 : 8, crc32(data), data.length, modified);
  }

  async addFolder(name: string, modified: Date): Promise<void> {
    await this.entry(name.endsWith('/') ? name : `${name}/`, Buffer.alloc(0), 0, 0, 0, modified);
  }

  private async entry(name: string, body: Buffer, method: number, crc: number, size: number, modified: Date): Promise<void> {
    if (this.offset + body.length > 0xfffffff0 || this.count >= 0xffff) throw new Error('Archive too large for ZIP without ZIP64');
    const fileName = Buffer.from(name, 'utf8');
    const { time, date } = dosDateTime(modified);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(fileName.length, 28);
    header.writeUInt32LE(name.endsWith('/') ? 0x41ed0010 : 0x81a40000, 38); // unix mode + DOS dir flag
    header.writeUInt32LE(this.offset, 42);
    this.central.push(header, fileName);

    await this.write(Buffer.concat([local, fileName, body]));
    this.count++;
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const dir = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(this.offset, 16);
    await this.write(Buffer.concat([dir, end]));
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }

  /** Abandons the archive (the caller removes the file). */
  abort(): void {
    this.out.destroy();
  }

  private write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    return new Promise((resolve, reject) => this.out.write(buf, (e) => (e ? reject(e) : resolve())));
  }
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  };
}
