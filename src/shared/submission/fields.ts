/**
 * The names of the submission form's fields: one contract between the plain HTML form, the
 * Svelte island that enhances it, the server that parses the multipart body, and the tests.
 * Numbered fields run from 1: photo_1 … photo_N, essay_1_title, essay_2_title.
 */
export const FIELD = {
  unitId: 'unit_id',
  code: 'code',
  /**
   * The signed grant the server hands back once the 报送码 checked out (reopen, first upload); the
   * island sends it with every later upload and the final submit instead of having the code
   * checked again. The plain form never has one and sends the code.
   */
  grant: 'grant',
  /** A random key per attempt; a retried submit with the same key returns the stored version. */
  idempotencyKey: 'idempotency_key',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  reportBody: 'report_body',
  /** Optional original report, .docx or .pdf */
  reportFile: 'report_file',
  infoText: 'info_text',
  infoFile: 'info_file',
} as const;

/** The activity 台账's rows are numbered fields of their own: activities.ts. */
export { ACTIVITY_FORMS, activityField } from './activities.ts';

/** A photo file sent with the form itself (no JavaScript). */
export const photoFileField = (n: number) => `photo_${n}`;
/** A photo already uploaded by the island; the value is the token /api/uploads returned. */
export const photoTokenField = (n: number) => `photo_token_${n}`;
export const photoCaptionField = (n: number) => `photo_caption_${n}`;

export const essayField = (n: number, part: 'title' | 'author' | 'position' | 'body' | 'file') => `essay_${n}_${part}`;
/** Which 学习感想 a file field (essay_N_file) holds the Word file of; undefined for any other field. */
export function essayFileNumber(field: string): number | undefined {
  const essay = /^essay_(\d+)_file$/.exec(field);
  return essay ? Number(essay[1]) : undefined;
}

/**
 * What a file field takes: a 学习感想 only Word, since its text goes into the 汇编 and a PDF's text
 * is not read; the 情况汇报 and 相关信息 originals Word or PDF. The file picker offers it, the form
 * checks a picked file's name by it before sending, and the server checks what arrives.
 */
export type AttachmentAccepts = 'word' | 'word-or-pdf';
export const attachmentAccepts = (field: string): AttachmentAccepts => (essayFileNumber(field) === undefined ? 'word-or-pdf' : 'word');

const DOCX = { ending: '.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
const PDF = { ending: '.pdf', mime: 'application/pdf' };
const FILE_TYPES: Record<AttachmentAccepts, readonly { ending: string; mime: string }[]> = { word: [DOCX], 'word-or-pdf': [DOCX, PDF] };

/** The file picker's accept attribute for a file field. */
export const pickerAccept = (field: string): string =>
  FILE_TYPES[attachmentAccepts(field)].flatMap((type) => [type.ending, type.mime]).join(',');

/** Whether a picked file is named as the field takes (its content is the server's to check). */
export const namedAsAccepted = (field: string, fileName: string): boolean =>
  FILE_TYPES[attachmentAccepts(field)].some((type) => fileName.trim().toLowerCase().endsWith(type.ending));
