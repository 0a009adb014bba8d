/**
 * Hostile files, made here with sharp and by writing bytes: polyglots, pixel bombs, truncated and
 * mislabelled images, markup posing as a photo, metadata that must not survive. Each says what the
 * site may do with it: take it (re-encoded, nothing of the original but its pixels) or refuse it
 * with a Chinese message.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

export interface HostileFile {
  name: string;
  /** The name the file is sent under. */
  filename: string;
  type: string;
  bytes: Buffer;
  /** Whether a photo upload may take it (after re-encoding); false: it must be refused. */
  photoMayPass: boolean;
}

const SCRIPT = '<script>window.__pwned=1</script>';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A PNG whose header declares width × height but whose data is a few bytes: a decompression bomb. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG whose frame header is rewritten to declare width × height. */
function jpegDeclaring(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  for (let i = 2; i < copy.length - 9; i++) {
    if (copy[i] === 0xff && (copy[i + 1] === 0xc0 || copy[i + 1] === 0xc2)) {
      copy.writeUInt16BE(height, i + 5);
      copy.writeUInt16BE(width, i + 7);
      return copy;
    }
  }
  throw new Error('no frame header');
}

export async function hostileFiles(): Promise<HostileFile[]> {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  const withGps = await sharp(photo)
    .withExif({
      IFD0: { ImageDescription: SCRIPT, Make: 'Hostile' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 18/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 52/1 0/1' },
    })
    .jpeg()
    .toBuffer();
  const pngWithText = Buffer.concat([
    (await sharp(photo).png().toBuffer()).subarray(0, -12),
    pngChunk('tEXt', Buffer.from(`Comment\0${SCRIPT}`, 'latin1')),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>window.__pwned=1</script><rect width="10" height="10"/></svg>`;
  const html = `<!doctype html><html><body>${SCRIPT}</body></html>`;
  return [
    { name: 'plain photo', filename: 'a.jpg', type: 'image/jpeg', bytes: photo, photoMayPass: true },
    { name: 'photo with GPS and a script in EXIF', filename: 'gps.jpg', type: 'image/jpeg', bytes: withGps, photoMayPass: true },
    {
      name: 'JPEG + HTML polyglot',
      filename: 'poly.jpg',
      type: 'image/jpeg',
      bytes: Buffer.concat([photo, Buffer.from(html)]),
      photoMayPass: true,
    },
    { name: 'PNG with a script in a text chunk', filename: 'text.png', type: 'image/png', bytes: pngWithText, photoMayPass: true },
    {
      name: 'truncated JPEG',
      filename: 'cut.jpg',
      type: 'image/jpeg',
      bytes: photo.subarray(0, Math.floor(photo.length * 0.4)),
      photoMayPass: false,
    },
    { name: 'PNG pixel bomb 40000×40000', filename: 'bomb.png', type: 'image/png', bytes: pngDeclaring(40000, 40000), photoMayPass: false },
    {
      name: 'JPEG declaring 65000×65000',
      filename: 'huge.jpg',
      type: 'image/jpeg',
      bytes: jpegDeclaring(photo, 65000, 65000),
      photoMayPass: false,
    },
    { name: 'SVG with script named .jpg', filename: 'vector.jpg', type: 'image/jpeg', bytes: Buffer.from(svg), photoMayPass: false },
    { name: 'SVG with script as SVG', filename: 'vector.svg', type: 'image/svg+xml', bytes: Buffer.from(svg), photoMayPass: false },
    { name: 'HTML named .jpg', filename: 'page.jpg', type: 'image/jpeg', bytes: Buffer.from(html), photoMayPass: false },
    { name: 'empty file', filename: 'empty.jpg', type: 'image/jpeg', bytes: Buffer.alloc(0), photoMayPass: false },
    {
      name: 'random bytes',
      filename: 'noise.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      photoMayPass: false,
    },
    {
      name: 'JPEG magic then garbage',
      filename: 'magic.jpg',
      type: 'image/jpeg',
      bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]),
      photoMayPass: false,
    },
  ];
}
