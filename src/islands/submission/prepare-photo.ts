/**
 * Turns a photo chosen on the phone into what is uploaded: at most LIMITS.photoEdge on its long
 * edge and upright, plus a small preview. A 24-MP photo of 8 MB leaves as about 1 MB. Anything the
 * browser cannot decode (HEIC on Android and PCs) goes up as it is; the server converts it.
 */
import { EXIF_SCAN_BYTES, readExifOrientation } from '#shared/photo/exif-orientation.ts';
import { downscalePlan, orientationTransform, orientedSize, scaledSize, swapsAxes, type Size } from '#shared/photo/image-scale.ts';
import { LIMITS } from '#shared/limits.ts';
import { decodeImage, type DecodedImage } from './decode-image.ts';
import { canvasToJpeg, readArrayBuffer } from './read-blob.ts';

export interface PreparedPhoto {
  /** What is uploaded. */
  blob: Blob;
  /** The file name sent with it. */
  name: string;
  /** A small JPEG for the form's preview; absent when the browser cannot decode the photo. */
  preview?: Blob;
  /** Upright size of what is uploaded, when known. */
  width?: number;
  height?: number;
  downscaled: boolean;
}

const JPEG_QUALITY = 0.85;

/** Draws the decoded photo upright at `target` (an upright size) onto a fresh canvas. */
function drawUpright(image: DecodedImage, orientation: number, target: Size): HTMLCanvasElement {
  const effective = image.upright ? 1 : orientation;
  const drawn = swapsAxes(effective) ? { width: target.height, height: target.width } : target;
  const canvas = document.createElement('canvas');
  canvas.width = target.width;
  canvas.height = target.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  // A PNG screenshot with transparency would turn black as a JPEG.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, target.width, target.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.setTransform(...orientationTransform(effective, drawn));
  context.drawImage(image.source, 0, 0, drawn.width, drawn.height);
  return canvas;
}

const jpegName = (name: string): string => `${name.replace(/\.[^.]*$/, '') || '照片'}.jpg`;

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const original: PreparedPhoto = { blob: file, name: file.name || '照片', downscaled: false };
  let orientation = 1;
  try {
    orientation = readExifOrientation(await readArrayBuffer(file.slice(0, EXIF_SCAN_BYTES)));
  } catch {
    // Unreadable head: treat as upright; the server orients from its own EXIF reading.
  }
  const image = await decodeImage(file);
  if (!image) return original;
  try {
    const stored = { width: image.width, height: image.height };
    const upright = image.upright ? stored : orientedSize(stored, orientation);
    const previewCanvas = drawUpright(image, orientation, scaledSize(upright, LIMITS.thumbEdge));
    const preview = (await canvasToJpeg(previewCanvas, 0.8)) ?? undefined;
    const plan = downscalePlan(upright, LIMITS.photoEdge);
    const withPreview = { ...original, ...(preview ? { preview } : {}), ...upright };
    if (!plan.resize) return withPreview;
    const scaled = await canvasToJpeg(drawUpright(image, orientation, plan.target), JPEG_QUALITY);
    // Some phones run out of canvas memory and hand back nothing; an already small file stays as is.
    if (!scaled || scaled.size >= file.size) return withPreview;
    return { blob: scaled, name: jpegName(original.name), ...(preview ? { preview } : {}), ...plan.target, downscaled: true };
  } finally {
    image.release();
  }
}
