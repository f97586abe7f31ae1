/** Number formatting for the nighttime-lights UI (radiance and light statistics), Thai or English. */
import type { Lang } from './i18n';

function locale(lang: Lang, thaiDigits: boolean): string {
  return lang === 'th' ? (thaiDigits ? 'th-TH-u-nu-thai' : 'th-TH') : 'en-GB';
}

/** Three significant digits for small values, whole numbers with grouping from 1,000 up. */
export function formatSig(v: number, lang: Lang, thaiDigits = false): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const opts: Intl.NumberFormatOptions = a >= 1000 || a === 0 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat(locale(lang, thaiDigits), opts).format(v);
}

/** Radiance in nW/cm²/sr: 0.01 resolution below 10, 0.1 below 100, whole numbers above. */
export function formatRadiance(v: number, lang: Lang, thaiDigits = false): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const d = a < 10 ? 2 : a < 100 ? 1 : 0;
  return new Intl.NumberFormat(locale(lang, thaiDigits), { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
}
