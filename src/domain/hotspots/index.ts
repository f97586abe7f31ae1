/**
 * Hot spots of a need measure (issue 9, item 8; DESIGN.md §2.5): local Moran's I with
 * conditional-permutation pseudo p (row-standardised weights, Anselin 1995) and Getis–Ord Gi*
 * analytic z (binary weights, Ord & Getis 1995), the p-values corrected for multiple testing
 * (Benjamini & Hochberg 1995 FDR by default), clusters labelled by name. PySAL esda's Moran_Local
 * and G_Local are the reference implementations (see each file's header for where we agree and
 * the two places we deliberately differ: p = 1 for a value at the mean, ties by tolerance).
 *
 * One call, one set of weights: the caller builds the contiguity (queen for polygons, knn for
 * points, weights.ts) once and may re-run with other settings; this module derives the
 * row-standardised and binary forms.
 *
 * Areas whose value is not a finite number are left out of the analysis (not of the output: they
 * come back with cluster 'no_data'), and their links are dropped, so a missing value is never
 * treated as a zero. Islands stay in the mean and sd (as esda does) and come back 'isolated'.
 */
import { getisOrd } from './getisOrd';
import { globalMoranI, lisaClusters, localMoranSteps, permutationsOf, type ClusterLabel } from './localMoran';
import { runSteps, runStepsAsync, type AsyncStepControl, type Steps } from './steps';
import { correctPValues, type Correction } from './multipleTesting';
import { checkPermutations, DEFAULT_PERMUTATIONS, MAX_PERMUTATIONS, type PermutationOptions } from './permutation';
import { binaryWeights, rowStandardise, subsetWeights, type SpatialWeights } from './weights';

export * from './weights';
export * from './permutation';
export * from './localMoran';
export * from './getisOrd';
export * from './multipleTesting';
export { runSteps, runStepsAsync, type AsyncStepControl, type StepControl, type Steps } from './steps';

export interface HotspotOptions extends PermutationOptions {
  /** Significance level α (default 0.05). */
  alpha?: number;
  /** Multiple-testing correction (default 'fdr'). */
  correction?: Correction;
  /**
   * Which p decides significance and hence the cluster: 'local_moran' (default, the permutation
   * pseudo p) or 'gi_star' (the two-sided normal p of Gi*'s analytic z; no permutation floor).
   */
  significanceFrom?: 'local_moran' | 'gi_star';
  /** 'monte_carlo' (default) or 'exact' (every neighbour set; tiny inputs only). */
  inference?: 'monte_carlo' | 'exact';
}

export interface HotspotArea {
  value: number;
  localI: number;
  giStarZ: number;
  /** The p that decided significance (see HotspotOptions.significanceFrom); NaN when untested. */
  p: number;
  cluster: ClusterLabel;
  neighbours: number;
}

/** Structured notes for the screen and the CLI; the UI words them in Thai or English. */
export type HotspotNote =
  /**
   * With R permutations no pseudo p is below minP = 1/(R + 1). Benjamini–Hochberg at α keeps the
   * k smallest only if p_(k) ≤ α·k/m, so it can keep anything only when at least
   * `areasNeededAtMinP` = ⌈m·minP/α⌉ areas all reach minP; Bonferroni (α/m) needs minP ≤ α/m.
   * `permutationsNeeded` = ⌈m/α⌉ − 1 would let a single area pass alone (`reachable` false when
   * that is beyond MAX_PERMUTATIONS). `kept` = areas the correction kept in this run. The way
   * out: more permutations, or Gi*'s analytic z (significanceFrom 'gi_star'), which has no floor.
   */
  | { kind: 'min_p_exceeds_fdr' | 'min_p_exceeds_bonferroni'; minP: number; n: number; alpha: number; areasNeededAtMinP: number; permutationsNeeded: number; reachable: boolean; kept: number }
  | { kind: 'islands'; count: number }
  | { kind: 'missing_values'; count: number }
  /** Areas with no place in the weights (no polygon): left out, counted apart (issue 14 item 6). */
  | { kind: 'without_polygon'; count: number }
  /** Areas with no position for knn weights (no located village): left out, counted apart. */
  | { kind: 'without_position'; count: number }
  | { kind: 'no_variation' };

