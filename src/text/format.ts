/** Formatting a map measure's value by its unit (fractions as %, people as integers). */
import { measureInfo, type MapMeasure } from '../domain/mapMeasures';
import { formatInt, formatPercent, locale, type Lang } from './i18n';

export function formatMeasure(v: number, measure: MapMeasure, lang: Lang, thaiDigits: boolean, digits = 2): string {
  const unit = measureInfo(measure).unit;
  if (unit === 'fraction') return formatPercent(v, lang, thaiDigits, digits);
  if (unit === 'index') return formatDecimal(v, lang, thaiDigits);
  return formatInt(v, lang, thaiDigits);
}

/** An index in [0, 1] such as M0, with four decimals (0.0093). */
export function formatDecimal(x: number, lang: Lang, thaiDigits: boolean, digits = 4): string {
  if (!Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locale(lang, thaiDigits), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}
