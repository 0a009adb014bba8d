import { describe, expect, it } from 'vitest';
import { activityFormsText, decodeActivityForms, encodeActivityForms } from '#shared/submission/activity-forms.ts';

describe('the 活动形式 field', () => {
  it('is stored with 其他 carrying what it was, and read back as the form had it', () => {
    const stored = encodeActivityForms(['专题会', '其他'], '  读书分享会 ');
    expect(JSON.parse(stored)).toEqual(['专题会', '其他：读书分享会']);
    expect(decodeActivityForms(stored)).toEqual({ activityForms: ['专题会', '其他'], activityFormsOther: '读书分享会' });
  });

  it('keeps 其他 without a description as plain 其他', () => {
    const stored = encodeActivityForms(['其他'], '   ');
    expect(JSON.parse(stored)).toEqual(['其他']);
    expect(activityFormsText(decodeActivityForms(stored))).toBe('其他');
  });

  it('is shown as the receipt, the console and the exports print it', () => {
    expect(activityFormsText({ activityForms: ['专题会', '集中学习', '其他'], activityFormsOther: '读书分享会' })).toBe(
      '专题会、集中学习、其他（读书分享会）',
    );
  });

  it('reads a damaged stored value as nothing ticked instead of failing the page', () => {
    expect(decodeActivityForms('not json')).toEqual({ activityForms: [], activityFormsOther: '' });
    expect(decodeActivityForms('[1, "座谈会"]')).toEqual({ activityForms: ['座谈会'], activityFormsOther: '' });
  });
});
