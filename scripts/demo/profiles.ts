/**
 * Synthetic household deprivation profiles (DESIGN.md §2.3): per village, the distinct
 * (mask, households, persons) rows of one data year. A household's deprivations come from a
 * village latent "poverty" z (region + province + district + village effects + remoteness) and a
 * household latent severity σ (itself higher where z is high) that raises the probability of every
 * further deprivation at once. Deprivations therefore cluster in the same households, as in real
 * multidimensional-poverty data, so the Alkire–Foster count at k = 1/3 is a sizeable minority of
 * the union-rule poor; indicators are also correlated with the welfare card and between years.
 * The national target-poor count (deprived in ≥ 1 indicator AND welfare card, counted in people)
 * is calibrated exactly: a bisection on a global intercept brings it close, then the persons of
 * target-poor rows are adjusted deterministically by the small remainder.
 */
import { ALL_INDICATORS_MASK, DIMENSIONS, INDICATORS, WELFARE_CARD_MASK } from '../../src/domain/indicators';
import type { Region } from '../../src/data/datasetFormat';
import { logistic, Rng } from './rng';

export interface VillageModel {
  code: number;
  region: Region;
  /** Latent poverty on the logit scale (0 = national average village). */
  z: number;
  households: number;
  /** Mean persons per household in this village. */
  personsPerHousehold: number;
  /** Deep-south Malay-speaking area: Thai-literacy indicator far more common. */
  deepSouth: boolean;
}

export interface ProfileRows {
  villageStart: Uint32Array;
  mask: Uint32Array;
  households: Uint32Array;
  persons: Uint32Array;
}

/** Relative frequency of each indicator among deprived households (order of INDICATORS). */
const BASE_WEIGHT: Record<string, number> = {
  h1: 0.02, h2: 0.08, h3: 0.05, h4: 0.28,
  l1: 0.24, l2: 0.07, l3: 0.09, l4: 0.1,
  e1: 0.03, e2: 0.04, e3: 0.07, e4: 0.22,
  i1: 0.14, i2: 0.2, i3: 0.6,
  a1: 0.08, a2: 0.05,
};

const REGION_FACTOR: Partial<Record<Region, Record<string, number>>> = {
  northeast: { l2: 1.8, l3: 1.7, i3: 1.15, i2: 1.2 },
  north: { e4: 1.6, l1: 1.3, l2: 1.3, a1: 1.2 },
  west: { e4: 1.4, l1: 1.2 },
  bangkok: { l1: 1.8, l4: 1.5, i3: 0.6, l2: 0.3, l3: 0.3 },
  south: { e3: 1.3, i3: 0.9 },
};

export function indicatorWeights(region: Region, deepSouth: boolean, year: number): Float64Array {
  const w = new Float64Array(INDICATORS.length);
  INDICATORS.forEach((ind, i) => {
    let x = BASE_WEIGHT[ind.id] * (REGION_FACTOR[region]?.[ind.id] ?? 1);
    if (deepSouth && (ind.id === 'e4' || ind.id === 'e3' || ind.id === 'e2')) x *= 2.4;
    // 2565 follows the COVID-19 years: income deprivations a little more common.
    if (year >= 2565 && ind.dimension === 'income') x *= 1.15;
    w[i] = x;
  });
  return w;
}

const IDX: Record<string, number> = Object.fromEntries(INDICATORS.map((ind, i) => [ind.id, i]));
const DIMENSION_INDICES: number[][] = DIMENSIONS.map((d) => INDICATORS.flatMap((ind, i) => (ind.dimension === d.id ? [i] : [])));

export interface YearParams {
  year: number;
  seed: number;
  /** Global intercept shift found by calibration. */
  shift: number;
}

/** Model constants (logit scale). */
const DEPRIVED_INTERCEPT = -2.2; // ≈ 10 % of households deprived in ≥ 1 indicator at z = 0
// TPMAP 2561: about a quarter of the poor hold the card (with the terms below, ≈ 28 % on average).
const CARD_IF_DEPRIVED = -1.9;
const CARD_IF_NOT = -1.4;

/**
 * Household severity σ ∈ (0, 1) of a deprived household: logistic(SEVERITY_INTERCEPT +
 * SEVERITY_Z·z + SEVERITY_SD·ε), ε ~ N(0, 1). One latent factor raises the probability of every
 * further deprivation at once, so deprivations cluster in the same households (as in real MPI
 * data: low income, poor housing, low education and missing care go together) and
 * Alkire–Foster's intensity has something to count. Poorer villages (higher z) have more severe
 * households, which gives H, A and M0 their geography.
 */
