import { describe, expect, it } from 'vitest';
import { isPhoneNumber, validateSubmission, type RulesInput } from '#shared/submission/rules.ts';

const complete = (): RulesInput => ({
  values: {
    unit_id: '3',
    code: 'K7P2QX',
    contact_person: '王明',
    contact_phone: '0373-2079642',
    activity_1_date: '2023-02-15',
    activity_1_form: '专题会',
    activity_1_leader: '局长 张明',
    activity_1_participants: '45',
    activity_1_practice: '局长领学《纲要》，各科室结合工程质量监督谈体会',
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
  activityWindow: { from: '2023-02-06', to: '2023-03-10' },
});

/** The values of a complete submission with row `n` of the 台账 changed. */
const withRow = (n: number, row: Record<string, string>): RulesInput => {
  const input = complete();
  const fields = Object.fromEntries(Object.entries(row).map(([part, value]) => [`activity_${n}_${part}`, value]));
  input.values = { ...input.values, ...fields };
  return input;
};

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

  it('needs a form for each activity, words for 其他, and only the listed forms', () => {
    expect(validateSubmission(withRow(1, { form: '' }))['activity_1_form']).toBe('第 1 项活动：请选择活动形式。');
    expect(validateSubmission(withRow(1, { form: '其他' }))['activity_1_form_other']).toBe(
      '第 1 项活动：选择了“其他”，请写明是什么形式，如：知识测试。',
    );
    expect(validateSubmission(withRow(1, { form: '其他', form_other: '知识测试' }))).toEqual({});
    expect(validateSubmission(withRow(1, { form: '聚餐' }))['activity_1_form']).toContain('选项');
    expect(validateSubmission(withRow(1, { form: '谈体会谈感想交流' }))).toEqual({});
  });

  it('takes an activity date as people type it, and says in Chinese when it is no date or outside the campaign', () => {
    for (const date of ['2023-02-15', '2023/2/15', '2023.2.15', '2023年2月15日']) {
      expect(validateSubmission(withRow(1, { date })), date).toEqual({});
    }
    expect(validateSubmission(withRow(1, { date: '2023-02-30' }))['activity_1_date']).toBe(
      '第 1 项活动：“2023-02-30”不是有效的日期，请写成 2023-02-15 或 2023年2月15日。',
    );
    expect(validateSubmission(withRow(1, { date: '上周五' }))['activity_1_date']).toContain('不是有效的日期');
    expect(validateSubmission(withRow(1, { date: '' }))['activity_1_date']).toBe('第 1 项活动：请填写日期，如 2023-02-15。');
    for (const date of ['2023-02-05', '2023-03-11']) {
      expect(validateSubmission(withRow(1, { date }))['activity_1_date'], date).toBe(
        '第 1 项活动：日期应在 2023年2月6日至 2023年3月10日之间，请核对。',
      );
    }
  });

  it('needs the participants as a whole number, who led it and a 做法 of at most 200 characters', () => {
    for (const participants of ['45人', '约45', '4.5', '0', '-3']) {
      expect(validateSubmission(withRow(1, { participants }))['activity_1_participants'], participants).toBe(
        '第 1 项活动：参加人数请填写整数，如 45（不要写“人”或“约”）。',
      );
    }
    expect(validateSubmission(withRow(1, { leader: ' ' }))['activity_1_leader']).toContain('请填写主持人');
    // A line break pasted into the 做法 is folded into one line, as in every one-line field.
    expect(validateSubmission(withRow(1, { practice: '第一行\n第二行' }))['activity_1_practice']).toBeUndefined();
    expect(validateSubmission(withRow(1, { practice: '做'.repeat(201) }))['activity_1_practice']).toContain('不能超过 200 个字');
  });

  it('skips blank rows, names the row of a problem, and takes at most 20 activities', () => {
    const gap = withRow(3, { date: '2023-02-20', form: '座谈会', leader: '科长', participants: '12', practice: '座谈', enterprise: '1' });
    gap.values = { ...gap.values, activity_2_date: '', activity_2_form: '', activity_2_enterprise: '' };
    expect(validateSubmission(gap)).toEqual({});
    expect(validateSubmission(withRow(3, { date: '2023-02-20' }))['activity_3_form']).toBe('第 3 项活动：请选择活动形式。');
    const many = complete();
    for (let n = 1; n <= 21; n++) {
      Object.assign(many.values, {
        [`activity_${n}_date`]: '2023-02-15',
        [`activity_${n}_form`]: '集中学习',
        [`activity_${n}_leader`]: '科长',
        [`activity_${n}_participants`]: '10',
        [`activity_${n}_practice`]: '学习',
      });
    }
    expect(validateSubmission(many)['activities']).toBe('学习活动最多填写 20 项，请合并相近的活动。');
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

  it('asks for at least one activity with the report, but not before the report is written', () => {
    const blank = { activity_1_date: '', activity_1_form: '', activity_1_leader: '', activity_1_participants: '', activity_1_practice: '' };
    const withReport = complete();
    withReport.values = { ...withReport.values, ...blank };
    expect(validateSubmission(withReport)).toEqual({ activities: '请至少填写一项学习活动（日期、形式、主持人、参加人数、做法）。' });
    const noReport = complete();
    noReport.values = { ...noReport.values, ...blank, report_body: '' };
    expect(validateSubmission(noReport)).toEqual({});
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
