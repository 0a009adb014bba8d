/**
 * The deadline as every page and message states it, worded in one place: the home page, the form
 * and its receipt, the console and the reminders all take the running campaign's deadline and late
 * policy (so CAMPAIGN_DEADLINE and LATE_POLICY show everywhere without a rebuild).
 */
import { formatBeijing, formatRemaining, isLate, remaining } from './deadline.ts';

export type LatePolicy = 'refuse' | 'accept';

/** 2023年2月27日 18:00（下班前）, or …（下班前，北京时间） where the reader may be elsewhere. */
export function deadlinePhrase(at: Date, label: string, options: { zone?: boolean } = {}): string {
  const notes = [label, options.zone ? '北京时间' : ''].filter(Boolean).join('，');
  return notes ? `${formatBeijing(at)}（${notes}）` : formatBeijing(at);
}

export interface DeadlineStanding {
  state: 'open' | 'late-accepted' | 'closed';
  /** One line: 距报送截止还有 2 天 3 小时 / 报送截止时间已过，仍可补报 / 报送已截止. */
  headline: string;
  /** What the state means for a unit that has not sent everything yet. */
  consequence: string;
}

/** Where the campaign stands at `now`: before the deadline, past it but still accepting, or closed. */
export function deadlineStanding(now: Date, at: Date, policy: LatePolicy): DeadlineStanding {
  if (!isLate(now, at)) {
    return {
      state: 'open',
      headline: `距报送截止${formatRemaining(remaining(now, at))}`,
      consequence: '截止前可用同一报送码修改报送，补齐材料；每次提交的版本都会保留。',
    };
  }
  if (policy === 'accept') {
    return {
      state: 'late-accepted',
      headline: '报送截止时间已过，仍可补报',
      consequence: '现在仍可报送或修改，但会被标注为“逾期报送”。',
    };
  }
  return { state: 'closed', headline: '报送已截止', consequence: '系统不再接收新的报送或修改。' };
}