export interface HotspotResult {
  n: number;
  /** Columns aligned with the input (typed arrays for map layers). */
  value: Float64Array;
  z: Float64Array;
  lag: Float64Array;
  localI: Float64Array;
  /** Local Moran's folded pseudo p (NaN for islands and missing values). */
  moranP: Float64Array;
  giStarZ: Float64Array;
  /** Two-sided normal p of Gi* z. */
  giStarP: Float64Array;
  /** The p that decided significance. */
  p: Float64Array;
  significant: Uint8Array;
  cluster: ClusterLabel[];
  neighbours: Uint32Array;
  /** Global Moran's I with the row-standardised weights (over the areas with values). */
  globalMoranI: number;
  /** The p cut-off applied after correction (p ≤ cutoff is significant). */
  pCutoff: number;
  notes: HotspotNote[];
  settings: { permutations: number; seed: number; alpha: number; correction: Correction; significanceFrom: 'local_moran' | 'gi_star'; inference: 'monte_carlo' | 'exact'; weights: string };
}

/**
 * Local Moran's I, Gi* and named clusters for every area.
 * @param values the need measure per area, aligned with the weights' rows
 * @param weights any contiguity (binary or not, no self-loops); row-standardised here for
 *   local Moran and made binary for Gi*
 */
export function computeHotspots(values: ArrayLike<number>, weights: SpatialWeights, options: HotspotOptions = {}): HotspotResult {
  return runSteps(hotspotSteps(values, weights, options), permutationsOf(options), options);
}

/**
 * The same computation, handing the event loop back about every `sliceMs` (default 50 ms) while
 * the permutations run, so a worker can take a cancel message mid-run (`shouldCancel` then reads
 * the flag that message set; the promise rejects with CancelledError). Same seed, same result as
 * `computeHotspots`: both drive the one generator `hotspotSteps`.
 */
export function computeHotspotsAsync(values: ArrayLike<number>, weights: SpatialWeights, options: HotspotOptions & AsyncStepControl = {}): Promise<HotspotResult> {
  return runStepsAsync(hotspotSteps(values, weights, options), permutationsOf(options), options);
}

/** `computeHotspots` as chunked steps (steps.ts): yields the permutation draws done. */
export function* hotspotSteps(values: ArrayLike<number>, weights: SpatialWeights, options: HotspotOptions = {}): Steps<HotspotResult> {
  const n = weights.n;
  if (values.length !== n) throw new Error(`hot spots: ${values.length} values for ${n} areas`);
  const permutations = checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS);
  const seed = options.seed ?? 1;
  const alpha = options.alpha ?? 0.05;
  const correction = options.correction ?? 'fdr';
  const significanceFrom = options.significanceFrom ?? 'local_moran';
  const inference = options.inference ?? 'monte_carlo';

  const placed = weights.placed;
  const finite = Uint8Array.from({ length: n }, (_, i) => (Number.isFinite(values[i]) && (!placed || placed[i]) ? 1 : 0));
  const { weights: w, kept } = subsetWeights(weights, finite);
  const m = kept.length;
  const y = Float64Array.from(kept, (i) => values[i]);
  // The phases around the permutations take a few hundred ms on 75,000 villages: yield between
  // them too (0 draws done before, all after), so a cancel is honoured there as well.
  const draws = inference === 'monte_carlo' ? permutations : 0;
  yield 0;
  const rw = rowStandardise(w);
  const lm = yield* localMoranSteps(y, rw, { ...options, permutations, seed, inference });
  yield draws;
  const gi = getisOrd(y, binaryWeights(w), { star: true });
  yield draws;
  const pSub = significanceFrom === 'gi_star' ? gi.pNormal : lm.p;
  const corr = correctPValues(pSub, alpha, correction);
  yield draws;
  const clustersSub = lisaClusters(lm.z, lm.lag, lm.neighbours, corr.significant);

  const col = () => new Float64Array(n).fill(NaN);
  const out = { value: Float64Array.from(values as ArrayLike<number>), z: col(), lag: col(), localI: col(), moranP: col(), giStarZ: col(), giStarP: col(), p: col() };
  const significant = new Uint8Array(n);
  const cluster: ClusterLabel[] = new Array(n).fill('no_data');
  const neighbours = new Uint32Array(n);
  for (let a = 0; a < m; a++) {
    const i = kept[a];
    out.z[i] = lm.z[a];
    out.lag[i] = lm.lag[a];
    out.localI[i] = lm.localI[a];
    out.moranP[i] = lm.p[a];
    out.giStarZ[i] = gi.z[a];
    out.giStarP[i] = gi.pNormal[a];
    out.p[i] = pSub[a];
    significant[i] = corr.significant[a];
    cluster[i] = clustersSub[a];
    neighbours[i] = lm.neighbours[a];
  }

  const notes: HotspotNote[] = [];
  let unplaced = 0;
  if (placed) for (let i = 0; i < n; i++) if (!placed[i]) unplaced++;
  if (unplaced) notes.push({ kind: weights.unplacedBy === 'position' ? 'without_position' : 'without_polygon', count: unplaced });
  if (m + unplaced < n) notes.push({ kind: 'missing_values', count: n - m - unplaced });
  let islands = 0;
  for (let a = 0; a < m; a++) if (lm.neighbours[a] === 0) islands++;
  if (islands) notes.push({ kind: 'islands', count: islands });
  if (m > 1 && lm.z.every((v) => v === 0)) notes.push({ kind: 'no_variation' });
  const floor = significanceFrom === 'local_moran' && inference === 'monte_carlo' ? permutationFloorNote(corr.tests, permutations, alpha, correction, corr.count) : null;
  if (floor) notes.push(floor);

  return {
    n,
    ...out,
    significant,
    cluster,
    neighbours,
    globalMoranI: globalMoranI(y, rw),
    pCutoff: corr.cutoff,
    notes,
    settings: { permutations, seed, alpha, correction, significanceFrom, inference, weights: weights.description },
  };
}

