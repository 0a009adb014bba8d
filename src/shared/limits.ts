/**
 * Size limits of everything a unit sends. The server enforces them while the upload streams in;
 * the form shows them and checks them before a byte leaves the phone. Runs in browser and node.
 */

const MB = 1024 * 1024;

export const LIMITS = {
  /** One whole request (the no-JS form with every photo at once). */
  requestBytes: 200 * MB,
  /** One photo as it leaves the phone; a 24-MP HEIC or JPEG is 3-12 MB. */
  photoBytes: 30 * MB,
  /** One .docx or .pdf (情况汇报, 相关信息, 学习感想). */
  attachmentBytes: 20 * MB,
  /** One text field; the longest is a pasted report (20 000 characters ≈ 60 KB of UTF-8). */
  fieldBytes: 256 * 1024,
  /** Text fields per request: the form has about 100 at most. */
  fields: 300,
  /** File parts per request: photoMax photos plus four attachments, with room to spare. */
  files: 30,
  /** Every part, fields and files together. */
  parts: 340,
  /**
   * The most pixels a JPEG may declare: 108-MP phone sensors (12000×9000) pass, a 200-MP full-sensor
   * shot does not. JPEG is decoded shrunk-on-load (1/2, 1/4, 1/8), so this costs little memory.
   */
  jpegPixels: 120_000_000,
  /**
   * The most pixels a PNG, WebP or HEIC may declare: a 48-MP HEIF (8064×6048) passes. These decode
   * at full size (HEIC as 4 bytes a pixel), so this bounds one decode to about 200 MB.
   */
  otherPixels: 50_000_000,
  /** Longest edge of the stored photo: sharp enough to print on A4, small enough to export. */
  photoEdge: 2560,
  /** Longest edge of the thumbnail shown in the form, the receipt and the console. */
  thumbEdge: 480,
} as const;

/** Longest text a field takes, in characters, keyed by field name (or field family). */
export const TEXT_LIMITS = {
  contact_person: 20,
  contact_phone: 30,
  activity_dates: 100,
  activity_forms_other: 50,
  participants: 200,
  report_body: 20_000,
  info_text: 10_000,
  photo_caption: 100,
  essay_title: 100,
  essay_author: 30,
  essay_position: 50,
  essay_body: 20_000,
} as const;

/** 31.5 MB → "31.5 MB"; 800 KB → "0.8 MB". For messages. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
