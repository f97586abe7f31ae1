/**
 * Need × potential typology (DESIGN.md §2.5, issue 9 item 4): four quadrants split by visible
 * thresholds — the median by default, over areas or over people (people-weighted), or values
 * given — each named with its intervention family.
 *
 * An area is "high" on an axis when its value is ≥ the threshold (so the median area itself counts
 * as high). Thresholds are in the normalised units of the current method.
 *
 * Palette: a 2 × 2 bivariate scheme, need = orange, potential = blue, both = dark indigo, neither =
 * light grey. Joshua Stevens' teal–pink bivariate corners (#e8e8e8 #5ac8c8 #be64ac #3b4994) fall
 * to a smallest pairwise CIELAB ΔE of ≈ 17 under simulated deuteranopia (Machado, Oliveira &
 * Fernandes 2009, severity 1); this blue/orange set keeps ≥ 40 under deuteranopia, protanopia and
 * tritanopia (typology.test.ts recomputes it).
 */
import { selectInPlace } from './quickselect';
import { RadixScratch } from './rank';

export type QuadrantId = 'high_need_high_potential' | 'high_need_low_potential' | 'low_need_high_potential' | 'low_need_low_potential';

/** Quadrant codes: bit 1 = high need, bit 0 = high potential; NO_QUADRANT for unranked areas. */
export const QUADRANT_IDS: readonly QuadrantId[] = ['low_need_low_potential', 'low_need_high_potential', 'high_need_low_potential', 'high_need_high_potential'];
export const NO_QUADRANT = 255;

export interface QuadrantInfo {
  id: QuadrantId;
  /** DESIGN.md §2.5 intervention family. */
  family: 'livelihoods_market_linkage' | 'social_protection_basic_infrastructure' | 'growth_poles' | 'monitor';
  th: string;
  en: string;
  familyTh: string;
  familyEn: string;
  /** sRGB hex of the bivariate palette. */
  colour: string;
}

export const QUADRANTS: Readonly<Record<QuadrantId, QuadrantInfo>> = {
  high_need_high_potential: {
    id: 'high_need_high_potential', family: 'livelihoods_market_linkage', colour: '#2d2d6e',
    th: 'ความต้องการสูง ศักยภาพสูง', en: 'High need, high potential',
    familyTh: 'ส่งเสริมอาชีพและเชื่อมโยงตลาด', familyEn: 'Livelihoods and market linkage',
  },
  high_need_low_potential: {
    id: 'high_need_low_potential', family: 'social_protection_basic_infrastructure', colour: '#f2a654',
    th: 'ความต้องการสูง ศักยภาพต่ำ', en: 'High need, low potential',
    familyTh: 'คุ้มครองทางสังคมและโครงสร้างพื้นฐาน', familyEn: 'Social protection and basic infrastructure',
  },
  low_need_high_potential: {
    id: 'low_need_high_potential', family: 'growth_poles', colour: '#6a9fd8',
    th: 'ความต้องการต่ำ ศักยภาพสูง', en: 'Low need, high potential',
    familyTh: 'ศูนย์กลางการเติบโตที่ควรเชื่อมโยง', familyEn: 'Growth poles to link to',
  },
  low_need_low_potential: {
    id: 'low_need_low_potential', family: 'monitor', colour: '#e8e8e8',
    th: 'ความต้องการต่ำ ศักยภาพต่ำ', en: 'Low need, low potential',
    familyTh: 'ติดตามเฝ้าระวัง', familyEn: 'Monitor',
  },
};

export type ThresholdRule = { kind: 'median'; weighting: 'areas' | 'people' } | { kind: 'given'; need: number; potential: number };
export const DEFAULT_THRESHOLDS: ThresholdRule = { kind: 'median', weighting: 'areas' };

/** k-th smallest (0-based) of a[0..m-1], partially reordering a (quickselect.ts). */
function selectKth(a: Float64Array, m: number, k: number): number {
  return selectInPlace(a, k, 0, m - 1);
}

let bucketCounts = new Uint32Array(0);
let bucketValues = new Float64Array(0);
const selectPair = new Float64Array(2);

/**
 * The k-th and (k+1)-th smallest of a[0..m-1] (0-based; the second NaN when k = m − 1) by one
 * bucket pass: value x goes to bucket ⌊(x − min)·B / (max − min)⌋, a monotone function of x, so
 * every value in an earlier bucket is ≤ every value in a later one; counting finds the bucket
 * holding the k-th, and quickselect runs over that bucket's few values only. Exact (values are
 * only compared and copied). Null when a value is not finite (quickselect decides those).
 */
