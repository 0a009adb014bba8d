import { describe, expect, it } from 'vitest';
import { at, installLegacyPolyfills, replaceAll } from '#shared/legacy-polyfills.ts';

describe('running Svelte on a Chromium 78 engine', () => {
  it('replaces every occurrence of a template marker, as Svelte does when it builds markup', () => {
    expect(replaceAll.call('<p><!></p><!>', '<!>', '<!---->')).toBe('<p><!----></p><!---->');
  });

  it('treats the search text literally and keeps $ patterns and function replacements working', () => {
    expect(replaceAll.call('a.b.c', '.', '-')).toBe('a-b-c');
    expect(replaceAll.call('x$y', '$', '$$')).toBe('x$y');
    expect(replaceAll.call('ab', 'b', (match: string) => match.toUpperCase())).toBe('aB');
  });

  it('refuses a non-global regular expression, as the real method does', () => {
    expect(() => replaceAll.call('aa', /a/, 'b')).toThrow(TypeError);
    expect(replaceAll.call('aa', /a/g, 'b')).toBe('bb');
  });

  it('reads array items from the end with a negative index', () => {
    expect(at.call([1, 2, 3], -1)).toBe(3);
    expect(at.call([1, 2, 3], 0)).toBe(1);
    expect(at.call([1, 2, 3], 5)).toBeUndefined();
  });

  it('fills in only what an old engine lacks and leaves native methods alone', () => {
    const oldString = {};
    const nativeAt = () => 'native';
    const modernArray = { at: nativeAt };
    installLegacyPolyfills(oldString, modernArray);
    expect((oldString as { replaceAll?: unknown }).replaceAll).toBe(replaceAll);
    expect(modernArray.at).toBe(nativeAt);
  });
});
