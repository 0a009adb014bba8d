import { describe, expect, it } from 'vitest';
import { buildCorpus, NOTICE_SEED, readSeed } from '#reading/corpus.ts';
import { gangyaoBlocks } from '#reading/gangyao-text.ts';
import { missingSentences, officialSentences } from '#reading/verbatim.ts';
import { splitNoticeSeed } from '#reading/parse/regions.ts';
import { toLines } from '#reading/parse/lines.ts';
import { spellingNotes } from '#reading/parse/errata.ts';

const corpus = buildCorpus();
const { gangyao, notice, press, related, errata, errataNotes } = corpus;
const allGangyaoText = gangyaoBlocks(gangyao).join('\n');

describe('the 纲要', () => {
  it('has the preamble, 11 parts, 32 articles and 7 专栏 with stable ids', () => {
    expect(gangyao.title).toBe('质量强国建设纲要');
    expect(gangyao.preamble).toHaveLength(1);
    expect(gangyao.parts.map((p) => p.id)).toEqual(Array.from({ length: 11 }, (_, i) => `part-${i + 1}`));
    expect(gangyao.articles.map((a) => a.id)).toEqual(Array.from({ length: 32 }, (_, i) => `art-${i + 1}`));
    expect(gangyao.columns.map((c) => c.id)).toEqual(Array.from({ length: 7 }, (_, i) => `col-${i + 1}`));
  });

  it('names the parts as printed', () => {
    expect(gangyao.parts.map((p) => p.title)).toEqual([
      '形势背景',
      '总体要求',
      '推动经济质量效益型发展',
      '增强产业质量竞争力',
      '加快产品质量提档升级',
      '提升建设工程品质',
      '增加优质服务供给',
      '增强企业质量和品牌发展能力',
      '构建高水平质量基础设施',
      '推进质量治理现代化',
      '组织保障',
    ]);
  });

  it('recognises articles printed with half-width brackets', () => {
    expect(gangyao.halfWidthArticles).toEqual([13, 16, 19, 20, 22, 30, 31, 32]);
    const article13 = gangyao.articles[12];
    expect(article13?.title).toBe('强化工程质量保障');
    expect(article13?.partId).toBe('part-6');
    expect(article13?.paragraphs[0]?.text.startsWith('全面落实各方主体的工程质量责任')).toBe(true);
  });

  it('splits the heading of an article from its body at the first 。', () => {
    const article3 = gangyao.articles[2];
    expect(article3?.title).toBe('增强质量发展创新动能');
    expect(article3?.paragraphs[0]?.text.startsWith('建立政产学研用深度融合')).toBe(true);
  });

  it('gives 主要目标 its six —— goals between the 2025 and 2035 paragraphs', () => {
    const goals = gangyao.articles[1];
    expect(goals?.goals.map((g) => g.lead)).toEqual([
      '经济发展质量效益明显提升',
      '产业质量竞争力持续增强',
      '产品、工程、服务质量水平显著提升',
      '品牌建设取得更大进展',
      '质量基础设施更加现代高效',
      '质量治理体系更加完善',
    ]);
    expect(goals?.paragraphs[0]?.text.startsWith('到 2025 年')).toBe(true);
    expect(goals?.paragraphs.at(-1)?.text.startsWith('到 2035 年')).toBe(true);
  });

  it('finds every 专栏 with its —— items after the right article', () => {
    expect(gangyao.columns.map((c) => [c.title, c.items.length, c.afterArticleId])).toEqual([
      ['区域质量发展示范工程', 3, 'art-9'],
      ['重点产品质量阶梯攀登工程', 4, 'art-12'],
      ['建设工程质量管理升级工程', 3, 'art-15'],
      ['服务品质提升工程', 3, 'art-18'],
      ['中国品牌建设工程', 3, 'art-21'],
      ['质量基础设施升级增效工程', 4, 'art-24'],
      ['质量安全监管筑堤工程', 4, 'art-29'],
    ]);
  });

  it('re-joins sentences the PDF broke across blank lines and page breaks', () => {
    expect(gangyao.articles[2]?.paragraphs[0]?.text).toContain('提升知识产权公共服务能力。');
    expect(gangyao.articles[1]?.goals[3]?.text).toContain('品质卓越、特色鲜明的品牌领军企业');
    expect(gangyao.articles[15]?.paragraphs).toHaveLength(1);
    expect(gangyao.articles[15]?.paragraphs[0]?.text).toContain('代耕代种等专业服务。发展智能化解决方案');
  });

  it('keeps each article (三)–(三十二) as one paragraph, as issued', () => {
    expect(
      gangyao.articles
        .slice(2)
        .filter((a) => a.paragraphs.length !== 1)
        .map((a) => a.id),
    ).toEqual([]);
  });
});

