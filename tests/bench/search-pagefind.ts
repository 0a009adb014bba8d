/**
 * Pagefind over the same sections our search indexes: one generated HTML page per search
 * document (so every part, article and 专栏 of the 纲要 has its own page), indexed by the real
 * Pagefind binary through its Node API.
 */
import * as pagefind from 'pagefind';
import type { SearchDoc } from '#shared/search/types.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The URL of a generated page; results map back to document ids through it. */
export const pageUrl = (id: string) => `/doc/${id}/`;
export const idFromUrl = (url: string) => url.replace(/^.*\/doc\//, '').replace(/\/(index\.html)?$/, '');

export function pageHtml(doc: SearchDoc): string {
  const paragraphs = doc.text
    .split('\n')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>
<body><main data-pagefind-body><h1>${escape(doc.title)}</h1>\n${paragraphs}</main></body></html>`;
}

/** Writes the Pagefind bundle for these documents into outputPath (it becomes /pagefind/). */
export async function buildPagefind(docs: readonly SearchDoc[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法建立索引：${errors.join('；')}`);
  for (const doc of docs) {
    const added = await index.addHTMLFile({ url: pageUrl(doc.id), content: pageHtml(doc) });
    if (added.errors.length > 0) throw new Error(`Pagefind 无法索引 ${doc.id}：${added.errors.join('；')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind 写文件失败：${written.errors.join('；')}`);
  await pagefind.close();
}
