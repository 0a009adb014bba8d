import { describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { entryText, readZip } from '../support/unzip.ts';
import { exportKind } from '#server/export/exports.ts';
import { NameRegistry, safeFileName } from '#server/files/download-names.ts';

const fixture = await exportFixture();
const entries = readZip(await exportBytes((out) => exportKind('全部材料.zip')!.write(fixture.ctx, out)));
const names = entries.map((e) => e.name);

describe('全部材料.zip', () => {
  it('files each unit’s materials in a folder named after the unit, with UTF-8 names', () => {
    expect(names).toEqual([
      '卫辉市水利局/情况汇报.docx',
      '卫辉市水利局/照片/01-2月15日局党组集中学习.jpg',
      '卫辉市水利局/照片/02-座谈会：交流_体会_.jpg',
      '卫辉市水利局/学习感想/=HYPERLINK(_http___x_)-𠮷田.docx',
      '卫辉市水利局/学习感想/学习纲要的几点体会-王芳.docx',
      '𠮷祥建管局/情况汇报.docx',
      '𠮷祥建管局/照片/01-新照片.jpg',
      '𠮷祥建管局/学习感想/以质量强国建设纲要引领𠮷祥高质量发展-张明.docx',
      '𠮷祥建管局/学习感想/学习纲要的几点体会-王芳.docx',
      '清单.csv',
    ]);
    expect(entries.every((e) => e.utf8)).toBe(true);
  });

  it('holds the photos byte for byte and the uploaded essay as sent, instead of a generated one', () => {
    expect(entries.find((e) => e.name.endsWith('01-2月15日局党组集中学习.jpg'))!.data.equals(fixture.photo)).toBe(true);
    expect(
      entries.find((e) => e.name.endsWith('学习纲要的几点体会-王芳.docx') && e.name.startsWith('卫辉'))!.data.equals(fixture.uploadedEssay),
    ).toBe(true);
  });

  it('writes the report of the current version only, as a Word document', () => {
    const report = readZip(entries.find((e) => e.name === '𠮷祥建管局/情况汇报.docx')!.data);
    const xml = entryText(report, 'word/document.xml');
    expect(xml).toContain('新版汇报');
    expect(xml).not.toContain('旧版');
    expect(xml).toContain('𠮷祥建管局学习《质量强国建设纲要》情况汇报');
  });

  it('ends with a manifest listing every file and every unit that sent nothing', () => {
    const manifest = entryText(entries, '清单.csv');
    expect(manifest.startsWith('\uFEFF单位名称,类别,回执编号,文件,内容,大小（字节）\r\n')).toBe(true);
    for (const name of names.filter((n) => n !== '清单.csv')) expect(manifest).toContain(name);
    expect(manifest).toContain(`规划计划科,局机关科室,,,未报送,`);
    expect(manifest).toContain(`,${fixture.photo.length}\r\n`);
  });
});

describe('file names inside the zip', () => {
  it('replace characters Windows forbids, drop control characters and never climb out of the folder', () => {
    expect(safeFileName('../../etc/passwd', 'x')).toBe('_.._etc_passwd');
    expect(safeFileName('标题:副标题?*<>|"', 'x')).toBe('标题_副标题______');
    expect(safeFileName('a\u0000b\u001fc', 'x')).toBe('abc');
    expect(safeFileName(' ... ', '学习感想1')).toBe('学习感想1');
    expect(safeFileName('CON', '学习感想1')).toBe('学习感想1');
  });

  it('shorten long names without splitting a character such as 𠮷', () => {
    const name = safeFileName('𠮷'.repeat(70), 'x');
    expect(Array.from(name)).toHaveLength(60);
    expect(name).toBe('𠮷'.repeat(60));
  });

  it('number colliding names instead of overwriting', () => {
    const registry = new NameRegistry();
    expect(registry.claim('单位/照片/01-合影.jpg')).toBe('单位/照片/01-合影.jpg');
    expect(registry.claim('单位/照片/01-合影.jpg')).toBe('单位/照片/01-合影（2）.jpg');
  });
});

describe('全部材料.zip read back with an unzip library', () => {
  async function unzipped(zip: Buffer): Promise<{ name: string; at: Date; extended: boolean }[]> {
    const { default: yauzl } = await import('yauzl');
    const file = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: false }, (error, z) => (error || !z ? reject(error) : resolve(z))),
    );
    const found: { name: string; at: Date; extended: boolean }[] = [];
    await new Promise<void>((resolve) => {
      file.on('entry', (entry: import('yauzl').Entry) =>
        found.push({
          name: entry.fileName,
          // The DOS fields read as if they were UTC: the wall-clock time an unzip tool shows.
          at: entry.getLastModDate({ forceDosFormat: true, timezone: 'UTC' }),
          extended: entry.extraFields.some((f) => f.id === 0x5455),
        }),
      );
      file.on('end', () => resolve());
    });
    return found;
  }

  it('dates every entry in Beijing time, with no UTC timestamp that would say otherwise', async () => {
    const zip = await exportBytes((out) => exportKind('全部材料.zip')!.write(fixture.ctx, out));
    const found = await unzipped(zip);
    // 卫辉 submitted at 2023-02-20 02:00 UTC: 10:00 on a Beijing clock. 清单.csv is dated at the export.
    expect(found.find((e) => e.name === '卫辉市水利局/情况汇报.docx')!.at.toISOString()).toBe('2023-02-20T10:00:00.000Z');
    expect(found.find((e) => e.name === '清单.csv')!.at.toISOString()).toBe('2023-03-01T10:00:00.000Z');
    expect(found.every((e) => !e.extended)).toBe(true);
  });

  it('lists in 清单.csv a file missing from the server’s disk instead of leaving it out silently', async () => {
    const row = fixture.db.prepare("SELECT rel_path FROM files WHERE original_name = 'IMG_1.jpg' LIMIT 1").get() as { rel_path: string };
    const { rmSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const path = join(fixture.dataDir, ...row.rel_path.split('/'));
    copyFileSync(path, `${path}.kept`);
    rmSync(path);
    try {
      const zip = readZip(await exportBytes((out) => exportKind('全部材料.zip')!.write(fixture.ctx, out)));
      const manifest = entryText(zip, '清单.csv');
      expect(manifest).toMatch(/照片：2月15日局党组集中学习（服务器上找不到这个文件，未打包）/);
      expect(zip.map((e) => e.name)).not.toContain('卫辉市水利局/照片/01-2月15日局党组集中学习.jpg');
    } finally {
      copyFileSync(`${path}.kept`, path);
    }
  });
});
