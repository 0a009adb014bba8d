/**
 * What a submission still lacks against the notice (情况汇报, enough photos, each 学习感想), in the
 * one wording the form's 仍然提交 confirmation, the receipt and the organisers' board all show.
 * Missing materials never stop a submission: a unit sends what it has before the deadline and
 * adds the rest later by revising with its 报送码. Pure and browser-safe.
 */
import { FIELD, essayField } from './fields.ts';
import { textValue, type FormValues } from './form-values.ts';
import { ERROR_KEY } from './form.ts';
import { isInvisible } from './clean-text.ts';

export interface MaterialsPresent {
  /** A 情况汇报 text or its original file. */
  report: boolean;
  photoCount: number;
  /** Positions (1-based, as the unit entered them) of the 学习感想 that were sent. */
  essayPositions: readonly number[];
}

export interface MaterialsRequired {
  photoMin: number;
  essayCount: number;
}

export interface MissingMaterial {
  /** Where the form shows it: report_body, photos or essay_N, so the form can link to it. */
  field: string;
  /** e.g. 情况汇报, 活动照片（至少 1 张，已有 0 张）, 第 2 篇学习感想 */
  text: string;
}

/** The campaign's requirements (src/shared/campaign/schema.ts) in the shape missingMaterials takes. */
export const materialsRequired = (requirements: { photos: { min: number }; essays: number }): MaterialsRequired => ({
  photoMin: requirements.photos.min,
  essayCount: requirements.essays,
});

/** Everything still missing, in the order of the form; empty when the submission is complete. */
export function missingMaterials(present: MaterialsPresent, required: MaterialsRequired): MissingMaterial[] {
  const missing: MissingMaterial[] = [];
  if (!present.report) missing.push({ field: FIELD.reportBody, text: '情况汇报' });
  if (present.photoCount < required.photoMin) {
    missing.push({ field: ERROR_KEY.photos, text: `活动照片（至少 ${required.photoMin} 张，已有 ${present.photoCount} 张）` });
  }
  for (let n = 1; n <= required.essayCount; n++) {
    if (present.essayPositions.indexOf(n) < 0) missing.push({ field: ERROR_KEY.essay(n), text: `第 ${n} 篇学习感想` });
  }
  return missing;
}

type Values = FormValues;

/**
 * The 情况汇报 is there when its text is typed or its original is attached. The progress query
 * (src/server/progress/progress.ts) says the same in SQL; one test runs both on the same versions.
 */
export const reportPresent = (report: { reportBody: string; hasReportFile: boolean }): boolean =>
  report.hasReportFile || !isInvisible(report.reportBody);

/**
 * A sent 学习感想 counts towards the notice when it has a title and its text or original file.
 * The progress query (src/server/progress/progress.ts) says the same in SQL; one test runs both.
 */
export const essayCounts = (essay: { title: string; body: string; hasFile: boolean }): boolean =>
  essay.title.trim() !== '' && (essay.hasFile || essay.body.trim() !== '');

/** One 学习感想 as typed, and whether its .docx came along. */
export interface EssayParts {
  title: string;
  author: string;
  position: string;
  body: string;
  hasFile: boolean;
}

/**
 * Whether the liaison started an essay: anything typed or attached. An essay left wholly empty is
 * simply not sent yet; a started one must be complete (schema.ts).
 */
export const essayHasContent = (essay: EssayParts): boolean =>
  essay.hasFile || [essay.title, essay.author, essay.position, essay.body].some((part) => !isInvisible(part));

/** reportPresent, read from the form's values. */
export const hasReport = (values: Values, filesPresent: ReadonlySet<string>): boolean =>
  reportPresent({ reportBody: textValue(values, FIELD.reportBody), hasReportFile: filesPresent.has(FIELD.reportFile) });

/** The parts of essay n as the form's values hold them. */
export const essayParts = (values: Values, filesPresent: ReadonlySet<string>, n: number): EssayParts => ({
  title: textValue(values, essayField(n, 'title')),
  author: textValue(values, essayField(n, 'author')),
  position: textValue(values, essayField(n, 'position')),
  body: textValue(values, essayField(n, 'body')),
  hasFile: filesPresent.has(essayField(n, 'file')),
});

/** essayHasContent for essay n, read from the form's values. */
export const essayStarted = (values: Values, filesPresent: ReadonlySet<string>, n: number): boolean =>
  essayHasContent(essayParts(values, filesPresent, n));

/** What a form about to be sent carries, as missingMaterials reads it. */
export function materialsInForm(input: {
  values: Values;
  photoCount: number;
  filesPresent: ReadonlySet<string>;
  essayCount: number;
}): MaterialsPresent {
  const essayPositions: number[] = [];
  for (let n = 1; n <= input.essayCount; n++) if (essayStarted(input.values, input.filesPresent, n)) essayPositions.push(n);
  return { report: hasReport(input.values, input.filesPresent), photoCount: input.photoCount, essayPositions };
}
