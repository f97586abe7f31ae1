/**
 * The potential index (DESIGN.md §2.5, issue 9 item 1), the steps of the OECD/JRC Handbook on
 * Constructing Composite Indicators (2008) in its order, as COINr (JRC) runs them:
 *
 *   1. transform       log(1 + x) where the input's default (or the user) asks (Handbook §1.5, skew)
 *   2. winsorise       optional, at chosen percentiles (COINr qTreat)
 *   3. direction       aligned so that more = more potential (distance × −1; Handbook §1.5)
 *   4. normalise       minmax | z | rank (percentile rank, ties averaged) — normalise.ts
 *   5. weight          nested equal by default — weights.ts (Handbook §1.6)
 *   6. aggregate       linear: P = Σ w_j x_j
 *                      geometric: each normalised input is first rescaled by min–max to [1, 100]
 *                      over the areas in scope (the shift COINr's "minmax, l_u = c(1, 100)" uses so
 *                      no factor is ≤ 0), G = Π y_j^{w_j}, and P = (G − 1) / 99 puts it back on
 *                      [0, 1]. A geometric mean is only partly compensatory: a very low input cannot
 *                      be fully offset by a high one (Handbook §1.6.3).
 *   missing inputs     'renormalise': an area's weights are rescaled over the inputs it has
 *                      (w_j / Σ_{j present} w_j); 'exclude': an area missing any weighted input is
 *                      left unranked. Never a silent zero (Handbook §1.4).
 *
 * Steps 1–4 do not depend on weights and are computed once per method (preparePotential), so a
 * weight change costs one pass over an n × k matrix.
 */
import { inputDefinition, type InputDefinition, type Transform } from './inputs';
import { normaliseColumn, transformColumn, winsoriseColumn, type NormalisationMethod } from './normalise';

export type Aggregation = 'linear' | 'geometric';
export type MissingRule = 'renormalise' | 'exclude';

/** Geometric aggregation rescales each input to [GEOMETRIC_LOW, GEOMETRIC_HIGH] (COINr's 1–100). */
export const GEOMETRIC_LOW = 1;
export const GEOMETRIC_HIGH = 100;

export interface PotentialPrepSettings {
  /** Per-input transform overrides; default = the catalogue's defaultTransform. */
  transforms?: Record<string, Transform>;
  /** Winsorise every input at these quantiles (e.g. {low: 0.05, high: 0.95}); null/undefined = no. */
  winsorise?: { low: number; high: number } | null;
}

export interface PreparedPotential {
  n: number;
  /** Inputs used (columns with at least one present value in scope), in the order given. */
  inputs: InputDefinition[];
  /** Inputs dropped because no area in scope has a value (named in the notes). */
  unavailable: string[];
  transforms: Record<string, Transform>;
  /** availability[i * k + j] = 1 when area i has input j. */
  available: Uint8Array;
  /** 1 when area i has every input (most areas): its weight sum is the same for every such row. */
  rowFull: Uint8Array;
  /** Per method: normalised values, row-major n × k, 0 where missing (multiply by availability). */
  matrix(method: NormalisationMethod): Float64Array;
  /** Per method: ln y with y = min–max rescale of the normalised value to [1, 100], n × k. */
  logMatrix(method: NormalisationMethod): Float64Array;
  /** Per method: normalised values with NaN where missing (for display; shared, do not modify). */
  displayMatrix(method: NormalisationMethod): Float64Array;
  /** Columns that had no spread (every area equal) per method. */
  constantInputs(method: NormalisationMethod): string[];
}

/**
 * Steps 1–4 for every input column. `columns` maps input id → raw values per area (NaN = missing);
 * `scope` marks the areas the statistics are taken over (all when omitted).
 */
