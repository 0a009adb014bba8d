/**
 * What an organiser's 通过 / 退回修改 form carries, checked before anything is stored. Pure, so the
 * rules (意见 required to return, at most 500 characters) are tested without a database.
 */
import { cleanMultiline } from '#shared/submission/clean-text.ts';

export type Decision = 'approve' | 'return';

export const COMMENT_MAX = 500;

export const DECISION_LABEL: Record<Decision, string> = { approve: '通过', return: '退回修改' };

export type DecisionInput =
  | { ok: true; decision: Decision; comment: string; versionId: number }
  | { ok: false; problem: 'bad-request' | 'comment-required' | 'comment-too-long' };

/** Characters as people count them: 𠮷 is one, not two UTF-16 units. */
const length = (text: string) => [...text].length;

export function readDecision(fields: { get(name: string): FormDataEntryValue | null }): DecisionInput {
  const decision = String(fields.get('decision') ?? '');
  const versionText = String(fields.get('version_id') ?? '');
  if ((decision !== 'approve' && decision !== 'return') || !/^\d{1,12}$/.test(versionText)) return { ok: false, problem: 'bad-request' };
  // The same cleaning as a unit's own texts: \r\n as \n, so the count matches the textarea's, and
  // a comment of nothing but invisible characters counts as none.
  const comment = cleanMultiline(String(fields.get('comment') ?? ''));
  if (length(comment) > COMMENT_MAX) return { ok: false, problem: 'comment-too-long' };
  if (decision === 'return' && comment === '') return { ok: false, problem: 'comment-required' };
  return { ok: true, decision, comment, versionId: Number(versionText) };
}

/** What the detail page says when a decision was not recorded, keyed by the redirect's review_error. */
export const DECISION_PROBLEM: Record<string, string> = {
  'comment-required': '退回修改时请填写意见，写明需要修改或补充什么，单位会在回执和报送页面上看到。',
  'comment-too-long': `意见不能超过 ${COMMENT_MAX} 个字，请删减后再提交。`,
  stale: '这个单位在您审核期间重新报送了新版本，审核未保存。请查看新版本后再审核。',
  'bad-request': '操作不完整，审核未保存。请刷新页面后再试。',
};
