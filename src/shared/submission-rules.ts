/**
 * What must be right for anything to be stored, with the Chinese message a liaison sees next to the
 * field. Missing materials (no 情况汇报 yet, too few photos, an essay not written yet) are not errors:
 * submission-completeness.ts lists them and the unit adds them later by revising. The enhanced form
 * checks these before sending; the server applies the same rules, so a message never differs
 * between the two. Pure and browser-safe.
 */
import { ACTIVITY_FORMS, FIELD, essayField, photoCaptionField } from './submission-fields.ts';
import { ERROR_KEY } from './submission-form.ts';
import { TEXT_LIMITS } from './limits.ts';
import { essayStarted, hasReport } from './submission-completeness.ts';

export interface RulesInput {
  values: Record<string, string | string[]>;
  /** Photos in order, whatever their upload state. */
  photos: { caption: string }[];
  /** File fields (report_file, essay_1_file …) that carry a file or an uploaded token. */
  filesPresent: ReadonlySet<string>;
  photoMax: number;
  essayCount: number;
}

const text = (values: Record<string, string | string[]>, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

const list = (values: Record<string, string | string[]>, name: string): string[] => {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' && value !== '' ? [value] : [];
};

/** A phone or landline: digits with the separators people type (+86, 0373-, 转 12). */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '');
  return /^[0-9+\-－—()（）\s转]+$/.test(value) && digits.length >= 7 && digits.length <= 20;
}

function tooLong(label: string, max: number): string {
  return `${label}不能超过 ${max} 个字，请删减后再提交。`;
}

/** Errors keyed by field name (or ERROR_KEY); empty when the submission may be stored. */
export function validateSubmission(input: RulesInput): Record<string, string> {
  const { values } = input;
  const errors: Record<string, string> = {};
  const required = (name: string, message: string, max: number, label: string) => {
    const value = text(values, name);
    if (value === '') errors[name] = message;
    else if (value.length > max) errors[name] = tooLong(label, max);
  };

  if (!/^\d+$/.test(text(values, FIELD.unitId))) errors[FIELD.unitId] = '请选择报送单位。';
  if (text(values, FIELD.code) === '') errors[FIELD.code] = '请填写报送码（见市水利局下发的报送码）。';
  required(FIELD.contactPerson, '请填写联系人姓名。', TEXT_LIMITS.contact_person, '联系人');
  required(FIELD.contactPhone, '请填写联系电话。', TEXT_LIMITS.contact_phone, '联系电话');
  if (!errors[FIELD.contactPhone] && !isPhoneNumber(text(values, FIELD.contactPhone))) {
    errors[FIELD.contactPhone] = '联系电话格式不对，请填写手机号或带区号的座机号，如 13812345678 或 0373-2079642。';
  }

  // The activity's dates, forms and participants summarise the 情况汇报 and are needed with it; a
  // unit sending its essays before the study meeting has even taken place cannot know them yet.
  const reportGiven = hasReport(values, input.filesPresent);
  const optional = (name: string, max: number, label: string) => {
    if (text(values, name).length > max) errors[name] = tooLong(label, max);
  };
  const activityText = (name: string, message: string, max: number, label: string) =>
    reportGiven ? required(name, message, max, label) : optional(name, max, label);
  activityText(FIELD.activityDates, '请填写学习活动的日期，如：2023年2月15日。', TEXT_LIMITS.activity_dates, '活动日期');
  const forms = list(values, FIELD.activityForms);
  if (forms.length === 0 && reportGiven) errors[FIELD.activityForms] = '请至少选择一种活动形式。';
  else if (forms.some((form) => !(ACTIVITY_FORMS as readonly string[]).includes(form))) {
    errors[FIELD.activityForms] = '活动形式只能从列出的选项中选择。';
  }
  const other = text(values, FIELD.activityFormsOther);
  if (forms.includes('其他') && other === '') errors[FIELD.activityFormsOther] = '选择了“其他”，请写明是什么形式。';
  else if (other.length > TEXT_LIMITS.activity_forms_other) errors[FIELD.activityFormsOther] = tooLong('其他形式', TEXT_LIMITS.activity_forms_other);
  activityText(FIELD.participants, '请填写参加人员，如：局党组成员及全体干部职工，共 45 人。', TEXT_LIMITS.participants, '参加人员');
  optional(FIELD.reportBody, TEXT_LIMITS.report_body, '情况汇报');
  optional(FIELD.infoText, TEXT_LIMITS.info_text, '工作信息');

  if (input.photos.length > input.photoMax) errors[ERROR_KEY.photos] = `照片最多 ${input.photoMax} 张，请删去多余的照片。`;
  input.photos.forEach((photo, index) => {
    const caption = photo.caption.trim();
    const name = photoCaptionField(index + 1);
    if (caption === '') errors[name] = `请为第 ${index + 1} 张照片写一句说明，如：2月15日局党组集中学习《纲要》。`;
    else if (caption.length > TEXT_LIMITS.photo_caption) errors[name] = tooLong('照片说明', TEXT_LIMITS.photo_caption);
  });

  for (let n = 1; n <= input.essayCount; n++) {
    if (!essayStarted(values, input.filesPresent, n)) continue;
    required(essayField(n, 'title'), `请填写第 ${n} 篇学习感想的标题。`, TEXT_LIMITS.essay_title, '标题');
    required(essayField(n, 'author'), `请填写第 ${n} 篇学习感想的作者姓名。`, TEXT_LIMITS.essay_author, '作者');
    required(essayField(n, 'position'), `请填写第 ${n} 篇学习感想作者的职务。`, TEXT_LIMITS.essay_position, '职务');
    const body = text(values, essayField(n, 'body'));
    if (body.length > TEXT_LIMITS.essay_body) errors[essayField(n, 'body')] = tooLong('感想正文', TEXT_LIMITS.essay_body);
    else if (body === '' && !input.filesPresent.has(essayField(n, 'file'))) {
      errors[ERROR_KEY.essay(n)] = `第 ${n} 篇学习感想还没有正文：请粘贴正文，或上传 Word 文档。`;
    }
  }
  return errors;
}
