import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, readDocxText, REASONS, tidyParagraphs } from '#server/files/docx-text.ts';
import { findDocumentText } from '#server/files/document-texts.ts';
import { uploadApi } from '#server/submissions/uploads.ts';
import { findStaged } from '#server/submissions/staging.ts';
import { loadReceipt } from '#server/submissions/receipt.ts';
import { storeVersion } from '#server/submissions/store.ts';
import { HOSTILE_DOCX } from '../support/hostile-docx.ts';
import { wordFile } from '../support/export-fixture.ts';
import { blob, formData, postRequest, testContext, unitWithCode } from './support.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';

async function uploadWord(context: SubmissionContext, auth: { unitId: number; code: string }, bytes: Buffer, name = '学习体会.docx') {
  const body = formData(
    [
      ['unit_id', String(auth.unitId)],
      ['code', auth.code],
      ['kind', 'essay_1_file'],
    ],
    [['file', blob(bytes), name]],
  );
  const response = await uploadApi(postRequest('/api/uploads', body), context);
  const json = (await response.json()) as Record<string, unknown>;
  const staged = typeof json['token'] === 'string' ? findStaged(context.db, json['token']) : undefined;
  return { status: response.status, staged, text: staged ? findDocumentText(context.db, staged.fileId) : undefined };
}

describe('reading the text of a Word file', () => {
  it('keeps its paragraphs, one line each, and counts its characters without the line breaks', async () => {
    const dir = testContext().dataDir;
    const path = join(dir, 'essay.docx');
    writeFileSync(path, await wordFile(['守牢质量生命线', '', '第一段正文。', '第二段正文。']));
    const read = await readDocxText(path);
    expect(read).toEqual({ ok: true, text: '守牢质量生命线\n第一段正文。\n第二段正文。', chars: 19 });
  });

  it('drops the blank lines mammoth puts between paragraphs', () => {
    expect(tidyParagraphs('一\n\n二\r\n\r\n　\n三  ')).toBe('一\n二\n三');
  });
});

describe('a Word file whose text cannot be read', () => {
  const cases: [string, () => Buffer | Promise<Buffer>, string][] = [
    ['a password-protected .docx', HOSTILE_DOCX.encrypted, '文件已加密'],
    ['an old .doc renamed .docx', HOSTILE_DOCX.oldDoc, '另存为'],
    ['a .docx cut off during upload', HOSTILE_DOCX.corrupt, '文件已损坏'],
    ['a zip bomb', HOSTILE_DOCX.bomb, '解压后过大'],
    ['a .docx with an external entity', HOSTILE_DOCX.externalEntity, '外部实体'],
  ];

  it.each(cases)('is kept as sent when it is %s, with a Chinese note saying why', async (_name, make, reason) => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const result = await uploadWord(context, auth, await make());
    expect(result.status).toBe(200);
    expect(result.staged).toBeDefined();
    expect(result.text).toMatchObject({ text: '', chars: 0 });
    expect(result.text!.reason).toContain(reason);
    expect(result.text!.reason).not.toMatch(/Error|ENOENT|undefined|\bat /);
  });

  it('keeps the text of one longer than an essay may be, flagged with how long it is', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const result = await uploadWord(context, auth, await HOSTILE_DOCX.tooLong(DOCX_LIMITS.chars + 500));
    expect(result.status).toBe(200);
    expect(result.text!.chars).toBe(DOCX_LIMITS.chars + 500);
    expect(result.text!.reason).toContain(`超过 ${DOCX_LIMITS.chars} 字`);
  });

  it('leaves the server answering and reading the next file after every hostile one', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    for (const [, make] of cases) expect((await uploadWord(context, auth, await make())).status).toBe(200);
    const after = await uploadWord(context, auth, await wordFile(['之后的正文照常读取。']));
    expect(after.text).toEqual({ text: '之后的正文照常读取。', chars: 10, reason: '' });
  });

  it('shows its note on the receipt, and the 字数 of a readable one', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const bad = await uploadWord(context, auth, HOSTILE_DOCX.oldDoc(), '体会.docx');
    const good = await uploadWord(context, auth, await wordFile(['第一段。', '第二段，共十一字。']), '感想.docx');
    const stored = storeVersion(
      context.db,
      {
        unitId: auth.unitId,
        idempotencyKey: 'hostile-receipt',
        contactPerson: '王明',
        contactPhone: '18700000000',
        activityDates: '2月15日',
        activityForms: ['集中学习'],
        activityFormsOther: '',
        participants: '全体职工',
        reportBody: '正文',
        reportFileId: null,
        infoText: '',
        infoFileId: null,
        photos: [],
        essays: [
          { position: 1, title: '体会', author: '甲', authorPosition: '科员', body: '', fileId: bad.staged!.fileId },
          { position: 2, title: '感想', author: '乙', authorPosition: '科员', body: '', fileId: good.staged!.fileId },
        ],
      },
      { now: context.now, late: false, numberPrefix: 'T' },
    );
    const { receiptToken } = await import('#server/submissions/links.ts');
    const receipt = await loadReceipt(
      context.db,
      context.dataDir,
      context.campaign,
      stored.number,
      receiptToken(context.db, stored.number),
    );
    expect(receipt!.essays[0]).toMatchObject({ bodyChars: 0, fromFile: false });
    expect(receipt!.essays[0]!.note).toBe(`附件“体会.docx”：${REASONS.oldDoc}`);
    expect(receipt!.essays[1]).toMatchObject({ bodyChars: 13, fromFile: true, note: '' });
  });
});
