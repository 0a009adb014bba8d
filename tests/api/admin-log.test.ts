import { describe, expect, it } from 'vitest';
import { freshStore } from '../support/seed-submissions.ts';
import { actionLabel, audit, auditPage } from '#server/admin/audit.ts';

describe('the organiser log', () => {
  it('pages newest first and keeps the page number in range', () => {
    const { db } = freshStore();
    for (let i = 0; i < 120; i++) {
      audit(db, { username: 'lishuhu', action: 'export', detail: `第 ${i} 次`, ip: '10.0.0.1' }, new Date(Date.UTC(2023, 1, 20, 0, i)));
    }
    const first = auditPage(db, 1);
    expect(first).toMatchObject({ page: 1, pages: 3, total: 120 });
    expect(first.rows[0]).toMatchObject({ username: 'lishuhu', action: 'export', detail: '第 119 次', ip: '10.0.0.1' });
    expect(
      auditPage(db, 3)
        .rows.map((r) => r.detail)
        .at(-1),
    ).toBe('第 0 次');
    expect(auditPage(db, 99).page).toBe(3);
    expect(auditPage(db, -5).page).toBe(1);
  });

  it('names each action in Chinese', () => {
    expect(
      ['login', 'logout', 'login_failed', 'view_submission', 'export', 'feature', 'unfeature', 'import_units', 'issue_codes'].map(
        actionLabel,
      ),
    ).toEqual(['登录', '退出', '登录失败', '查看报送材料', '导出', '评为优秀', '撤回优秀', '导入单位名单', '生成报送码']);
  });
});
