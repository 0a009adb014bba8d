import { PassThrough, Readable } from 'node:stream';
import { contentDisposition } from '#server/files/serve.ts';
import { datedName, type ExportContext, type ExportKind } from './exports.ts';

/**
 * Answers with the export as it is being written: the browser starts receiving at once and the
 * server never holds the whole file. A failure midway aborts the download (the browser shows it
 * as failed) and is logged, rather than handing over a truncated file that looks complete.
 */
export function exportResponse(kind: ExportKind, ctx: ExportContext): Response {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  kind.write(ctx, out).catch((error: unknown) => {
    if (!out.destroyed) console.error(`[导出] ${kind.name} 生成失败：`, error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': kind.mime,
      'content-disposition': contentDisposition('attachment', datedName(kind.name, ctx.now), datedName(kind.asciiName, ctx.now)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
