import { describe, expect, it } from 'vitest';
import { materialsInForm, missingMaterials } from '#shared/submission/completeness.ts';

const required = { photoMin: 1, essayCount: 2 };
const texts = (present: Parameters<typeof missingMaterials>[0], need = required) =>
  missingMaterials(present, need).map((item) => item.text);

describe('what a submission still lacks', () => {
  it('is nothing for a report, enough photos and both essays', () => {
    expect(missingMaterials({ report: true, photoCount: 1, essayPositions: [1, 2] }, required)).toEqual([]);
  });

  it('names each missing item in the order of the form, with the photos counted', () => {
    expect(missingMaterials({ report: false, photoCount: 0, essayPositions: [] }, required)).toEqual([
      { field: 'report_body', text: '情况汇报' },
      { field: 'photos', text: '活动照片（至少 1 张，已有 0 张）' },
      { field: 'essay_1', text: '第 1 篇学习感想' },
      { field: 'essay_2', text: '第 2 篇学习感想' },
    ]);
    expect(texts({ report: true, photoCount: 2, essayPositions: [1] }, { photoMin: 3, essayCount: 2 })).toEqual([
      '活动照片（至少 3 张，已有 2 张）',
      '第 2 篇学习感想',
    ]);
  });

  it('keeps the essay numbers as entered, so a second essay sent alone leaves the first one missing', () => {
    expect(texts({ report: true, photoCount: 1, essayPositions: [2] })).toEqual(['第 1 篇学习感想']);
  });

  it('reads a form: a report given as a file counts, an essay counts once anything of it is filled in', () => {
    const present = materialsInForm({
      values: { report_body: ' ', essay_1_title: '', essay_2_author: '张强' },
      photoCount: 0,
      filesPresent: new Set(['report_file']),
      essayCount: 2,
    });
    expect(present).toEqual({ report: true, photoCount: 0, essayPositions: [2] });
    const essayFile = materialsInForm({ values: {}, photoCount: 1, filesPresent: new Set(['essay_1_file']), essayCount: 2 });
    expect(essayFile).toEqual({ report: false, photoCount: 1, essayPositions: [1] });
  });
});
