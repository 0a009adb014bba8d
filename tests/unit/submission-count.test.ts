import { describe, expect, it } from 'vitest';
import { countChars } from '#shared/submission/count.ts';

describe('counting the characters of a text', () => {
  it('counts the same text the same whether its lines end in CRLF, LF or CR', () => {
    const typed = '第一段正文。\n第二段正文。';
    expect(countChars(typed)).toBe(12);
    expect(countChars(typed.replace('\n', '\r\n'))).toBe(12);
    expect(countChars(typed.replace('\n', '\r'))).toBe(12);
  });

  it('counts 𠮷 as one character, not two UTF-16 units', () => {
    expect(countChars('𠮷祥')).toBe(2);
  });

  it('ignores spaces around the text but counts those inside it', () => {
    expect(countChars('  质量 第一 \r\n')).toBe(5);
    expect(countChars('')).toBe(0);
  });
});