export function preparePotential(columns: Record<string, ArrayLike<number>>, n: number, settings: PotentialPrepSettings = {}, scope?: Uint8Array): PreparedPotential {
  const inputs: InputDefinition[] = [];
  const unavailable: string[] = [];
  const aligned: Float64Array[] = [];
  const transforms: Record<string, Transform> = {};
  for (const [id, raw] of Object.entries(columns)) {
    const def = inputDefinition(id);
    if (raw.length !== n) throw new Error(`potential: input "${id}" has ${raw.length} values for ${n} areas`);
    const t = settings.transforms?.[id] ?? def.defaultTransform;
    let x = transformColumn(raw, t);
    let any = false;
    for (let i = 0; i < n && !any; i++) if ((!scope || scope[i]) && Number.isFinite(x[i])) any = true;
    if (!any) {
      unavailable.push(id);
      continue;
    }
    if (settings.winsorise) x = winsoriseColumn(x, settings.winsorise.low, settings.winsorise.high, scope);
    if (def.direction < 0) for (let i = 0; i < n; i++) x[i] = -x[i];
    inputs.push(def);
    transforms[id] = t;
    aligned.push(x);
  }
  const k = inputs.length;
  const available = new Uint8Array(n * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) available[i * k + j] = Number.isFinite(aligned[j][i]) && (!scope || scope[i]) ? 1 : 0;
  const rowFull = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let all = 1;
    for (let j = 0; j < k; j++) all &= available[i * k + j];
    rowFull[i] = all;
  }

  const matrices = new Map<NormalisationMethod, { m: Float64Array; constant: string[] }>();
  const logs = new Map<NormalisationMethod, Float64Array>();
  const displays = new Map<NormalisationMethod, Float64Array>();
  const build = (method: NormalisationMethod) => {
    let got = matrices.get(method);
    if (!got) {
      const m = new Float64Array(n * k);
      const constant: string[] = [];
      for (let j = 0; j < k; j++) {
        const col = normaliseColumn(aligned[j], method, scope);
        if (col.constant) constant.push(inputs[j].id);
        for (let i = 0; i < n; i++) m[i * k + j] = available[i * k + j] ? col.values[i] : 0;
      }
      got = { m, constant };
      matrices.set(method, got);
    }
    return got;
  };
  return {
    n,
    inputs,
    unavailable,
    transforms,
    available,
    rowFull,
    matrix: (method) => build(method).m,
    displayMatrix(method) {
      let d = displays.get(method);
      if (!d) {
        const m = build(method).m;
        d = new Float64Array(n * k);
        for (let x = 0; x < n * k; x++) d[x] = available[x] ? m[x] : NaN;
        displays.set(method, d);
      }
      return d;
    },
    constantInputs: (method) => build(method).constant,
    logMatrix(method) {
      let l = logs.get(method);
      if (!l) {
        const m = build(method).m;
        l = new Float64Array(n * k);
        for (let j = 0; j < k; j++) {
          let min = Infinity, max = -Infinity;
          for (let i = 0; i < n; i++) {
            if (!available[i * k + j]) continue;
            const v = m[i * k + j];
            if (v < min) min = v;
            if (v > max) max = v;
          }
          const span = max - min;
          for (let i = 0; i < n; i++) {
            if (!available[i * k + j]) continue;
            // A constant column sits in the middle of [1, 100].
            const t = span > 0 ? (m[i * k + j] - min) / span : 0.5;
            l[i * k + j] = Math.log(GEOMETRIC_LOW + (GEOMETRIC_HIGH - GEOMETRIC_LOW) * t);
          }
        }
        logs.set(method, l);
      }
      return l;
    },
  };
}

export interface PotentialResult {
  /** Potential per area (NaN when not computable); linear with minmax/rank ∈ [0, 1], geometric ∈ [0, 1]. */
  potential: Float64Array;
  /** Contribution of input j to area i's potential, row-major n × k; Σ_j = potential (empty when not requested). */
  parts: Float64Array;
  /** 1 when the area has a potential under the missing rule. */
  hasPotential: Uint8Array;
  /** Share of the area's nominal input weight it actually has (1 = no input missing). */
  weightCoverage: Float64Array;
}

