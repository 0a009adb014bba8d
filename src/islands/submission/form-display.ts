/**
 * How the form shows sizes and orders its error summary.
 */
import { FIELD, essayField, photoCaptionField } from '#shared/submission/fields.ts';
import { ACTIVITY_PARTS, activityField } from '#shared/submission/activities.ts';
import { ERROR_KEY } from '#shared/submission/form.ts';
import { formatMegabytes } from '#shared/limits.ts';

/** 7.3 MB, 0.8 MB or 35 KB: a small Word file is not "0 MB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return formatMegabytes(bytes);
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Error keys in the order their fields appear on the page. */
export function errorOrder(essayCount: number, photoCount: number, activityRows: number): string[] {
  const order: string[] = [
    FIELD.unitId,
    FIELD.code,
    FIELD.contactPerson,
    FIELD.contactPhone,
    ERROR_KEY.activities,
    ...Array.from({ length: activityRows }, (_, i) => ACTIVITY_PARTS.map((part) => activityField(i + 1, part))).flat(),
    FIELD.reportBody,
    FIELD.reportFile,
    FIELD.infoText,
    FIELD.infoFile,
    ERROR_KEY.photos,
  ];
  for (let n = 1; n <= photoCount; n++) order.push(photoCaptionField(n));
  for (let n = 1; n <= essayCount; n++) {
    order.push(
      essayField(n, 'title'),
      essayField(n, 'author'),
      essayField(n, 'position'),
      essayField(n, 'body'),
      essayField(n, 'file'),
      ERROR_KEY.essay(n),
    );
  }
  return order;
}
