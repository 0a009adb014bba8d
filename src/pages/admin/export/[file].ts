import type { APIRoute } from 'astro';
import { audit } from '#server/admin/audit.ts';
import { requireAdmin } from '#server/admin/require-admin.ts';
import { exportKind } from '#server/export/exports.ts';
import { exportResponse } from '#server/export/download.ts';
import { picksFromQuery } from '#server/export/situation-data.ts';

export const prerender = false;

/** /admin/export/汇总表.xlsx, 汇总表.csv, 全部材料.zip, 优秀学习感想汇编.docx, 情况汇总.docx (?picked=1&pick=…&order_…) */
export const GET: APIRoute = (context) => {
  const session = requireAdmin(context.locals);
  const kind = exportKind(context.params['file'] ?? '');
  if (!kind) {
    return new Response('没有这种导出文件。请从“导出”页面点击下载。', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const { db } = context.locals;
  audit(db, { username: session.username, action: 'export', detail: kind.name, ip: context.locals.address });
  const picks = picksFromQuery(context.url.searchParams);
  return exportResponse(kind, { ...context.locals, ...(picks ? { picks } : {}) });
};