/**
 * Steps 5–6: weighted aggregation of the prepared matrix with effective weights w (sum 1, aligned
 * to prepared.inputs). Inputs with w = 0 play no part, also not in the missing rule.
 */
export function aggregatePotential(
  p: PreparedPotential,
  method: NormalisationMethod,
  weights: Float64Array,
  aggregate: Aggregation,
  missing: MissingRule,
  scope?: Uint8Array,
  out?: PotentialResult,
  withParts = true,
): PotentialResult {
  const { n } = p;
  const k = p.inputs.length;
  const r = out ?? { potential: new Float64Array(n), parts: new Float64Array(withParts ? n * k : 0), hasPotential: new Uint8Array(n), weightCoverage: new Float64Array(n) };
  const x = aggregate === 'linear' ? p.matrix(method) : p.logMatrix(method);
  const a = p.available;
  const span = GEOMETRIC_HIGH - GEOMETRIC_LOW;
  const linear = aggregate === 'linear';
  let weighted = 0;
  for (let j = 0; j < k; j++) if (weights[j] > 0) weighted++;
  const parts = r.parts;
  // A row with every input has a_ij = 1, so w_j·a_ij = w_j exactly and its weight sum is the same
  // sum in the same order for every such row: computed once, and the inner loop reads neither a
  // nor adds weights (missing values are stored as 0, so the weighted sum is unchanged). The
  // arithmetic per value is the one of the general loop below: results are bit-identical.
  const full = p.rowFull;
  let wFull = 0;
  for (let j = 0; j < k; j++) wFull += weights[j] * 1;
  const fullOk = wFull > 0;
  const invFull = 1 / wFull;
  if (!withParts) {
    const rowSum = r.potential;
    if (fullOk) weightedRowSums(x, weights, n, k, rowSum);
    for (let i = 0; i < n; i++) {
      const row = i * k;
      if (full[i] && (!scope || scope[i] === 1)) {
        const s = rowSum[i];
        r.weightCoverage[i] = wFull;
        r.hasPotential[i] = fullOk ? 1 : 0;
        r.potential[i] = !fullOk ? NaN : linear ? s / wFull : (Math.exp(s / wFull) - GEOMETRIC_LOW) / span;
        continue;
      }
      let wSum = 0, s = 0, have = 0;
      for (let j = 0; j < k; j++) {
        const aw = weights[j] * a[row + j];
        wSum += aw;
        s += aw * x[row + j];
        if (aw > 0) have++;
      }
      r.weightCoverage[i] = wSum;
      const ok = (!scope || scope[i] === 1) && wSum > 0 && !(missing === 'exclude' && have < weighted);
      r.hasPotential[i] = ok ? 1 : 0;
      r.potential[i] = !ok ? NaN : linear ? s / wSum : (Math.exp(s / wSum) - GEOMETRIC_LOW) / span;
    }
    return r;
  }
  // Weighted sums of every row as if it were full, four rows at a time: four independent chains
  // of additions instead of one (the order within a row is unchanged). Kept in r.potential until
  // the row is finished below; rows with a missing input are summed again there.
  const rowSum = r.potential;
  // Geometric rows need the finished sum before their parts: summed ahead, four rows at a time.
  if (fullOk && !linear) weightedRowSums(x, weights, n, k, rowSum);
  // One branch-light pass: parts[j] = w_j·a_ij·x_ij, then scaled by 1 / Σ_j w_j·a_ij.
  for (let i = 0; i < n; i++) {
    const row = i * k;
    if (full[i] && fullOk && (!scope || scope[i] === 1)) {
      r.weightCoverage[i] = wFull;
      r.hasPotential[i] = 1;
      if (linear) {
        // Sum and parts in one read of the row: t = w_j·x_ij is the product weightedRowSums adds
        // (same order, from 0), and w_j·x_ij·(1/W) is (t)·(1/W): the same bits as two passes.
        let s = 0;
        for (let j = 0; j < k; j++) {
          const t = weights[j] * x[row + j];
          s += t;
          parts[row + j] = t * invFull;
        }
        r.potential[i] = s * invFull;
      } else {
        const s = rowSum[i];
        const lnG = s / wFull;
        const v = (Math.exp(lnG) - GEOMETRIC_LOW) / span;
        r.potential[i] = v;
        const f = lnG > 0 ? v / wFull / lnG : 0;
        for (let j = 0; j < k; j++) parts[row + j] = weights[j] * x[row + j] * f;
      }
      continue;
    }
    let wSum = 0;
    let s = 0;
    let have = 0;
    for (let j = 0; j < k; j++) {
      const aw = weights[j] * a[row + j];
      const t = aw * x[row + j];
      parts[row + j] = t;
      wSum += aw;
      s += t;
      if (aw > 0) have++;
    }
    r.weightCoverage[i] = wSum;
    const ok = (!scope || scope[i] === 1) && wSum > 0 && !(missing === 'exclude' && have < weighted);
    r.hasPotential[i] = ok ? 1 : 0;
    if (!ok) {
      r.potential[i] = NaN;
      for (let j = 0; j < k; j++) parts[row + j] = NaN;
      continue;
    }
    if (linear) {
      const inv = 1 / wSum;
      r.potential[i] = s * inv;
      for (let j = 0; j < k; j++) parts[row + j] *= inv;
    } else {
      const lnG = s / wSum;
      const v = (Math.exp(lnG) - GEOMETRIC_LOW) / span;
      r.potential[i] = v;
      // ln G = Σ w_j ln y_j / W: input j's share of ln G, times P (all ln y_j ≥ 0).
      const f = lnG > 0 ? v / wSum / lnG : 0;
      for (let j = 0; j < k; j++) parts[row + j] *= f;
    }
  }
  return r;
}

