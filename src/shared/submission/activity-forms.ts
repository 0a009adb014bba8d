/**
 * The 活动形式 field in its three spellings, written once: the form's checkboxes plus the 其他
 * text box; the stored JSON, where 其他 carries its description as “其他：读书分享会”; and the text
 * the receipt, the console and the exports show, “专题会、其他（读书分享会）”. Pure and browser-safe.
 */

/** The checkbox whose description is typed in a text box beside it. */
export const OTHER_FORM = '其他';

export interface ActivityForms {
  /** The ticked checkboxes, in the form's order. */
  activityForms: readonly string[];
  /** What 其他 was; '' when it is not ticked or not described. */
  activityFormsOther: string;
}

const STORED_PREFIX = `${OTHER_FORM}：`;

/** The activity forms as stored: 其他 carries its description. */
export function encodeActivityForms(forms: readonly string[], other: string): string {
  return JSON.stringify(forms.map((form) => (form === OTHER_FORM && other.trim() ? `${STORED_PREFIX}${other.trim()}` : form)));
}

/** Back to the form's fields; anything unreadable reads as nothing ticked. */
export function decodeActivityForms(json: string): { activityForms: string[]; activityFormsOther: string } {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    stored = [];
  }
  const activityForms: string[] = [];
  let activityFormsOther = '';
  for (const item of Array.isArray(stored) ? stored : []) {
    if (typeof item !== 'string') continue;
    if (item.indexOf(STORED_PREFIX) === 0) {
      activityForms.push(OTHER_FORM);
      activityFormsOther = item.slice(STORED_PREFIX.length);
    } else activityForms.push(item);
  }
  return { activityForms, activityFormsOther };
}

/** 专题会、其他（读书分享会）: the forms as the unit ticked them, with what 其他 was. */
export function activityFormsText(forms: ActivityForms): string {
  return forms.activityForms
    .map((form) => (form === OTHER_FORM && forms.activityFormsOther ? `${OTHER_FORM}（${forms.activityFormsOther}）` : form))
    .join('、');
}