describe('勘误', () => {
  it('corrects exactly the two stray English "and" and lists them with their source line', () => {
    expect(errata.map((e) => [e.line, e.original, e.corrected, e.targetId])).toEqual([
      [91, '重点行业 and 重点产品', '重点行业和重点产品', 'art-4'],
      [155, '质量标准 and 具体工艺', '质量标准和具体工艺', 'col-3'],
    ]);
    expect(allGangyaoText).not.toMatch(/\band\b/);
  });

  it('lists the two printed spellings of the NDRC speaker as a 说明, not a correction, and leaves both as printed', () => {
    expect(errataNotes).toHaveLength(1);
    const [note] = errataNotes;
    const answer = press.turns.find((turn) => turn.speaker === '龚桢桢');
    expect(note).toMatchObject({ seed: NOTICE_SEED, lines: [259, 335], targetId: answer?.id });
    expect(note?.printed).toBe('出席人员名单作“龚楨楮”；答问发言人标题作“龚桢桢”');
    expect(note?.remark).toContain('未作改动');
    expect(note?.remark).toContain('公开报道中的写法为“龚桢梽”');
    expect(answer?.role).toBe('国家发展和改革委员会产业发展司负责人');
    expect(press.turns[0]?.paragraphs.map((p) => p.text).join('')).toContain('产业发展司负责人龚楨楮先生');
    expect(errata).toHaveLength(2);
  });

  it('stops the build when a spelling it notes is no longer in the source', () => {
    expect(() => spellingNotes(toLines('国家发展和改革委员会产业发展司负责人龚桢桢：'))).toThrow('找不到');
  });
});

describe('verbatim', () => {
  const sentences = officialSentences(readSeed(NOTICE_SEED));

  it('finds every sentence of the source 纲要 in the parsed text, in order', () => {
    expect(sentences.length).toBeGreaterThan(300);
    expect(missingSentences(sentences, allGangyaoText)).toEqual([]);
  });

  it('notices a sentence that is missing', () => {
    const dropped = sentences[40] ?? '';
    expect(missingSentences(sentences, allGangyaoText.replace(dropped, ''))).toEqual([dropped]);
  });

  it('notices sentences out of order', () => {
    const swapped = [...sentences];
    [swapped[10], swapped[11]] = [sentences[11] ?? '', sentences[10] ?? ''];
    expect(missingSentences(sentences, swapped.join(''))).toEqual([sentences[11]]);
    expect(missingSentences(sentences, sentences.join(''))).toEqual([]);
  });
});

describe('the notice', () => {
  it('has issuer, title and addressees', () => {
    expect(notice.issuer).toBe('新乡市水利局');
    expect(notice.title).toBe('关于组织开展《质量强国建设纲要》学习活动的通知');
    expect(notice.addressees).toBe('各县（市、区）水利局（农业农村局）、局机关各科室、局属二级机构、局属各建管局');
  });

  it('has sections 一 to 五', () => {
    expect(notice.sections.map((s) => `${s.ordinal}、${s.title}`)).toEqual([
      '一、高度重视，狠抓落实',
      '二、广泛宣传，营造氛围',
      '三、强化督导，注重实效',
      '四、提高站位，切实抓好《纲要》目标任务的贯彻落实',
      '五、有关要求',
    ]);
    expect(notice.sections[3]?.paragraphs[0]?.text).toContain('加强各级质量督察工作');
  });

  it('reads the requirement: deadline, materials, recipient and two essays', () => {
    expect(notice.requirement).toMatchObject({
      deadlineDate: '2023-02-27',
      deadlineTime: '下班前',
      materials: ['本单位组织开展《纲要》学习活动情况汇报', '相关的信息和照片', '2 篇优秀学习感想或者体会'],
      essayCount: 2,
      recipient: '市水利局水利工程建设与监督科',
    });
  });

  it('reads attachments and contact', () => {
    expect(notice.attachments).toEqual(['质量强国建设纲要', '国务院新闻办公室发布会稿件（节选）']);
    expect(notice.contact).toEqual({ person: '李述虎', phones: ['2079642', '18737374374'], email: 'xxssljjdk@163.com' });
  });
});

