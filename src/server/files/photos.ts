/**
 * The photo pipeline: whatever a phone sends becomes an upright, metadata-free sRGB JPEG of at
 * most 2560 px plus a 480 px thumbnail — or a Chinese message saying why not.
 *
 * - The format is decided by the content (magic bytes); only JPEG, PNG, WebP and HEIC/HEIF pass.
 * - The declared size is checked from the header before any pixel is decoded (pixel bombs).
 * - Everything is re-encoded, so nothing but pixels survives: EXIF (GPS included), XMP, comments
 *   and any payload appended to the file (polyglots, motion-photo videos).
 *
 * Memory: sharp's operation cache is off (every photo is new) and libvips uses one thread per
 * image; photos go through a queue two at a time (two cores). A 24-MP JPEG is decoded
 * shrunk-on-load, so peak memory stays near a hundred MB whatever the number of uploads.
 */
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { LIMITS } from '#shared/limits.ts';
import { FileRefused, readHead, sniff, type Sniffed } from './sniff.ts';
import { decodeHeic } from './heic.ts';
import { createQueue, type WorkQueue } from './work-queue.ts';
import { config } from '#server/config/config.ts';

sharp.cache(false);
sharp.concurrency(1);

let queue: WorkQueue | undefined;

/** Photos decoded at once: one per core of the 2-core server; PHOTO_CONCURRENCY for a bigger one. */
const photoQueue = (): WorkQueue => (queue ??= createQueue(config().PHOTO_CONCURRENCY));

export interface ProcessedPhoto {
  photo: Buffer;
  width: number;
  height: number;
  thumb: Buffer;
  source: 'jpeg' | 'png' | 'webp' | 'heif';
}

const JPEG_QUALITY = 82;
const THUMB_QUALITY = 75;

const refusedFormat: Partial<Record<Sniffed, string>> = {
  empty: '是空文件（0 字节），可能没有拍摄成功或传输中断，请重新选择这张照片。',
  svg: '是 SVG 矢量图，不能作为照片上传。请上传手机或相机拍摄的 JPG、PNG、HEIC 照片。',
  html: '不是照片，而是网页文件（HTML）。请上传手机或相机拍摄的 JPG、PNG、HEIC 照片。',
  xml: '不是照片，而是文本文件。请上传手机或相机拍摄的 JPG、PNG、HEIC 照片。',
  pdf: '是 PDF 文件，不能作为照片上传。PDF 请在“情况汇报”或“相关信息”的附件处上传；照片请上传 JPG、PNG、HEIC。',
  zip: '是 Word 文档或压缩包，不能作为照片上传。Word 文档请在附件处上传；照片请上传 JPG、PNG、HEIC。',
  ole: '是旧版 Office 文档，不能作为照片上传。请上传 JPG、PNG、HEIC 照片。',
  executable: '是程序文件，不能上传。请上传手机或相机拍摄的 JPG、PNG、HEIC 照片。',
  gif: '是 GIF 动图，暂不支持。请上传 JPG、PNG、WebP 或 HEIC 照片。',
  bmp: '是 BMP 图片，暂不支持。请用画图工具另存为 JPG 后上传。',
  tiff: '是 TIFF 图片，暂不支持。请另存为 JPG 后上传。',
  avif: '是 AVIF 图片，暂不支持。请在手机相册中导出为 JPG 后上传。',
  unknown: '不是能识别的照片格式。请上传手机或相机拍摄的 JPG、PNG、WebP 或 HEIC 照片。',
};

const label = (name: string) => `照片“${name || '未命名'}”`;

function tooManyPixels(name: string, width: number, height: number): FileRefused {
  return new FileRefused(
    `${label(name)}的尺寸是 ${width}×${height} 像素，超出了可以处理的范围。请在手机上用“编辑—调整大小”或截图缩小后再上传。`,
    413,
  );
}

function unreadable(name: string, cause: unknown): FileRefused {
  const text = cause instanceof Error ? cause.message : '';
  if (/premature end|truncated|end of file|unexpected end|incomplete/i.test(text)) {
    return new FileRefused(`${label(name)}不完整，可能上传时中断了。请重新上传这张照片。`);
  }
  return new FileRefused(`${label(name)}无法读取，文件可能已损坏。请换一张照片或重新拍摄后上传。`);
}

async function encode(input: Sharp): Promise<Omit<ProcessedPhoto, 'source'>> {
  const edge = LIMITS.photoEdge;
  const { data: photo, info } = await input
    .autoOrient()
    .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
    .toBuffer({ resolveWithObject: true });
  const thumb = await sharp(photo)
    .resize(LIMITS.thumbEdge, LIMITS.thumbEdge, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: THUMB_QUALITY, mozjpeg: false })
    .toBuffer();
  return { photo, width: info.width, height: info.height, thumb };
}

async function processHeif(path: string, name: string): Promise<ProcessedPhoto> {
  const result = await decodeHeic(await readFile(path), LIMITS.otherPixels);
  if (!result.ok) {
    if (result.reason === 'too-many-pixels') throw tooManyPixels(name, result.width, result.height);
    throw new FileRefused(
      `${label(name)}是 HEIC 格式，但无法读取，文件可能不完整或已损坏。请重新上传，或在手机上将照片格式设为“兼容性最佳”（JPG）后再拍。`,
    );
  }
  const { width, height, data } = result.image;
  try {
    return { ...(await encode(sharp(data, { raw: { width, height, channels: 4 } }))), source: 'heif' };
  } catch (error) {
    throw unreadable(name, error);
  }
}

async function processRaster(path: string, name: string, format: 'jpeg' | 'png' | 'webp'): Promise<ProcessedPhoto> {
  const maxPixels = format === 'jpeg' ? LIMITS.jpegPixels : LIMITS.otherPixels;
  let header: Metadata;
  try {
    // Reads the header only; the limit is ours, applied below with the real numbers in the message.
    header = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(name, error);
  }
  if (header.format !== format) throw unreadable(name, undefined);
  if (header.width * header.height > maxPixels) throw tooManyPixels(name, header.width, header.height);
  try {
    const encoded = await encode(sharp(path, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true }));
    return { ...encoded, source: format };
  } catch (error) {
    throw unreadable(name, error);
  }
}

/**
 * Turns an uploaded file into the stored photo and thumbnail. Throws FileRefused (never anything
 * else for bad input) with the message to show next to the photo.
 */
export async function processPhoto(path: string, originalName: string): Promise<ProcessedPhoto> {
  const kind = sniff(await readHead(path));
  if (kind === 'jpeg' || kind === 'png' || kind === 'webp') {
    return photoQueue().run(() => processRaster(path, originalName, kind));
  }
  if (kind === 'heif') return photoQueue().run(() => processHeif(path, originalName));
  throw new FileRefused(`${label(originalName)}${refusedFormat[kind] ?? refusedFormat.unknown}`, kind === 'empty' ? 422 : 415);
}
