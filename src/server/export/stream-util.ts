import type { Writable } from 'node:stream';

/** Writes a chunk and, when the reader is behind, waits for it; rejects if the reader went away. */
export function writeChunk(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('download closed'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new Error('download closed'));
    };
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onClose);
  });
}