export const SEVERITY_INTERCEPT = -2.1;
export const SEVERITY_Z = 0.55;
export const SEVERITY_SD = 2.0;
/**
 * How strongly severity raises each dimension's indicators (probability at σ = 1 for an
 * indicator of average weight): income, living conditions and education load most, access and
 * health less.
 */
const DIMENSION_LOADING: Record<string, number> = { income: 0.88, living: 0.7, education: 0.6, access: 0.45, health: 0.35 };
/** Extra deprivations independent of severity, as a multiple of the indicator's weight share. */
const INDEPENDENT_EXTRA = 0.15;
/** Severity raises the odds of holding a welfare card (logit per unit σ). */
const CARD_SEVERITY = 1.5;

/**
 * Per-indicator loading on severity: the dimension's loading × (weight share relative to the
 * average indicator)^0.5, capped at 0.95, so common indicators (i3, l1, e4, h4) load most and
 * rare ones (h1, e1) little, keeping the regional mix of indicators.
 */
export function severityLoadings(weights: Float64Array): Float64Array {
  let wsum = 0;
  for (let i = 0; i < weights.length; i++) wsum += weights[i];
  const out = new Float64Array(weights.length);
  INDICATORS.forEach((ind, j) => {
    const rel = (weights[j] / wsum) * weights.length; // 1 = average indicator
    out[j] = Math.min(0.95, DIMENSION_LOADING[ind.dimension] * rel ** 0.5);
  });
  return out;
}

function sumPersons(rng: Rng, households: number, pph: number): number {
  // Each household has 1 + Poisson(pph − 1) members; the sum of Poissons is Poisson.
  return households + rng.poisson(households * (pph - 1));
}

const loadingCache = new WeakMap<Float64Array, Float64Array>();

/** Rows of one village for one year (deterministic per (seed, year, village code)). */
export function villageProfiles(v: VillageModel, weights: Float64Array, p: YearParams): { mask: number[]; households: number[]; persons: number[] } {
  const rng = new Rng(p.seed, `profiles/${p.year}/${v.code}`);
  const H = v.households;
  const pDep = logistic(DEPRIVED_INTERCEPT + v.z + p.shift);
  const nDep = rng.binomial(H, pDep);
  const nNon = H - nDep;
  const wcNon = rng.binomial(nNon, logistic(CARD_IF_NOT + 0.55 * v.z));
  const rows = new Map<number, [number, number]>();
  const add = (mask: number, hh: number, persons: number) => {
    if (hh <= 0) return;
    const r = rows.get(mask);
    if (r) {
      r[0] += hh;
      r[1] += persons;
    } else rows.set(mask, [hh, persons]);
  };
  add(0, nNon - wcNon, sumPersons(rng, nNon - wcNon, v.personsPerHousehold));
  add(WELFARE_CARD_MASK, wcNon, sumPersons(rng, wcNon, v.personsPerHousehold + 0.1));
  let wsum = 0;
  for (let i = 0; i < weights.length; i++) wsum += weights[i];
  let loading = loadingCache.get(weights);
  if (!loading) loadingCache.set(weights, (loading = severityLoadings(weights)));
  const severityBase = SEVERITY_INTERCEPT + SEVERITY_Z * v.z;
  for (let h = 0; h < nDep; h++) {
    const severity = logistic(severityBase + SEVERITY_SD * rng.normal());
    let mask = 1 << rng.weighted(weights, wsum);
    // One uniform per dimension: within a dimension the indicators a household lacks are nested
    // (the likelier ones first), which keeps related deprivations together and the number of
    // distinct masks, hence the file size, small.
    for (let d = 0; d < DIMENSION_INDICES.length; d++) {
      const u = rng.next();
      for (const j of DIMENSION_INDICES[d]) {
        if (u < (weights[j] / wsum) * INDEPENDENT_EXTRA + severity * loading[j]) mask |= 1 << j;
      }
    }
    // Plausible pairs: income in work-age and per-capita income; drinking and household water.
    if (mask & (1 << IDX.i1) && rng.next() < 0.35) mask |= 1 << IDX.i3;
    if (mask & (1 << IDX.l2) && rng.next() < 0.45) mask |= 1 << IDX.l3;
    if (mask & (1 << IDX.e2) && rng.next() < 0.3) mask |= 1 << IDX.e3;
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    const card = rng.next() < logistic(CARD_IF_DEPRIVED + 0.25 * v.z + 0.15 * (bits - 1) + CARD_SEVERITY * severity);
    if (card) mask |= WELFARE_CARD_MASK;
    // Severely deprived households are a little larger (more dependants).
    add(mask, 1, 1 + rng.poisson(v.personsPerHousehold - 1 + 0.2 + 0.5 * severity));
  }
  const masks = [...rows.keys()].sort((a, b) => a - b);
  return { mask: masks, households: masks.map((m) => rows.get(m)![0]), persons: masks.map((m) => rows.get(m)![1]) };
}

