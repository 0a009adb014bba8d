import { describe, expect, it } from 'vitest';
import { beijingInstant, formatBeijing, formatRemaining, isLate, remaining, toBeijingIso } from '#shared/campaign/deadline.ts';

const noticeDeadline = beijingInstant('2023-02-27', '18:00');

describe('the deadline in Beijing time', () => {
  it('puts 2023-02-27 18:00 Beijing at 10:00 UTC the same day', () => {
    expect(noticeDeadline.toISOString()).toBe('2023-02-27T10:00:00.000Z');
  });

  it('counts a submission one second before the deadline as on time', () => {
    expect(isLate(new Date(noticeDeadline.getTime() - 1000), noticeDeadline)).toBe(false);
  });

  it('counts a submission at the deadline itself as on time', () => {
    expect(isLate(new Date(noticeDeadline.getTime()), noticeDeadline)).toBe(false);
  });

  it('counts a submission one second after the deadline as late', () => {
    expect(isLate(new Date(noticeDeadline.getTime() + 1000), noticeDeadline)).toBe(true);
  });

  it('places a midnight deadline at 16:00 UTC of the previous day', () => {
    const midnight = beijingInstant('2023-03-01', '00:00');
    expect(midnight.toISOString()).toBe('2023-02-28T16:00:00.000Z');
    expect(formatBeijing(midnight)).toBe('2023年3月1日 00:00');
  });

  it('refuses dates that do not exist and times past 23:59', () => {
    expect(() => beijingInstant('2023-02-29', '18:00')).toThrow(RangeError);
    expect(() => beijingInstant('2023-02-27', '24:00')).toThrow(RangeError);
    expect(() => beijingInstant('2023-02-27', '18:60')).toThrow(RangeError);
    expect(() => beijingInstant('27/02/2023', '18:00')).toThrow(RangeError);
  });

  it('formats an instant as a Beijing clock shows it', () => {
    expect(formatBeijing(noticeDeadline)).toBe('2023年2月27日 18:00');
    expect(formatBeijing(new Date('2023-02-27T09:59:07Z'), { seconds: true })).toBe('2023年2月27日 17:59:07');
    expect(toBeijingIso(noticeDeadline)).toBe('2023-02-27T18:00:00+08:00');
  });

  it('gives the same Beijing answer to a client whose own clock runs in New York', () => {
    const previous = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      // In New York this instant is still 26 February; the Beijing deadline is unaffected.
      const instant = new Date('2023-02-27T03:30:00Z');
      expect(instant.getDate()).toBe(26);
      expect(formatBeijing(instant)).toBe('2023年2月27日 11:30');
      expect(beijingInstant('2023-02-27', '18:00').getTime()).toBe(noticeDeadline.getTime());
      expect(new Date(toBeijingIso(noticeDeadline)).getTime()).toBe(noticeDeadline.getTime());
    } finally {
      if (previous === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previous;
    }
  });
});

describe('the time left before the deadline', () => {
  it('breaks the time left into days, hours, minutes and seconds', () => {
    const now = new Date(noticeDeadline.getTime() - ((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000);
    const left = remaining(now, noticeDeadline);
    expect(left).toMatchObject({ late: false, days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect(formatRemaining(left)).toBe('还有 2 天 3 小时');
  });

  it('shows minutes and seconds in the last hour', () => {
    const left = remaining(new Date(noticeDeadline.getTime() - 61_000), noticeDeadline);
    expect(formatRemaining(left)).toBe('还有 1 分 1 秒');
  });

  it('reads 已截止 and counts nothing once the deadline has passed', () => {
    const left = remaining(new Date(noticeDeadline.getTime() + 1000), noticeDeadline);
    expect(left).toMatchObject({ late: true, totalMs: 0, days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(formatRemaining(left)).toBe('已截止');
  });
});
