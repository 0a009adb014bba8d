/** Word files a server must survive: each built here, byte by byte, the way an attacker or an accident would. */
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { wordFile } from './export-fixture.ts';
import { readZip } from './unzip.ts';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function zipOf(entries: [string, Buffer | (() => Readable)][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) {
    if (Buffer.isBuffer(data)) zip.addBuffer(data, name);
    else zip.addReadStream(data(), name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A real .docx with its document.xml replaced by `edit` of it. */
async function editedDocx(edit: (xml: string) => string): Promise<Buffer> {
  const entries = readZip(await wordFile(['学习体会正文。']));
  return zipOf(entries.map((e) => [e.name, e.name === 'word/document.xml' ? Buffer.from(edit(e.data.toString('utf8'))) : e.data]));
}

/** `bytes` zero bytes, made as they are read, so the test never holds them. */
function zeros(bytes: number): () => Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  return () =>
    Readable.from(
      (function* () {
        for (let left = bytes; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      })(),
    );
}

export const HOSTILE_DOCX = {
  /** Office's password protection: an OLE file holding an EncryptedPackage stream. */
  encrypted: () =>
    Buffer.concat([
      OLE,
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(1024),
    ]),
  /** An old Word 97–2003 .doc renamed .docx. */
  oldDoc: () => Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(1024)]),
  /** Cut off halfway, as an interrupted upload leaves it. */
  corrupt: async () => {
    const whole = await wordFile(['学习体会正文。'.repeat(50)]);
    return whole.subarray(0, Math.floor(whole.length / 2));
  },
  /** A few hundred KB that inflate to 210 MB. */
  bomb: async () =>
    zipOf([
      ...readZip(await wordFile(['正文'])).map((e): [string, Buffer] => [e.name, e.data]),
      ['word/media/image1.bin', zeros(210 * 1024 * 1024)],
    ]),
  /** An external entity that would read the server's /etc/passwd into the text. */
  externalEntity: () =>
    editedDocx((xml) =>
      xml
        .replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
        .replace('学习体会正文。', '&xxe;'),
    ),
  /** More text than an essay may have. */
  tooLong: (chars: number) => wordFile(Array.from({ length: Math.ceil(chars / 100) }, () => '质'.repeat(100))),
} as const;
