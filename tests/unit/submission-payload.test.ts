import { describe, expect, it } from 'vitest';
import { submitEntries } from '#shared/submission/payload.ts';
import { randomKey } from '#shared/random-key.ts';

describe('building the final submit from the enhanced form', () => {
  const entries = submitEntries({
    values: {
      unit_id: '3',
      contact_person: '王明',
      activity_forms: ['专题会', '座谈会'],
      photo_caption_9: 'stale',
      code: 'old',
      grant: 'old',
    },
    code: ' AB12CD ',
    grant: '3.1900000000000.signed',
    idempotencyKey: 'key-1',
    photos: [
      { token: 'tok-b', caption: ' 座谈会现场 ' },
      { token: 'tok-a', caption: '集中学习' },
    ],
    attachmentTokens: { report_file: 'doc-1', essay_2_file: 'doc-2' },
  });

  it('sends photos as numbered tokens in the arranged order, with trimmed captions', () => {
    expect(entries).toContainEqual(['photo_token_1', 'tok-b']);
    expect(entries).toContainEqual(['photo_caption_1', '座谈会现场']);
    expect(entries).toContainEqual(['photo_token_2', 'tok-a']);
  });

  it('repeats activity_forms once per chosen form, as a checkbox group posts it', () => {
    expect(entries.filter(([name]) => name === 'activity_forms').map(([, value]) => value)).toEqual(['专题会', '座谈会']);
  });

  it('sends the typed 报送码 trimmed, the idempotency key once, and no stale photo fields', () => {
    expect(entries.filter(([name]) => name === 'code')).toEqual([['code', 'AB12CD']]);
    expect(entries.filter(([name]) => name === 'idempotency_key')).toEqual([['idempotency_key', 'key-1']]);
    expect(entries.filter(([name]) => name === 'grant')).toEqual([['grant', '3.1900000000000.signed']]);
    expect(entries.some(([name]) => name === 'photo_caption_9')).toBe(false);
  });

  it('sends attachments already on the server as their tokens', () => {
    expect(entries).toContainEqual(['report_file_token', 'doc-1']);
    expect(entries).toContainEqual(['essay_2_file_token', 'doc-2']);
  });
});

describe('random keys', () => {
  it('are 32 hex characters and differ each time', () => {
    const a = randomKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(a);
  });
});
