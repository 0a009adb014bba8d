import { deadlinePhrase } from '#shared/campaign/deadline-words.ts';
import type { UnitProgress } from '#server/progress/progress.ts';

/** What a 催报 message needs to know about the campaign. */
export interface ReminderContext {
  title: string;
  office: string;
  contact: { name: string; phones: readonly string[] };
  deadlineAt: Date;
  deadlineLabel: string;
  /** Absolute address of the submission form, e.g. http://10.1.2.3:4321/baosong/ */
  formUrl: string;
  now: Date;
}

function deadlineWords(ctx: ReminderContext): string {
  const when = deadlinePhrase(ctx.deadlineAt, ctx.deadlineLabel);
  return ctx.now.getTime() > ctx.deadlineAt.getTime() ? `报送截止时间 ${when} 已过` : `报送截止时间为 ${when}`;
}

function contactLine(ctx: ReminderContext): string {
  return `如有疑问请联系${ctx.office} ${ctx.contact.name}，电话 ${ctx.contact.phones.join('、')}。`;
}

/**
 * One message for the liaison group (WeChat work group or a mass SMS): who has sent nothing,
 * who sent an incomplete set and what is missing, the deadline in Beijing time and the link.
 */
export function groupReminder(units: readonly UnitProgress[], ctx: ReminderContext): string {
  const none = units.filter((u) => !u.submitted);
  const incomplete = units.filter((u) => u.submitted && u.status.missing.length > 0);
  const returned = units.filter((u) => u.review?.kind === 'returned');
  if (none.length === 0 && incomplete.length === 0 && returned.length === 0) return '所有单位均已报送且材料齐全，无需催报。';
  const lines = [`【催报提醒】${ctx.title}：${deadlineWords(ctx)}。`];
  if (none.length > 0) lines.push(`以下 ${none.length} 个单位尚未报送：${none.map((u) => u.name).join('、')}。`);
  if (incomplete.length > 0) {
    lines.push(`以下 ${incomplete.length} 个单位材料不全，请补充后重新提交：`);
    for (const unit of incomplete) lines.push(`· ${unit.name}：${unit.status.missing.join('；')}`);
  }
  if (returned.length > 0) {
    lines.push(`以下 ${returned.length} 个单位的材料已退回，请按意见修改后重新报送：`);
    for (const unit of returned) lines.push(`· ${unit.name}：${returnedWords(unit)}`);
  }
  lines.push(`请打开 ${ctx.formUrl} ，选择本单位并填写报送码后报送（手机、电脑均可）。${contactLine(ctx)}`);
  return lines.join('\n');
}

/**
 * The organiser's 意见 quoted as written, on one line so that an SMS keeps it together; its closing
 * full stop is dropped because the sentence around it supplies one.
 */
function returnedWords(unit: UnitProgress): string {
  return (unit.review?.comment ?? '').replace(/\s*\n\s*/g, ' ').replace(/[。．.；;]+$/, '');
}

/** A short text for one unit's liaison, fit for a single SMS or a private WeChat message. */
export function unitReminder(unit: UnitProgress, ctx: ReminderContext): string {
  const what = !unit.submitted
    ? '学习活动材料尚未报送，请尽快报送'
    : unit.review?.kind === 'returned'
      ? `已报送的材料已退回，请按以下意见修改后重新报送：${returnedWords(unit)}${unit.status.missing.length > 0 ? `。另缺：${unit.status.missing.join('；')}` : ''}`
      : `已报送的材料还缺：${unit.status.missing.join('；')}。请补充后重新提交`;
  return `【${ctx.office}】${unit.name}：${ctx.title}，${what}。${deadlineWords(ctx)}。报送地址：${ctx.formUrl} 。${contactLine(ctx)}`;
}
