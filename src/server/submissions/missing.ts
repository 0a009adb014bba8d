/**
 * What a stored version still lacks against the campaign's requirements, in the shared wording
 * (src/shared/submission/completeness.ts) the form, the receipt and the board all use: 情况汇报,
 * 活动照片（至少 1 张，已有 0 张）, 第 2 篇学习感想. Empty when complete. A version can also fall
 * short when the requirements were raised after it was sent.
 */
import type { Requirements } from '#shared/campaign/schema.ts';
import { essayCounts, materialsRequired, missingMaterials, reportPresent, type MaterialsPresent } from '#shared/submission/completeness.ts';

export interface StoredMaterials {
  reportBody: string;
  reportFile: unknown;
  photos: unknown[];
  essays: { position: number; title: string; body: string; file: unknown }[];
}

/** What a stored version holds, as missingMaterials reads it; an essay counts once it has a title and a text. */
export function materialsInVersion(version: StoredMaterials): MaterialsPresent {
  return {
    report: reportPresent({ reportBody: version.reportBody, hasReportFile: !!version.reportFile }),
    photoCount: version.photos.length,
    essayPositions: version.essays
      .filter((essay) => essayCounts({ title: essay.title, body: essay.body, hasFile: !!essay.file }))
      .map((essay) => essay.position),
  };
}

export function missingItems(version: StoredMaterials, requirements: Requirements): string[] {
  return missingMaterials(materialsInVersion(version), materialsRequired(requirements)).map((item) => item.text);
}
