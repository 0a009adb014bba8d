import { describe, expect, it } from 'vitest';
import { DOWNLOAD_NAME_MAX, downloadFileName } from '#server/files/download-names.ts';
import { hostileFileNames } from '../support/hostile/file-names.ts';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i;
const BIDI_OR_INVISIBLE = /[\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

describe('download names made by the server', () => {
  it('are never a Windows device name, never hidden, free of bidi controls and path characters, and at most 100 characters', () => {
    for (const raw of hostileFileNames()) {
      const stem = raw.replace(/\.[^.]*$/, '');
      const name = downloadFileName(`某县水利局-照片1-${raw}`, '.jpg', 'file-1');
      const alone = downloadFileName(stem, '.jpg', 'file-1');
      for (const made of [name, alone]) {
        expect(RESERVED.test(made), `${raw} → ${made}`).toBe(false);
        expect(made.startsWith('.'), `${raw} → ${made}`).toBe(false);
        expect(BIDI_OR_INVISIBLE.test(made), `${raw} → ${made}`).toBe(false);
        expect(/[\\/:*?"<>|\u0000-\u001F]/.test(made), `${raw} → ${made}`).toBe(false);
        expect(Array.from(made).length, `${raw} → ${made}`).toBeLessThanOrEqual(DOWNLOAD_NAME_MAX);
        expect(made.endsWith('.jpg'), `${raw} → ${made}`).toBe(true);
      }
    }
  });

  it('fall back to the given name for CON, NUL and a name of dots', () => {
    expect(downloadFileName('CON', '.jpg', 'file-7')).toBe('file-7.jpg');
    expect(downloadFileName('nul ', '.pdf', 'file-7')).toBe('file-7.pdf');
    expect(downloadFileName('...', '.jpg', 'file-7')).toBe('file-7.jpg');
  });

  it('keep a caption with 𠮷 and emoji whole, cutting a long one without splitting a character', () => {
    expect(downloadFileName('卫辉市水利局-照片2-𠮷野家学习👨‍👩‍👧', '.jpg', 'x')).toBe('卫辉市水利局-照片2-𠮷野家学习👨‍👩‍👧.jpg');
    const long = downloadFileName('𠮷'.repeat(300), '.jpg', 'x');
    expect(long).toBe(`${'𠮷'.repeat(96)}.jpg`);
  });
});
