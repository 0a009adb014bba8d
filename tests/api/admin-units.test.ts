import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUnits, freshStore } from '../support/seed-submissions.ts';
import { importUnits } from '#server/admin/import/import-units.ts';
import { issueRequestedCodes } from '#server/admin/code-request.ts';
import { codeMatches } from '#server/campaign/codes.ts';

const categories = ['县（市、区）水利局', '局机关科室', '局属二级机构', '局属建管局'];

function units(db: ReturnType<typeof freshStore>['db']) {
  return db.prepare('SELECT name, category, contact_person, contact_phone, active FROM units ORDER BY sort_order, id').all();
}

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  rows.forEach((row) => sheet.addRow(row));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('importing the unit list', () => {
  it('reads an Excel workbook, phone numbers typed as numbers included', async () => {
    const { db } = freshStore();
    const bytes = await xlsx([
      ['单位名称', '类别', '联系人', '联系电话'],
      ['卫辉市水利局', '县（市、区）水利局', '刘一', 13900000001],
      ['𠮷祥建管局', '局属建管局', '吉二', '0373-2000002'],
    ]);
    const outcome = await importUnits(db, bytes, categories, { deactivateMissing: false });
    expect(outcome).toEqual({ ok: true, result: { added: 2, updated: 0, deactivated: 0 }, format: 'XLSX', count: 2 });
    expect(units(db)).toEqual([
      { name: '卫辉市水利局', category: '县（市、区）水利局', contact_person: '刘一', contact_phone: '13900000001', active: 1 },
      { name: '𠮷祥建管局', category: '局属建管局', contact_person: '吉二', contact_phone: '0373-2000002', active: 1 },
    ]);
  });

  it('reads a GBK CSV saved by Excel and says which encoding it used', async () => {
    const { db } = freshStore();
    // 单位名称,类别\r\n局办公室,局机关科室\r\n in GBK
    const bytes = Buffer.from('b5a5cebbc3fbb3c62cc0e0b1f00d0abed6b0ecb9abcad22cbed6bbfab9d8bfc6cad20d0a', 'hex');
    const outcome = await importUnits(db, bytes, categories, { deactivateMissing: false });
    expect(outcome.ok && outcome.format).toBe('CSV（GBK）');
    expect(units(db)).toEqual([{ name: '局办公室', category: '局机关科室', contact_person: '', contact_phone: '', active: 1 }]);
  });

  it('changes nothing when any row is wrong, and lists every problem', async () => {
    const { db } = freshStore();
    addUnits(db, [{ name: '卫辉市水利局', category: '县（市、区）水利局', contactPerson: '刘一' }]);
    const before = units(db);
    const csv = new TextEncoder().encode('单位名称,类别\n卫辉市水利局,局机关科室\n新单位,不存在的类别\n');
    const outcome = await importUnits(db, csv, categories, { deactivateMissing: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.problems).toEqual([
      '第 3 行（新单位）：类别“不存在的类别”不在本次活动的单位类别中，应为 县（市、区）水利局、局机关科室、局属二级机构、局属建管局 之一。',
    ]);
    expect(units(db)).toEqual(before);
  });

  it('updates known units by name, keeps contacts the file does not carry, and can deactivate the rest', async () => {
    const { db } = freshStore();
    addUnits(db, [
      { name: '卫辉市水利局', category: '局机关科室', contactPerson: '刘一', contactPhone: '13900000001' },
      { name: '已撤并单位', category: '局机关科室' },
    ]);
    const csv = new TextEncoder().encode('\uFEFF单位名称,类别\n卫辉市水利局,县（市、区）水利局\n');
    const outcome = await importUnits(db, csv, categories, { deactivateMissing: true });
    expect(outcome.ok && outcome.result).toEqual({ added: 0, updated: 1, deactivated: 1 });
    expect(units(db)).toEqual([
      { name: '卫辉市水利局', category: '县（市、区）水利局', contact_person: '刘一', contact_phone: '13900000001', active: 1 },
      { name: '已撤并单位', category: '局机关科室', contact_person: '', contact_phone: '', active: 0 },
    ]);
  });

  it('explains what to do with an old .xls file or an empty upload', async () => {
    const { db } = freshStore();
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const old = await importUnits(db, xls, categories, { deactivateMissing: false });
    expect(old.ok === false && old.problems[0]).toContain('另存为');
    const empty = await importUnits(db, new Uint8Array(), categories, { deactivateMissing: false });
    expect(empty.ok === false && empty.problems[0]).toContain('没有收到文件');
  });
});

describe('issuing 报送码 from the console', () => {
  const setup = () => {
    const store = freshStore();
    const ids = addUnits(store.db, [
      { name: '卫辉市水利局', category: '县（市、区）水利局' },
      { name: '局办公室', category: '局机关科室' },
    ]);
    return { ...store, ids };
  };

  it('gives codes to units without one, showing each plain code once and storing only a hash', async () => {
    const { db, ids } = setup();
    const outcome = await issueRequestedCodes(db, { mode: 'missing', unitIds: [], confirmed: false });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.issued.map((i) => i.unit.name)).toEqual(['卫辉市水利局', '局办公室']);
    const stored = db.prepare('SELECT code_hash FROM units WHERE id = ?').get(ids[0]!) as { code_hash: string };
    expect(stored.code_hash).not.toContain(outcome.issued[0]!.code);
    expect(await codeMatches(outcome.issued[0]!.code, stored.code_hash)).toBe(true);
    const again = await issueRequestedCodes(db, { mode: 'missing', unitIds: [], confirmed: false });
    expect(again).toEqual({ ok: false, message: '所有单位都已有报送码，没有需要生成的。如需补发，请勾选单位后“重新生成”。' });
  });

  it('regenerates only with the confirmation box ticked, and the old code stops working', async () => {
    const { db, ids } = setup();
    const first = await issueRequestedCodes(db, { mode: 'missing', unitIds: [], confirmed: false });
    if (!first.ok) throw new Error(first.message);
    const unconfirmed = await issueRequestedCodes(db, { mode: 'selected', unitIds: [String(ids[0])], confirmed: false });
    expect(unconfirmed.ok === false && unconfirmed.message).toContain('请勾选“我知道重新生成后……”');
    const redone = await issueRequestedCodes(db, { mode: 'selected', unitIds: [String(ids[0]), 'x', '999'], confirmed: true });
    if (!redone.ok) throw new Error(redone.message);
    expect(redone.issued.map((i) => i.unit.name)).toEqual(['卫辉市水利局']);
    const stored = (db.prepare('SELECT code_hash FROM units WHERE id = ?').get(ids[0]!) as { code_hash: string }).code_hash;
    expect(await codeMatches(first.issued[0]!.code, stored)).toBe(false);
    expect(await codeMatches(redone.issued[0]!.code, stored)).toBe(true);
  });

  it('asks the organiser to tick units before regenerating a selection', async () => {
    const { db } = setup();
    const none = await issueRequestedCodes(db, { mode: 'selected', unitIds: [], confirmed: true });
    expect(none).toEqual({ ok: false, message: '没有选中任何单位。请在单位列表中勾选要重新生成报送码的单位。' });
  });
});
