/**
 * Decodes a photo in the browser, and knows whether that engine already turned it upright.
 * createImageBitmap with imageOrientation 'from-image' is the modern path; Chromium 78 rejects
 * that option, so the form falls back to the plain call and then to an <img>. Whether a path
 * applies the EXIF orientation is learned once by decoding a 2×1 JPEG tagged "rotate 90°".
 */

export interface DecodedImage {
  source: CanvasImageSource;
  width: number;
  height: number;
  /** True when the pixels are already upright (the engine applied the EXIF orientation). */
  upright: boolean;
  release(): void;
}

type Path = 'bitmap-oriented' | 'bitmap' | 'img';
interface Raw {
  source: CanvasImageSource;
  width: number;
  height: number;
  release(): void;
}

// A 2×1 white JPEG whose EXIF says orientation 6: an engine that honours it decodes it as 1×2.
const PROBE_JPEG =
  '/9j/4QC8RXhpZgAASUkqAAgAAAAGABIBAwABAAAABgAAABoBBQABAAAAVgAAABsBBQABAAAAXgAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAZgAAAAAAAAA4YwAA6AMAADhjAADoAwAABgAAkAcABAAAADAyMTABkQcABAAAAAECAwAAoAcABAAAADAxMDABoAMAAQAAAP//AAACoAQAAQAAAAIAAAADoAQAAQAAAAEAAAAAAAAA/9sAQwBQNzxGPDJQRkFGWlVQX3jIgnhubnj1r7mRyP///////////////////////////////////////////////////9sAQwFVWlp4aXjrgoLr/////////////////////////////////////////////////////////////////////////8AAEQgAAQACAwEiAAIRAQMRAf/EABUAAQEAAAAAAAAAAAAAAAAAAAAE/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABQBAQAAAAAAAAAAAAAAAAAAAAD/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwC0AH//2Q==';

function probeBlob(): Blob {
  const binary = atob(PROBE_JPEG);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/jpeg' });
}

function fromBitmap(bitmap: ImageBitmap): Raw {
  return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
}

function decodeWithImg(blob: Blob): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      resolve({ source: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) });
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('undecodable'));
    };
    img.src = url;
  });
}

async function decodeWith(path: Path, blob: Blob): Promise<Raw> {
  if (path === 'img') return decodeWithImg(blob);
  const options = path === 'bitmap-oriented' ? ({ imageOrientation: 'from-image' } as ImageBitmapOptions) : undefined;
  return fromBitmap(await (options ? createImageBitmap(blob, options) : createImageBitmap(blob)));
}

const pathsToTry = (): Path[] => (typeof createImageBitmap === 'function' ? ['bitmap-oriented', 'bitmap', 'img'] : ['img']);

const uprightByPath = new Map<Path, Promise<boolean>>();

function pathOrients(path: Path): Promise<boolean> {
  let known = uprightByPath.get(path);
  if (!known) {
    known = decodeWith(path, probeBlob()).then(
      (raw) => {
        raw.release();
        return raw.width === 1 && raw.height === 2;
      },
      () => false,
    );
    uprightByPath.set(path, known);
  }
  return known;
}

/** Undefined when no path can decode the file (HEIC on Android and PCs): send the original. */
export async function decodeImage(blob: Blob): Promise<DecodedImage | undefined> {
  for (const path of pathsToTry()) {
    let raw: Raw;
    try {
      raw = await decodeWith(path, blob);
    } catch {
      continue;
    }
    if (raw.width === 0 || raw.height === 0) {
      raw.release();
      continue;
    }
    return { ...raw, upright: await pathOrients(path) };
  }
  return undefined;
}
