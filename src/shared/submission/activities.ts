/**
 * The activity 台账: each study activity a unit held, as one row of the form (date, form, who led
 * it, how many took part, whether enterprises or other units joined, one line on what was done).
 * Field names, reading rows out of the form's values, and the rules for one row. Pure and
 * browser-safe; schema.ts applies the rules to the whole list.
 */
import { beijingParts } from '#shared/campaign/deadline.ts';
import { listValue, textValue, type FormValues } from './form-values.ts';

/** The notice's 专题会、座谈会、交流会, plus 集中学习, 谈体会谈感想交流 and 其他 (named in a text). */
export const ACTIVITY_FORMS = ['专题会', '座谈会', '交流会', '集中学习', '谈体会谈感想交流', '其他'] as const;
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];

/** At most this many rows; a unit that held more sums similar ones up. */
export const ACTIVITY_MAX = 20;
/** Blank rows the form shows without JavaScript (the island adds and removes rows instead). */
export const ACTIVITY_PLAIN_ROWS = 5;

export const ACTIVITY_LIMITS = { formOther: 30, leader: 30, practice: 200, participants: 100_000 } as const;

export type ActivityPart = 'date' | 'form' | 'form_other' | 'leader' | 'participants' | 'enterprise' | 'practice';
export const ACTIVITY_PARTS: readonly ActivityPart[] = ['date', 'form', 'form_other', 'leader', 'participants', 'enterprise', 'practice'];

/** activity_3_date …: rows are numbered from 1 in the order the unit entered them. */
export const activityField = (n: number, part: ActivityPart) => `activity_${n}_${part}`;

/** One row as the form holds it: every part is text ('1' for a ticked enterprise box). */
export type ActivityRowInput = Record<ActivityPart, string>;

/** One row as stored: a real day (YYYY-MM-DD), a known form, a whole number of participants. */
export interface ActivityRow {
  date: string;
  form: ActivityForm;
  /** What 其他 was; '' for the listed forms. */
  formOther: string;
  leader: string;
  participants: number;
  enterprise: boolean;
  practice: string;
}

/** Whether anything but the checkbox was filled in: an untouched blank row is not sent. */
export const rowStarted = (row: ActivityRowInput) =>
  (['date', 'form', 'form_other', 'leader', 'participants', 'practice'] as const).some((part) => row[part].trim() !== '');

/** The highest row number the values hold, so a gap left by a removed row does not hide later ones. */
export function activityRowCount(values: FormValues): number {
  let most = 0;
  for (const name of Object.keys(values)) {
    const match = /^activity_(\d{1,2})_/.exec(name);
    if (match) most = Math.max(most, Number(match[1]));
  }
  return Math.min(most, ACTIVITY_MAX + 5);
}

/** The number of the last row with anything typed in it (0 when none). */
export function lastStartedRow(values: FormValues): number {
  const rows = activityRowsOf(values);
  for (let i = rows.length - 1; i >= 0; i--) if (rowStarted(rows[i]!)) return i + 1;
  return 0;
}

/**
 * The enterprise box as '1' or '': a post sends one ticked box as text, while the plain form read
 * before hydration holds every checkbox as a list.
 */
export const enterpriseValue = (values: FormValues, n: number) => (listValue(values, activityField(n, 'enterprise')).length > 0 ? '1' : '');