/** out[i] = Σ_j w_j·x[i·k + j], summed in j order, rows interleaved four at a time. */
export function weightedRowSums(x: Float64Array, w: ArrayLike<number>, n: number, k: number, out: Float64Array): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = i * k, b = a + k, c = b + k, d = c + k;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = 0; j < k; j++) {
      const wj = w[j];
      s0 += wj * x[a + j];
      s1 += wj * x[b + j];
      s2 += wj * x[c + j];
      s3 += wj * x[d + j];
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) {
    let s0 = 0;
    for (let j = 0; j < k; j++) s0 += w[j] * x[i * k + j];
    out[i] = s0;
  }
}

/** The sentence the result's notes carry for the chosen aggregation. */
export function aggregationNote(aggregate: Aggregation): string {
  return aggregate === 'linear'
    ? 'Potential = Σ w_j·x_j over the inputs an area has, weights renormalised to sum 1 (linear, fully compensatory).'
    : `Geometric: each normalised input is min–max rescaled to [${GEOMETRIC_LOW}, ${GEOMETRIC_HIGH}] over the areas in scope so every factor is positive, G = Π y_j^w_j, potential = (G − ${GEOMETRIC_LOW}) / ${GEOMETRIC_HIGH - GEOMETRIC_LOW} ∈ [0, 1]; parts split potential in proportion to w_j·ln y_j.`;
}

/**
 * The per-input parts of one area's potential, from the display matrix (NaN = missing) and the
 * effective weights — what aggregatePotential writes with parts on, for one row on demand.
 */
export function potentialPartsOf(values: Float64Array, k: number, i: number, weights: ArrayLike<number>, aggregate: Aggregation, potential: number): Float64Array {
  const out = new Float64Array(k);
  if (!Number.isFinite(potential)) return out.fill(NaN);
  let wSum = 0;
  for (let j = 0; j < k; j++) if (Number.isFinite(values[i * k + j])) wSum += weights[j];
  if (aggregate === 'linear') {
    for (let j = 0; j < k; j++) out[j] = Number.isFinite(values[i * k + j]) ? (weights[j] * values[i * k + j]) / wSum : 0;
    return out;
  }
  throw new Error('potentialPartsOf: geometric parts need the log matrix; rank with potentialParts on');
}
