/**
 * TPMAP headcount and Alkire–Foster measures over household deprivation profiles, for every
 * village and every admin level at once (DESIGN.md §2.2–2.3).
 *
 * Counting is in people: a household's deprivation counts for each of its members (TPMAP).
 * Identification: `tpmap` — poor when failing any indicator of a selected dimension (union);
 * `af` — poor when c = Σ w_j g_j ≥ k (Alkire & Foster 2011, "Counting and multidimensional poverty
 * measurement", J. Public Econ. 95:476–487). Both then report, for the people so identified:
 * target poor (poor AND welfare card), poor without a card, H = q/n, A = mean score of the poor,
 * M0 = H·A = Σ w_j·CH_j, censored headcounts CH_j and contributions w_j·CH_j/M0. Under `tpmap`
 * the scores use the same effective weights, so A and M0 describe the union-poor; with all
 * selected weights positive, `af` at k = unionCutoff identifies exactly the same people.
 *
 * Aggregation is exact: counts and Σ c (the M0 numerator) are summed up the hierarchy and only
 * then divided, so M0 and H of an area are the population-weighted means of its parts and A is
 * weighted by the poor (Alkire et al. 2015, §5.5.1 subgroup decomposability).
 *
 * Speed: the core pass is one loop over the (village, profile) rows with two 9-bit lookup tables
 * for the score; per-indicator detail (17 counts per area) is optional for the national pass and
 * cheap for one area on demand (computeAreaDetail).
 */
import { ADMIN_LEVELS, type AdminLevel } from '../adminCodes';
import { ALL_INDICATORS_MASK, DIMENSIONS, DIMENSION_MASK, INDICATORS, INDICATOR_COUNT, WELFARE_CARD_BIT, WELFARE_CARD_MASK, type DimensionId } from '../indicators';
import type { PreparedProfiles } from './prepare';
import { rollUp } from './prepare';
import { POVERTY_CUTOFF_EPSILON, resolveSettings, type MpiSettings, type ResolvedSettings } from './settings';

export const DIMENSION_COUNT = DIMENSIONS.length; // 5

/** Per-indicator and per-dimension columns of a level, row-major: area i, item j at i*width + j. */
export interface LevelDetail {
  /** People poor (by the measure) AND deprived in dimension d; 0 for unselected dimensions (TPMAP's convention). ×5 */
  poorByDimension: Float64Array;
  /** Target poor (poor AND welfare card) deprived in dimension d. ×5 */
  targetPoorByDimension: Float64Array;
  /** People failing indicator j, poor or not (uncensored; h_j = failing/people). ×17 */
  failing: Float64Array;
  /** Poor people failing indicator j (censored; CH_j = censored/people). ×17 */
  censored: Float64Array;
  /** Target poor failing indicator j (TPMAP's poor.JPT.MOFval.ind{n}.CNT). ×17 */
  targetPoorFailing: Float64Array;
  /** w_j·CH_j / M0 (NaN where M0 = 0). ×17 */
  contributionByIndicator: Float64Array;
  /** Σ over the dimension's indicators of the above. ×5 */
  contributionByDimension: Float64Array;
}

export interface LevelMeasures {
  level: AdminLevel;
  codes: readonly string[];
  /** Index of each area's parent in the next coarser level (-1 for the country). */
  parent: Int32Array;
  households: Float64Array;
  people: Float64Array;
  poor: Float64Array;
  targetPoor: Float64Array;
  poorNoCard: Float64Array;
  /** targetPoor ÷ people (welfare 'all') or poorNoCard ÷ people (welfare 'nocard'); NaN without people. */
  rate: Float64Array;
  /** H = poor ÷ people. */
  headcountRatio: Float64Array;
  /** A = Σ c over the poor ÷ poor; NaN where nobody is poor. */
  intensity: Float64Array;
  /** M0 = Σ c over the poor ÷ people = H·A. */
  adjustedHeadcount: Float64Array;
  /** Σ c·persons over the poor: the M0 numerator, kept so any grouping can be recomputed exactly. */
  poorScore: Float64Array;
  detail?: LevelDetail;
}