/**
 * The note that the permutation floor 1/(R + 1) is above what the correction needs from a single
 * area (α/m), so FDR keeps areas only in large groups at the floor and Bonferroni keeps none.
 * Null when a single area at the floor would pass, or without correction.
 */
export function permutationFloorNote(tests: number, permutations: number, alpha: number, correction: Correction, kept = 0): HotspotNote | null {
  if (correction === 'none' || tests === 0) return null;
  const minP = 1 / (permutations + 1);
  if (minP <= alpha / tests) return null;
  const needed = Math.ceil(tests / alpha) - 1;
  return {
    kind: correction === 'fdr' ? 'min_p_exceeds_fdr' : 'min_p_exceeds_bonferroni',
    minP,
    n: tests,
    alpha,
    areasNeededAtMinP: Math.ceil((tests * minP) / alpha - 1e-12),
    permutationsNeeded: needed,
    reachable: needed <= MAX_PERMUTATIONS,
    kept,
  };
}

/** The per-area records (for lists and JSON). */
export function hotspotAreas(r: HotspotResult): HotspotArea[] {
  return Array.from({ length: r.n }, (_, i) => ({ value: r.value[i], localI: r.localI[i], giStarZ: r.giStarZ[i], p: r.p[i], cluster: r.cluster[i], neighbours: r.neighbours[i] }));
}

/** English wording of a note (the CLI's stderr; the app words notes through its own text tables). */
export function describeHotspotNote(note: HotspotNote): string {
  switch (note.kind) {
    case 'min_p_exceeds_fdr':
    case 'min_p_exceeds_bonferroni': {
      const R = Math.round(1 / note.minP - 1);
      const rule =
        note.kind === 'min_p_exceeds_fdr'
          ? `Benjamini–Hochberg FDR at ${note.alpha} keeps areas only in groups of at least ${note.areasNeededAtMinP.toLocaleString('en')} that all reach it`
          : `Bonferroni at ${note.alpha} needs p ≤ ${(note.alpha / note.n).toExponential(2)}, which no area can reach`;
      const more = note.reachable
        ? `${note.permutationsNeeded.toLocaleString('en')} permutations would let a single area pass`
        : `a single area would need ${note.permutationsNeeded.toLocaleString('en')} permutations, beyond the ${MAX_PERMUTATIONS.toLocaleString('en')} allowed`;
      return `With ${R.toLocaleString('en')} permutations the smallest possible p is ${note.minP.toPrecision(3)}: over ${note.n.toLocaleString('en')} areas ${rule} (kept: ${note.kept.toLocaleString('en')}). More permutations lower that floor (${more}); Gi*'s analytic z has no floor.`;
    }
    case 'islands':
      return `${note.count.toLocaleString('en')} area(s) have no neighbours: they are listed as 'isolated' (kept in the mean and standard deviation).`;
    case 'without_polygon':
      return `without_polygon: ${note.count.toLocaleString('en')} area(s) have no polygon (e.g. TPMAP's municipal pseudo-subdistricts): left out of the weights, the standardisation and the permutations (cluster 'no_data').`;
    case 'without_position':
      return `without_position: ${note.count.toLocaleString('en')} area(s) have no located village, so no place among the k nearest neighbours: left out of the weights, the standardisation and the permutations (cluster 'no_data'); import village points to include them.`;
    case 'missing_values':
      return `${note.count.toLocaleString('en')} area(s) have no value for this measure: left out of the analysis, listed as 'no_data'.`;
    case 'no_variation':
      return 'The measure has the same value everywhere: there is no spatial pattern to test.';
  }
}
export * from './palette';
