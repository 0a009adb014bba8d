/**
 * The props contract of the submission form (src/islands/SubmissionForm.svelte) and the shapes the
 * form exchanges with the server. The page GET renders the form with these props; a failed no-JS
 * POST re-renders it with `values`, `errors` and the files already received as staged tokens.
 * Field names come from ./fields.ts.
 */
import { FIELD, essayField } from './fields.ts';
import type { FormValues } from './form-values.ts';
import type { SubmissionShape } from './shape.ts';

export interface UnitOption {
  id: number;
  name: string;
  /** One of `categories`, e.g. 县（市、区）水利局; the select groups units by it. */
  category: string;
}

/** A photo the server already holds (uploaded by the island, or received by a failed no-JS post). */
export interface StagedPhoto {
  /** The token /api/uploads returned; posted back as photo_token_N. */
  token: string;
  /** A small preview the browser may load, e.g. /api/uploads/<token>/thumb. */
  thumbUrl: string;
  caption: string;
  width?: number;
  height?: number;
}

/** An attachment (.docx/.pdf) the server already holds. */
export interface StagedFile {
  /** Posted back as `${field}_token` (see stagedFileTokenField). */
  token: string;
  /** The original file name, shown as 已收到：name. */
  name: string;
  bytes?: number;
}

/** The attachment fields: the island uploads each one to /api/uploads with `kind` = the field name. */
export type FileFieldName = typeof FIELD.reportFile | typeof FIELD.infoFile | `essay_${number}_file`;

export const fileFieldNames = (essayCount: number): FileFieldName[] => [
  FIELD.reportFile,
  FIELD.infoFile,
  ...Array.from({ length: essayCount }, (_, i) => essayField(i + 1, 'file') as FileFieldName),
];

/**
 * The field carrying the token of an attachment that is already on the server:
 * report_file_token, info_file_token, essay_1_file_token …
 * Without JavaScript it is a checked checkbox (保留此文件): unchecking it drops the file.
 */
export const stagedFileTokenField = (field: FileFieldName): string => `${field}_token`;

/**
 * Error keys that are not a single field. Every other key of `errors` is a field name
 * (photo_caption_3, essay_2_body …) and is shown next to that field.
 */
export const ERROR_KEY = {
  /** Too many photos, or photos the server could not take (too few is not an error, only missing). */
  photos: 'photos',
  /** An essay that was started has neither a pasted body nor a file: essay_N. */
  essay: (n: number) => `essay_${n}`,
  /** The activity 台账 as a whole: none with a 情况汇报, or more than ACTIVITY_MAX rows. */
  activities: 'activities',
} as const;

export interface RefusedPhoto {
  caption: string;
  /** Why it was refused, in Chinese, naming the file. */
  message: string;
}

export interface SubmissionFormProps extends SubmissionShape {
  /** Every active unit, in display order. */
  units: UnitOption[];
  /** Category names in display order; units are grouped under them in the select. */
  categories: string[];
  /** The deadline instant (2023-02-27 下班前 in Beijing time) as an ISO-8601 string with offset or Z. */
  deadlineIso: string;
  /** The deadline's wording from the notice, e.g. 下班前. */
  deadlineLabel: string;
  /** After the deadline: 'refuse' = no new submissions or revisions; 'accept' = accepted but marked 逾期. */
  latePolicy: 'refuse' | 'accept';
  /** The server clock at render time (ISO-8601); the countdown corrects the device clock with it. */
  nowIso: string;
  /** The notice asks for at least this many photos (usually 1); fewer are sent and listed as missing. */
  photoMin: number;
  /**
   * Kept or reopened values, keyed by field name (FIELD.*, essay_N_*, photo_caption_N).
   * Every value is a string (activity_N_* for the 台账's rows). Missing keys render empty.
   */
  values: FormValues;
  /** Chinese messages keyed by field name or ERROR_KEY; shown next to the field and in a summary. */
  errors: Record<string, string>;
  /** A message about the whole form (e.g. 报送码不正确 or 已过截止时间), shown at the top. */
  formError?: string;
  /**
   * Photos already on the server, in order. Without JavaScript photo n (1-based) is posted as
   * photo_token_n with photo_caption_n; the free file rows continue at n = stagedPhotos.length + 1.
   * For every n at most one of photo_n (a file) and photo_token_n is sent.
   */
  stagedPhotos: StagedPhoto[];
  /**
   * Photos of the last plain post that were refused, in order: each is offered again in the next
   * free file row with its caption kept and the reason beside it.
   */
  refusedPhotos?: RefusedPhoto[];
  /** Attachments already on the server, keyed by file field name. */
  stagedFiles: Partial<Record<FileFieldName, StagedFile>>;
  /** A fresh random key for this attempt (FIELD.idempotencyKey); a retried post reuses it. */
  idempotencyKey: string;
  /**
   * Present when a unit revises what it already sent (loaded through the reopen endpoint or
   * re-rendered by the server): the receipt number and the version being revised.
   */
  revising?: Revising;
  /** Names the IndexedDB draft; a new campaign must not restore an old campaign's draft. */
  draftNamespace: string;
  /** Who to call once submissions are closed, e.g. 市水利局水利工程建设与监督科 李述虎 2079642. */
  organiserContact?: string;
}

/** The organiser's latest 通过 / 退回修改, as the unit is shown it above the form and on its receipt. */
export interface ReviewNote {
  /** The version the decision was made on. */
  versionNo: number;
  decision: 'approve' | 'return';
  /** 通过 or 退回修改 */
  label: string;
  /** When, on a Beijing clock, as formatBeijing prints it. */
  decidedAt: string;
  /** The organiser's 意见, plain text ('' when none was given); whoever shows it escapes it. */
  comment: string;
}

/** The version a unit is revising, and what the organiser last said about its materials. */
export interface Revising {
  number: string;
  versionNo: number;
  submittedAtIso: string;
  review?: ReviewNote;
}

/** Where the island talks to the server. */
export const ENDPOINT = {
  /** The no-JS form posts here; GET renders the form. */
  form: '/baosong/',
  /** One file per request: unit_id, code, kind, file → UploadResult. */
  upload: '/api/uploads',
  /** Final submit, same fields as the form with photo_token_N; Accept: application/json → SubmitResult. */
  submit: '/api/submissions',
  /** POST unit_id + code → ReopenResult: the current version for revising before the deadline. */
  reopen: '/api/submissions/current',
} as const;

/** The body of /api/uploads answers. */
export type UploadResult = { token: string; thumbUrl: string; width: number; height: number; grant: string } | { error: string };

/** The body of /api/submissions answers (Accept: application/json). */
export type SubmitResult = { receiptUrl: string } | { errors: Record<string, string>; formError?: string };

/** The body of the reopen endpoint's answers. */
export type ReopenResult =
  | {
      values: FormValues;
      stagedPhotos: StagedPhoto[];
      stagedFiles: Partial<Record<FileFieldName, StagedFile>>;
      revising: Revising;
      /** Sent with the uploads and the submit that follow instead of the 报送码 (FIELD.grant). */
      grant: string;
    }
  | { error: string };