export interface MpiResult {
  settings: ResolvedSettings;
  levels: Record<AdminLevel, LevelMeasures>;
}

export interface ComputeOptions {
  /** Also fill the per-indicator/per-dimension detail at every level (slower; see computeAreaDetail). */
  detail?: boolean;
}

const LOW_MASK = 511;
const HIGH_SHIFT = 9;

/** Per-village core sums: poor people, target poor, Σ c over the poor. The hot loop. */
export function villageCore(prep: PreparedProfiles, rs: ResolvedSettings, poor: Float64Array, target: Float64Array, score: Float64Array): void {
  const { villageStart: vs, mask, persons } = prep.rows;
  const n = prep.hierarchy.villageCount;
  const lo = rs.scoreLow;
  const hi = rs.scoreHigh;
  if (rs.measure === 'af') {
    const kEff = rs.k - POVERTY_CUTOFF_EPSILON;
    for (let v = 0; v < n; v++) {
      let q = 0;
      let t = 0;
      let s = 0;
      const end = vs[v + 1];
      for (let r = vs[v]; r < end; r++) {
        const m = mask[r];
        const c = lo[m & LOW_MASK] + hi[m >>> HIGH_SHIFT];
        if (c >= kEff) {
          const p = persons[r];
          q += p;
          s += c * p;
          if (m & WELFARE_CARD_MASK) t += p;
        }
      }
      poor[v] = q;
      target[v] = t;
      score[v] = s;
    }
  } else {
    const sel = rs.selectedMask;
    for (let v = 0; v < n; v++) {
      let q = 0;
      let t = 0;
      let s = 0;
      const end = vs[v + 1];
      for (let r = vs[v]; r < end; r++) {
        const m = mask[r];
        // Branch-free: about half the rows are union-poor, so a branch here mispredicts often.
        // (m & sel) + 0x7fffffff has bit 31 set exactly when m & sel ≠ 0 (m & sel < 2^17).
        const p = persons[r] * (((m & sel) + 0x7fffffff) >>> 31);
        q += p;
        s += (lo[m & LOW_MASK] + hi[m >>> HIGH_SHIFT]) * p;
        t += p * (m >>> WELFARE_CARD_BIT);
      }
      poor[v] = q;
      target[v] = t;
      score[v] = s;
    }
  }
}

function isPoor(m: number, c: number, rs: ResolvedSettings, kEff: number): boolean {
  return rs.measure === 'af' ? c >= kEff : (m & rs.selectedMask) !== 0;
}

/** Accumulators of one area's detail (people). */
interface DetailSums {
  poorByDimension: Float64Array;
  targetPoorByDimension: Float64Array;
  failing: Float64Array;
  censored: Float64Array;
  targetPoorFailing: Float64Array;
}

const DIM_MASKS = DIMENSIONS.map((d) => DIMENSION_MASK[d.id]);

/**
 * Add rows from..to-1 of (mask, persons) into detail sums at offsets o17/o5; returns nothing —
 * the core sums come from villageCore. Shared by the national detail pass and computeAreaDetail.
 */
function accumulateDetail(
  mask: ArrayLike<number>,
  persons: ArrayLike<number>,
  from: number,
  to: number,
  rs: ResolvedSettings,
  out: DetailSums,
  o17: number,
  o5: number,
  withFailing: boolean,
): void {
  const kEff = rs.k - POVERTY_CUTOFF_EPSILON;
  const lo = rs.scoreLow;
  const hi = rs.scoreHigh;
  const sel = rs.selectedMask;
  for (let r = from; r < to; r++) {
    const m = mask[r];
    const ind = m & ALL_INDICATORS_MASK;
    if (ind === 0) continue;
    const p = persons[r];
    let b = ind;
    if (withFailing) {
      while (b) {
        const low = b & -b;
        out.failing[o17 + 31 - Math.clz32(low)] += p;
        b ^= low;
      }
    }
    const c = lo[m & LOW_MASK] + hi[m >>> HIGH_SHIFT];
    if (!isPoor(m, c, rs, kEff)) continue;
    const card = (m & WELFARE_CARD_MASK) !== 0;
    b = ind;
    while (b) {
      const low = b & -b;
      const j = o17 + 31 - Math.clz32(low);
      out.censored[j] += p;
      if (card) out.targetPoorFailing[j] += p;
      b ^= low;
    }
    for (let d = 0; d < DIMENSION_COUNT; d++) {
      if (m & sel & DIM_MASKS[d]) {
        out.poorByDimension[o5 + d] += p;
        if (card) out.targetPoorByDimension[o5 + d] += p;
      }
    }
  }
}

