/**
 * The one schema of a submission: its fields as the server holds them once the multipart body is
 * read (the enhanced form checks the very same object before sending), every rule that must hold
 * for anything to be stored, and the Chinese message a liaison sees when one does not. Missing
 * materials — no 情况汇报 yet, too few photos, an essay not started — are not errors here:
 * completeness.ts lists them and the unit adds them later by revising.
 * Text is cleaned by one rule (clean-text.ts: no control characters or noncharacters, line breaks
 * only where a field has several lines, invisible-only text is empty) and stays plain text; whoever
 * shows it escapes it.
 * zod/mini rather than zod: the island ships this schema to phones on weak links; measured on the
 * form's island, zod/mini adds about 6.5 KB gzipped and full zod about 24 KB, because the full
 * library's method chains cannot be tree-shaken.
 * Pure and browser-safe.
 */
import * as z from 'zod/mini';
import { ACTIVITY_MAX, activityRowIssues, rowStarted, type ActivityWindow } from './activities.ts';
import type { SubmissionShape } from './shape.ts';
import { TEXT_LIMITS } from '#shared/limits.ts';
import { essayHasContent, reportPresent } from './completeness.ts';
import { cleanMultiline, cleanSingleLine } from './clean-text.ts';

export const tooLong = (label: string, max: number): string => `${label}不能超过 ${max} 个字，请删减后再提交。`;

/** A phone or landline: digits with the separators people type (+86, 0373-, 转 12). */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '');
  return /^[0-9+\-－—()（）\s转]+$/.test(value) && digits.length >= 7 && digits.length <= 20;
}

const singleLine = z.overwrite(cleanSingleLine);
const multiline = z.overwrite(cleanMultiline);

/** Cleaned one-line text of at most max characters; '' when the field was not sent. */
const optionalText = (label: string, max: number) => z._default(z.string().check(singleLine, z.maxLength(max, tooLong(label, max))), '');

/** Cleaned text that keeps its line breaks, of at most max characters. */
const optionalLongText = (label: string, max: number) => z._default(z.string().check(multiline, z.maxLength(max, tooLong(label, max))), '');

/** Cleaned one-line text that must be there (invisible characters alone do not count), of at most max characters. */
const requiredText = (whenEmpty: string, label: string, max: number) =>
  z._default(z.string().check(singleLine, z.minLength(1, whenEmpty), z.maxLength(max, tooLong(label, max))), '');

/** A file field (report_file, essay_1_file …) carries a new file or the token of one already received. */
const fileFlag = z._default(z.boolean(), false);

const photoSchema = z.object({
  /**
   * One line saying what the photo shows, e.g. 2月15日局党组集中学习《纲要》. Required for every photo
   * sent (checked with the photo's number, below); at most 100 characters.
   */
  caption: optionalText('照片说明', TEXT_LIMITS.photo_caption),
});

/** One 学习感想, in the order the unit entered them: entry i is 第 i+1 篇. */
const essaySchema = z.object({
  /** Title. Required once the essay is started (anything typed or attached); at most 100 characters. */
  title: optionalText('标题', TEXT_LIMITS.essay_title),
  /** Author's name. Required once started; at most 30 characters. */
  author: optionalText('作者', TEXT_LIMITS.essay_author),
  /** Author's position (职务), e.g. 科长. Required once started; at most 50 characters. */
  position: optionalText('职务', TEXT_LIMITS.essay_position),
  /** Pasted text. Once started, this or the .docx is required; at most 20 000 characters. */
  body: optionalLongText('感想正文', TEXT_LIMITS.essay_body),
  /** Whether its .docx (essay_N_file) came along. Default false. */
  hasFile: fileFlag,
});

/** Issues at `${n}.title` etc. are read back as essay_N_title; an issue at `${n}` as essay_N. */
const startedEssaysComplete = z.superRefine((essays: z.output<typeof essaySchema>[], ctx) => {
  essays.forEach((essay, index) => {
    if (!essayHasContent(essay)) return;
    const n = index + 1;
    const need = (part: 'title' | 'author' | 'position', message: string) => {
      if (essay[part] === '') ctx.addIssue({ code: 'custom', path: [index, part], message, input: essay[part] });
    };
    need('title', `请填写第 ${n} 篇学习感想的标题。`);
    need('author', `请填写第 ${n} 篇学习感想的作者姓名。`);
    need('position', `请填写第 ${n} 篇学习感想作者的职务。`);
    if (essay.body === '' && !essay.hasFile) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `第 ${n} 篇学习感想还没有正文：请粘贴正文，或上传 Word 文档。`,
        input: essay,
      });
    }
  });
});

const captionsGiven = z.superRefine((photos: z.output<typeof photoSchema>[], ctx) => {
  photos.forEach((photo, index) => {
    if (photo.caption !== '') return;
    const message = `请为第 ${index + 1} 张照片写一句说明，如：2月15日局党组集中学习《纲要》。`;
    ctx.addIssue({ code: 'custom', path: [index, 'caption'], message, input: photo.caption });
  });
});

