/**
 * Priority score (issue 9 item 3): a visible linear formula of normalised need N and potential P
 * under a strategy, with weights (normalised to sum 1):
 *
 *   livelihoods first (high need, high potential):  score = w_need·N + w_potential·P
 *   protection first  (high need, low potential):   score = w_need·N + w_potential·(1 − P)
 *
 * Each score is split into its parts {need: w_need·N, potential | low_potential: …} that sum to it
 * exactly — the row's stacked bar answers "why is this area third?". It is a two-indicator
 * composite, linear and compensatory (OECD/JRC Handbook 2008, §1.6). With z-scores N and P are not
 * bounded and parts can be negative; 1 − P then only shifts every score by w_potential, which
 * changes no rank.
 */

export type Strategy = 'livelihoods' | 'protection';

export interface PriorityWeights {
  need: number;
  potential: number;
}
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = { need: 0.5, potential: 0.5 };

/** Weights normalised to sum 1; throws on negatives or an all-zero pair. */
export function resolvePriorityWeights(w: Partial<PriorityWeights> = {}): PriorityWeights {
  const need = w.need ?? DEFAULT_PRIORITY_WEIGHTS.need;
  const potential = w.potential ?? DEFAULT_PRIORITY_WEIGHTS.potential;
  if (!(need >= 0) || !(potential >= 0) || !(need + potential > 0)) throw new Error(`priority weights must be ≥ 0 and not both 0 (got need ${need}, potential ${potential})`);
  return { need: need / (need + potential), potential: potential / (need + potential) };
}

/** The formula for display, with the weights in force. */
export function priorityFormula(strategy: Strategy, w: PriorityWeights): string {
  const f = (x: number) => String(Number(x.toFixed(4)));
  return strategy === 'livelihoods'
    ? `score = ${f(w.need)} × need + ${f(w.potential)} × potential`
    : `score = ${f(w.need)} × need + ${f(w.potential)} × (1 − potential)`;
}

/** The name of the potential part for a strategy. */
export const potentialPartName = (strategy: Strategy): 'potential' | 'low_potential' => (strategy === 'livelihoods' ? 'potential' : 'low_potential');

/**
 * Scores and parts for every area (NaN where need or potential is NaN).
 * @returns needPart + potentialPart = score per area
 */
export function priorityScores(
  need: ArrayLike<number>,
  potential: ArrayLike<number>,
  strategy: Strategy,
  w: PriorityWeights,
  out?: { score: Float64Array; needPart: Float64Array; potentialPart: Float64Array },
): { score: Float64Array; needPart: Float64Array; potentialPart: Float64Array } {
  const n = need.length;
  const r = out ?? { score: new Float64Array(n), needPart: new Float64Array(n), potentialPart: new Float64Array(n) };
  const protect = strategy === 'protection';
  for (let i = 0; i < n; i++) {
    const a = w.need * need[i];
    const b = w.potential * (protect ? 1 - potential[i] : potential[i]);
    r.needPart[i] = a;
    r.potentialPart[i] = b;
    r.score[i] = a + b;
  }
  return r;
}