export function isTargetPoor(mask: number): boolean {
  return (mask & ALL_INDICATORS_MASK) !== 0 && (mask & WELFARE_CARD_MASK) !== 0;
}

/** All villages' rows for one year, concatenated in village order. */
export function yearProfiles(villages: VillageModel[], weightsOf: (v: VillageModel) => Float64Array, p: YearParams): ProfileRows {
  const start = new Uint32Array(villages.length + 1);
  const mask: number[] = [];
  const hh: number[] = [];
  const persons: number[] = [];
  villages.forEach((v, i) => {
    start[i] = mask.length;
    const r = villageProfiles(v, weightsOf(v), p);
    for (let k = 0; k < r.mask.length; k++) {
      mask.push(r.mask[k]);
      hh.push(r.households[k]);
      persons.push(r.persons[k]);
    }
  });
  start[villages.length] = mask.length;
  return { villageStart: start, mask: Uint32Array.from(mask), households: Uint32Array.from(hh), persons: Uint32Array.from(persons) };
}

export function targetPoor(r: ProfileRows): number {
  let t = 0;
  for (let i = 0; i < r.mask.length; i++) if (isTargetPoor(r.mask[i])) t += r.persons[i];
  return t;
}

/**
 * Calibrate to exactly `target` target-poor people: bisection on the intercept shift (common
 * random numbers, so the count moves almost monotonically), then the last few people are added to
 * or removed from target-poor rows in proportion to their persons (never below one person per
 * household), in row order with largest remainders first.
 */
export function calibratedYear(
  villages: VillageModel[],
  weightsOf: (v: VillageModel) => Float64Array,
  year: number,
  seed: number,
  target: number,
  log: (s: string) => void = () => {},
): { rows: ProfileRows; shift: number; beforeAdjust: number } {
  // Secant iteration on log(target poor) against the shift: for small deprivation rates the
  // count grows almost exponentially with the intercept, so a few steps suffice.
  let best: { rows: ProfileRows; shift: number; t: number } | null = null;
  const evalAt = (shift: number) => {
    const rows = yearProfiles(villages, weightsOf, { year, seed, shift });
    const t = targetPoor(rows);
    log(`  ${year} calibration: shift ${shift.toFixed(5)} → target poor ${t}`);
    if (!best || Math.abs(t - target) < Math.abs(best.t - target)) best = { rows, shift, t };
    return Math.log(t) - Math.log(target);
  };
  let s0 = 0;
  let f0 = evalAt(s0);
  let s1 = s0 - f0 / 0.9;
  for (let iter = 0; iter < 10; iter++) {
    const f1 = evalAt(s1);
    if (Math.abs(f1) < 0.001) break;
    const slope = Math.abs(f1 - f0) > 1e-9 ? (f1 - f0) / (s1 - s0) : 0.9;
    s0 = s1;
    f0 = f1;
    s1 = s1 - f1 / Math.max(0.2, Math.min(3, slope));
  }
  const { rows, shift, t } = best!;
  adjustPersons(rows, target - t);
  const after = targetPoor(rows);
  if (after !== target) throw new Error(`calibration failed for ${year}: ${after} ≠ ${target}`);
  return { rows, shift, beforeAdjust: t };
}

function adjustPersons(rows: ProfileRows, diff: number): void {
  if (diff === 0) return;
  const idx: number[] = [];
  let total = 0;
  for (let i = 0; i < rows.mask.length; i++) {
    if (isTargetPoor(rows.mask[i])) {
      idx.push(i);
      total += rows.persons[i];
    }
  }
  let remaining = diff;
  const frac: { i: number; f: number }[] = [];
  for (const i of idx) {
    const exact = (diff * rows.persons[i]) / total;
    let d = Math.trunc(exact);
    if (rows.persons[i] + d < rows.households[i]) d = rows.households[i] - rows.persons[i];
    rows.persons[i] += d;
    remaining -= d;
    frac.push({ i, f: Math.abs(exact - Math.trunc(exact)) });
  }
  frac.sort((a, b) => b.f - a.f || a.i - b.i);
  const step = Math.sign(remaining);
  while (remaining !== 0) {
    let moved = false;
    for (const { i } of frac) {
      if (remaining === 0) break;
      if (step < 0 && rows.persons[i] <= rows.households[i]) continue;
      rows.persons[i] += step;
      remaining -= step;
      moved = true;
    }
    if (!moved) throw new Error('calibration: cannot remove more persons without emptying households');
  }
}
