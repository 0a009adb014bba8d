import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FileRefused } from '#server/files/sniff.ts';
import { processPhoto } from '#server/files/photos.ts';
import { docx, jpeg, pdf } from '../support/api-context.ts';

const dir = mkdtempSync(join(tmpdir(), 'baosong-photos-'));
let counter = 0;
function fileWith(bytes: Buffer | string): string {
  const path = join(dir, `upload-${++counter}`);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(bytes: Buffer | string, name = 'IMG_0001.jpg'): Promise<FileRefused> {
  const error = await processPhoto(fileWith(bytes), name).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FileRefused);
  return error as FileRefused;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = 0xffffffff;
  for (const byte of body) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, checksum]);
}

/** A 100-byte PNG whose header claims 30000×30000 pixels (2.7 GB once decoded). */
function pixelBombPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30000, 0);
  header.writeUInt32BE(30000, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether EXIF data (as sharp returns it) has a GPS IFD pointer (tag 0x8825) in IFD0. */
function hasGpsPointer(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  for (let i = 0; i < u16(ifd); i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}

describe('the photo pipeline', () => {
  it('turns a phone photo with GPS and orientation 6 into an upright JPEG without any metadata', async () => {
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#2a6' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 18/1 0/1' } } })
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.orientation).toBe(6);
    expect(hasGpsPointer(before.exif!)).toBe(true);

    const result = await processPhoto(fileWith(photo), 'IMG_2041.jpg');
    const after = await sharp(result.photo).metadata();
    expect([after.width, after.height]).toEqual([400, 600]);
    expect([result.width, result.height]).toEqual([400, 600]);
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(result.photo.includes('Exif')).toBe(false);
  });

  it('shrinks a 24-megapixel photo to 2560 px on its long edge and makes a 480 px thumbnail', async () => {
    const result = await processPhoto(fileWith(await jpeg(6000, 4000)), 'big.jpg');
    expect([result.width, result.height]).toEqual([2560, 1707]);
    const thumb = await sharp(result.thumb).metadata();
    expect(Math.max(thumb.width, thumb.height)).toBe(480);
    expect(thumb.format).toBe('jpeg');
  });

  it('keeps a small photo at its own size', async () => {
    const result = await processPhoto(fileWith(await jpeg(800, 600)), 'small.jpg');
    expect([result.width, result.height]).toEqual([800, 600]);
  });

  it('puts a transparent PNG on white', async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const result = await processPhoto(fileWith(png), 'screenshot.png');
    const { data } = await sharp(result.photo).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
    expect(data[1]).toBeGreaterThan(245);
    expect(data[2]).toBeGreaterThan(245);
  });

  it('accepts WebP', async () => {
    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
      .webp()
      .toBuffer();
    const result = await processPhoto(fileWith(webp), 'wechat.webp');
    expect(result.source).toBe('webp');
    expect((await sharp(result.photo).metadata()).format).toBe('jpeg');
  });

  it('decodes a real iPhone-style HEIC (made by libheif with x265) into an upright JPEG without its GPS', async () => {
    const heic = readFileSync(new URL('../fixtures/photo-gps.heic', import.meta.url));
    const result = await processPhoto(fileWith(heic), 'IMG_0420.HEIC');
    expect(result.source).toBe('heif');
    expect([result.width, result.height]).toEqual([320, 240]);
    const after = await sharp(result.photo).metadata();
    expect(after.exif).toBeUndefined();
    // The fixture has a red block in its top-left corner: the picture was not turned or mirrored.
    const { data } = await sharp(result.photo)
      .extract({ left: 10, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(180);
    expect(data[1]).toBeLessThan(80);
  });

  it('refuses a pixel bomb from its header, before decoding, naming its size', async () => {
    const error = await refusal(pixelBombPng(), 'bomb.png');
    expect(error.status).toBe(413);
    expect(error.message).toContain('30000×30000');
  });

  it('refuses a truncated JPEG and asks for it again', async () => {
    const whole = await jpeg(1600, 1200);
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.status).toBe(422);
    expect(error.message).toContain('不完整');
  });

  it('refuses an HTML page renamed .jpg', async () => {
    const error = await refusal('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'photo.jpg');
    expect(error.status).toBe(415);
    expect(error.message).toContain('网页');
  });

  it('refuses an SVG carrying a script', async () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
    const error = await refusal(svg, 'logo.svg');
    expect(error.message).toContain('SVG');
  });

  it('refuses a PDF sent as a photo and says where PDFs go', async () => {
    expect((await refusal(pdf(), 'scan.pdf')).message).toContain('附件');
  });

  it('refuses a Word document sent as a photo', async () => {
    expect((await refusal(await docx(), 'essay.docx')).message).toContain('Word');
  });

  it('refuses a Windows program renamed .jpg', async () => {
    expect((await refusal(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.jpg')).message).toContain('程序');
  });

  it('refuses a zero-byte file', async () => {
    expect((await refusal(Buffer.alloc(0))).message).toContain('空文件');
  });

  it('stores a JPEG+HTML+zip polyglot only as re-encoded pixels, with no trace of the payload', async () => {
    const payload = Buffer.concat([
      Buffer.from('<html><script>document.cookie</script></html>'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('evil.sh#!/bin/sh rm -rf /'),
    ]);
    const polyglot = Buffer.concat([await jpeg(300, 200), payload]);
    const result = await processPhoto(fileWith(polyglot), 'polyglot.jpg');
    for (const stored of [result.photo, result.thumb]) {
      expect(stored.includes('<script')).toBe(false);
      expect(stored.includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
      expect(stored.includes('evil.sh')).toBe(false);
    }
    expect([result.width, result.height]).toEqual([300, 200]);
  });

  it('refuses a HEIC file cut off during upload', async () => {
    const heic = readFileSync(new URL('../fixtures/photo-gps.heic', import.meta.url));
    const error = await refusal(heic.subarray(0, 2000), 'IMG_0420.HEIC');
    expect(error.message).toContain('HEIC');
  });
});
