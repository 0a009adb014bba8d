import type { Article, Column, DashItem, Gangyao, Paragraph, Part } from '#reading/types.ts';
import { joinBrokenLines, type SourceLine } from './lines.ts';
import { chineseToNumber } from './numerals.ts';
import { GANGYAO_TITLE } from './regions.ts';

const PART = /^([一二三四五六七八九十]+)、([^。]+)$/;
/** Articles are numbered （一）…（三十二）; eight of them came out of the PDF with half-width brackets. */
const ARTICLE = /^([（(])([一二三四五六七八九十]+)([）)])\s*(.*)$/;
const COLUMN = /^专栏\s*(\d+)\s+(.+)$/;
const DASH = '——';

const isHeading = (text: string) =>
  text === GANGYAO_TITLE || PART.test(text) || COLUMN.test(text) || /^[（(][一二三四五六七八九十]+[）)]\s*[^。]*$/.test(text);

function dashItem(paragraph: Paragraph): DashItem {
  const text = paragraph.text.slice(DASH.length);
  const end = text.indexOf('。');
  return { id: paragraph.id, lead: end < 0 ? text : text.slice(0, end), text };
}

/** Parses the 纲要 (lines from its title up to the press excerpt) into parts, articles and 专栏. */
export function parseGangyao(lines: SourceLine[]): Gangyao {
  const paragraphs = joinBrokenLines(lines, isHeading);
  const gangyao: Gangyao = { title: '', preamble: [], parts: [], articles: [], columns: [], halfWidthArticles: [] };
  let part: Part | undefined;
  let article: Article | undefined;
  let column: Column | undefined;
  const add = (owner: { id: string; paragraphs: Paragraph[] }, text: string): Paragraph => {
    const paragraph = { id: `${owner.id}-p${owner.paragraphs.length + 1}`, text };
    owner.paragraphs.push(paragraph);
    return paragraph;
  };

  for (const { text } of paragraphs) {
    const partMatch = PART.exec(text);
    const articleMatch = ARTICLE.exec(text);
    const columnMatch = COLUMN.exec(text);
    if (!gangyao.title) {
      gangyao.title = text;
    } else if (partMatch) {
      const number = chineseToNumber(partMatch[1] ?? '');
      part = {
        id: `part-${number}`,
        number,
        ordinal: partMatch[1] ?? '',
        title: partMatch[2] ?? '',
        paragraphs: [],
        articleIds: [],
        columnIds: [],
      };
      gangyao.parts.push(part);
      article = undefined;
      column = undefined;
    } else if (articleMatch && part) {
      const [, open, ordinal = '', close, rest = ''] = articleMatch;
      const number = chineseToNumber(ordinal);
      const stop = rest.indexOf('。');
      const title = stop < 0 ? rest : rest.slice(0, stop);
      article = { id: `art-${number}`, number, ordinal, title, paragraphs: [], goals: [], partId: part.id };
      if (open !== '（' || close !== '）') gangyao.halfWidthArticles.push(number);
      const body = stop < 0 ? '' : rest.slice(stop + 1);
      if (body) add(article, body);
      gangyao.articles.push(article);
      part.articleIds.push(article.id);
      column = undefined;
    } else if (columnMatch && part && article) {
      const number = Number(columnMatch[1]);
      column = { id: `col-${number}`, number, title: columnMatch[2] ?? '', items: [], partId: part.id, afterArticleId: article.id };
      gangyao.columns.push(column);
      part.columnIds.push(column.id);
    } else if (column) {
      if (!text.startsWith(DASH)) throw new Error(`专栏${column.number}中出现了不以“——”开头的段落：${text.slice(0, 20)}`);
      column.items.push(dashItem({ id: `${column.id}-i${column.items.length + 1}`, text }));
    } else if (article) {
      const last = article.paragraphs.at(-1);
      // Articles （三） to （三十二） are one paragraph each in the official text; a further
      // paragraph there is a page break of the PDF, so it is joined back.
      if (last && article.number > 2 && !text.startsWith(DASH)) {
        last.text += text;
        continue;
      }
      const paragraph = add(article, text);
      if (text.startsWith(DASH)) article.goals.push(dashItem(paragraph));
    } else if (part) {
      add(part, text);
    } else {
      gangyao.preamble.push({ id: `preamble-p${gangyao.preamble.length + 1}`, text });
    }
  }
  return gangyao;
}
