/**
 * What a stored version still lacks against the campaign's requirements, in the words printed on
 * the receipt and shown to organisers (e.g. 只收到 1 篇学习感想，还差 1 篇). Empty when complete.
 * A version can fall short when the requirements were raised after it was sent.
 */
import type { Requirements } from '../shared/campaign-schema.ts';

export interface CompletenessInput {
  reportBody: string;
  reportFile: unknown;
  photos: unknown[];
  essays: { title: string; body: string; file: unknown }[];
}

export function missingItems(version: CompletenessInput, requirements: Requirements): string[] {
  const missing: string[] = [];
  if (version.reportBody.trim() === '' && !version.reportFile) missing.push('未收到情况汇报');
  const photos = version.photos.length;
  const photoMin = requirements.photos.min;
  if (photos < photoMin) {
    missing.push(photos === 0 ? `未收到活动照片（至少 ${photoMin} 张）` : `只收到 ${photos} 张活动照片，还差 ${photoMin - photos} 张`);
  }
  const essays = version.essays.filter((essay) => essay.title.trim() !== '' && (essay.body.trim() !== '' || essay.file)).length;
  const wanted = requirements.essays;
  if (essays < wanted) {
    missing.push(essays === 0 ? `未收到学习感想（需要 ${wanted} 篇）` : `只收到 ${essays} 篇学习感想，还差 ${wanted - essays} 篇`);
  }
  return missing;
}
