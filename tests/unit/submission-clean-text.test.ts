import { describe, expect, it } from 'vitest';
import { cleanMultiline, cleanSingleLine, isInvisible } from '#shared/submission/clean-text.ts';
import { checkSubmission, type RulesInput } from '#shared/submission/rules.ts';
import { hostileStrings, invisibleOnly, UNTYPEABLE_CHARACTER } from '../support/hostile/strings.ts';

const input = (values: Record<string, string | string[]>, captions: string[] = ['专题会现场']): RulesInput => ({
  values: {
    unit_id: '3',
    code: 'K7P2QX',
    contact_person: '王明',
    contact_phone: '0373-2079642',
    activity_1_date: '2023-02-15',
    activity_1_form: '专题会',
    activity_1_leader: '局长 张明',
    activity_1_participants: '30',
    activity_1_practice: '局长领学《纲要》',
    report_body: '2月15日召开专题会议。',
    ...values,
  },
  photos: captions.map((caption) => ({ caption })),
  filesPresent: new Set(),
  photoMax: 20,
  essayCount: 2,
  activityWindow: { from: '2023-02-06', to: '2023-03-31' },
});

describe('the one cleaning rule for typed text', () => {
  it('removes NUL, C0 and C1 controls, noncharacters and lone surrogates from every hostile string, in both kinds of field', () => {
    for (const { name, value } of hostileStrings()) {
      expect(UNTYPEABLE_CHARACTER.test(cleanSingleLine(value)), name).toBe(false);
      expect(UNTYPEABLE_CHARACTER.test(cleanMultiline(value)), name).toBe(false);
    }
    expect(cleanSingleLine(`王\u0000明\u0007\uFFFE\uFFFF`)).toBe('王明');
  });

  it('keeps 𠮷, emoji with joiners, right-to-left text and markup exactly as typed (shown escaped, never dropped)', () => {
    for (const name of ['astral CJK', 'emoji with joiners', 'hebrew and arabic', 'script tag', 'leading zeros', '18-digit id']) {
      const value = hostileStrings().find((s) => s.name === name)!.value;
      expect(cleanSingleLine(value), name).toBe(value);
    }
  });

  it('counts text made only of invisible characters as empty', () => {
    for (const { name, value } of invisibleOnly()) {
      expect(isInvisible(value), name).toBe(true);
      expect(cleanSingleLine(value), name).toBe('');
      expect(cleanMultiline(value), name).toBe('');
    }
    expect(isInvisible('王\u200B明')).toBe(false);
  });

  it('folds every kind of line break in a one-line field into one space, and keeps them as \\n where a field has several lines', () => {
    expect(cleanSingleLine('第一行\r\n第二行')).toBe('第一行 第二行');
    expect(cleanSingleLine('第一行\r第二行\n\n第三行')).toBe('第一行 第二行 第三行');
    expect(cleanSingleLine('第一行\u2028第二行')).toBe('第一行 第二行');
    expect(cleanMultiline('第一段\r\n第二段\r第三段')).toBe('第一段\n第二段\n第三段');
  });

  it('gives the same text when cleaned twice, so a value reopened and saved again does not change', () => {
    for (const { name, value } of hostileStrings()) {
      expect(cleanSingleLine(cleanSingleLine(value)), name).toBe(cleanSingleLine(value));
      expect(cleanMultiline(cleanMultiline(value)), name).toBe(cleanMultiline(value));
    }
  });
});

describe('the submission schema with hostile text', () => {
  it('asks for a contact person when only a zero-width space was typed', () => {
    const checked = checkSubmission(input({ contact_person: '\u200B' }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors['contact_person']).toBe('请填写联系人姓名。');
  });

  it('does not count an essay whose every part is invisible as received', () => {
    const checked = checkSubmission(
      input({ essay_1_title: '\u200B', essay_1_author: '\uFEFF', essay_1_position: '\u3000', essay_1_body: '\u200B\u200C' }),
    );
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.submission.essays[0]).toMatchObject({ title: '', author: '', position: '', body: '' });
  });

  it('asks for a caption when a photo caption is only invisible characters', () => {
    const checked = checkSubmission(input({}, ['\u2060\u200B']));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors['photo_caption_1']).toContain('请为第 1 张照片写一句说明');
  });

  it('stores a one-line field with its line breaks folded and a report with its controls stripped', () => {
    const checked = checkSubmission(input({ activity_1_practice: '局长领学\r\n各科室交流', report_body: '第一段\u0000\r\n第二段\u001B' }));
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.submission.activities[0]?.practice).toBe('局长领学 各科室交流');
      expect(checked.submission.reportBody).toBe('第一段\n第二段');
    }
  });
});
