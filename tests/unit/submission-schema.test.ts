import { describe, expect, it } from 'vitest';
import { submissionSchema, type SubmissionInput } from '#shared/submission/schema.ts';
import { checkSubmission, fieldOfPath } from '#shared/submission/rules.ts';

const schema = submissionSchema({ photoMax: 3, essayCount: 2, activityWindow: { from: '2023-02-06', to: '2023-03-10' } });

const activity = {
  date: '2023-02-15',
  form: '专题会',
  form_other: '',
  leader: '局长 张明',
  participants: '45',
  enterprise: '',
  practice: '局长领学《纲要》',
};

const essay = (n: number) => ({ title: `第${n}篇体会`, author: '李华', position: '科长', body: '学习体会正文', hasFile: false });
const blankEssay = { title: '', author: '', position: '', body: '', hasFile: false };

const complete = (): SubmissionInput => ({
  unitId: '3',
  code: 'K7P2QXMNRT',
  contactPerson: '王明',
  contactPhone: '0373-2079642',
  activities: [activity],
  reportBody: '2月15日，我局召开专题会议，传达学习《质量强国建设纲要》。',
  hasReportFile: false,
  infoText: '',
  hasInfoFile: false,
  photos: [{ caption: '专题会现场' }],
  essays: [essay(1), essay(2)],
});

/** The first message the schema gives for one form field, as the form shows it. */
function messageFor(input: SubmissionInput, field: string): string | undefined {
  const result = schema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((issue) => fieldOfPath(issue.path) === field)?.message;
}

const fieldsWithErrors = (input: SubmissionInput): string[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => fieldOfPath(issue.path)))].sort();
};

