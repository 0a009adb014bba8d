/**
 * 督导 notes: dated records of the organiser checking on a unit (检查时间、方式、发现的问题、整改要求、
 * 整改情况). Kept with the unit, not with a version, since a check is about the unit's work.
 */
import type { DatabaseSync } from 'node:sqlite';
import { integer, text, type Row } from '#server/db/row.ts';
import { formatActivityDate, parseActivityDate } from '#shared/submission/activities.ts';
import { cleanMultiline, cleanSingleLine } from '#shared/submission/clean-text.ts';

export const NOTE_LIMITS = { method: 30, text: 500 } as const;

export interface SupervisionNote {
  id: number;
  checkedOn: string;
  method: string;
  findings: string;
  requirements: string;
  rectification: string;
  createdBy: string;
  createdAt: Date;
}

export type NoteInput = Omit<SupervisionNote, 'id' | 'createdBy' | 'createdAt'>;

const length = (text: string) => [...text].length;
/** Cleaned as a unit's own texts are: the notes are shown in the exports units and leaders read. */
const field = (fields: { get(name: string): FormDataEntryValue | null }, name: string) => cleanMultiline(String(fields.get(name) ?? ''));

export type NoteProblem = 'date' | 'method' | 'findings' | 'too-long';

/** What the unit's page says when a note was not added, keyed by the redirect's note_error. */
export const NOTE_PROBLEM: Record<NoteProblem, string> = {
  date: '请填写检查时间，如 2023-02-24。督导记录未保存。',
  method: `请填写检查方式（最多 ${NOTE_LIMITS.method} 个字），如：现场检查、电话督导。督导记录未保存。`,
  findings: '请填写发现的问题；没有问题时写“未发现问题”。督导记录未保存。',
  'too-long': `发现的问题、整改要求、整改情况每项不能超过 ${NOTE_LIMITS.text} 个字。督导记录未保存。`,
};

/** The note a form posts, or what is wrong with it. */
export function readNote(fields: {
  get(name: string): FormDataEntryValue | null;
}): { ok: true; note: NoteInput } | { ok: false; problem: NoteProblem } {
  const checkedOn = parseActivityDate(field(fields, 'checked_on'));
  const note = {
    checkedOn: checkedOn ?? '',
    method: cleanSingleLine(String(fields.get('method') ?? '')),
    findings: field(fields, 'findings'),
    requirements: field(fields, 'requirements'),
    rectification: field(fields, 'rectification'),
  };
  if (!checkedOn) return { ok: false, problem: 'date' };
  if (note.method === '' || length(note.method) > NOTE_LIMITS.method) return { ok: false, problem: 'method' };
  if (note.findings === '') return { ok: false, problem: 'findings' };
  if ([note.findings, note.requirements, note.rectification].some((text) => length(text) > NOTE_LIMITS.text)) {
    return { ok: false, problem: 'too-long' };
  }
  return { ok: true, note };
}

export function addNote(db: DatabaseSync, unitId: number, note: NoteInput, by: string, now = new Date()): number {
  const result = db
    .prepare(
      `INSERT INTO supervision_notes (unit_id, checked_on, method, findings, requirements, rectification, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(unitId, note.checkedOn, note.method, note.findings, note.requirements, note.rectification, by, now.toISOString());
  return Number(result.lastInsertRowid);
}

const NOTE_COLUMNS = 'id, unit_id, checked_on, method, findings, requirements, rectification, created_by, created_at';

/** The row mapper of `supervision_notes`. */
const toNote = (r: Row): SupervisionNote => ({
  id: integer(r, 'id'),
  checkedOn: text(r, 'checked_on'),
  method: text(r, 'method'),
  findings: text(r, 'findings'),
  requirements: text(r, 'requirements'),
  rectification: text(r, 'rectification'),
  createdBy: text(r, 'created_by'),
  createdAt: new Date(text(r, 'created_at')),
});

/** A unit's notes, by date of the check, oldest first. */
export function unitNotes(db: DatabaseSync, unitId: number): SupervisionNote[] {
  const rows = db.prepare(`SELECT ${NOTE_COLUMNS} FROM supervision_notes WHERE unit_id = ? ORDER BY checked_on, id`).all(unitId);
  return rows.map(toNote);
}

/** Every unit's notes in one query, keyed by unit, each unit's oldest first (the summary table). */
export function allNotes(db: DatabaseSync): Map<number, SupervisionNote[]> {
  const rows = db.prepare(`SELECT ${NOTE_COLUMNS} FROM supervision_notes ORDER BY unit_id, checked_on, id`).all();
  const byUnit = new Map<number, SupervisionNote[]>();
  for (const r of rows) {
    const unitId = integer(r, 'unit_id');
    const list = byUnit.get(unitId) ?? [];
    list.push(toNote(r));
    byUnit.set(unitId, list);
  }
  return byUnit;
}

/** One note on one line, for a spreadsheet cell: 2023年2月24日 现场检查：问题；整改要求：…；整改情况：… */
export function noteLine(note: SupervisionNote): string {
  const parts = [`${formatActivityDate(note.checkedOn)} ${note.method}：${note.findings}`];
  if (note.requirements) parts.push(`整改要求：${note.requirements}`);
  if (note.rectification) parts.push(`整改情况：${note.rectification}`);
  return parts.join('；').replace(/\s*\n\s*/g, ' ');
}
