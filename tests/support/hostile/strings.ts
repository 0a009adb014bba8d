/**
 * Hostile text, built here from parts rather than copied from a list: markup that would run if
 * echoed raw, text that hides itself (zero-width, bidi), characters storage or XML cannot carry
 * (NUL, C0, noncharacters, lone surrogates), line breaks in one-line fields, spreadsheet bait.
 * Every string gets a marker (`mark`) so a test can find where it was shown.
 */

export interface HostileString {
  name: string;
  value: string;
}

const ch = (code: number) => String.fromCodePoint(code);

/** Markup that sets window.__pwned when it runs: a page that shows it must never run it. */
function markupAttacks(): HostileString[] {
  const payload = 'window.__pwned=1';
  const wrappers: [string, string][] = [
    ['script tag', `<script>${payload}</script>`],
    ['img onerror', `<img src=x onerror="${payload}">`],
    ['svg onload', `<svg onload=${payload}>`],
    ['attribute break-out', `"><img src=x onerror=${payload}>`],
    ['single-quote break-out', `'><svg/onload=${payload}>`],
    ['javascript url', `javascript:${payload}`],
    ['iframe srcdoc', `<iframe srcdoc="<script>parent.${payload}</script>"></iframe>`],
    ['style expression', `<style>@import 'x';</style><b style="background:url(javascript:${payload})">`],
    ['template syntax', `{{constructor.constructor('${payload}')()}} \${${payload}}`],
    ['escaped entities', `&lt;script&gt;${payload}&lt;/script&gt;`],
    ['closing textarea', `</textarea><script>${payload}</script>`],
    ['closing title', `</title><script>${payload}</script>`],
  ];
  return wrappers.map(([name, value]) => ({ name, value: `学习${value}体会` }));
}

/** Text that looks like something else or like nothing. */
function invisibleAndDirectional(): HostileString[] {
  return [
    { name: 'zero-width space only', value: ch(0x200b) },
    { name: 'zero-width mix only', value: [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff].map(ch).join('') },
    { name: 'ideographic spaces only', value: ch(0x3000).repeat(3) },
    { name: 'hangul filler only', value: ch(0x3164) },
    { name: 'bidi override', value: `报告${ch(0x202e)}fdp.exe` },
    { name: 'bidi isolates', value: `${ch(0x2067)}مرحبا${ch(0x2069)} 王明` },
    { name: 'hebrew and arabic', value: 'שלום عليكم 王明' },
  ];
}

/** Characters no keyboard types and XML cannot carry. */
function untypeable(): HostileString[] {
  return [
    { name: 'NUL inside', value: `王${ch(0)}明` },
    { name: 'C0 controls', value: `王${[1, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f].map(ch).join('')}明` },
    { name: 'DEL and C1', value: `王${ch(0x7f)}${ch(0x85)}${ch(0x9f)}明` },
    { name: 'noncharacters', value: `王${ch(0xfffe)}${ch(0xffff)}${ch(0xfdd0)}${ch(0x1fffe)}明` },
    { name: 'lone surrogates', value: `王${'\uD800'}明${'\uDC00'}` },
  ];
}

/** Text that must survive exactly. */
function legitimateButUnusual(): HostileString[] {
  return [
    { name: 'astral CJK', value: '𠮷野家学习𠀋' },
    { name: 'emoji with joiners', value: '学习👨‍👩‍👧‍👦🇨🇳💧' },
    { name: 'combining marks', value: `Z${'\u0336\u0337\u0338'.repeat(20)}学习` },
    { name: 'leading zeros', value: '0012345' },
    { name: '18-digit id', value: '410702199001011234' },
    { name: 'formula', value: '=HYPERLINK("http://example.invalid","点击")' },
    { name: 'percent-encoding', value: '%E4%B8%AD%00%ZZ' },
  ];
}

/** Line breaks where one line is expected. */
function lineBreaks(): HostileString[] {
  return [
    { name: 'CR LF', value: '第一行\r\n第二行' },
    { name: 'bare CR', value: '第一行\r第二行' },
    { name: 'line separator', value: `第一行${ch(0x2028)}第二行` },
  ];
}

export function hostileStrings(): HostileString[] {
  return [...markupAttacks(), ...invisibleAndDirectional(), ...untypeable(), ...legitimateButUnusual(), ...lineBreaks()];
}

/** Strings that show nothing and must count as empty. */
export const invisibleOnly = (): HostileString[] => invisibleAndDirectional().filter((s) => s.name.endsWith('only'));

/** Strings that are markup attacks: shown, they must appear as text and never run. */
export const markupStrings = markupAttacks;

/** Characters that must never be stored. */
export const UNTYPEABLE_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|\uD83F[\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
