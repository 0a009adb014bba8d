/**
 * The geometry of on-device downscaling: how big the uploaded photo is and how to draw the
 * decoded pixels so the result stands upright. Pure, shared by the form and its tests.
 */

import { LIMITS } from '#shared/limits.ts';

/** Photos leave the phone at most as long on their long edge as the server stores them. */
export const MAX_LONG_EDGE: number = LIMITS.photoEdge;

export interface Size {
  width: number;
  height: number;
}

/** Fits a size inside maxEdge on its long edge, keeping the aspect ratio; never enlarges. */
export function scaledSize(size: Size, maxEdge: number = MAX_LONG_EDGE): Size {
  const longEdge = Math.max(size.width, size.height);
  if (longEdge <= maxEdge) return { width: size.width, height: size.height };
  const factor = maxEdge / longEdge;
  return {
    width: Math.max(1, Math.round(size.width * factor)),
    height: Math.max(1, Math.round(size.height * factor)),
  };
}

/** Orientations 5–8 turn the picture a quarter: width and height trade places. */
export function swapsAxes(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/** The upright size of a picture stored as `stored` with the given EXIF orientation. */
export function orientedSize(stored: Size, orientation: number): Size {
  return swapsAxes(orientation) ? { width: stored.height, height: stored.width } : stored;
}

/**
 * The canvas transform (a, b, c, d, e, f) that draws a stored picture of size `drawn` upright.
 * The canvas must be orientedSize(drawn, orientation) big; draw the picture at (0, 0, drawn).
 */
export function orientationTransform(orientation: number, drawn: Size): [number, number, number, number, number, number] {
  const { width: w, height: h } = drawn;
  switch (orientation) {
    case 2:
      return [-1, 0, 0, 1, w, 0];
    case 3:
      return [-1, 0, 0, -1, w, h];
    case 4:
      return [1, 0, 0, -1, 0, h];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, h, 0];
    case 7:
      return [0, -1, -1, 0, h, w];
    case 8:
      return [0, -1, 1, 0, 0, w];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}

/**
 * What to do with a decoded photo: send the original when it is already small enough (it keeps
 * its EXIF and the server orients it), else draw it at `target` (upright size) on a canvas.
 */
export function downscalePlan(decoded: Size, maxEdge: number = MAX_LONG_EDGE): { resize: false } | { resize: true; target: Size } {
  if (Math.max(decoded.width, decoded.height) <= maxEdge) return { resize: false };
  return { resize: true, target: scaledSize(decoded, maxEdge) };
}
