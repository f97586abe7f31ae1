/**
 * Comparison keys for Thai administrative names (issue 14 item 8): two spellings of one area's
 * name get the same key, so a names-only boundary file can be matched to the DOPA code gazetteer.
 *
 * Thai: Unicode NFKC (which also folds the old two-character sara am ◌ํ + า into ำ, as typed by
 * some legacy TIS-620 software), zero-width and soft-hyphen characters removed, all white space
 * removed (Thai writes no spaces inside a name; files put them after a prefix), the level words
 * DOPA uses before a name removed (จังหวัด/จ., อำเภอ/อ./กิ่งอำเภอ/กิ่ง อ., เขต, ตำบล/ต., แขวง —
 * Bangkok's districts are เขต and its subdistricts แขวง), the abbreviation mark ฯ (ไปยาลน้อย, as in
 * "กรุงเทพฯ") dropped, and runs of combining marks put in code-point order, because the order a
 * tone mark and an upper vowel are typed in varies and both orders render the same.
 * English: lower case, "Amphoe"/"King Amphoe"/"Khet"/"Tambon"/"Khwaeng"/"Changwat" prefixes and
 * "District"/"Subdistrict"/"Province" suffixes dropped, the RTGS "Mueang" for the romanisations
 * Muang/Meuang/Mueng/Muaeng, and every space, hyphen, dot and apostrophe removed.
 */
import type { NameLevel } from './gazetteer';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Thai combining marks (above/below vowels, tone marks, thanthakhat, nikhahit, yamakkan). */
const MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;

function sortMarks(s: string): string {
  let out = '';
  let run: string[] = [];
  for (const ch of s) {
    if (MARK.test(ch)) run.push(ch);
    else {
      if (run.length) out += run.sort().join('');
      run = [];
      out += ch;
    }
  }
  return out + (run.length ? run.sort().join('') : '');
}

/** Canonical Thai text: NFKC, no zero-width characters, spaces or ฯ, marks in code-point order, ำ recomposed. */
function canonicalThai(name: string): string {
  const s = name.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, '').replace(/ฯ/g, '').replace(/[\-_'’()]/g, '');
  // NFKC splits ำ (U+0E33) into nikhahit + sara aa; put it back so both spellings meet.
  return sortMarks(s).replace(/\u0e4d\u0e32/g, '\u0e33');
}

const prefixes = (...words: string[]) => new RegExp(`^(${words.map((w) => canonicalThai(w).replace(/\./g, '\\.')).join('|')})`);
const THAI_PREFIX: Record<NameLevel, RegExp> = {
  province: prefixes('จังหวัด', 'จ.'),
  district: prefixes('กิ่งอำเภอ', 'กิ่งอ.', 'อำเภอ', 'อ.', 'เขต'),
  subdistrict: prefixes('ตำบล', 'ต.', 'แขวง'),
};

/** Key of a Thai name at a level (only that level's prefixes are dropped: a subdistrict may be called เขา…). */
export function thaiNameKey(name: string, level: NameLevel): string {
  let s = canonicalThai(name);
  // A prefix is dropped only when something is left, so an area really called "เขต…" keeps a key.
  const stripped = s.replace(THAI_PREFIX[level], '');
  if (stripped) s = stripped;
  return s.replace(/\./g, '');
}

const EN_PREFIX: Record<NameLevel, RegExp> = {
  province: /^(changwat)\s+/,
  district: /^(king\s+amphoe|amphoe|amphur|amphu|khet)\s+/,
  subdistrict: /^(tambon|tambol|tumbon|khwaeng|khwang)\s+/,
};
const EN_SUFFIX: Record<NameLevel, RegExp> = {
  province: /\s+province$/,
  district: /\s+(district|minor district)$/,
  subdistrict: /\s+(sub-?district|tambon)$/,
};

/** Key of an English (RTGS or older) romanisation at a level. */
export function englishNameKey(name: string, level: NameLevel): string {
  let s = name.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  const stripped = s.replace(EN_PREFIX[level], '').replace(EN_SUFFIX[level], '');
  if (stripped) s = stripped;
  s = s.replace(/\b(muang|meuang|mueng|muaeng|muong)\b/g, 'mueang');
  return s.replace(/[\s\-_.'’()]/g, '');
}

/** True when the text is written in Thai script (at least one Thai letter). */
export const isThai = (s: string) => /[\u0e01-\u0e5b]/.test(s);

/** The key a name gets in its own script. */
export const nameKey = (name: string, level: NameLevel) => (isThai(name) ? thaiNameKey(name, level) : englishNameKey(name, level));
