/**
 * What the map can colour by: the measures of DESIGN.md §2.2 as one catalogue, with units and
 * bilingual labels, so the picker, the legend and the tooltip agree.
 */
import { DIMENSIONS, INDICATORS, type DimensionId } from './indicators';

export type MapMeasure =
  | 'rate'
  | 'targetPoor'
  | 'poorNoCard'
  | 'headcountRatio'
  | 'intensity'
  | 'adjustedHeadcount'
  | `dimension:${DimensionId}`
  | `indicator:${string}`;

/** fraction: shown as %; people: a count; index: a number in [0, 1] shown as a decimal (M0). */
export type MeasureUnit = 'fraction' | 'people' | 'index';

export interface MapMeasureInfo {
  id: MapMeasure;
  unit: MeasureUnit;
  th: string;
  en: string;
  /** Needs the per-dimension/per-indicator detail pass. */
  detail: boolean;
}

export const BASE_MEASURES: readonly MapMeasureInfo[] = [
  { id: 'rate', unit: 'fraction', th: 'อัตราคนจน (% ของคนที่สำรวจ)', en: 'Poverty rate (% of people surveyed)', detail: false },
  { id: 'targetPoor', unit: 'people', th: 'จำนวนคนจนเป้าหมาย', en: 'Target poor (people)', detail: false },
  { id: 'poorNoCard', unit: 'people', th: 'คนจนที่ไม่มีบัตรสวัสดิการแห่งรัฐ', en: 'Poor with no welfare card (people)', detail: false },
  { id: 'headcountRatio', unit: 'fraction', th: 'สัดส่วนคนจน H (Alkire–Foster)', en: 'Headcount ratio H (Alkire–Foster)', detail: false },
  { id: 'intensity', unit: 'fraction', th: 'ความเข้มข้นของความยากจน A', en: 'Intensity A', detail: false },
  { id: 'adjustedHeadcount', unit: 'index', th: 'ดัชนีความยากจนหลายมิติ M0 = H×A', en: 'Adjusted headcount M0 = H×A', detail: false },
];

export function measureInfo(id: MapMeasure): MapMeasureInfo {
  const base = BASE_MEASURES.find((m) => m.id === id);
  if (base) return base;
  if (id.startsWith('dimension:')) {
    const d = DIMENSIONS.find((x) => `dimension:${x.id}` === id);
    if (d) return { id, unit: 'people', th: `คนจนเป้าหมาย${d.th}`, en: `Target poor in ${d.en.toLowerCase()}`, detail: true };
  }
  if (id.startsWith('indicator:')) {
    const ind = INDICATORS.find((x) => `indicator:${x.id}` === id);
    if (ind) return { id, unit: 'people', th: `คนจนเป้าหมายที่ไม่ผ่านตัวชี้วัด จปฐ. ${ind.bmn}`, en: `Target poor failing BMN ${ind.bmn}`, detail: true };
  }
  throw new Error(`unknown map measure "${id}"`);
}

export function isMapMeasure(s: string): s is MapMeasure {
  try {
    measureInfo(s as MapMeasure);
    return true;
  } catch {
    return false;
  }
}

export interface MeasureColumns {
  rate: ArrayLike<number>;
  targetPoor: ArrayLike<number>;
  poorNoCard: ArrayLike<number>;
  headcountRatio: ArrayLike<number>;
  intensity: ArrayLike<number>;
  adjustedHeadcount: ArrayLike<number>;
  targetPoorByDimension?: ArrayLike<number>;
  targetPoorFailing?: ArrayLike<number>;
}

/** The value of `measure` for area i (NaN when the detail it needs was not computed). */
export function measureValue(cols: MeasureColumns, measure: MapMeasure, i: number): number {
  switch (measure) {
    case 'rate': case 'targetPoor': case 'poorNoCard': case 'headcountRatio': case 'intensity': case 'adjustedHeadcount':
      return cols[measure][i];
  }
  if (measure.startsWith('dimension:')) {
    const d = DIMENSIONS.findIndex((x) => `dimension:${x.id}` === measure);
    return cols.targetPoorByDimension ? cols.targetPoorByDimension[i * DIMENSIONS.length + d] : NaN;
  }
  const j = INDICATORS.findIndex((x) => `indicator:${x.id}` === measure);
  return cols.targetPoorFailing ? cols.targetPoorFailing[i * INDICATORS.length + j] : NaN;
}
