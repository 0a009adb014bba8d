import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readExifOrientation } from '#shared/photo/exif-orientation.ts';

const toArrayBuffer = (buffer: Buffer): ArrayBuffer =>
  buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;

async function jpegWithOrientation(orientation: number | undefined): Promise<ArrayBuffer> {
  let image = sharp({ create: { width: 40, height: 20, channels: 3, background: '#c33' } }).jpeg();
  if (orientation) image = image.withMetadata({ orientation });
  const buffer = await image.toBuffer();
  return toArrayBuffer(buffer);
}

describe('reading the EXIF orientation of a phone photo', () => {
  for (const orientation of [1, 3, 6, 8]) {
    it(`finds orientation ${orientation} written by a camera`, async () => {
      expect(readExifOrientation(await jpegWithOrientation(orientation))).toBe(orientation);
    });
  }

  it('treats a JPEG without EXIF as stored upright', async () => {
    expect(readExifOrientation(await jpegWithOrientation(undefined))).toBe(1);
  });

  it('reads a little-endian (Intel byte order) EXIF block as Android phones write it', () => {
    // FFD8, APP1 with "Exif\0\0", TIFF "II*\0", IFD0 with one entry: 0x0112 SHORT 1 = 6
    const bytes = [
      0xff, 0xd8, 0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00,
      0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xd9,
    ];
    expect(readExifOrientation(new Uint8Array(bytes).buffer)).toBe(6);
  });

  it('answers 1 for a PNG, an empty file and a JPEG cut short inside its EXIF block', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(readExifOrientation(toArrayBuffer(png))).toBe(1);
    expect(readExifOrientation(new ArrayBuffer(0))).toBe(1);
    const full = new Uint8Array(await jpegWithOrientation(6));
    expect(readExifOrientation(full.slice(0, 30).buffer)).toBe(1);
  });

  it('ignores an orientation value outside 1–8', () => {
    const bytes = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01,
      0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xd9,
    ]);
    expect(readExifOrientation(bytes.buffer)).toBe(1);
  });
});