/** Every part of a 台账 row is one line of typed text, cleaned by the same rule as the other fields. */
const rowText = z._default(z.string().check(singleLine), '');

const activityRowSchema = z.object({
  date: rowText,
  form: rowText,
  form_other: rowText,
  leader: rowText,
  participants: rowText,
  enterprise: rowText,
  practice: rowText,
});

/** Issues at `${i}.date` etc. are read back as activity_{i+1}_date; rows left blank are skipped. */
const activityRows = (window: ActivityWindow) =>
  z.superRefine((rows: z.output<typeof activityRowSchema>[], ctx) => {
    rows.forEach((row, index) => {
      if (!rowStarted(row)) return;
      for (const issue of activityRowIssues(row, index + 1, window)) {
        ctx.addIssue({ code: 'custom', path: [index, issue.part], message: issue.message, input: row });
      }
    });
    if (rows.filter(rowStarted).length > ACTIVITY_MAX) {
      ctx.addIssue({ code: 'custom', path: [], message: `学习活动最多填写 ${ACTIVITY_MAX} 项，请合并相近的活动。`, input: rows });
    }
  });

/**
 * The submission schema for a campaign's shape. Keys are those of FIELD (fields.ts), so
 * an issue's path names its form field; photos and essays are lists in the order the unit gave them.
 */
export function submissionSchema(shape: SubmissionShape) {
  return z
    .object({
      /** The unit's id as the form posts it (digits). Required: 请选择报送单位. */
      unitId: z._default(z.string().check(singleLine, z.regex(/^\d+$/, '请选择报送单位。')), ''),
      /** The unit's 报送码 as typed; whether it is right is checked against the stored hash, not here. Required. */
      code: z._default(z.string().check(singleLine, z.minLength(1, '请填写报送码（见市水利局下发的报送码）。')), ''),
      /** Liaison's name. Required; at most 20 characters. */
      contactPerson: requiredText('请填写联系人姓名。', '联系人', TEXT_LIMITS.contact_person),
      /** Liaison's phone: a mobile or a landline with area code (isPhoneNumber). Required; at most 30 characters. */
      contactPhone: z._default(
        z.string().check(
          singleLine,
          z.minLength(1, '请填写联系电话。'),
          z.maxLength(TEXT_LIMITS.contact_phone, tooLong('联系电话', TEXT_LIMITS.contact_phone)),
          z.refine(
            (phone) => phone === '' || phone.length > TEXT_LIMITS.contact_phone || isPhoneNumber(phone),
            '联系电话格式不对，请填写手机号或带区号的座机号，如 13812345678 或 0373-2079642。',
          ),
        ),
        '',
      ),
      /**
       * The activity 台账, one entry per row of the form (activities.ts): a row left wholly blank is
       * not sent; every other row needs a real date within the campaign's window, a form, who led
       * it, a whole number of participants and one line of 做法. 1–20 rows with a 情况汇报.
       */
      activities: z._default(z.array(activityRowSchema).check(activityRows(shape.activityWindow)), []),
      /** The 情况汇报 pasted as text. Optional (it may come as a file, or later); at most 20 000 characters. */
      reportBody: optionalLongText('情况汇报', TEXT_LIMITS.report_body),
      /** Whether the original report (.docx/.pdf, report_file) came along. Default false. */
      hasReportFile: fileFlag,
      /** Short 工作信息/简报 as text. Optional; at most 10 000 characters. */
      infoText: optionalLongText('工作信息', TEXT_LIMITS.info_text),
      /** Whether the 工作信息 came as a file (info_file). Default false. */
      hasInfoFile: fileFlag,
      /** The photos in order, each with its caption. At most photoMax; too few is missing material, not an error. */
      photos: z._default(
        z.array(photoSchema).check(z.maxLength(shape.photoMax, `照片最多 ${shape.photoMax} 张，请删去多余的照片。`), captionsGiven),
        [],
      ),
      /** One entry per essay the campaign asks for (essayCount); an entry left wholly empty is not sent yet. */
      essays: z._default(z.array(essaySchema).check(startedEssaysComplete), []),
    })
    .check(
      z.superRefine((submission, ctx) => {
        // The 台账 summarises the 情况汇报 and is needed with it; a unit sending its essays before
        // the study meeting has even taken place has nothing to list yet.
        if (reportPresent(submission) && !submission.activities.some(rowStarted)) {
          const message = '请至少填写一项学习活动（日期、形式、主持人、参加人数、做法）。';
          ctx.addIssue({ code: 'custom', path: ['activities'], message, input: [] });
        }
      }),
    );
}

/** A submission as it arrives: every field may be missing and takes its default. */
export type SubmissionInput = z.input<ReturnType<typeof submissionSchema>>;
/** A submission that passed: trimmed text, defaults filled in; what the server stores. */
export type Submission = z.output<ReturnType<typeof submissionSchema>>;
export type SubmittedEssay = Submission['essays'][number];
