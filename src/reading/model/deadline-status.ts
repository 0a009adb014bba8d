/**
 * Where today stands against the notice's deadline day (2023年2月27日下班前). The notice does not say
 * when 下班 is, so the page only calls the deadline past once that Beijing day is over, and says
 * 今天 on the day itself. Pure: used at build time and again in the browser with the device clock.
 */
import { beijingParts } from '#shared/campaign/deadline.ts';

export type DeadlineState = { state: 'ahead'; days: number } | { state: 'today' } | { state: 'past' };

const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

export function deadlineState(now: Date, deadlineDate: string): DeadlineState {
  const [year = 0, month = 0, day = 0] = deadlineDate.split('-').map(Number);
  const today = beijingParts(now);
  const days = dayNumber(year, month, day) - dayNumber(today.year, today.month, today.day);
  if (days > 0) return { state: 'ahead', days };
  if (days === 0) return { state: 'today' };
  return { state: 'past' };
}

/** 2023-02-27 → 2023年2月27日 */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function deadlineSentence(status: DeadlineState): string {
  if (status.state === 'ahead') return `距报送截止还有 ${status.days} 天`;
  if (status.state === 'today') return '今天下班前截止报送';
  return '通知规定的报送时间已过';
}
