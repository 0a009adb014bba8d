import { describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { entryText, readZip } from '../support/unzip.ts';
import { exportKind } from '#server/export/exports.ts';
import { compilationDocx } from '#server/export/compilation-docx.ts';
import { setFeatured } from '#server/review/featured.ts';
import { essayDocx } from '#server/export/report-docx.ts';

const fixture = await exportFixture();
const compilation = await readZip(await exportBytes((out) => exportKind('优秀学习感想汇编.docx')!.write(fixture.ctx, out)));
const documentXml = entryText(compilation, 'word/document.xml');

describe('优秀学习感想汇编.docx', () => {
  it('has a title page with the compiling office and the month in Beijing time', () => {
    expect(documentXml).toContain('优秀学习感想汇编');
    expect(documentXml).toContain('市水利局水利工程建设与监督科');
    expect(documentXml).toContain('2023年3月');
  });

  it('has a table of contents field over the essay titles, marked to refresh when opened', () => {
    expect(documentXml).toContain('TOC \\h \\o &quot;1-1&quot;');
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading1"\/>.*=HYPERLINK\(&quot;http:\/\/x&quot;\)/);
    expect(entryText(compilation, 'word/settings.xml')).toContain('<w:updateFields/>');
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
    expect(documentXml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(documentXml).toMatch(
      /w:eastAsia="楷体_GB2312"[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">卫辉市水利局　科员　𠮷田/,
    );
    expect(documentXml).toMatch(
      /w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">质量是发展之基，𠮷字也要印对。/,
    );
    expect(documentXml).toMatch(
      /w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">一、提高认识/,
    );
  });

  it('declares fallbacks for PCs without the GB2312 fonts', () => {
    const fonts = entryText(compilation, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('contains only essays marked 优秀, and says so honestly when there are none', async () => {
    expect(documentXml).not.toContain('学习纲要的几点体会');
    const featuredId = Number(fixture.db.prepare('SELECT essay_id FROM featured_essays').get()!['essay_id']);
    setFeatured(fixture.db, featuredId, false, 'admin');
    const empty = await readZip(await compilationDocx([], { office: '市水利局', now: new Date() }));
    expect(entryText(empty, 'word/document.xml')).toContain('暂无入选的优秀学习感想');
    setFeatured(fixture.db, featuredId, true, 'admin');
  });
});

describe('documents made from what a unit typed', () => {
  it('carry markup and control characters as plain text without breaking the file', async () => {
    const docx = await readZip(
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
