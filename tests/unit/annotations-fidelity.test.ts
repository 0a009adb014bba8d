import { describe, expect, it } from 'vitest';
import { namedTargets, overstatedRequirements, quotedPhrases, unsourcedQuotes } from '#reading/annotations/fidelity.ts';

// Sentences of the 纲要 as printed (articles 17, 20, 26 and 13), line breaks where the PDF has them.
const ART_17 =
  '大力发展大众餐饮服务，提高质量安全水平。促进网络购物、移动支付等新模式规范有序发展，鼓励超市、电商平台等零售业态多元化融合发展。支持有条件的地方建\n\n设新型消费体验中心，开展多样化体验活动。加强生活服务质量监管，保障人民群众享有高品质生活。';
const ART_20 =
  '鼓励企业制定实施以质取胜生产经营战略，创新质量管理理念、方法、工具，推动全员、全要素、全过程、全数据的新型质量管理体系应用，加快质量管理成熟度跃升。强化新一代信息技术应用和企业质量保证能力建设，构建数字化、智能化质量管控模式。';
const ART_26 = '建立质量分级标准规则，实施产品和服务质量分级，引导优质优价，促进精准监管。';
const ART_13 = '严格执行工程质量终身责任书面承诺制、永久性标牌制、质量信息档案等制度，强化质量责任追溯追究。';

describe('quotedPhrases', () => {
  it('returns what stands between “ and ”, and nothing set off with 「」', () => {
    expect(quotedPhrases('严格落实“四个最严”要求，本站归纳为「五个着力」，打造“百年老店”。')).toEqual(['四个最严', '百年老店']);
  });
});

describe('unsourcedQuotes', () => {
  it('accepts a quote found in a source even where the PDF broke the line inside it', () => {
    expect(unsourcedQuotes('本条提到“支持有条件的地方建设新型消费体验中心”。', [ART_13, ART_17])).toEqual([]);
  });

  it('reports a phrase in quotation marks that no source holds', () => {
    expect(unsourcedQuotes('具体要求可以概括为“五个着力”。', [ART_20])).toEqual(['五个着力']);
  });

  it('leaves the site’s own wording in 「」 unchecked', () => {
    expect(unsourcedQuotes('本站归纳为「五个着力」。', [ART_20])).toEqual([]);
  });
});

describe('overstatedRequirements', () => {
  it('catches 要求 for what the article introduces with 支持', () => {
    const findings = overstatedRequirements('本条要求规范旅游市场秩序，建设新型消费体验中心。', ART_17);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ phrase: '建设新型消费体验中心', verb: '支持' });
    expect(findings[0]?.sourceSentence).toContain('支持有条件的地方');
  });

  it('catches a clause several commas after the article’s 鼓励, within its sentence', () => {
    const findings = overstatedRequirements('第（二十）条要求推动全员、全要素、全过程、全数据的新型质量管理体系应用。', ART_20);
    expect(findings.map((finding) => finding.verb)).toEqual(['鼓励']);
  });

  it('catches the clause when the note words the verb its own way', () => {
    const findings = overstatedRequirements('实施意见按纲要要求推进全员、全要素、全过程、全数据的新型质量管理体系。', ART_20);
    expect(findings.map((finding) => finding.phrase)).toEqual(['全员、全要素、全过程、全数据的新型质量管理体系']);
  });

  it('passes a note that keeps the article’s own verb or says 提出', () => {
    expect(overstatedRequirements('本条鼓励企业推动全员、全要素、全过程、全数据的新型质量管理体系应用。', ART_20)).toEqual([]);
    expect(overstatedRequirements('本条提出支持有条件的地方建设新型消费体验中心。', ART_17)).toEqual([]);
    expect(overstatedRequirements('本条要求规范旅游市场秩序；并支持有条件的地方建设新型消费体验中心。', ART_17)).toEqual([]);
  });

  it('passes 要求 for what the article asks without a softer verb', () => {
    expect(overstatedRequirements('本条要求构建数字化、智能化质量管控模式。', ART_20)).toEqual([]);
    expect(overstatedRequirements('第（十三）条要求严格执行工程质量终身责任书面承诺制。', ART_13)).toEqual([]);
  });

  it('does not carry a 鼓励 over from an earlier sentence of the article', () => {
    expect(overstatedRequirements('本条要求加强生活服务质量监管。', ART_17)).toEqual([]);
  });

  it('passes a clause whose softer verb the note itself gives before it', () => {
    expect(overstatedRequirements('第（二十六）条要求实施产品和服务质量分级，引导优质优价，促进精准监管。', ART_26)).toEqual([]);
    expect(
      overstatedRequirements('第（二十六）条要求实施产品和服务质量分级，促进精准监管。', ART_26).map((finding) => finding.verb),
    ).toEqual(['引导']);
  });

  it('ignores 要求 followed by nothing the article holds', () => {
    expect(overstatedRequirements('具体要求可以概括为几个方面。', ART_20)).toEqual([]);
  });
});

describe('namedTargets', () => {
  it('reads the articles and 专栏 a text names', () => {
    expect(namedTargets('纲要第（十三）条要求…')).toEqual(['art-13']);
    expect(namedTargets('纲要第（二十二）至（二十四）条专门部署')).toEqual(['art-22', 'art-24']);
    expect(namedTargets('它与第（六）（十一）（十二）条相呼应，专栏7提出')).toEqual(['art-6', 'art-11', 'art-12', 'col-7']);
    expect(namedTargets('本条讲工程质量。')).toEqual([]);
  });
});
