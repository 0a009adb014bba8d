import { describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { entryText, readZip } from '../support/unzip.ts';
import { exportKind } from '#server/export/exports.ts';
import { compilationDocx } from '#server/export/compilation-docx.ts';
import { listFeatured, setFeaturedOrder } from '#server/review/featured.ts';
import { essayDocx } from '#server/export/report-docx.ts';

const fixture = await exportFixture();
const compilation = readZip(await exportBytes((out) => exportKind('优秀学习感想汇编.docx')!.write(fixture.ctx, out)));
const documentXml = entryText(compilation, 'word/document.xml');

describe('优秀学习感想汇编.docx', () => {
  it('has a title page with the compiling office and the month in Beijing time', () => {
    expect(documentXml).toContain('优秀学习感想汇编');
    expect(documentXml).toContain('市水利局水利工程建设与监督科');
    expect(documentXml).toContain('2023年3月');
  });

  it('has a 目录 whose page numbers are written in, so no application asks to update it', () => {
    const entries = [
      ...documentXml.matchAll(
        /PAGEREF (essay_\d+)<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g,
      ),
    ];
    expect(entries.map((m) => m[1])).toEqual(['essay_1', 'essay_2']);
    expect(entries.map((m) => Number(m[2]))).toEqual([1, 2]);
    expect(documentXml).toMatch(/<w:bookmarkStart w:name="essay_1"[^>]*\/>.*=HYPERLINK\(&quot;http:\/\/x&quot;\)/);
    expect(documentXml).not.toContain('w:dirty');
    expect(entryText(compilation, 'word/settings.xml')).not.toContain('updateFields');
  });

  it('prints no instruction to its reader', () => {
    expect(documentXml).not.toMatch(/更新域|更新目录|右键|正文见原件/);
  });

  it('carries the full text of an essay sent only as a Word file, paragraph by paragraph', () => {
    expect(documentXml).toContain(`<w:t xml:space="preserve">${fixture.uploadedEssayText}</w:t>`);
    expect(documentXml).toContain('<w:t xml:space="preserve">二、狠抓落实</w:t>');
  });

  it('follows the order the organisers set', async () => {
    const ids = listFeatured(fixture.db).map((e) => e.essayId);
    setFeaturedOrder(fixture.db, [...ids].reverse());
    const reordered = entryText(
      readZip(await exportBytes((out) => exportKind('优秀学习感想汇编.docx')!.write(fixture.ctx, out))),
      'word/document.xml',
    );
    expect(reordered.indexOf('学习纲要的几点体会')).toBeLessThan(reordered.indexOf('=HYPERLINK'));
    setFeaturedOrder(fixture.db, ids);
  });

  it('numbers the pages in the footer from 1 on the first essay', () => {
    const footer = compilation
      .filter((e) => /^word\/footer\d+\.xml$/.test(e.name))
      .map((e) => e.data.toString('utf8'))
      .join('');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(documentXml).toContain('<w:pgNumType w:start="1"/>');
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
  });

  it('sets titles in 方正小标宋简体 二号, the byline in 楷体_GB2312 and the body in 仿宋_GB2312 三号', () => {
    const LANG = '<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\\/>';
    expect(documentXml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(documentXml).toMatch(
      new RegExp(
        `w:eastAsia="楷体_GB2312"[^>]*/><w:sz w:val="32"/><w:szCs w:val="32"/>${LANG}</w:rPr><w:t xml:space="preserve">卫辉市水利局　科员　𠮷田`,
      ),
    );
    expect(documentXml).toMatch(
      new RegExp(
        `w:eastAsia="仿宋_GB2312"[^>]*/><w:sz w:val="32"/><w:szCs w:val="32"/>${LANG}</w:rPr><w:t xml:space="preserve">质量是发展之基，𠮷字也要印对。`,
      ),
    );
    expect(documentXml).toMatch(
      new RegExp(`w:eastAsia="黑体"[^>]*/><w:sz w:val="32"/><w:szCs w:val="32"/>${LANG}</w:rPr><w:t xml:space="preserve">一、提高认识`),
    );
  });

  it('declares fallbacks for PCs without the GB2312 fonts', () => {
    const fonts = entryText(compilation, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('contains only essays marked 优秀, and says so honestly when there are none', async () => {
    expect(documentXml).not.toContain('以质量强国建设纲要引领𠮷祥高质量发展');
    const empty = readZip(await compilationDocx([], { office: '市水利局', now: new Date() }));
    expect(entryText(empty, 'word/document.xml')).toContain('暂无入选的优秀学习感想');
  });
});

describe('documents made from what a unit typed', () => {
  it('carry markup and control characters as plain text without breaking the file', async () => {
    const docx = readZip(
      await essayDocx(
        { title: '<b>标题</b>', author: 'A&B', authorPosition: '科员', body: '正文\u0001含控制符\n<script>x</script>' },
        '测试单位',
      ),
    );
    const xml = entryText(docx, 'word/document.xml');
    expect(xml).toContain('&lt;b&gt;标题&lt;/b&gt;');
    expect(xml).toContain('正文含控制符');
    expect(xml).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(xml).not.toContain('\u0001');
  });
});

describe('工作简报.docx', () => {
  it('holds a title, each adopted 工作信息 under its unit and the adopted photos with their captions', async () => {
    const briefing = readZip(await exportBytes((out) => exportKind('工作简报.docx')!.write(fixture.ctx, out)));
    const xml = entryText(briefing, 'word/document.xml');
    expect(xml).toContain('工作简报');
    expect(xml).toContain(fixture.infoText);
    expect(xml.indexOf('卫辉市水利局')).toBeLessThan(xml.indexOf(fixture.infoText));
    expect(xml).toContain('2月15日局党组集中学习（卫辉市水利局供图）');
    expect(xml).toContain('座谈会：交流/体会?（卫辉市水利局供图）');
    expect(xml.match(/<pic:pic\b/g)).toHaveLength(2);
    const media = briefing.filter((e) => e.name.startsWith('word/media/'));
    expect(media[0]!.data.equals(fixture.photo)).toBe(true);
  });
});
