/**
 * Deadline maths in Beijing time. China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact and needs no time-zone database — old browsers without full Intl data
 * get the same answers as the server. Pure: runs in the browser (countdown) and on the server.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** The parts of an instant as a clock in Beijing shows it. */
export interface BeijingParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant of `date` (YYYY-MM-DD) at `time` (HH:mm) on a Beijing clock.
 * Throws on anything that is not a real calendar date and time of day.
 */
export function beijingInstant(date: string, time: string): Date {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) throw new RangeError(`not a Beijing date and time: ${date} ${time}`);
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET_MS;
  const back = beijingParts(new Date(utc));
  if (back.year !== year || back.month !== month || back.day !== day || back.hour !== hour || back.minute !== minute) {
    throw new RangeError(`not a Beijing date and time: ${date} ${time}`);
  }
  return new Date(utc);
}

/** Late means strictly after the deadline: a submission at 18:00:00 sharp is on time. */
export function isLate(now: Date, deadline: Date): boolean {
  return now.getTime() > deadline.getTime();
}

export function beijingParts(instant: Date): BeijingParts {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2023年2月27日 18:00 (or 18:00:05 with seconds), whatever the device's own time zone. */
export function formatBeijing(instant: Date, options: { seconds?: boolean } = {}): string {
  const p = beijingParts(instant);
  const clock = `${pad(p.hour)}:${pad(p.minute)}${options.seconds ? `:${pad(p.second)}` : ''}`;
  return `${p.year}年${p.month}月${p.day}日 ${clock}`;
}

/** 2023-02-27T18:00:00+08:00: an ISO string that reads as Beijing time and parses everywhere. */
export function toBeijingIso(instant: Date): string {
  const p = beijingParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+08:00`;
}

export interface Remaining {
  late: boolean;
  /** Milliseconds until the deadline; 0 once it has passed. */
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until the deadline, broken down for a countdown; all zero once late. */
export function remaining(now: Date, deadline: Date): Remaining {
  const totalMs = Math.max(0, deadline.getTime() - now.getTime());
  const totalSeconds = Math.floor(totalMs / 1000);
  return {
    late: isLate(now, deadline),
    totalMs,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}

/** 距截止还有 2 天 3 小时 / 还有 5 分 12 秒 / 已截止. */
export function formatRemaining(left: Remaining): string {
  if (left.late) return '已截止';
  if (left.days > 0) return `还有 ${left.days} 天 ${left.hours} 小时`;
  if (left.hours > 0) return `还有 ${left.hours} 小时 ${left.minutes} 分`;
  return `还有 ${left.minutes} 分 ${left.seconds} 秒`;
}
