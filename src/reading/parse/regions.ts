import type { SourceLine } from './lines.ts';

export const GANGYAO_TITLE = '质量强国建设纲要';
export const PRESS_TITLE = '国务院新闻办公室发布会稿件（节选）';

/**
 * Seed 004 holds three documents one after another: the bureau's notice, the 纲要 (its attachment 1)
 * and the press-conference excerpt (attachment 2). Each starts at its title standing alone on a line.
 */
export function splitNoticeSeed(lines: SourceLine[]): { notice: SourceLine[]; gangyao: SourceLine[]; press: SourceLine[] } {
  const gangyaoAt = lines.findIndex((line) => line.text.trim() === GANGYAO_TITLE);
  const pressAt = lines.findIndex((line) => line.text.trim() === PRESS_TITLE);
  if (gangyaoAt < 0 || pressAt < gangyaoAt) {
    throw new Error(`通知文件的结构与预期不符：找不到“${GANGYAO_TITLE}”或“${PRESS_TITLE}”的标题行`);
  }
  return {
    notice: lines.slice(0, gangyaoAt),
    gangyao: lines.slice(gangyaoAt, pressAt),
    press: lines.slice(pressAt),
  };
}
