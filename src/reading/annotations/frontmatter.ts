import { parse, YAMLParseError } from 'yaml';
import { ContentError } from './content-error.ts';

export interface FrontmatterSplit {
  /** The YAML block as parsed, not yet validated. */
  data: unknown;
  /** Everything after the closing `---`, as Markdown. */
  body: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a content file into its `---` YAML block and Markdown body. */
export function splitFrontmatter(source: string, file: string): FrontmatterSplit {
  const opening = OPENING.exec(source);
  if (!opening) {
    throw new ContentError(file, undefined, '文件第一行必须是 ---，随后写 YAML 信息块，再以 --- 结束');
  }
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new ContentError(file, undefined, 'YAML 信息块没有以单独一行的 --- 结束');
  }
  const yamlText = rest.slice(0, closing.index);
  return { data: parseYaml(yamlText, file), body: rest.slice(closing.index + closing[0].length) };
}

function parseYaml(yamlText: string, file: string): unknown {
  try {
    return parse(yamlText);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // +1: the opening --- line sits above the YAML block in the file.
      const line = (error.linePos?.[0].line ?? 0) + 1;
      throw new ContentError(file, undefined, `文件第 ${line} 行附近的 YAML 格式有误：请检查冒号后的空格、缩进和引号是否成对`);
    }
    throw error;
  }
}
