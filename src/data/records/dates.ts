/**
 * Dates as Thai offices write them, to day numbers (src/domain/progress/days.ts):
 *   15/08/2565  15-08-2565  15.08.2565  2565-08-15  2565/08/15  2022-08-15  2022-08-15T09:30:00
 *   15 ส.ค. 2565  15 สิงหาคม 2565  15 ส.ค. 65  15 Aug 2022  วันที่ 15 สิงหาคม พ.ศ. 2565  (Thai digits too)
 * Numeric dates are day/month/year (the Thai convention), never month/day. A four-digit year
 * above 2400 is Buddhist era and has 543 subtracted (2565 BE = 2022 CE). A two-digit year is
 * accepted only after a Thai month name, where it is the Buddhist era's last two digits (65 = 2565).
 */
import { dayOfYmd } from '../../domain/progress/days';

const THAI_MONTHS: [string, string][] = [
  ['มกราคม', 'มค'], ['กุมภาพันธ์', 'กพ'], ['มีนาคม', 'มีค'], ['เมษายน', 'เมย'], ['พฤษภาคม', 'พค'], ['มิถุนายน', 'มิย'],
  ['กรกฎาคม', 'กค'], ['สิงหาคม', 'สค'], ['กันยายน', 'กย'], ['ตุลาคม', 'ตค'], ['พฤศจิกายน', 'พย'], ['ธันวาคม', 'ธค'],
];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const MONTH_BY_NAME = new Map<string, { month: number; thai: boolean }>();
THAI_MONTHS.forEach(([full, abbr], i) => {
  MONTH_BY_NAME.set(full, { month: i + 1, thai: true });
  MONTH_BY_NAME.set(abbr, { month: i + 1, thai: true });
});
EN_MONTHS.forEach((m, i) => MONTH_BY_NAME.set(m, { month: i + 1, thai: false }));
['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'sept', 'october', 'november', 'december'].forEach((m) =>
  MONTH_BY_NAME.set(m, { month: EN_MONTHS.indexOf(m.slice(0, 3)) + 1, thai: false }),
);

function toCe(year: number): number {
  return year > 2400 ? year - 543 : year;
}

function checked(yearCe: number, month: number, day: number, raw: string): number | string {
  if (yearCe < 1900 || yearCe > 2200) return `date "${raw}": year ${yearCe} CE is out of range (use a Buddhist-era year such as 2565 or a CE year such as 2022)`;
  const d = dayOfYmd(yearCe, month, day);
  return Number.isNaN(d) ? `date "${raw}": no such day (day ${day}, month ${month})` : d;
}

/** Day number of a date cell, or a message saying what is wrong (for a bad-row report). */
export function parseRecordDate(input: string): number | string {
  const raw = input.trim();
  if (raw === '') return 'date is empty';
  // Thai digits ๐–๙ → 0–9; drop "วันที่", era markers and the time of day.
  let s = raw.replace(/[\u0E50-\u0E59]/g, (c) => String(c.charCodeAt(0) - 0x0e50));
  s = s.replace(/^วันที่\s*/, '').replace(/(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|B\.?E\.?|A\.?D\.?)\s*/gi, '').trim();
  s = s.replace(/[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|น\.)?$/i, '').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return checked(toCe(Number(m[1])), Number(m[2]), Number(m[3]), raw);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return checked(toCe(Number(m[3])), Number(m[2]), Number(m[1]), raw);
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$/.test(s)) return `date "${raw}": a two-digit year is ambiguous; write the year in full (2565 or 2022)`;
  m = /^(\d{1,2})[\s\-/]*([^\d\s\-/,]+(?:\s*[^\d\s\-/,]+)*)[\s\-/,]*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const name = m[2].toLowerCase().replace(/[.\s]/g, '');
    const month = MONTH_BY_NAME.get(name);
    if (!month) return `date "${raw}": unknown month "${m[2]}"`;
    let year = Number(m[3]);
    if (m[3].length === 2) {
      if (!month.thai) return `date "${raw}": a two-digit year is ambiguous; write the year in full (2565 or 2022)`;
      year = 2500 + year; // Thai short year: the Buddhist era's last two digits
    }
    return checked(toCe(year), month.month, Number(m[1]), raw);
  }
  return `date "${raw}" is not a date (use 15/08/2565, 2565-08-15, 15 ส.ค. 2565 or 2022-08-15)`;
}
