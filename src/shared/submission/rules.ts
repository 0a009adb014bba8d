/**
 * The form's side of schema.ts: turns what the form holds (values keyed by field name,
 * the photos, which file fields carry a file) into the schema's object, and the schema's issues
 * back into one Chinese message per form field. The enhanced form checks with it before sending;
 * the server checks with it and stores the parsed result, so a message never differs between the
 * two. Pure and browser-safe.
 */
import { FIELD, essayField, photoCaptionField } from './fields.ts';
import { textValue as text, type FormValues } from './form-values.ts';
import { ERROR_KEY } from './form.ts';
import { essayParts } from './completeness.ts';
import { ACTIVITY_PARTS, activityField, activityRowsOf, type ActivityPart } from './activities.ts';
import { submissionSchema, type Submission, type SubmissionInput } from './schema.ts';
import type { SubmissionShape } from './shape.ts';

export { isPhoneNumber } from './schema.ts';

export interface RulesInput extends SubmissionShape {
  values: FormValues;
  /** Photos in order, whatever their upload state. */
  photos: { caption: string }[];
  /** File fields (report_file, essay_1_file …) that carry a file or an uploaded token. */
  filesPresent: ReadonlySet<string>;
}

export type CheckedSubmission = { ok: true; submission: Submission } | { ok: false; errors: Record<string, string> };

/** The schema's object for what the form holds. */
export function submissionInput(input: RulesInput): SubmissionInput {
  const { values, filesPresent } = input;
  const essays = [];
  for (let n = 1; n <= input.essayCount; n++) essays.push(essayParts(values, filesPresent, n));
  return {
    unitId: text(values, FIELD.unitId),
    code: text(values, FIELD.code),
    contactPerson: text(values, FIELD.contactPerson),
    contactPhone: text(values, FIELD.contactPhone),
    activities: activityRowsOf(values),
    reportBody: text(values, FIELD.reportBody),
    hasReportFile: filesPresent.has(FIELD.reportFile),
    infoText: text(values, FIELD.infoText),
    hasInfoFile: filesPresent.has(FIELD.infoFile),
    photos: input.photos.map((photo) => ({ caption: photo.caption })),
    essays,
  };
}

const ESSAY_PARTS = ['title', 'author', 'position', 'body', 'file'] as const;
type EssayPart = (typeof ESSAY_PARTS)[number];
const isEssayPart = (key: unknown): key is EssayPart => (ESSAY_PARTS as readonly unknown[]).indexOf(key) >= 0;

const isActivityPart = (key: unknown): key is ActivityPart => (ACTIVITY_PARTS as readonly unknown[]).indexOf(key) >= 0;

/** The form field (or ERROR_KEY) an issue's path points at. */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const [top, index, part] = path;
  if (top === 'photos') return typeof index === 'number' ? photoCaptionField(index + 1) : ERROR_KEY.photos;
  if (top === 'activities') {
    return typeof index === 'number' && isActivityPart(part) ? activityField(index + 1, part) : ERROR_KEY.activities;
  }
  if (top === 'essays' && typeof index === 'number') {
    return isEssayPart(part) ? essayField(index + 1, part) : ERROR_KEY.essay(index + 1);
  }
  return typeof top === 'string' && top in FIELD ? FIELD[top as keyof typeof FIELD] : String(top ?? '');
}

const schemas = new Map<string, ReturnType<typeof submissionSchema>>();
const schemaFor = (shape: SubmissionShape) => {
  const key = `${shape.photoMax}/${shape.essayCount}/${shape.activityWindow.from}/${shape.activityWindow.to}`;
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = submissionSchema(shape)));
  return schema;
};

/** The parsed submission, or the first message for each field that is wrong. */
export function checkSubmission(input: RulesInput): CheckedSubmission {
  const result = schemaFor(input).safeParse(submissionInput(input));
  if (result.success) return { ok: true, submission: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path);
    if (errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** Errors keyed by field name (or ERROR_KEY); empty when the submission may be stored. */
export function validateSubmission(input: RulesInput): Record<string, string> {
  const checked = checkSubmission(input);
  return checked.ok ? {} : checked.errors;
}
