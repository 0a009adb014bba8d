import type { APIRoute } from 'astro';
import { findStoredFile, storedFileResponse } from '#server/files/serve.ts';
import { fileStem } from '#server/submissions/file-names.ts';

export const prerender = false;

/** A stored upload (photo, thumbnail, attachment) for the signed-in organiser; never a public URL. */
export const GET: APIRoute = ({ params, locals }) => {
  const id = /^\d{1,12}$/.test(params['id'] ?? '') ? Number(params['id']) : 0;
  const file = id ? findStoredFile(locals.db, locals.dataDir, id) : null;
  if (!file) {
    return new Response('文件不存在或已被删除。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return storedFileResponse(file, fileStem(locals.db, file.id));
};
