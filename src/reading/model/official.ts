/**
 * How the 纲要's own headings read on the page, built on the labels of src/reading/gangyao-text.ts
 * so that pages, print layout, citations and the completeness check agree.
 */
import { articleLabel, articleText, columnLabel, partLabel } from '#reading/gangyao-text.ts';
import type { Article, Gangyao } from '#reading/types.ts';

/** True when the source runs the heading into the body: （三）增强质量发展创新动能。建立… */
export function isRunIn(article: Article): boolean {
  const [first] = articleText(article);
  return first !== undefined && first.length > `${articleLabel(article)}${article.title}`.length;
}

/** The heading as printed, e.g. （十三）强化工程质量保障。 */
export function articleHeading(article: Article): string {
  return `${articleLabel(article)}${article.title}${isRunIn(article) ? '。' : ''}`;
}

/** How a reader names an article when quoting it: 《质量强国建设纲要》第十三条 */
export const citationName = (gangyao: Gangyao, article: Article): string => `《${gangyao.title}》第${article.ordinal}条`;

/**
 * 引用本条 as text to select, for readers without JavaScript: the name, the article as printed and
 * its address (under PUBLIC_URL when the site was built with one; the script puts the address the
 * reader actually uses).
 */
export function articleCitation(gangyao: Gangyao, article: Article, publicUrl = process.env['PUBLIC_URL'] ?? ''): string {
  const address = `${publicUrl.replace(/\/+$/, '')}/gangyao/#${article.id}`;
  return [citationName(gangyao, article), ...articleText(article), address].join('\n');
}

/** A short label for any part, article or 专栏 id, used in links back to the 纲要. */
export function targetLabel(gangyao: Gangyao, id: string): string {
  const article = gangyao.articles.find((a) => a.id === id);
  if (article) return `${articleLabel(article)}${article.title}`;
  const column = gangyao.columns.find((c) => c.id === id);
  if (column) return columnLabel(column);
  const part = gangyao.parts.find((p) => p.id === id);
  if (part) return partLabel(part);
  return gangyao.title;
}

export { articleLabel, columnLabel, partLabel };
