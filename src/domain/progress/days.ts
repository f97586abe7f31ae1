/**
 * Calendar days as integers: day 0 = 1970-01-01 (proleptic Gregorian, UTC, no time of day).
 * Records, as-of dates and deadlines are compared as day numbers so that a national pass never
 * builds a Date; Buddhist-era years are converted at import (src/data/records/dates.ts).
 */

const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Day number of a Gregorian (CE) year, month 1–12 and day 1–31; NaN when the date does not exist.
 * Arithmetic, not Date: imports call this once per row (days_from_civil, H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms").
 */
export function dayOfYmd(yearCe: number, month: number, day: number): number {
  if (!Number.isInteger(yearCe) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1) return NaN;
  if (day > (month === 2 && isLeap(yearCe) ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  const y = month <= 2 ? yearCe - 1 : yearCe;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO 8601 calendar date (CE), e.g. 2022-09-30. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Year (CE), month 1–12, day of month of a day number. */
export function ymdOfDay(day: number): { yearCe: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { yearCe: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Last day of the month containing `day`. */
export function monthEndOfDay(day: number): number {
  const { yearCe, month } = ymdOfDay(day);
  return Math.round(Date.UTC(yearCe, month, 0) / MS_PER_DAY);
}

/**
 * The cabinet resolution's deadline for the first target group: 30 September 2565 BE
 * (= 2022-09-30 CE), the end of Thai fiscal year 2565.
 */
export const DEFAULT_DEADLINE_DAY = dayOfYmd(2022, 9, 30);
