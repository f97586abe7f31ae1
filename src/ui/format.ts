/** Formatting a map measure's value by its unit (fractions as %, people as integers). */
import { measureInfo, type MapMeasure } from '../domain/mapMeasures';
import { formatInt, formatPercent, type Lang } from './i18n';

export function formatMeasure(v: number, measure: MapMeasure, lang: Lang, thaiDigits: boolean, digits = 2): string {
  return measureInfo(measure).unit === 'fraction' ? formatPercent(v, lang, thaiDigits, digits) : formatInt(v, lang, thaiDigits);
}
