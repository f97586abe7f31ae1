/**
 * User-facing text in Thai (default) and English, and number formatting. Data years are
 * Buddhist-era (พ.ศ.) throughout, as TPMAP publishes them. Thai digits are optional.
 */
export type Lang = 'th' | 'en';

const STRINGS = {
  appTitle: { th: 'ชี้เป้า', en: 'Cheepao' },
  appSubtitle: { th: 'แผนที่ชี้เป้าการแก้ไขปัญหาความยากจน', en: 'Poverty targeting map' },
  synthetic: { th: 'ข้อมูลสังเคราะห์เพื่อการสาธิต', en: 'synthetic demonstration data' },
  syntheticLong: {
    th: 'ข้อมูลสังเคราะห์เพื่อการสาธิต (synthetic demonstration data) — ไม่ใช่ข้อมูลจริงของ TPMAP',
    en: 'Synthetic demonstration data (ข้อมูลสังเคราะห์เพื่อการสาธิต) — not real TPMAP figures',
  },
  year: { th: 'ปีข้อมูล', en: 'Data year' },
  yearPrefix: { th: 'พ.ศ.', en: 'BE' },
  country: { th: 'ประเทศไทย', en: 'Thailand' },
  loading: { th: 'กำลังโหลดข้อมูล…', en: 'Loading data…' },
  peopleSurveyed: { th: 'คนที่สำรวจ', en: 'People surveyed' },
  householdsSurveyed: { th: 'ครัวเรือนที่สำรวจ', en: 'Households surveyed' },
  targetPoor: { th: 'คนจนเป้าหมาย', en: 'Target poor' },
  targetPoorRate: { th: 'อัตราคนจนเป้าหมาย', en: 'Target-poor rate' },
  poorNoCard: { th: 'คนจนที่ไม่มีบัตรสวัสดิการแห่งรัฐ', en: 'Poor with no welfare card' },
  villages: { th: 'หมู่บ้าน', en: 'Villages' },
  services: { th: 'สถานบริการ', en: 'Services' },
  hospital: { th: 'โรงพยาบาล', en: 'Hospitals' },
  health_promoting_hospital: { th: 'รพ.สต.', en: 'Health-promoting hospitals' },
  school: { th: 'โรงเรียน', en: 'Schools' },
  province: { th: 'จังหวัด', en: 'Province' },
  district: { th: 'อำเภอ', en: 'District' },
  subdistrict: { th: 'ตำบล', en: 'Subdistrict' },
  village: { th: 'หมู่บ้าน', en: 'Village' },
  legendTitle: { th: 'อัตราคนจนเป้าหมาย (% ของคนที่สำรวจ)', en: 'Target-poor rate (% of people surveyed)' },
  legendBreaks: { th: 'ช่วงแบ่งแบบควอนไทล์ ทั้งประเทศ', en: 'Quantile classes, national' },
  noData: { th: 'ไม่มีข้อมูล', en: 'No data' },
  ofParent: { th: 'ของพื้นที่แม่', en: 'of parent' },
  source: { th: 'ที่มา', en: 'Source' },
  clickHint: { th: 'คลิกพื้นที่บนแผนที่เพื่อดูรายละเอียด', en: 'Click an area on the map for details' },
  errorTitle: { th: 'เกิดข้อผิดพลาด', en: 'Error' },
  dismiss: { th: 'ปิด', en: 'Dismiss' },
  thaiDigits: { th: 'เลขไทย', en: 'Thai digits' },
  language: { th: 'ภาษา', en: 'Language' },
  mooPrefix: { th: 'หมู่ที่', en: 'Moo' },
  dropHere: { th: 'วางไฟล์ที่นี่เพื่อเปิด', en: 'Drop files here to open them' },
  openFile: { th: 'เปิดไฟล์…', en: 'Open file…' },
} as const;

export type StringKey = keyof typeof STRINGS;

/**
 * A bilingual text table's lookup (each feature keeps its own table beside its components);
 * unknown keys — e.g. a class a user's file brought — give `fallback` (the key itself).
 */
export function textLookup<K extends string>(table: Readonly<Record<K, { th: string; en: string }>>) {
  return (key: K, lang: Lang, fallback: string = key): string => (table as Record<string, { th: string; en: string } | undefined>)[key]?.[lang] ?? fallback;
}

export const t = textLookup(STRINGS);

/** The Intl locale for a language, with Thai digits on request. */
export function locale(lang: Lang, thaiDigits: boolean): string {
  return lang === 'th' ? (thaiDigits ? 'th-TH-u-nu-thai' : 'th-TH') : 'en-GB';
}

/**
 * One Intl.NumberFormat per (locale, decimals): building one costs ~0.1 ms, and a national
 * list formats thousands of numbers per repaint (issue 16 profile of a subset change).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function numberFormat(loc: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${loc}|${minDigits}|${maxDigits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(loc, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits })));
  return f;
}

export function formatInt(n: number, lang: Lang, thaiDigits = false): string {
  if (!Number.isFinite(n)) return '–';
  return numberFormat(locale(lang, thaiDigits), 0, 0).format(n);
}

/**
 * A fraction as a percentage with `digits` decimals, or more for small non-zero values so that
 * at least two significant digits show (0.0021 %, not 0.00 %), capped at 4 decimals.
 */
export function formatPercent(fraction: number, lang: Lang, thaiDigits = false, digits = 2): string {
  if (!Number.isFinite(fraction)) return '–';
  const pct = fraction * 100;
  let d = digits;
  if (pct !== 0) while (d < 4 && Math.abs(pct) < 10 ** (1 - d)) d++;
  return numberFormat(locale(lang, thaiDigits), d, d).format(pct) + ' %';
}

export function formatYear(yearBe: number, lang: Lang, thaiDigits = false): string {
  return `${t('yearPrefix', lang)} ${new Intl.NumberFormat(locale(lang, thaiDigits), { useGrouping: false }).format(yearBe)}`;
}