/** Every row the values hold, blank ones included, in order. */
export function activityRowsOf(values: FormValues): ActivityRowInput[] {
  const rows: ActivityRowInput[] = [];
  for (let n = 1; n <= activityRowCount(values); n++) {
    const row = {} as ActivityRowInput;
    for (const part of ACTIVITY_PARTS)
      row[part] = part === 'enterprise' ? enterpriseValue(values, n) : textValue(values, activityField(n, part));
    rows.push(row);
  }
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A day as people type it — 2023-02-15, 2023/2/15, 2023.2.15, 2023年2月15日 — as YYYY-MM-DD;
 * undefined when it is not a day of the calendar (2月30日) or not a date at all.
 */
export function parseActivityDate(input: string): string | undefined {
  const match = /^\s*(\d{4})\s*(?:[-/.．]|年)\s*(\d{1,2})\s*(?:[-/.．]|月)\s*(\d{1,2})\s*日?\s*$/.exec(input);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 2023-02-15 → 2023年2月15日 */
export function formatActivityDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The days an activity may fall on: from the campaign's start to today, both in Beijing. */
export interface ActivityWindow {
  from: string;
  to: string;
}

/** From the campaign's first day (campaign.activitiesFrom) to today on a Beijing calendar. */
export function activityWindowFor(from: string, now: Date): ActivityWindow {
  const today = beijingParts(now);
  return { from, to: `${today.year}-${pad(today.month)}-${pad(today.day)}` };
}

export type RowIssue = { part: ActivityPart | 'row'; message: string };

const isForm = (value: string): value is ActivityForm => (ACTIVITY_FORMS as readonly string[]).indexOf(value) >= 0;

/** A row's problems, each with the part it belongs to and the row's number in the message. */
export function activityRowIssues(row: ActivityRowInput, n: number, window: ActivityWindow): RowIssue[] {
  const issues: RowIssue[] = [];
  const say = (part: RowIssue['part'], message: string) => issues.push({ part, message: `第 ${n} 项活动：${message}` });
  const date = row.date.trim();
  const day = parseActivityDate(date);
  if (date === '') say('date', '请填写日期，如 2023-02-15。');
  else if (!day) say('date', `“${date}”不是有效的日期，请写成 2023-02-15 或 2023年2月15日。`);
  else if (day < window.from || day > window.to) {
    say('date', `日期应在 ${formatActivityDate(window.from)}至 ${formatActivityDate(window.to)}之间，请核对。`);
  }
  const form = row.form.trim();
  if (form === '') say('form', '请选择活动形式。');
  else if (!isForm(form)) say('form', '活动形式只能从列出的选项中选择。');
  const other = row.form_other.trim();
  if (form === '其他' && other === '') say('form_other', '选择了“其他”，请写明是什么形式，如：知识测试。');
  if ([...other].length > ACTIVITY_LIMITS.formOther) say('form_other', `其他形式不能超过 ${ACTIVITY_LIMITS.formOther} 个字。`);
  const leader = row.leader.trim();
  if (leader === '') say('leader', '请填写主持人或召集人，如：局党组书记、局长 张明。');
  else if ([...leader].length > ACTIVITY_LIMITS.leader) say('leader', `主持人不能超过 ${ACTIVITY_LIMITS.leader} 个字。`);
  const count = row.participants.trim();
  if (count === '') say('participants', '请填写参加人数（整数），如 45。');
  else if (!/^\d{1,6}$/.test(count) || Number(count) < 1 || Number(count) > ACTIVITY_LIMITS.participants) {
    say('participants', '参加人数请填写整数，如 45（不要写“人”或“约”）。');
  }
  const practice = row.practice.trim();
  if (practice === '') say('practice', '请用一句话写明做法，如：局长领学《纲要》第三章并结合工程质量监督谈体会。');
  else if (/[\r\n]/.test(practice)) say('practice', '做法请写成一行。');
  else if ([...practice].length > ACTIVITY_LIMITS.practice) say('practice', `做法不能超过 ${ACTIVITY_LIMITS.practice} 个字，请精简。`);
  return issues;
}

/** A row that passed activityRowIssues, as stored. */
export function toActivityRow(row: ActivityRowInput): ActivityRow {
  const form = row.form.trim();
  return {
    date: parseActivityDate(row.date) ?? '',
    form: isForm(form) ? form : '其他',
    formOther: form === '其他' ? row.form_other.trim() : '',
    leader: row.leader.trim(),
    participants: Number(row.participants.trim()),
    enterprise: row.enterprise !== '',
    practice: row.practice.trim(),
  };
}

/** 专题会, or 其他（知识测试） */
export const activityFormText = (row: { form: string; formOther: string }) =>
  row.form === '其他' && row.formOther ? `其他（${row.formOther}）` : row.form;
