/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG. Old engines (Chromium < 81, X5) draw the
 * pixels as stored, so a phone photo taken upright would come out on its side after downscaling
 * unless the form rotates it itself. Pure: works on the first bytes of the file.
 */

/** How many leading bytes hold the EXIF block in practice (APP1 is limited to 64 KiB). */
export const EXIF_SCAN_BYTES = 128 * 1024;

const TAG_ORIENTATION = 0x0112;

/** 1 (as stored) … 8; 1 when the file is not a JPEG or carries no valid tag. */
export function readExifOrientation(buffer: ArrayBuffer): number {
  const view = new DataView(buffer);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return 1;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    if ((marker & 0xff00) !== 0xff00) return 1;
    // Start of scan or end of image: no metadata after this point.
    if (marker === 0xffda || marker === 0xffd9) return 1;
    const length = view.getUint16(offset + 2);
    if (marker === 0xffe1 && isExifHeader(view, offset + 4)) {
      return orientationInTiff(view, offset + 10, Math.min(view.byteLength, offset + 2 + length));
    }
    offset += 2 + length;
  }
  return 1;
}

function isExifHeader(view: DataView, at: number): boolean {
  // "Exif\0\0"
  return at + 6 <= view.byteLength && view.getUint32(at) === 0x45786966 && view.getUint16(at + 4) === 0;
}

function orientationInTiff(view: DataView, tiff: number, end: number): number {
  if (tiff + 8 > end) return 1;
  const byteOrder = view.getUint16(tiff);
  if (byteOrder !== 0x4949 && byteOrder !== 0x4d4d) return 1;
  const little = byteOrder === 0x4949;
  if (view.getUint16(tiff + 2, little) !== 42) return 1;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === TAG_ORIENTATION) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
