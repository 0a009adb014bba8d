import type { DatabaseSync } from 'node:sqlite';

/** What the organiser log records; the labels are what the log page shows. */
export const AUDIT_ACTIONS = {
  login: '登录',
  logout: '退出',
  login_failed: '登录失败',
  view_submission: '查看报送材料',
  export: '导出',
  feature: '评为优秀',
  unfeature: '撤回优秀',
  order_featured: '调整优秀感想顺序',
  adopt: '采用',
  unadopt: '撤回采用',
  import_units: '导入单位名单',
  issue_codes: '生成报送码',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  username: string;
  action: AuditAction;
  detail?: string;
  ip?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string;
  action: string;
  detail: string;
  ip: string;
}

/**
 * Records one console action. Reading and exporting must go on when the row cannot be written (a
 * full disk): the failure goes to the server log, which the IT staff watch, and the action is done.
 */
export function audit(db: DatabaseSync, entry: AuditEntry, now = new Date()): void {
  try {
    db.prepare('INSERT INTO audit_log (at, username, action, detail, ip) VALUES (?, ?, ?, ?, ?)').run(
      now.toISOString(),
      entry.username.slice(0, 64),
      entry.action,
      (entry.detail ?? '').slice(0, 500),
      (entry.ip ?? '').slice(0, 64),
    );
  } catch (error) {
    console.error(
      `[操作日志] 无法记录“${actionLabel(entry.action)}”（${entry.username}）：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export interface AuditPage {
  rows: AuditRow[];
  page: number;
  pages: number;
  total: number;
}

/** Newest first; `page` is 1-based and clamped into range. */
export function auditPage(db: DatabaseSync, page: number, pageSize = 50): AuditPage {
  const total = Number((db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = db
    .prepare('SELECT id, at, username, action, detail, ip FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?')
    .all(pageSize, (current - 1) * pageSize) as unknown as AuditRow[];
  return { rows, page: current, pages, total };
}

export function actionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
