import { describe, expect, it } from 'vitest';
import { draftBlobKey, draftHasContent, draftMetaKey, parseDraft, type SubmissionDraft } from '#shared/submission/draft.ts';

const draft = (overrides: Partial<SubmissionDraft> = {}): SubmissionDraft => ({
  version: 1,
  savedAt: '2023-02-20T02:00:00.000Z',
  values: {},
  photos: [],
  attachments: {},
  idempotencyKey: 'k1',
  keyUsed: false,
  ...overrides,
});

describe('restoring a saved draft', () => {
  it('gives back the typed text, the chosen activity forms and the photos in their order', () => {
    const saved = draft({
      values: { contact_person: '王明', activity_forms: ['专题会', '其他'] },
      photos: [
        { id: 'a', name: 'IMG_1.jpg', caption: '集中学习现场', hasBlob: true, token: 't1', tokenUnitId: '3' },
        { id: 'b', name: 'IMG_2.jpg', caption: '', hasBlob: true },
      ],
    });
    const restored = parseDraft(JSON.parse(JSON.stringify(saved)));
    expect(restored).toEqual(saved);
  });

  it('drops a photo that has neither its bytes nor a server token, keeping the rest', () => {
    const restored = parseDraft({
      ...draft(),
      photos: [{ id: 'a', name: 'x.jpg', caption: '', hasBlob: false }, { id: 'b', name: 'y.jpg', caption: '说明', hasBlob: true }, 'junk'],
    });
    expect(restored?.photos.map((photo) => photo.id)).toEqual(['b']);
  });

  it('ignores values that are neither text nor lists of text', () => {
    const restored = parseDraft({ ...draft(), values: { participants: 45, report_body: '正文', activity_forms: ['座谈会', 3] } });
    expect(restored?.values).toEqual({ report_body: '正文', activity_forms: ['座谈会'] });
  });

  it('refuses a draft from another format version or without an idempotency key', () => {
    expect(parseDraft({ ...draft(), version: 2 })).toBeUndefined();
    expect(parseDraft({ ...draft(), idempotencyKey: '' })).toBeUndefined();
    expect(parseDraft(null)).toBeUndefined();
    expect(parseDraft('draft')).toBeUndefined();
  });

  it('keeps an attachment the server already holds even without its bytes', () => {
    const restored = parseDraft({
      ...draft(),
      attachments: { report_file: { name: '汇报.docx', hasBlob: false, token: 'r1', tokenUnitId: '2' } },
    });
    expect(restored?.attachments['report_file']).toEqual({ name: '汇报.docx', hasBlob: false, token: 'r1', tokenUnitId: '2' });
  });
});

describe('deciding whether a draft is worth offering back', () => {
  it('treats an untouched form as empty', () => {
    expect(draftHasContent(draft({ values: { contact_person: '  ', activity_forms: [] } }))).toBe(false);
  });

  it('treats one typed word or one photo as content', () => {
    expect(draftHasContent(draft({ values: { participants: '全体干部' } }))).toBe(true);
    expect(draftHasContent(draft({ photos: [{ id: 'a', name: 'a.jpg', caption: '', hasBlob: true }] }))).toBe(true);
  });
});

describe('naming draft records', () => {
  it('keeps every campaign and every blob under its own key', () => {
    expect(draftMetaKey('2023-gangyao')).not.toBe(draftMetaKey('2024-other'));
    expect(draftBlobKey('2023-gangyao', 'a')).not.toBe(draftBlobKey('2023-gangyao', 'b'));
  });
});
