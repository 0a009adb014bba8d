import type { Article, Column, Gangyao, Part } from './types.ts';

/** Article headings are printed with full-width brackets, whatever the PDF had: （十三）. */
export const articleLabel = (article: Pick<Article, 'ordinal'>) => `（${article.ordinal}）`;
export const partLabel = (part: Pick<Part, 'ordinal' | 'title'>) => `${part.ordinal}、${part.title}`;
export const columnLabel = (column: Pick<Column, 'number' | 'title'>) => `专栏${column.number} ${column.title}`;

/** An article as one run of official text: （三）增强质量发展创新动能。建立…; heading-only articles keep their heading apart. */
export function articleText(article: Article): string[] {
  const [first, ...rest] = article.paragraphs.map((p) => p.text);
  const runIn = article.number > 2;
  if (runIn) return [`${articleLabel(article)}${article.title}。${first ?? ''}`, ...rest];
  return [`${articleLabel(article)}${article.title}`, ...(first === undefined ? [] : [first]), ...rest];
}

export function columnText(column: Column): string[] {
  return [columnLabel(column), ...column.items.map((item) => `——${item.text}`)];
}

/** The whole 纲要 as the reader sees it, block by block and in source order. */
export function gangyaoBlocks(gangyao: Gangyao): string[] {
  const blocks = [gangyao.title, ...gangyao.preamble.map((p) => p.text)];
  for (const part of gangyao.parts) {
    blocks.push(partLabel(part), ...part.paragraphs.map((p) => p.text));
    for (const articleId of part.articleIds) {
      const article = gangyao.articles.find((a) => a.id === articleId);
      if (!article) continue;
      blocks.push(...articleText(article));
      for (const column of gangyao.columns.filter((c) => c.afterArticleId === article.id)) blocks.push(...columnText(column));
    }
  }
  return blocks;
}
