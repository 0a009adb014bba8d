import { describe, expect, it } from 'vitest';
import { signedFileResponse } from '#server/submissions/files.ts';
import { fileUrl, receiptToken } from '#server/submissions/links.ts';
import { missingItems } from '#server/submissions/missing.ts';
import { receiptView } from '#server/submissions/receipt.ts';
import { storeVersion, type VersionInput } from '#server/submissions/store.ts';
import { insertFileRow, persistFile } from '#server/files/store.ts';
import { jpeg, testContext, unitWithCode } from '../support/api-context.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';

async function storedPhotoIds(context: SubmissionContext) {
  const photo = await persistFile(context.dataDir, { buffer: await jpeg(300, 200) }, 'jpg');
  const id = insertFileRow(context.db, photo, 'image/jpeg', '现场.jpg', context.now);
  return { fileId: id, thumbFileId: id, width: 300, height: 200 };
}

function version(unitId: number, overrides: Partial<VersionInput> = {}): VersionInput {
  return {
    unitId,
    idempotencyKey: `k-${Math.random()}`,
    contactPerson: '王明',
    contactPhone: '18700000000',
    activities: [
      { date: '2023-02-15', form: '集中学习', formOther: '', leader: '局长', participants: 30, enterprise: false, practice: '集中学习' },
    ],
    reportBody: '情况汇报正文',
    reportFileId: null,
    infoText: '',
    infoFileId: null,
    photos: [],
    essays: [],
    ...overrides,
  };
}

describe('the receipt', () => {
  it('opens only with its token', async () => {
    const context = testContext();
    const { unitId } = await unitWithCode(context);
    const stored = storeVersion(context.db, version(unitId), { now: context.now, late: false, numberPrefix: 'BS2030' });
    expect(receiptView(context.db, context.campaign, stored.number, receiptToken(context.db, stored.number))).toBeDefined();
    expect(receiptView(context.db, context.campaign, stored.number, null)).toBeUndefined();
    expect(receiptView(context.db, context.campaign, stored.number, 'A'.repeat(24))).toBeUndefined();
    expect(receiptView(context.db, context.campaign, 'BS2030-9999', receiptToken(context.db, 'BS2030-9999'))).toBeUndefined();
  });

  it('lists what is still missing against the requirements, e.g. the second essay', async () => {
    const context = testContext();
    const { unitId } = await unitWithCode(context);
    const photo = await storedPhotoIds(context);
    const stored = storeVersion(
      context.db,
      version(unitId, {
        photos: [{ caption: '现场', ...photo }],
        essays: [{ position: 1, title: '体会', author: '李华', authorPosition: '科长', body: '正文', fileId: null }],
      }),
      { now: context.now, late: true, numberPrefix: 'BS2030' },
    );
    const receipt = receiptView(context.db, context.campaign, stored.number, receiptToken(context.db, stored.number))!;
    expect(receipt.missing).toEqual(['第 2 篇学习感想']);
    expect(receipt.late).toBe(true);
    expect(receipt.photos[0]!.thumbUrl).toMatch(/^\/api\/files\/\d+\?t=/);
  });

  it('words a submission without its report, with too few photos and only its second essay', () => {
    const requirements = { report: 'required' as const, photos: { min: 2, max: 20 }, essays: 2 };
    const secondOnly = [{ position: 2, title: '体会', body: '', file: { id: 7 } }];
    expect(missingItems({ reportBody: ' ', reportFile: undefined, photos: [{}], essays: secondOnly }, requirements)).toEqual([
      '情况汇报',
      '活动照片（至少 2 张，已有 1 张）',
      '第 1 篇学习感想',
    ]);
  });
});

describe('stored files', () => {
  it('are served only with their signed link, never by id alone', async () => {
    const context = testContext();
    const { fileId } = await storedPhotoIds(context);
    const signed = new URL(fileUrl(context.db, fileId), 'http://localhost');
    const ok = signedFileResponse(context.db, context.dataDir, String(fileId), signed);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    const bare = signedFileResponse(context.db, context.dataDir, String(fileId), new URL(`http://localhost/api/files/${fileId}`));
    expect(bare.status).toBe(404);
    const other = new URL(fileUrl(context.db, fileId + 1), 'http://localhost');
    expect(signedFileResponse(context.db, context.dataDir, String(fileId), other).status).toBe(404);
  });
});