describe('the press conference', () => {
  it('splits the excerpt into eleven turns of host, statement, questions and answers', () => {
    expect(press.title).toBe('国务院新闻办公室发布会稿件（节选）');
    expect(press.turns.map((t) => `${t.kind}:${t.speaker}`)).toEqual([
      'host:邢慧娜',
      'statement:田世宏',
      'host:邢慧娜',
      'question:新华社记者',
      'answer:田世宏',
      'question:中央广播电视总台央视记者',
      'answer:黄国梁',
      'question:澎湃新闻记者',
      'answer:龚桢桢',
      'question:21世纪经济报道记者',
      'answer:毕开春',
    ]);
  });

  it('keeps each speaker’s role or organisation', () => {
    expect(press.turns[1]?.role).toBe('国家市场监管总局副局长、国家标准化管理委员会主任');
    expect(press.turns[3]?.role).toBe('新华社');
    expect(press.turns[4]?.role).toBe(press.turns[1]?.role);
  });

  it('strips the inline speaker name from the text and re-joins broken lines', () => {
    expect(press.turns[4]?.paragraphs[0]?.text.startsWith('谢谢您的提问')).toBe(true);
    expect(press.turns[1]?.paragraphs.map((p) => p.text).join('')).toContain('提出了2025年和 2035 年两阶段发展目标');
    expect(press.turns[4]?.paragraphs[1]?.text).toContain('重大意义。《纲要》是首个由党中央、国务院印发');
    expect(press.intro.map((p) => p.text.slice(0, 16))).toEqual(['2023 年 2 月 16 日，']);
  });
});

describe('related documents', () => {
  it('keeps the four provincial documents with their titles', () => {
    expect(related.map((d) => [d.slug, d.titleSupplied])).toEqual([
      ['jilin-shishi-yijian-jiedu', false],
      ['jilin-zhiliang-tisheng-2018', false],
      ['jilin-zhiliang-tisheng-chengxiao', true],
      ['jilin-zhiliang-qiangsheng-2012', true],
    ]);
    expect(related[0]?.title).toBe('吉林省关于贯彻落实《质量强国建设纲要》的实施意见的政策解读');
    expect(related[1]?.meta).toBe('（2018年7月5日）');
    expect(related[3]?.meta).toBe('吉林省人民政府 2012年7月26日');
  });

  it('keeps their own heading structure', () => {
    const headings = (i: number) =>
      related[i]?.blocks.flatMap((b) => (b.type === 'heading' ? [`${b.heading.level}:${b.heading.text}`] : []));
    expect(headings(0)).toEqual(['1:一、制定依据', '1:二、起草过程', '1:三、主要内容', '1:四、特色和亮点']);
    expect(headings(3)).toContain('2:（三）完善配套政策。');
  });

  it('re-joins paragraphs the PDF broke into lines', () => {
    const text = related[0]?.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.paragraph.text] : [])).join('\n') ?? '';
    expect(text).toContain('对 2022 至 2035 年质量强国工作做出全面部署');
  });
});

describe('a seed of the wrong shape', () => {
  it('is refused with a message that says what is missing', () => {
    expect(() => splitNoticeSeed(toLines('只有一行'))).toThrow(/找不到“质量强国建设纲要”/);
  });
});
