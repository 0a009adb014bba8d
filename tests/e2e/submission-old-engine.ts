/**
 * Makes today's Chromium decode photos the way Chromium 78 (360 安全浏览器, old WeChat X5) did:
 * createImageBitmap rejects imageOrientation 'from-image' and hands back the pixels as stored,
 * ignoring the EXIF orientation. The form must then read the tag and turn the photo itself.
 */
import type { BrowserContext } from 'playwright-core';

function installOldDecoder(): void {
  const native = window.createImageBitmap.bind(window) as (...args: unknown[]) => Promise<ImageBitmap>;

  const orientationOf = async (blob: Blob): Promise<number> => {
    const view = new DataView(await blob.slice(0, 131072).arrayBuffer());
    if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return 1;
    for (let at = 2; at + 4 <= view.byteLength;) {
      const marker = view.getUint16(at);
      const length = view.getUint16(at + 2);
      if (marker === 0xffe1 && view.getUint32(at + 4) === 0x45786966) {
        const tiff = at + 10;
        const little = view.getUint16(tiff) === 0x4949;
        const ifd = tiff + view.getUint32(tiff + 4, little);
        for (let i = 0; i < view.getUint16(ifd, little); i++) {
          const entry = ifd + 2 + i * 12;
          if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
        }
        return 1;
      }
      if (marker === 0xffda) return 1;
      at += 2 + length;
    }
    return 1;
  };

  // Turning the upright picture by the inverse orientation gives back the stored pixel grid.
  const inverse: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6 };
  const transform = (o: number, w: number, h: number): [number, number, number, number, number, number] =>
    (
      ({
        2: [-1, 0, 0, 1, w, 0],
        3: [-1, 0, 0, -1, w, h],
        4: [1, 0, 0, -1, 0, h],
        5: [0, 1, 1, 0, 0, 0],
        6: [0, 1, -1, 0, h, 0],
        7: [0, -1, -1, 0, h, w],
        8: [0, -1, 1, 0, 0, w],
      }) as Record<number, [number, number, number, number, number, number]>
    )[o] ?? [1, 0, 0, 1, 0, 0];

  (window as { createImageBitmap: unknown }).createImageBitmap = async (source: unknown, ...rest: unknown[]) => {
    const options = rest.length === 1 ? (rest[0] as ImageBitmapOptions | undefined) : undefined;
    if (options && (options.imageOrientation as string) === 'from-image') {
      throw new TypeError(
        "Failed to execute 'createImageBitmap' on 'Window': The provided value 'from-image' is not a valid enum value of type ImageOrientation.",
      );
    }
    const upright = await native(source, ...rest);
    if (!(source instanceof Blob)) return upright;
    const stored = inverse[await orientationOf(source)] ?? 1;
    if (stored === 1) return upright;
    const quarter = stored >= 5;
    const canvas = document.createElement('canvas');
    canvas.width = quarter ? upright.height : upright.width;
    canvas.height = quarter ? upright.width : upright.height;
    const context = canvas.getContext('2d')!;
    context.setTransform(...transform(stored, upright.width, upright.height));
    context.drawImage(upright, 0, 0);
    upright.close();
    return native(canvas);
  };
}

export async function emulateEngineIgnoringExif(context: BrowserContext): Promise<void> {
  await context.addInitScript(installOldDecoder);
}