describe('the submission schema', () => {
  it('accepts a complete submission', () => {
    expect(schema.safeParse(complete()).success).toBe(true);
  });

  it('trims the text it stores', () => {
    const result = schema.parse({ ...complete(), contactPerson: '  王明 ', essays: [{ ...essay(1), title: ' 体会 ' }, blankEssay] });
    expect(result.contactPerson).toBe('王明');
    expect(result.essays[0]!.title).toBe('体会');
  });

  it('fills in empty text, no activities, no photos, no essays and no files for fields not sent', () => {
    const result = schema.parse({ unitId: '3', code: 'K7P2QXMNRT', contactPerson: '王明', contactPhone: '18737374374' });
    expect(result).toEqual({
      unitId: '3',
      code: 'K7P2QXMNRT',
      contactPerson: '王明',
      contactPhone: '18737374374',
      activities: [],
      reportBody: '',
      hasReportFile: false,
      infoText: '',
      hasInfoFile: false,
      photos: [],
      essays: [],
    });
  });

  it('keeps markup typed into an essay as the plain text it is', () => {
    const typed = '<script>alert(1)</script>';
    const result = schema.parse({ ...complete(), essays: [{ ...essay(1), title: typed, body: `正文${typed}` }, blankEssay] });
    expect(result.essays[0]!.title).toBe(typed);
    expect(result.essays[0]!.body).toBe(`正文${typed}`);
  });

  it('asks the liaison to choose a unit when none is chosen', () => {
    expect(messageFor({ ...complete(), unitId: '' }, 'unit_id')).toBe('请选择报送单位。');
  });

  it('asks for the 报送码 when it is left blank', () => {
    expect(messageFor({ ...complete(), code: '   ' }, 'code')).toBe('请填写报送码（见市水利局下发的报送码）。');
  });

  it('asks for the contact person by name', () => {
    expect(messageFor({ ...complete(), contactPerson: '' }, 'contact_person')).toBe('请填写联系人姓名。');
  });

  it('says how many characters the contact person may have when the name is too long', () => {
    expect(messageFor({ ...complete(), contactPerson: '王'.repeat(21) }, 'contact_person')).toBe(
      '联系人不能超过 20 个字，请删减后再提交。',
    );
  });

  it('asks for a phone number when it is left blank, and only that', () => {
    const result = schema.safeParse({ ...complete(), contactPhone: '' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual(['请填写联系电话。']);
  });

  it('shows how to write a phone number it cannot read', () => {
    expect(messageFor({ ...complete(), contactPhone: '打办公室' }, 'contact_phone')).toBe(
      '联系电话格式不对，请填写手机号或带区号的座机号，如 13812345678 或 0373-2079642。',
    );
  });

  it('says a phone number is too long before it says the format is wrong', () => {
    expect(messageFor({ ...complete(), contactPhone: '电'.repeat(31) }, 'contact_phone')).toBe(
      '联系电话不能超过 30 个字，请删减后再提交。',
    );
  });

  it('asks for at least one activity when a 情况汇报 is sent, even as a file only', () => {
    const message = '请至少填写一项学习活动（日期、形式、主持人、参加人数、做法）。';
    expect(messageFor({ ...complete(), activities: [] }, 'activities')).toBe(message);
    expect(fieldsWithErrors({ ...complete(), reportBody: '', hasReportFile: true, activities: [] })).toEqual(['activities']);
  });

  it('takes a submission without a 情况汇报 and without activities', () => {
    expect(schema.safeParse({ ...complete(), reportBody: '', activities: [] }).success).toBe(true);
  });

  it('still checks an activity sent without a 情况汇报', () => {
    const input = { ...complete(), reportBody: '', activities: [{ ...activity, participants: '很多' }] };
    expect(messageFor(input, 'activity_1_participants')).toBe('第 1 项活动：参加人数请填写整数，如 45（不要写“人”或“约”）。');
  });

  it('refuses a form of activity that is not on the list, and asks what 其他 was', () => {
    expect(messageFor({ ...complete(), activities: [{ ...activity, form: '聚餐' }] }, 'activity_1_form')).toBe(
      '第 1 项活动：活动形式只能从列出的选项中选择。',
    );
    expect(messageFor({ ...complete(), activities: [{ ...activity, form: '其他' }] }, 'activity_1_form_other')).toContain('请写明');
    expect(schema.safeParse({ ...complete(), activities: [{ ...activity, form: '其他', form_other: '读书分享会' }] }).success).toBe(true);
  });

  it('limits the length of the pasted 情况汇报', () => {
    expect(messageFor({ ...complete(), reportBody: '字'.repeat(20_001) }, 'report_body')).toBe(
      '情况汇报不能超过 20000 个字，请删减后再提交。',
    );
  });

  it('limits the length of the 工作信息 text', () => {
    expect(messageFor({ ...complete(), infoText: '字'.repeat(10_001) }, 'info_text')).toBe('工作信息不能超过 10000 个字，请删减后再提交。');
  });

  it('takes fewer photos than the notice asks for, even none', () => {
    expect(schema.safeParse({ ...complete(), photos: [] }).success).toBe(true);
  });

  it('refuses more photos than the campaign allows', () => {
    const photos = [{ caption: 'a' }, { caption: 'b' }, { caption: 'c' }, { caption: 'd' }];
    expect(messageFor({ ...complete(), photos }, 'photos')).toBe('照片最多 3 张，请删去多余的照片。');
  });

  it('asks for a caption for each photo, naming the photo by its number', () => {
    const photos = [{ caption: '现场' }, { caption: '  ' }];
    expect(messageFor({ ...complete(), photos }, 'photo_caption_2')).toBe('请为第 2 张照片写一句说明，如：2月15日局党组集中学习《纲要》。');
  });

  it('limits the length of a photo caption', () => {
    expect(messageFor({ ...complete(), photos: [{ caption: '说'.repeat(101) }] }, 'photo_caption_1')).toBe(
      '照片说明不能超过 100 个字，请删减后再提交。',
    );
  });

  it('takes an essay left wholly empty as not sent yet', () => {
    expect(schema.safeParse({ ...complete(), essays: [essay(1), blankEssay] }).success).toBe(true);
  });

  it('asks for the title of an essay once anything of it is filled in', () => {
    expect(messageFor({ ...complete(), essays: [essay(1), { ...essay(2), title: '' }] }, 'essay_2_title')).toBe(
      '请填写第 2 篇学习感想的标题。',
    );
  });

  it('asks for the author of an essay once anything of it is filled in', () => {
    expect(messageFor({ ...complete(), essays: [{ ...essay(1), author: '' }, essay(2)] }, 'essay_1_author')).toBe(
      '请填写第 1 篇学习感想的作者姓名。',
    );
  });

  it('asks for the position of an essay’s author once anything of it is filled in', () => {
    expect(messageFor({ ...complete(), essays: [essay(1), { ...essay(2), position: '' }] }, 'essay_2_position')).toBe(
      '请填写第 2 篇学习感想作者的职务。',
    );
  });

  it('asks for the text of a started essay as pasted text or a Word file', () => {
    expect(messageFor({ ...complete(), essays: [essay(1), { ...essay(2), body: '' }] }, 'essay_2')).toBe(
      '第 2 篇学习感想还没有正文：请粘贴正文，或上传 Word 文档。',
    );
  });

  it('takes an essay whose text came as a Word file', () => {
    expect(schema.safeParse({ ...complete(), essays: [essay(1), { ...essay(2), body: '', hasFile: true }] }).success).toBe(true);
  });

  it('asks for the title, author and position of an essay that is only an uploaded file', () => {
    const input = { ...complete(), essays: [essay(1), { ...blankEssay, hasFile: true }] };
    expect(fieldsWithErrors(input)).toEqual(['essay_2_author', 'essay_2_position', 'essay_2_title']);
  });

  it('limits the length of an essay’s text', () => {
    expect(messageFor({ ...complete(), essays: [{ ...essay(1), body: '字'.repeat(20_001) }, essay(2)] }, 'essay_1_body')).toBe(
      '感想正文不能超过 20000 个字，请删减后再提交。',
    );
  });

  it('checks every field at once, so the form can mark all of them', () => {
    const input = {
      ...complete(),
      unitId: '',
      activities: [{ ...activity, form: '聚餐' }],
      photos: [{ caption: '' }],
      essays: [essay(1), { ...essay(2), author: '' }],
    };
    expect(fieldsWithErrors(input)).toEqual(['activity_1_form', 'essay_2_author', 'photo_caption_1', 'unit_id']);
  });
});

describe('checking the form against the schema', () => {
  const form = {
    values: {
      unit_id: '3',
      code: ' K7P2QXMNRT ',
      contact_person: ' 王明 ',
      contact_phone: '18737374374',
      activity_1_date: '2023年2月15日',
      activity_1_form: '集中学习',
      activity_1_leader: '局长',
      activity_1_participants: '30',
      activity_1_practice: '集中学习',
      report_body: '汇报',
      essay_1_title: '体会',
      essay_1_author: '李华',
      essay_1_position: '科长',
    },
    photos: [{ caption: ' 现场 ' }],
    filesPresent: new Set(['essay_1_file']),
    photoMax: 3,
    essayCount: 2,
    activityWindow: { from: '2023-02-06', to: '2023-03-10' },
  };

  it('hands the server the parsed, trimmed submission to store', () => {
    const checked = checkSubmission(form);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.submission.code).toBe('K7P2QXMNRT');
    expect(checked.submission.contactPerson).toBe('王明');
    expect(checked.submission.activities).toEqual([
      { date: '2023年2月15日', form: '集中学习', form_other: '', leader: '局长', participants: '30', enterprise: '', practice: '集中学习' },
    ]);
    expect(checked.submission.photos).toEqual([{ caption: '现场' }]);
    expect(checked.submission.essays).toEqual([
      { title: '体会', author: '李华', position: '科长', body: '', hasFile: true },
      { title: '', author: '', position: '', body: '', hasFile: false },
    ]);
  });

  it('reads a text field sent twice as empty rather than picking one', () => {
    const checked = checkSubmission({ ...form, values: { ...form.values, contact_person: ['王明', '李华'] } });
    expect(checked).toEqual({ ok: false, errors: { contact_person: '请填写联系人姓名。' } });
  });

  it('gives one message per field, the first that applies', () => {
    const checked = checkSubmission({ ...form, values: { ...form.values, contact_phone: '' } });
    expect(checked).toEqual({ ok: false, errors: { contact_phone: '请填写联系电话。' } });
  });
});
