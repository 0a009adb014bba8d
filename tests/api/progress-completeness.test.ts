/**
 * "A report is present" and "an essay counts" are written twice: in SQL for the board and the
 * summary table (progress.ts), in TypeScript for the receipt (missing.ts, completeness.ts). Both
 * run here on the same stored versions and must agree, blank-looking text included.
 */
import { describe, expect, it } from 'vitest';
import { listUnits } from '#server/campaign/units.ts';
import { unitProgress } from '#server/progress/progress.ts';
import { materialsInVersion } from '#server/submissions/missing.ts';
import { findSubmissionByUnit, loadVersion } from '#server/submissions/read.ts';
import { testContext } from '../support/api-context.ts';

interface Fixture {
  label: string;
  reportBody: string;
  reportFile?: boolean;
  essays: { title: string; body: string; file?: boolean }[];
  /** What both must find. */
  report: boolean;
  essayPositions: number[];
}

const FIXTURES: Fixture[] = [
  {
    label: 'typed report and two essays',
    reportBody: '汇报',
    essays: [
      { title: '甲', body: '文' },
      { title: '乙', body: '文' },
    ],
    report: true,
    essayPositions: [1, 2],
  },
  { label: 'report as a file only', reportBody: '', reportFile: true, essays: [], report: true, essayPositions: [] },
  { label: 'spaces only', reportBody: '   ', essays: [{ title: '  ', body: '文' }], report: false, essayPositions: [] },
  {
    label: 'line breaks and tabs only',
    reportBody: '\n\t\r\n',
    essays: [{ title: '题', body: '\n\n' }],
    report: false,
    essayPositions: [],
  },
  {
    label: 'ideographic and no-break spaces only',
    reportBody: '\u3000\u00a0\ufeff',
    essays: [{ title: '\u3000', body: '文' }],
    report: false,
    essayPositions: [],
  },
  {
    label: 'an essay sent as its file, with a title',
    reportBody: '汇报',
    essays: [{ title: '题', body: '', file: true }],
    report: true,
    essayPositions: [1],
  },
  {
    label: 'an essay file without a title',
    reportBody: '汇报',
    essays: [{ title: '', body: '', file: true }],
    report: true,
    essayPositions: [],
  },
  {
    label: 'only the second essay',
    reportBody: '汇报',
    essays: [
      { title: '', body: '' },
      { title: '乙', body: '\u3000文\u3000' },
    ],
    report: true,
    essayPositions: [2],
  },
];

function store(context: ReturnType<typeof testContext>, unitId: number, fixture: Fixture, index: number): void {
  const { db } = context;
  const now = '2030-06-01T02:00:00.000Z';
  const fileId = Number(
    db
      .prepare(
        "INSERT INTO files (sha256, rel_path, mime, bytes, original_name, created_at) VALUES (?, ?, 'application/pdf', 1, 'a.pdf', ?)",
      )
      .run(`sha${index}`, `files/${index}.pdf`, now).lastInsertRowid,
  );
  const submissionId = Number(
    db.prepare('INSERT INTO submissions (unit_id, number, first_submitted_at) VALUES (?, ?, ?)').run(unitId, `T-${index}`, now)
      .lastInsertRowid,
  );
  const versionId = Number(
    db
      .prepare(
        `INSERT INTO versions (submission_id, version_no, idempotency_key, submitted_at, contact_person, contact_phone,
         activity_dates, activity_forms, participants, report_body, report_file_id) VALUES (?, 1, ?, ?, '张', '1', '', '[]', '', ?, ?)`,
      )
      .run(submissionId, `key-${index}`, now, fixture.reportBody, fixture.reportFile ? fileId : null).lastInsertRowid,
  );
  db.prepare('UPDATE submissions SET current_version_id = ? WHERE id = ?').run(versionId, submissionId);
  fixture.essays.forEach((essay, i) =>
    db
      .prepare(
        "INSERT INTO essays (version_id, position, title, author, author_position, body, file_id) VALUES (?, ?, ?, '李', '科员', ?, ?)",
      )
      .run(versionId, i + 1, essay.title, essay.body, essay.file ? fileId : null),
  );
}

describe('the board (SQL) and the receipt (TypeScript)', () => {
  it('agree on whether the report is present and which essays count, for every fixture', () => {
    const context = testContext();
    const units = listUnits(context.db).slice(0, FIXTURES.length);
    FIXTURES.forEach((fixture, i) => store(context, units[i]!.id, fixture, i));
    const board = new Map(unitProgress(context.db, context.campaign.requirements).map((unit) => [unit.unitId, unit]));

    const results = FIXTURES.map((fixture, i) => {
      const unitId = units[i]!.id;
      const version = loadVersion(context.db, findSubmissionByUnit(context.db, unitId)!.id)!;
      const typescript = materialsInVersion(version);
      const sql = board.get(unitId)!;
      return {
        label: fixture.label,
        typescript: { report: typescript.report, essayPositions: typescript.essayPositions },
        sql: { report: sql.hasReport, essayPositions: sql.essayPositions },
        expected: { report: fixture.report, essayPositions: fixture.essayPositions },
      };
    });
    for (const result of results) {
      expect(result.typescript, result.label).toEqual(result.expected);
      expect(result.sql, result.label).toEqual(result.expected);
    }
  });
});