function bucketSelect(a: Float64Array, m: number, k: number): Float64Array | null {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < m; i++) {
    const x = a[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const span = max - min;
  if (!(span < Infinity)) return null;
  if (span === 0) {
    selectPair[0] = selectPair[1] = min;
    if (k + 1 >= m) selectPair[1] = NaN;
    return selectPair;
  }
  // Few buckets (the counts stay in the first-level cache); the k-th's bucket holds ~m / B values.
  const B = Math.min(m, 2048);
  const scale = B / span;
  if (!(scale < Infinity)) return null;
  if (bucketCounts.length < B) bucketCounts = new Uint32Array(B * 2);
  const counts = bucketCounts;
  counts.fill(0, 0, B);
  for (let i = 0; i < m; i++) {
    const b = Math.floor((a[i] - min) * scale);
    counts[b < B ? b : B - 1]++;
  }
  let t = 0, before = 0;
  while (before + counts[t] <= k) before += counts[t++];
  const size = counts[t];
  if (bucketValues.length < size) bucketValues = new Float64Array(Math.max(size, 1024));
  const v = bucketValues;
  let e = 0;
  let nextMin = Infinity; // smallest value in a later bucket
  for (let i = 0; i < m; i++) {
    const x = a[i];
    let b = Math.floor((x - min) * scale);
    if (b >= B) b = B - 1;
    if (b === t) v[e++] = x;
    else if (b > t && x < nextMin) nextMin = x;
  }
  const r = k - before;
  // The k-th's bucket holds a handful of finite values: a native numeric sort puts them in order
  // (and keeps quickselect.ts's loop fed with one array type only, stability.ts's integer ranks).
  v.subarray(0, size).sort();
  selectPair[0] = v[r];
  let upper = nextMin;
  for (let i = r + 1; i < size; i++) if (v[i] < upper) upper = v[i];
  selectPair[1] = k + 1 < m ? upper : NaN;
  return selectPair;
}

/**
 * Median of values[i] over eligible areas: type 7 (the mean of the two middle values) by areas;
 * by people, the lower weighted median (smallest v with Σ people of values ≤ v ≥ half of all).
 * `sortBuffer` avoids an allocation per call (Monte Carlo). Linear time by areas (quickselect);
 * by people one radix sort (rank.ts).
 */
export function medianOf(values: ArrayLike<number>, eligible: Uint8Array, people?: ArrayLike<number> | null, sortBuffer?: Float64Array, scratch?: RadixScratch): number {
  const n = values.length;
  if (!people) {
    const buf = sortBuffer && sortBuffer.length >= n ? sortBuffer : new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (eligible[i]) buf[m++] = values[i];
    if (m === 0) return NaN;
    const h = (m - 1) / 2;
    const pair = m >= 256 ? bucketSelect(buf, m, Math.floor(h)) : null;
    if (pair) return h === Math.floor(h) ? pair[0] : pair[0] + 0.5 * (pair[1] - pair[0]);
    const lower = selectKth(buf, m, Math.floor(h));
    if (h === Math.floor(h)) return lower;
    // After selection everything right of the lower middle is ≥ it: the upper middle is their minimum.
    let upper = Infinity;
    for (let i = Math.floor(h) + 1; i < m; i++) if (buf[i] < upper) upper = buf[i];
    return lower + 0.5 * (upper - lower);
  }
  const s = scratch && scratch.capacity >= n ? scratch : new RadixScratch(n);
  let m = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    s.setKey(m++, values[i], i);
    total += people[i] > 0 ? people[i] : 0;
  }
  if (m === 0) return NaN;
  if (!(total > 0)) return medianOf(values, eligible, null, sortBuffer);
  const order = s.sortDesc(m);
  let c = 0;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r];
    c += people[i] > 0 ? people[i] : 0;
    if (c >= total / 2) return values[i];
  }
  return values[order[0]];
}

/** Thresholds in force for need and potential. */
export function thresholds(rule: ThresholdRule, need: ArrayLike<number>, potential: ArrayLike<number>, eligible: Uint8Array, people: ArrayLike<number>, sortBuffer?: Float64Array, scratch?: RadixScratch): { need: number; potential: number } {
  if (rule.kind === 'given') return { need: rule.need, potential: rule.potential };
  const w = rule.weighting === 'people' ? people : null;
  return { need: medianOf(need, eligible, w, sortBuffer, scratch), potential: medianOf(potential, eligible, w, sortBuffer, scratch) };
}

/** Quadrant code per area (NO_QUADRANT where not eligible). */
export function classifyQuadrants(need: ArrayLike<number>, potential: ArrayLike<number>, eligible: Uint8Array, t: { need: number; potential: number }, out?: Uint8Array): Uint8Array {
  const n = need.length;
  const q = out ?? new Uint8Array(n);
  const tn = t.need, tp = t.potential;
  // Branch-free: which side of a median an area falls is a coin toss the CPU cannot predict.
  for (let i = 0; i < n; i++) {
    const code = (+(need[i] >= tn) << 1) | +(potential[i] >= tp);
    q[i] = eligible[i] ? code : NO_QUADRANT;
  }
  return q;
}

/** The id of a quadrant code, null for NO_QUADRANT. */
export const quadrantId = (code: number): QuadrantId | null => (code === NO_QUADRANT ? null : QUADRANT_IDS[code]);
