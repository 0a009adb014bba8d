import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNotes, readTerms } from '#reading/annotations/load.ts';
import { renderMarkdown } from '#reading/annotations/markdown.ts';

const SHIYI_BODY =
  '本条讲工程质量责任。建设单位承担首要责任，勘察、设计、施工、监理单位承担主体责任，参建各方的项目负责人签署终身责任书面承诺，竣工后设立永久性标牌，质量信息档案随工程移交，出了问题能够追溯到具体的单位和个人。';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'notes-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function write(relativePath: string, content: string): string {
  const path = join(folder, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function shiyi(front: string, body = SHIYI_BODY): string {
  return `---\n${front}\n---\n\n${body}\n`;
}

const validFront = 'kind: shiyi\ntarget: art-13\ntitle: 工程质量责任\nsource: [纲要原文, 本站归纳]';

function notesError(): string {
  try {
    readNotes(join(folder, 'notes'));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the notes were accepted');
}

function termsError(): string {
  try {
    readTerms(join(folder, 'glossary'));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the glossary was accepted');
}

function expectReadableChinese(message: string): void {
  expect(message).toMatch(/^内容文件有误：/);
  expect(message).not.toMatch(/Invalid|Expected|expected|received|ZodError|YAMLParseError|at line/);
}

describe('a note with bad frontmatter stops the build', () => {
  it('accepts a well-formed 释义 and renders its body', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront));
    const [note] = readNotes(join(folder, 'notes'));
    expect(note).toMatchObject({
      kind: 'shiyi',
      target: 'art-13',
      title: '工程质量责任',
      source: ['纲要原文', '本站归纳'],
      turnQuotes: [],
      related: [],
    });
    expect(note?.html).toBe(`<p>${SHIYI_BODY}</p>\n`);
    expect(note?.text).toBe(SHIYI_BODY);
  });

  it('names the file and the target field when the target is not an article or 专栏', () => {
    const path = write('notes/shiyi/art-33.md', shiyi(validFront.replace('art-13', 'art-33')));
    const message = notesError();
    expect(message).toContain(path);
    expect(message).toContain('字段“target”');
    expect(message).toContain('art-1…art-32、col-1…col-7');
    expectReadableChinese(message);
  });

  it('says that a missing title must be filled in', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront.replace('title: 工程质量责任\n', '')));
    const message = notesError();
    expect(message).toContain('字段“title”');
    expect(message).toContain('标题必须填写');
    expectReadableChinese(message);
  });

  it('names a misspelled field and asks to check the spelling', () => {
    write('notes/shiyi/art-13.md', shiyi(`${validFront}\ntagret: art-13`));
    const message = notesError();
    expect(message).toContain('字段“tagret”');
    expect(message).toContain('请检查拼写');
    expectReadableChinese(message);
  });

  it('points at the line of a YAML syntax error', () => {
    write('notes/shiyi/art-13.md', shiyi('kind: shiyi\ntarget: art-13\ntitle: "工程质量责任\nsource: x'));
    const message = notesError();
    expect(message).toMatch(/文件第 \d+ 行附近的 YAML 格式有误/);
    expectReadableChinese(message);
  });

  it('asks for the --- block when a file has none', () => {
    write('notes/shiyi/art-13.md', SHIYI_BODY);
    const message = notesError();
    expect(message).toContain('文件第一行必须是 ---');
    expectReadableChinese(message);
  });

  it('refuses a press quote too short to find one turn', () => {
    write(
      'notes/press/art-10.md',
      '---\nkind: press\ntarget: art-10\ntitle: 四个最严\nsource: [发布会稿件（节选）]\nturns:\n  - 四个最严\n---\n\n黄国梁说要严格落实食品安全“四个最严”要求。\n',
    );
    const message = notesError();
    expect(message).toContain('字段“turns 第 1 项”');
    expect(message).toContain('引文至少 8 个字');
    expectReadableChinese(message);
  });

  it('names the relation of a compare passage that is neither implements nor precedes', () => {
    write(
      'notes/compare/art-13.md',
      '---\nkind: compare\ntarget: art-13\ntitle: 终身责任\nsource: [纲要原文, 吉林省质量提升行动实施意见（2018）]\nrelated:\n  - slug: jilin-zhiliang-tisheng-2018\n    quote: 落实工程质量终身责任制\n    relation: follows\n---\n\n吉林省 2018 年已部署工程质量终身责任制。\n',
    );
    const message = notesError();
    expect(message).toContain('字段“related 第 1 项的 relation”');
    expect(message).toContain('implements（落实）或 precedes（先行）');
    expectReadableChinese(message);
  });

  it('names an unknown related document', () => {
    write(
      'notes/compare/art-13.md',
      '---\nkind: compare\ntarget: art-13\ntitle: 终身责任\nsource: [纲要原文]\nrelated:\n  - slug: henan-2020\n    quote: 落实工程质量终身责任制\n    relation: precedes\n---\n\n吉林省 2018 年已部署工程质量终身责任制。\n',
    );
    const message = notesError();
    expect(message).toContain('字段“related 第 1 项的 slug”');
    expect(message).toContain('jilin-zhiliang-tisheng-2018');
  });

  it('lists the allowed names when a source is free text', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront.replace('[纲要原文, 本站归纳]', '[本站编写，依据纲要原文]')));
    const message = notesError();
    expect(message).toContain('字段“source 第 1 项”');
    expect(message).toContain('纲要原文、发布会稿件（节选）');
    expect(message).toContain('本站归纳、通行释义');
    expectReadableChinese(message);
  });

  it('asks for a list when the source is a single line', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront.replace('[纲要原文, 本站归纳]', '纲要原文')));
    expect(notesError()).toContain('来源应写成列表，例如 [纲要原文, 本站归纳]');
  });

  it('refuses a source named twice', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront.replace('[纲要原文, 本站归纳]', '[纲要原文, 纲要原文]')));
    expect(notesError()).toContain('同一来源只写一次');
  });

  it('asks a 发布会解读 to name the press excerpt it quotes as its source', () => {
    write(
      'notes/press/art-10.md',
      '---\nkind: press\ntarget: art-10\ntitle: 四个最严\nsource: [纲要原文]\nturns:\n  - 严格落实食品安全“四个最严”要求\n---\n\n黄国梁说要严格落实食品安全“四个最严”要求。\n',
    );
    const message = notesError();
    expect(message).toContain('字段“source”');
    expect(message).toContain('来源应包含 发布会稿件（节选）');
  });

  it('asks a 对照 to name each related document it quotes as a source', () => {
    write(
      'notes/compare/art-13.md',
      '---\nkind: compare\ntarget: art-13\ntitle: 终身责任\nsource: [纲要原文]\nrelated:\n  - slug: jilin-zhiliang-tisheng-2018\n    quote: 落实工程质量终身责任制\n    relation: precedes\n---\n\n吉林省 2018 年已部署工程质量终身责任制。\n',
    );
    const message = notesError();
    expect(message).toContain('字段“source”');
    expect(message).toContain('来源应包含 吉林省质量提升行动实施意见（2018）');
  });

  it('counts the 汉字 of a 释义 that is too short', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront, '本条讲工程质量责任。'));
    const message = notesError();
    expect(message).toContain('字段“正文”');
    expect(message).toContain('应有 80–250 个汉字，现在是 9 个');
  });

  it('refuses a second 释义 of the same article', () => {
    write('notes/shiyi/art-13.md', shiyi(validFront));
    const second = write('notes/shiyi/art-13-again.md', shiyi(validFront));
    const message = notesError();
    expect(message).toContain(second);
    expect(message).toContain('art-13 已由');
  });

  it('refuses a note whose kind does not match its folder', () => {
    write('notes/water/art-13.md', shiyi(validFront));
    const message = notesError();
    expect(message).toContain('字段“kind”');
    expect(message).toContain('应为 water');
  });

  it('refuses a folder that is not a kind of note', () => {
    write('notes/misc/art-13.md', shiyi(validFront));
    expect(notesError()).toContain('注释文件夹只能是 shiyi、press、compare、water 之一');
  });
});