/** Contributions w_j·CH_j/M0 from censored counts (people): Σ_j = 1 where anyone is poor. */
function contributions(rs: ResolvedSettings, censored: Float64Array, n: number): { byIndicator: Float64Array; byDimension: Float64Array } {
  const byIndicator = new Float64Array(n * INDICATOR_COUNT);
  const byDimension = new Float64Array(n * DIMENSION_COUNT);
  const dimOf = INDICATORS.map((ind) => DIMENSIONS.findIndex((d) => d.id === ind.dimension));
  const w = rs.weights;
  for (let i = 0; i < n; i++) {
    const o = i * INDICATOR_COUNT;
    let total = 0;
    for (let j = 0; j < INDICATOR_COUNT; j++) total += w[j] * censored[o + j];
    for (let j = 0; j < INDICATOR_COUNT; j++) {
      const share = total > 0 ? (w[j] * censored[o + j]) / total : NaN;
      byIndicator[o + j] = share;
      byDimension[i * DIMENSION_COUNT + dimOf[j]] += share;
    }
  }
  return { byIndicator, byDimension };
}

function ratios(rs: ResolvedSettings, people: Float64Array, poor: Float64Array, target: Float64Array, score: Float64Array) {
  const n = people.length;
  const poorNoCard = new Float64Array(n);
  const rate = new Float64Array(n);
  const headcountRatio = new Float64Array(n);
  const intensity = new Float64Array(n);
  const adjustedHeadcount = new Float64Array(n);
  const nocard = rs.welfare === 'nocard';
  for (let i = 0; i < n; i++) {
    const pe = people[i];
    const noCard = poor[i] - target[i];
    poorNoCard[i] = noCard;
    rate[i] = pe > 0 ? (nocard ? noCard : target[i]) / pe : NaN;
    headcountRatio[i] = pe > 0 ? poor[i] / pe : NaN;
    intensity[i] = poor[i] > 0 ? score[i] / poor[i] : NaN;
    adjustedHeadcount[i] = pe > 0 ? score[i] / pe : NaN;
  }
  return { poorNoCard, rate, headcountRatio, intensity, adjustedHeadcount };
}

const failingCache = new WeakMap<PreparedProfiles, Record<AdminLevel, Float64Array>>();

/**
 * All measures for every village and level. The core columns cost one pass over the rows; with
 * `detail` a second pass fills the per-indicator and per-dimension columns everywhere.
 */
