const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese ordinals as printed in official documents, 一 … 九十九. */
export function chineseToNumber(ordinal: string): number {
  if (!/^[一二三四五六七八九十]+$/.test(ordinal)) throw new Error(`not a Chinese ordinal: ${ordinal}`);
  const tenAt = ordinal.indexOf('十');
  if (tenAt === -1) return DIGITS[ordinal] ?? Number.NaN;
  const tens = tenAt === 0 ? 1 : (DIGITS[ordinal.slice(0, tenAt)] ?? Number.NaN);
  const ones = tenAt === ordinal.length - 1 ? 0 : (DIGITS[ordinal.slice(tenAt + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}

const NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function numberToChinese(n: number): string {
  if (n < 10) return NAMES[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : NAMES[tens]}十${NAMES[n % 10]}`;
}
