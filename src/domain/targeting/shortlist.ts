/**
 * Shortlists (issue 9 item 7): which areas first, and what they reach.
 *
 * Modes and what "optimal" means for each (all greedy, as stated; the tests check the equal-cost
 * cases against brute force):
 *   cover N areas      take the N best-ranked areas. Optimal for "maximise Σ priority score with
 *                      N areas" (any other N-set swaps in a lower score).
 *   reach P people     'priority' order (default): walk the ranking until the target poor reached
 *                      ≥ P — the shortest prefix of the priority list that reaches P.
 *                      'fewest_areas' order: take the areas with the most target poor first (ties
 *                      by rank) — with equal per-area cost this is the exact minimum number of
 *                      areas that reaches P (the k largest values have the largest sum of any k).
 *   within a budget    walk the ranking, take each area whose cost still fits (skip those that do
 *                      not). Cost per area, or per target-poor person. With equal per-area costs
 *                      this takes the floor(B / c) best-ranked areas, the optimum of "maximise Σ
 *                      score within the budget"; with per-person costs it is a knapsack and greedy
 *                      is not optimal (stated in the result's notes).
 *
 * Scenarios are plain JSON (id, name, settings, codes, createdAt) so a store can persist them.
 */
import type { TargetingResult } from './rankAreas';

export type ShortlistRule =
  | { mode: 'count'; areas: number }
  | { mode: 'reach'; targetPoor: number; order?: 'priority' | 'fewest_areas' }
  | { mode: 'budget'; budget: number; costPerArea?: number; costPerPerson?: number };

export interface Shortlist {
  rule: ShortlistRule;
  /** Chosen area indices, in the order they were taken. */
  chosen: number[];
  codes: string[];
  targetPoorReached: number;
  peopleReached: number;
  /** targetPoorReached ÷ all target poor of the areas in scope (ranked or not). */
  shareOfTargetPoor: number;
  /** Cost of the chosen areas (budget mode), else null. */
  cost: number | null;
  /** False when a 'reach' target could not be met even with every ranked area. */
  metTarget: boolean;
  notes: string[];
}

const num = (x: number) => (Number.isFinite(x) ? x : 0);

/** Greedy shortlist over a ranking; see the header for what each mode optimises. */
export function shortlist(result: TargetingResult, rule: ShortlistRule): Shortlist {
  const { areas, order } = result;
  const tp = areas.targetPoor;
  const notes: string[] = [];
  let chosen: number[] = [];
  let cost: number | null = null;
  let metTarget = true;
  if (rule.mode === 'count') {
    if (!(rule.areas >= 0)) throw new Error(`shortlist: number of areas must be ≥ 0 (got ${rule.areas})`);
    chosen = Array.from(order.subarray(0, Math.min(order.length, Math.floor(rule.areas))));
    notes.push('The best-ranked areas: maximises the sum of priority scores for this many areas.');
  } else if (rule.mode === 'reach') {
    if (!(rule.targetPoor >= 0)) throw new Error(`shortlist: target must be ≥ 0 people (got ${rule.targetPoor})`);
    let list: number[] = Array.from(order);
    if (rule.order === 'fewest_areas') {
      const pos = new Map(list.map((i, r) => [i, r]));
      list = list.sort((a, b) => num(tp[b]) - num(tp[a]) || pos.get(a)! - pos.get(b)!);
      notes.push('Largest target-poor counts first: the fewest areas that reach the target (equal cost per area).');
    } else notes.push('Priority order until the target is reached: the shortest head of the ranking that reaches it.');
    let reached = 0;
    for (const i of list) {
      if (reached >= rule.targetPoor) break;
      chosen.push(i);
      reached += num(tp[i]);
    }
    metTarget = reached >= rule.targetPoor;
    if (!metTarget) notes.push(`Every ranked area together reaches ${reached} target poor, short of ${rule.targetPoor}.`);
  } else {
    const perArea = rule.costPerArea ?? 0;
    const perPerson = rule.costPerPerson ?? 0;
    if (!(rule.budget >= 0) || !(perArea >= 0) || !(perPerson >= 0) || !(perArea + perPerson > 0)) throw new Error('shortlist: budget and costs must be ≥ 0, with a cost per area or per person');
    cost = 0;
    for (const i of order) {
      const c = perArea + perPerson * num(tp[i]);
      if (cost + c <= rule.budget) {
        chosen.push(i);
        cost += c;
      }
    }
    notes.push(
      perPerson > 0
        ? 'Greedy by priority, skipping areas that no longer fit: with costs per person this is not guaranteed optimal (a knapsack problem).'
        : 'Greedy by priority: with an equal cost per area this is the best-ranked set the budget buys (optimal).',
    );
  }
  let targetPoorReached = 0, peopleReached = 0;
  for (const i of chosen) {
    targetPoorReached += num(tp[i]);
    peopleReached += num(areas.people[i]);
  }
  let total = 0;
  for (let i = 0; i < areas.codes.length; i++) if (result.unranked[i] !== 1) total += num(tp[i]);
  return {
    rule,
    chosen,
    codes: chosen.map((i) => areas.codes[i]),
    targetPoorReached,
    peopleReached,
    shareOfTargetPoor: total > 0 ? targetPoorReached / total : NaN,
    cost,
    metTarget,
    notes,
  };
}

/** A saved shortlist: plain JSON for the workspace store. */
export interface Scenario {
  id: string;
  name: string;
  createdAt: string;
  /** The ranking settings (TargetingResult.settings) and the shortlist rule. */
  settings: { ranking: TargetingResult['settings']; rule: ShortlistRule };
  codes: string[];
  /** Target poor per chosen code when the scenario was saved (aligned to codes). */
  targetPoor: number[];
}

export function makeScenario(id: string, name: string, result: TargetingResult, list: Shortlist, createdAt: Date = new Date()): Scenario {
  return {
    id,
    name,
    createdAt: createdAt.toISOString(),
    settings: { ranking: result.settings, rule: list.rule },
    codes: [...list.codes],
    targetPoor: list.chosen.map((i) => num(result.areas.targetPoor[i])),
  };
}

export interface ScenarioComparison {
  overlap: number;
  onlyA: string[];
  onlyB: string[];
  both: string[];
  targetPoorA: number;
  targetPoorB: number;
  /** Target poor in areas chosen by both (A's saved figures). */
  targetPoorBoth: number;
  /** Target poor reached by either (union, each area once). */
  targetPoorEither: number;
}

/** Overlap and people reached by each scenario and by both. */
export function compareScenarios(a: Scenario, b: Scenario): ScenarioComparison {
  const tpA = new Map(a.codes.map((c, i) => [c, a.targetPoor[i] ?? 0]));
  const tpB = new Map(b.codes.map((c, i) => [c, b.targetPoor[i] ?? 0]));
  const both = a.codes.filter((c) => tpB.has(c));
  const sum = (m: Map<string, number>, cs: Iterable<string>) => {
    let s = 0;
    for (const c of cs) s += m.get(c) ?? 0;
    return s;
  };
  const targetPoorA = sum(tpA, tpA.keys());
  const targetPoorB = sum(tpB, tpB.keys());
  const targetPoorBoth = sum(tpA, both);
  return {
    overlap: both.length,
    onlyA: a.codes.filter((c) => !tpB.has(c)),
    onlyB: b.codes.filter((c) => !tpA.has(c)),
    both,
    targetPoorA,
    targetPoorB,
    targetPoorBoth,
    targetPoorEither: targetPoorA + targetPoorB - targetPoorBoth,
  };
}