export function computeMeasures(prep: PreparedProfiles, settings: MpiSettings | ResolvedSettings, options: ComputeOptions = {}): MpiResult {
  const rs = 'scoreLow' in settings ? settings : resolveSettings(settings);
  const h = prep.hierarchy;
  const n = h.villageCount;
  const vPoor = new Float64Array(n);
  const vTarget = new Float64Array(n);
  const vScore = new Float64Array(n);
  villageCore(prep, rs, vPoor, vTarget, vScore);
  const poor = rollUp(h, vPoor);
  const target = rollUp(h, vTarget);
  const score = rollUp(h, vScore);

  let detail: Record<AdminLevel, LevelDetail> | undefined;
  if (options.detail) {
    // Uncensored counts do not depend on the settings: computed by the first detail pass, then cached.
    const cached = failingCache.get(prep);
    const sums: DetailSums = {
      poorByDimension: new Float64Array(n * DIMENSION_COUNT),
      targetPoorByDimension: new Float64Array(n * DIMENSION_COUNT),
      failing: cached ? new Float64Array(0) : new Float64Array(n * INDICATOR_COUNT),
      censored: new Float64Array(n * INDICATOR_COUNT),
      targetPoorFailing: new Float64Array(n * INDICATOR_COUNT),
    };
    const { villageStart: vs, mask, persons } = prep.rows;
    for (let v = 0; v < n; v++) accumulateDetail(mask, persons, vs[v], vs[v + 1], rs, sums, v * INDICATOR_COUNT, v * DIMENSION_COUNT, !cached);
    const failing = cached ?? rollUp(h, sums.failing, INDICATOR_COUNT);
    failingCache.set(prep, failing);
    const pbd = rollUp(h, sums.poorByDimension, DIMENSION_COUNT);
    const tpbd = rollUp(h, sums.targetPoorByDimension, DIMENSION_COUNT);
    const cen = rollUp(h, sums.censored, INDICATOR_COUNT);
    const tpf = rollUp(h, sums.targetPoorFailing, INDICATOR_COUNT);
    detail = {} as Record<AdminLevel, LevelDetail>;
    for (const level of ADMIN_LEVELS) {
      const c = contributions(rs, cen[level], h.levels[level].codes.length);
      detail[level] = {
        poorByDimension: pbd[level],
        targetPoorByDimension: tpbd[level],
        failing: failing[level].slice(), // the cache stays intact if the caller transfers this
        censored: cen[level],
        targetPoorFailing: tpf[level],
        contributionByIndicator: c.byIndicator,
        contributionByDimension: c.byDimension,
      };
    }
  }

  const levels = {} as Record<AdminLevel, LevelMeasures>;
  for (const level of ADMIN_LEVELS) {
    const al = h.levels[level];
    levels[level] = {
      level,
      codes: al.codes,
      parent: al.parent,
      // Copies, so a worker may transfer every column of the result without detaching prep's.
      households: prep.households[level].slice(),
      people: prep.people[level].slice(),
      poor: poor[level],
      targetPoor: target[level],
      poorScore: score[level],
      ...ratios(rs, prep.people[level], poor[level], target[level], score[level]),
      detail: detail?.[level],
    };
  }
  return { settings: rs, levels };
}

/** One area's full picture: the core numbers plus every per-indicator and per-dimension figure. */
export interface AreaDetail {
  code: string;
  level: AdminLevel;
  households: number;
  people: number;
  poor: number;
  targetPoor: number;
  poorNoCard: number;
  rate: number;
  headcountRatio: number;
  intensity: number;
  adjustedHeadcount: number;
  poorByDimension: Float64Array;
  targetPoorByDimension: Float64Array;
  failing: Float64Array;
  censored: Float64Array;
  targetPoorFailing: Float64Array;
  /** h_j = failing_j ÷ people. */
  uncensoredHeadcountRatio: Float64Array;
  /** CH_j = censored_j ÷ people (≤ h_j). */
  censoredHeadcountRatio: Float64Array;
  contributionByIndicator: Float64Array;
  contributionByDimension: Float64Array;
  /** Effective weights used (INDICATORS order). */
  weights: Float64Array;
}

/**
 * Detail of one area (any level, "TH" for the country) on demand: a scan of that area's rows
 * only (an area's villages, hence its rows, are contiguous); the country uses its distinct masks.
 */
