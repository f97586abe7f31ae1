/**
 * Thai administrative codes (DOPA): province 2 digits, district 4, subdistrict 6, village 8
 * (subdistrict + moo). Other spellings seen in the wild are normalised to DOPA digits:
 * OCHA P-codes (TH10, TH1001, TH100101), ISO 3166-2 (TH-10) and TPMAP's 10-digit village ids
 * (8-digit village code + 2 trailing digits) — see ../shared/realdata/README.md.
 */

export type AdminLevel = 'country' | 'province' | 'district' | 'subdistrict' | 'village';

export const LEVEL_DIGITS: Readonly<Record<Exclude<AdminLevel, 'country'>, number>> = {
  province: 2,
  district: 4,
  subdistrict: 6,
  village: 8,
};

export const ADMIN_LEVELS: readonly AdminLevel[] = ['country', 'province', 'district', 'subdistrict', 'village'];

/** Code of the whole country (the root of the hierarchy). */
export const COUNTRY_CODE = 'TH';

/**
 * Normalise a code written in any known spelling to DOPA digits, or return null when it is
 * not a recognisable admin code. A 10-digit TPMAP village id keeps its first 8 digits.
 */
export function normaliseAdminCode(raw: string | number): string | null {
  // Thai digits ๐–๙ (U+0E50–U+0E59), as official documents and their spreadsheets often write codes.
  let s = String(raw).trim().toUpperCase().replace(/[\u0E50-\u0E59]/g, (c) => String(c.charCodeAt(0) - 0x0e50));
  if (s === COUNTRY_CODE) return COUNTRY_CODE;
  if (s.startsWith('TH-')) s = s.slice(3);
  else if (s.startsWith('TH')) s = s.slice(2);
  // Spreadsheets drop leading zeros and add ".0"; DOPA codes never start with 0, so only strip.
  if (/^\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, '');
  if (!/^\d+$/.test(s)) return null;
  if (s.length === 10) s = s.slice(0, 8);
  if (s.length !== 2 && s.length !== 4 && s.length !== 6 && s.length !== 8) return null;
  const province = Number(s.slice(0, 2));
  if (province < 10 || province > 96) return null;
  return s;
}

export function levelOfCode(code: string): AdminLevel {
  if (code === COUNTRY_CODE) return 'country';
  switch (code.length) {
    case 2: return 'province';
    case 4: return 'district';
    case 6: return 'subdistrict';
    case 8: return 'village';
    default: throw new Error(`not a DOPA admin code: "${code}"`);
  }
}

/** The code of the enclosing area at `level` (a village's parents follow from its digits). */
export function ancestorCode(code: string, level: AdminLevel): string {
  if (level === 'country') return COUNTRY_CODE;
  const n = LEVEL_DIGITS[level];
  if (code.length < n) throw new Error(`"${code}" has no ${level} ancestor`);
  return code.slice(0, n);
}

export function parentCode(code: string): string | null {
  switch (code.length) {
    case 2: return COUNTRY_CODE;
    case 4: case 6: case 8: return code.slice(0, code.length - 2);
    default: return null;
  }
}

/** Chain from the country down to `code`, e.g. TH, 57, 5701, 570101. */
export function lineage(code: string): string[] {
  if (code === COUNTRY_CODE) return [COUNTRY_CODE];
  const out = [COUNTRY_CODE];
  for (let n = 2; n <= code.length; n += 2) out.push(code.slice(0, n));
  return out;
}

export function childLevel(level: AdminLevel): AdminLevel | null {
  const i = ADMIN_LEVELS.indexOf(level);
  return i < ADMIN_LEVELS.length - 1 ? ADMIN_LEVELS[i + 1] : null;
}

/** An 8-digit village code held as a number (villages.bin) as the string used everywhere else. */
export function villageCodeString(code: number | string): string {
  return String(code).padStart(8, '0');
}
