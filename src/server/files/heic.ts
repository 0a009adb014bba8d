/**
 * Decodes HEIC/HEIF (iPhone photos) with heic-decode, since sharp's prebuilt libvips cannot read
 * HEVC. Each decode runs in a short-lived worker thread: the WebAssembly heap it grows (hundreds of
 * MB for a big photo) is returned when the worker exits, a hostile file that aborts the decoder
 * cannot break later decodes, the event loop stays free, and a decode that hangs is stopped.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface RawImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom, already turned upright by the file's own transforms. */
  data: Buffer;
}

export type HeicResult =
  | { ok: true; image: RawImage }
  | { ok: false; reason: 'too-many-pixels'; width: number; height: number }
  | { ok: false; reason: 'unreadable' | 'timeout' };

// Plain CommonJS evaluated inside the worker: no file of its own to find after bundling.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.modulePath);
(async () => {
  try {
    const images = await decode.all({ buffer: workerData.buffer });
    try {
      const first = images[0];
      if (first.width * first.height > workerData.maxPixels) {
        parentPort.postMessage({ ok: false, reason: 'too-many-pixels', width: first.width, height: first.height });
        return;
      }
      const { width, height, data } = await first.decode();
      parentPort.postMessage({ ok: true, width, height, data: data.buffer }, [data.buffer]);
    } finally {
      images.dispose();
    }
  } catch {
    parentPort.postMessage({ ok: false, reason: 'unreadable' });
  }
})();
`;

const modulePath = createRequire(import.meta.url).resolve('heic-decode');

interface WorkerAnswer {
  ok: boolean;
  reason?: 'too-many-pixels' | 'unreadable';
  width?: number;
  height?: number;
  data?: ArrayBuffer;
}

/** Decodes the primary image, refusing before decoding when its declared size exceeds maxPixels. */
export function decodeHeic(file: Buffer, maxPixels: number, timeoutMs = 60_000): Promise<HeicResult> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, buffer: new Uint8Array(file.buffer, file.byteOffset, file.byteLength), maxPixels },
      // libheif prints parse errors of hostile files; they are answered, not logged.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (result: HeicResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok && answer.data && answer.width && answer.height) {
        finish({ ok: true, image: { width: answer.width, height: answer.height, data: Buffer.from(answer.data) } });
      } else if (answer.reason === 'too-many-pixels') {
        finish({ ok: false, reason: 'too-many-pixels', width: answer.width ?? 0, height: answer.height ?? 0 });
      } else {
        finish({ ok: false, reason: 'unreadable' });
      }
    });
    worker.once('error', () => finish({ ok: false, reason: 'unreadable' }));
    worker.once('exit', () => finish({ ok: false, reason: 'unreadable' }));
  });
}
