/**
 * The receipt (回执) of a submission as the page prints it: number, unit, Beijing time, version,
 * what was received, what is still missing, 逾期. Only for a request carrying the receipt token.
 */
import type { DatabaseSync } from 'node:sqlite';
import { formatBeijing, isLate } from '#shared/campaign/deadline.ts';
import { deadlinePhrase } from '#shared/campaign/deadline-words.ts';
import { formatMegabytes } from '#shared/limits.ts';
import type { Campaign } from '#server/campaign/campaign.ts';
import type { FileRecord } from '#server/files/store.ts';
import { fileUrl, isReceiptToken, receiptUrl } from './links.ts';
import { missingItems } from './missing.ts';
import { findSubmissionByNumber, listVersions, loadVersion } from './read.ts';
import { latestDecisionOn, reviewNote } from './review-decisions.ts';
import { activityLine } from './activities.ts';
import type { ReviewNote } from '#shared/submission/form.ts';
import { ensureVersionTexts, versionTexts } from './texts.ts';

export interface ReceiptFile {
  name: string;
  size: string;
  url: string;
}

export interface ReceiptView {
  number: string;
  unitName: string;
  unitCategory: string;
  versionNo: number;
  isCurrent: boolean;
  submittedAt: string;
  late: boolean;
  contact: { person: string; phone: string };
  /** The 台账, one line per activity (activityLine). */
  activities: string[];
  report: { bodyChars: number; fromFile: boolean; note: string; file?: ReceiptFile };
  info: { textChars: number; fromFile: boolean; note: string; file?: ReceiptFile };
  photos: { position: number; caption: string; thumbUrl: string; photoUrl: string; width: number; height: number }[];
  essays: {
    position: number;
    title: string;
    author: string;
    authorPosition: string;
    bodyChars: number;
    /** The 字数 is that of the uploaded Word file's text. */
    fromFile: boolean;
    /** Why the Word file's text could not be read, or ''. */
    note: string;
    file?: ReceiptFile;
  }[];
  missing: string[];
  /** How the unit adds what is missing (empty when nothing is, or for an earlier version). */
  completeLater: string;
  versions: { versionNo: number; submittedAt: string; late: boolean; url: string; shown: boolean }[];
  deadline: string;
  /** The organiser's latest decision on this version, when there is one. */
  review?: ReviewNote;
}

function receiptFile(db: DatabaseSync, file: FileRecord | undefined): ReceiptFile | undefined {
  return file
    ? { name: file.originalName || '附件', size: formatMegabytes(file.bytes), url: fileUrl(db, file.id, { download: true }) }
    : undefined;
}

function completeLater(campaign: Campaign, now: Date): string {
  const deadline = deadlinePhrase(campaign.deadlineAt, campaign.deadline.label);
  if (!isLate(now, campaign.deadlineAt)) return `截止时间 ${deadline}前，可用同一报送码修改报送，补齐以上材料；每次提交的版本都会保留。`;
  if (campaign.latePolicy === 'accept') return '已过截止时间，仍可用同一报送码修改报送补齐以上材料，补交的版本会标注为逾期。';
  return `报送已于 ${deadline}截止，系统不再接收补充的材料。`;
}

/** The receipt of the current (or given) version; undefined for a wrong token, number or version. */
export function receiptView(
  db: DatabaseSync,
  campaign: Campaign,
  number: string,
  token: string | null,
  versionNo?: number,
  now: Date = new Date(),
): ReceiptView | undefined {
  const submission = findSubmissionByNumber(db, number);
  if (!submission || !isReceiptToken(db, number, token)) return undefined;
  const version = loadVersion(db, submission.id, versionNo);
  if (!version) return undefined;
  const reportFile = receiptFile(db, version.reportFile);
  const infoFile = receiptFile(db, version.infoFile);
  const missing = missingItems(version, campaign.requirements);
  const decision = latestDecisionOn(db, version.id);
  const texts = versionTexts(db, version);
  return {
    ...(decision ? { review: reviewNote(decision) } : {}),
    number,
    unitName: submission.unitName,
    unitCategory: submission.unitCategory,
    versionNo: version.versionNo,
    isCurrent: version.id === submission.currentVersionId,
    submittedAt: formatBeijing(version.submittedAt, { seconds: true }),
    late: version.late,
    contact: { person: version.contactPerson, phone: version.contactPhone },
    activities: version.activities.map(activityLine),
    report: {
      bodyChars: texts.report.chars,
      fromFile: texts.report.source === 'file',
      note: texts.report.note,
      ...(reportFile ? { file: reportFile } : {}),
    },
    info: {
      textChars: texts.info.chars,
      fromFile: texts.info.source === 'file',
      note: texts.info.note,
      ...(infoFile ? { file: infoFile } : {}),
    },
    photos: version.photos.map((photo) => ({
      position: photo.position,
      caption: photo.caption,
      thumbUrl: fileUrl(db, photo.thumb.id),
      photoUrl: fileUrl(db, photo.file.id),
      width: photo.width,
      height: photo.height,
    })),
    essays: version.essays.map((essay) => {
      const file = receiptFile(db, essay.file);
      const text = texts.essays.get(essay.position);
      return {
        position: essay.position,
        title: essay.title,
        author: essay.author,
        authorPosition: essay.authorPosition,
        bodyChars: text?.chars ?? 0,
        fromFile: text?.source === 'file',
        note: text?.note ?? '',
        ...(file ? { file } : {}),
      };
    }),
    missing,
    completeLater: missing.length > 0 && version.id === submission.currentVersionId ? completeLater(campaign, now) : '',
    versions: listVersions(db, submission.id).map((v) => ({
      versionNo: v.versionNo,
      submittedAt: formatBeijing(v.submittedAt),
      late: v.late,
      url: receiptUrl(db, number, v.versionNo),
      shown: v.versionNo === version.versionNo,
    })),
    deadline: deadlinePhrase(campaign.deadlineAt, campaign.deadline.label),
  };
}

/** As receiptView, after reading any Word file of the version whose text is not known yet. */
export async function loadReceipt(
  db: DatabaseSync,
  dataDir: string,
  campaign: Campaign,
  number: string,
  token: string | null,
  versionNo?: number,
): Promise<ReceiptView | undefined> {
  const submission = findSubmissionByNumber(db, number);
  const version = submission && isReceiptToken(db, number, token) ? loadVersion(db, submission.id, versionNo) : undefined;
  if (version) await ensureVersionTexts(db, dataDir, version);
  return receiptView(db, campaign, number, token, versionNo);
}