describe('a glossary file with bad frontmatter stops the build', () => {
  const term = (slug: string, aliases: string[]) =>
    write(
      `glossary/${slug}.md`,
      `---\nterm: 质量月\naliases:\n${aliases.map((a) => `  - ${a}\n`).join('')}source: [通行释义, 纲要原文]\n---\n\n全国每年九月开展的群众性质量宣传活动，纲要要求以它为载体开展全民质量行动。\n`,
    );

  it('reads a term with its slug from the file name', () => {
    term('zhiliang-yue', ['质量月']);
    const [read] = readTerms(join(folder, 'glossary'));
    expect(read).toMatchObject({ slug: 'zhiliang-yue', term: '质量月', aliases: ['质量月'], source: ['通行释义', '纲要原文'] });
    expect(read).not.toHaveProperty('english');
  });

  it('refuses a term without aliases', () => {
    term('zhiliang-yue', []);
    writeFileSync(
      join(folder, 'glossary/zhiliang-yue.md'),
      '---\nterm: 质量月\nsource: [通行释义, 纲要原文]\n---\n\n全国每年九月开展的群众性质量宣传活动，纲要要求以它为载体。\n',
    );
    const message = termsError();
    expect(message).toContain('字段“aliases”');
    expectReadableChinese(message);
  });

  it('refuses one alias claimed by two terms', () => {
    term('zhiliang-yue', ['质量月']);
    term('quanguo-zhiliang-yue', ['质量月']);
    expect(termsError()).toContain('写法“质量月”已属于名词');
  });

  it('refuses a file name that cannot be an anchor', () => {
    term('质量月', ['质量月']);
    expect(termsError()).toContain('文件名只能用小写拼音字母、数字和连字符');
  });
});

describe('Markdown bodies', () => {
  it('show raw HTML as text instead of running it', () => {
    const { html, text } = renderMarkdown('说明<script>alert(1)</script>\n\n[点我](javascript:alert(1))');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(text).toContain('说明<script>alert(1)</script>');
  });

  it('keep paragraphs and lists as blocks of the plain text', () => {
    const { html, text } = renderMarkdown('第一段\n接着写。\n\n- 一是落实责任\n- 二是严格验收');
    expect(html).toContain('<li>一是落实责任</li>');
    expect(text).toBe('第一段接着写。\n一是落实责任\n二是严格验收');
  });
});
