import { describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { entryText, readZip } from '../support/unzip.ts';
import { exportKind } from '#server/export/exports.ts';
import { NameRegistry, safeFileName } from '#server/files/download-names.ts';

const fixture = await exportFixture();
const entries = await readZip(await exportBytes((out) => exportKind('全部材料.zip')!.write(fixture.ctx, out)));
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

  it('holds the photos byte for byte and the uploaded essay instead of a generated one', () => {
    expect(entries.find((e) => e.name.endsWith('01-2月15日局党组集中学习.jpg'))!.data.equals(fixture.photo)).toBe(true);
    expect(
      entries.find((e) => e.name.endsWith('学习纲要的几点体会-王芳.docx') && e.name.startsWith('卫辉'))!.data.equals(fixture.uploadedEssay),
    ).toBe(true);
  });

  it('writes the report of the current version only, as a Word document', async () => {
    const report = await readZip(entries.find((e) => e.name === '𠮷祥建管局/情况汇报.docx')!.data);
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