export function computeAreaDetail(prep: PreparedProfiles, settings: MpiSettings | ResolvedSettings, code: string): AreaDetail {
  const rs = 'scoreLow' in settings ? settings : resolveSettings(settings);
  const found = prep.hierarchy.find(code);
  if (!found) throw new Error(`no area with code "${code}" in these profiles`);
  const { level, index } = found;
  const sums: DetailSums = {
    poorByDimension: new Float64Array(DIMENSION_COUNT),
    targetPoorByDimension: new Float64Array(DIMENSION_COUNT),
    failing: new Float64Array(INDICATOR_COUNT),
    censored: new Float64Array(INDICATOR_COUNT),
    targetPoorFailing: new Float64Array(INDICATOR_COUNT),
  };
  let mask: ArrayLike<number>;
  let persons: ArrayLike<number>;
  let from: number;
  let to: number;
  if (level === 'country') {
    ({ mask, persons } = prep.national);
    from = 0;
    to = prep.national.mask.length;
  } else {
    const al = prep.hierarchy.levels[level];
    ({ mask, persons } = prep.rows);
    from = prep.rows.villageStart[al.villageStart[index]];
    to = prep.rows.villageStart[al.villageStart[index + 1]];
  }
  accumulateDetail(mask, persons, from, to, rs, sums, 0, 0, true);
  // Core sums over the same rows (identical rule to villageCore).
  const kEff = rs.k - POVERTY_CUTOFF_EPSILON;
  let poor = 0;
  let target = 0;
  let score = 0;
  for (let r = from; r < to; r++) {
    const m = mask[r];
    const c = rs.scoreLow[m & LOW_MASK] + rs.scoreHigh[m >>> HIGH_SHIFT];
    if (isPoor(m, c, rs, kEff)) {
      poor += persons[r];
      score += c * persons[r];
      if (m & WELFARE_CARD_MASK) target += persons[r];
    }
  }
  const people = prep.people[level][index];
  const r = ratios(rs, Float64Array.of(people), Float64Array.of(poor), Float64Array.of(target), Float64Array.of(score));
  const c = contributions(rs, sums.censored, 1);
  return {
    code,
    level,
    households: prep.households[level][index],
    people,
    poor,
    targetPoor: target,
    poorNoCard: r.poorNoCard[0],
    rate: r.rate[0],
    headcountRatio: r.headcountRatio[0],
    intensity: r.intensity[0],
    adjustedHeadcount: r.adjustedHeadcount[0],
    ...sums,
    uncensoredHeadcountRatio: sums.failing.map((x) => (people > 0 ? x / people : NaN)),
    censoredHeadcountRatio: sums.censored.map((x) => (people > 0 ? x / people : NaN)),
    contributionByIndicator: c.byIndicator,
    contributionByDimension: c.byDimension,
    weights: rs.weights,
  };
}

/** One count column for the map: a dimension's or an indicator's people, among all, the poor or the target poor. */
export type CountColumnSpec =
  | { dimension: DimensionId; group: 'poor' | 'target' }
  | { indicator: string; group: 'all' | 'poor' | 'target' };

/**
 * Fast path for the map's "one dimension's count" and "one indicator's count" measures: a single
 * pass like villageCore, for every village and level, without the 17-wide detail. Matches the
 * corresponding LevelDetail column (poorByDimension, targetPoorByDimension, failing, censored,
 * targetPoorFailing) exactly.
 */
export function computeCountColumn(prep: PreparedProfiles, settings: MpiSettings | ResolvedSettings, spec: CountColumnSpec): Record<AdminLevel, Float64Array> {
  const rs = 'scoreLow' in settings ? settings : resolveSettings(settings);
  let bits: number;
  if ('dimension' in spec) {
    if (!DIMENSION_MASK[spec.dimension]) throw new Error(`unknown dimension "${spec.dimension}"`);
    bits = DIMENSION_MASK[spec.dimension] & rs.selectedMask; // unselected dimensions count 0 (TPMAP)
  } else {
    const j = INDICATORS.findIndex((ind) => ind.id === spec.indicator);
    if (j < 0) throw new Error(`unknown indicator "${spec.indicator}"`);
    bits = 1 << j;
  }
  const needPoor = spec.group !== 'all';
  const needCard = spec.group === 'target';
  const { villageStart: vs, mask, persons } = prep.rows;
  const n = prep.hierarchy.villageCount;
  const out = new Float64Array(n);
  const kEff = rs.k - POVERTY_CUTOFF_EPSILON;
  const af = rs.measure === 'af';
  const lo = rs.scoreLow;
  const hi = rs.scoreHigh;
  const sel = rs.selectedMask;
  for (let v = 0; v < n; v++) {
    let s = 0;
    const end = vs[v + 1];
    for (let r = vs[v]; r < end; r++) {
      const m = mask[r];
      if (!(m & bits)) continue;
      if (needCard && !(m & WELFARE_CARD_MASK)) continue;
      if (needPoor && !(af ? lo[m & LOW_MASK] + hi[m >>> HIGH_SHIFT] >= kEff : m & sel)) continue;
      s += persons[r];
    }
    out[v] = s;
  }
  return rollUp(prep.hierarchy, out);
}
