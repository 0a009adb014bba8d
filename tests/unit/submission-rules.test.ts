import { describe, expect, it } from 'vitest';
import { isPhoneNumber, validateSubmission, type RulesInput } from '#shared/submission/rules.ts';

const complete = (): RulesInput => ({
  values: {
    unit_id: '3',
    code: 'K7P2QX',
    contact_person: '王明',
    contact_phone: '0373-2079642',
    activity_dates: '2023年2月15日',
    activity_forms: ['专题会', '集中学习'],
    participants: '局党组成员及全体干部职工，共 45 人',
    report_body: '2月15日，我局召开专题会议，传达学习《质量强国建设纲要》。',
    essay_1_title: '以质量强国建设为引领',
    essay_1_author: '李华',
    essay_1_position: '科长',
    essay_1_body: '学习体会正文',
    essay_2_title: '学习纲要的几点体会',
    essay_2_author: '张强',
    essay_2_position: '副局长',
    essay_2_body: '',
  },
  photos: [{ caption: '专题会现场' }],
  filesPresent: new Set(['essay_2_file']),
  photoMax: 9,
  essayCount: 2,
});

describe('checking a submission before it is sent', () => {
  it('accepts a complete submission whose second essay is an uploaded Word file', () => {
    expect(validateSubmission(complete())).toEqual({});
  });

  it('asks for the unit, the 报送码 and the contact person in Chinese', () => {
    const input = complete();
    input.values = { ...input.values, unit_id: '', code: '  ', contact_person: '' };
    const errors = validateSubmission(input);
    expect(errors['unit_id']).toBe('请选择报送单位。');
    expect(errors['code']).toContain('报送码');
    expect(errors['contact_person']).toBe('请填写联系人姓名。');
  });

  it('explains how to write a phone number it cannot read', () => {
    const input = complete();
    input.values = { ...input.values, contact_phone: '打办公室' };
    expect(validateSubmission(input)['contact_phone']).toContain('13812345678');
  });

  it('needs at least one form of activity with the report, and words for 其他', () => {
    const none = complete();
    none.values = { ...none.values, activity_forms: [] };
    expect(validateSubmission(none)['activity_forms']).toBe('请至少选择一种活动形式。');
    const other = complete();
    other.values = { ...other.values, activity_forms: ['其他'] };
    expect(validateSubmission(other)['activity_forms_other']).toContain('其他');
  });

  it('refuses an activity form that is not on the list', () => {
    const input = complete();
    input.values = { ...input.values, activity_forms: ['聚餐'] };
    expect(validateSubmission(input)['activity_forms']).toContain('选项');
  });

  it('takes fewer photos than the notice asks for, even none, but needs a caption for each one sent', () => {
    const input = complete();
    input.photos = [];
    expect(validateSubmission(input)).toEqual({});
    input.photos = [{ caption: '现场' }, { caption: ' ' }];
    expect(validateSubmission(input)['photo_caption_2']).toContain('第 2 张照片');
  });

  it('refuses more photos than allowed', () => {
    const input = complete();
    input.photoMax = 2;
    input.photos = [{ caption: 'a' }, { caption: 'b' }, { caption: 'c' }];
    expect(validateSubmission(input)['photos']).toContain('最多 2 张');
  });

  it('takes a submission whose second essay is left wholly empty', () => {
    const input = complete();
    input.values = { ...input.values, essay_2_title: '', essay_2_author: ' ', essay_2_position: '' };
    input.filesPresent = new Set();
    expect(validateSubmission(input)).toEqual({});
  });

  it('needs the title, author, position and a text of an essay once anything of it is filled in', () => {
    const typed = complete();
    typed.filesPresent = new Set();
    typed.values = { ...typed.values, essay_2_title: '', essay_2_position: '' };
    const errors = validateSubmission(typed);
    expect(errors['essay_2_title']).toBe('请填写第 2 篇学习感想的标题。');
    expect(errors['essay_2_position']).toBe('请填写第 2 篇学习感想作者的职务。');
    expect(errors['essay_2']).toContain('请粘贴正文，或上传 Word 文档');
    expect(errors['essay_1']).toBeUndefined();

    const uploadedOnly = complete();
    uploadedOnly.values = { ...uploadedOnly.values, essay_2_title: '', essay_2_author: '', essay_2_position: '' };
    expect(validateSubmission(uploadedOnly)['essay_2_author']).toBe('请填写第 2 篇学习感想的作者姓名。');
  });

  it('takes the 情况汇报 as pasted text or as an uploaded original, and takes a submission without it', () => {
    const uploaded = complete();
    uploaded.values = { ...uploaded.values, report_body: '' };
    uploaded.filesPresent = new Set(['essay_2_file', 'report_file']);
    expect(validateSubmission(uploaded)).toEqual({});
    const without = complete();
    without.values = { ...without.values, report_body: ' ' };
    expect(validateSubmission(without)).toEqual({});
  });

  it('asks for the dates, forms and participants with the report, but not before the report is written', () => {
    const blank = { activity_dates: '', activity_forms: [], participants: '' };
    const withReport = complete();
    withReport.values = { ...withReport.values, ...blank };
    expect(Object.keys(validateSubmission(withReport)).sort()).toEqual(['activity_dates', 'activity_forms', 'participants']);
    const noReport = complete();
    noReport.values = { ...noReport.values, ...blank, report_body: '' };
    expect(validateSubmission(noReport)).toEqual({});
    noReport.values = { ...noReport.values, activity_forms: ['其他'], participants: '人'.repeat(201) };
    expect(Object.keys(validateSubmission(noReport)).sort()).toEqual(['activity_forms_other', 'participants']);
  });

  it('tells how long a text may be when it is too long', () => {
    const input = complete();
    input.values = { ...input.values, contact_person: '王'.repeat(21) };
    expect(validateSubmission(input)['contact_person']).toBe('联系人不能超过 20 个字，请删减后再提交。');
  });
});

describe('reading phone numbers', () => {
  it('accepts mobiles, landlines with area codes and extensions', () => {
    for (const phone of ['18737374374', '2079642', '0373-2079642', '+86 187 3737 4374', '（0373）2079642转12']) {
      expect(isPhoneNumber(phone), phone).toBe(true);
    }
  });

  it('rejects words and too few digits', () => {
    for (const phone of ['李述虎', '12345', 'call me']) expect(isPhoneNumber(phone), phone).toBe(false);
  });
});
