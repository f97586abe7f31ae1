/**
 * Calendar days as integers: day 0 = 1970-01-01 (proleptic Gregorian, UTC, no time of day).
 * Records, as-of dates and deadlines are compared as day numbers so that a national pass never
 * builds a Date; Buddhist-era years are converted at import (src/data/records/dates.ts).
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a Gregorian (CE) year, month 1–12 and day 1–31; NaN when the date does not exist. */
export function dayOfYmd(yearCe: number, month: number, day: number): number {
  if (!Number.isInteger(yearCe) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const ms = Date.UTC(yearCe, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 31 Feb over to March: a rolled date did not exist.
  if (d.getUTCFullYear() !== yearCe || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return NaN;
  return Math.round(ms / MS_PER_DAY);
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
