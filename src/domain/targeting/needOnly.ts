/**
 * Ranking by need alone (issue 15 item 7): when no potential input has a value in scope — a
 * workspace of TPMAP tables and boundaries only, with no lights, services, roads or village basic
 * data — there is no potential axis to combine need with. Rather than refuse, the areas are ranked
 * by their normalised need (score = need), and the typology degenerates to its need axis: areas at
 * or above the need median are coded as "high need", the rest "low need", with the potential bit
 * left at 0. `settings.needOnly` tells every display to label the classes as need only (never as
 * "low potential", which would be a claim the data cannot make), and the notes say which inputs
 * are missing; the panel names the file that adds each.
 *
 * This is the one-dimensional case of the need × potential typology (DESIGN.md §2.5): with the
 * potential weight at 0 the priority score of priority.ts is exactly w_need × need, so the order
 * equals the full ranking's order with the potential weight set to zero.
 */
import type { NormalisationMethod } from './normalise';
import { rankByScore } from './rank';
import { medianOf, NO_QUADRANT, QUADRANT_IDS, QUADRANTS, type ThresholdRule } from './typology';
import type { PreparedRanking, RankOptions, TargetingResult } from './rankAreas';

/** Quadrant codes used for the need-only classes (typology.ts: bit 1 = high need, bit 0 = potential, here always 0). */
export const NEED_ONLY_HIGH = 2;
export const NEED_ONLY_LOW = 0;

/**
 * Results already computed, per preparation (scope, need measure and form) and per setting that
 * acts on a need-only ranking (normalisation, thresholds, both rankings). Nothing else changes
 * the answer — weights, strategy and aggregation act only on a potential — so a planner switching
 * need-as back and forth, or moving a control that has no effect here, gets the ranking again
 * without the two sorts of 73,000 villages. Each caller receives fresh arrays (the worker
 * transfers them to the page, which detaches them), copied from the cached ones.
 */
const memo = new WeakMap<PreparedRanking, Map<string, TargetingResult>>();

export function rankByNeedAlone(p: PreparedRanking, options: RankOptions, steps: string): TargetingResult {
  const method: NormalisationMethod = options.normalise ?? 'minmax';
  const rule: ThresholdRule = options.thresholds ?? { kind: 'median', weighting: 'areas' };
  const key = JSON.stringify([method, rule, !!options.bothRankings, options.within ?? null, options.winsorise ?? null, options.aggregate ?? 'linear', options.missing ?? 'renormalise', options.strategy ?? 'livelihoods', steps]);
  let perPrepared = memo.get(p);
  if (!perPrepared) memo.set(p, (perPrepared = new Map()));
  let r = perPrepared.get(key);
  if (!r) perPrepared.set(key, (r = computeNeedAlone(p, options, method, rule, steps)));
  return freshCopy(r);
}

/** The result with its own typed arrays (the cached ones are never handed out). */
function freshCopy(r: TargetingResult): TargetingResult {
  return {
    ...r,
    settings: { ...r.settings, thresholds: { ...r.settings.thresholds } },
    notes: [...r.notes],
    needRaw: r.needRaw.slice(),
    need: r.need.slice(),
    potential: r.potential.slice(),
    inputValues: r.inputValues.slice(),
    potentialParts: r.potentialParts.slice(),
    score: r.score.slice(),
    parts: { ...r.parts, need: r.parts.need.slice(), potential: r.parts.potential.slice() },
    quadrant: r.quadrant.slice(),
    thresholds: { ...r.thresholds },
    rank: r.rank.slice(),
    order: r.order.slice(),
    unranked: r.unranked.slice(),
    rankOther: r.rankOther?.slice(),
  };
}

function computeNeedAlone(p: PreparedRanking, options: RankOptions, method: NormalisationMethod, rule: ThresholdRule, steps: string): TargetingResult {
  const { n, areas } = p;
  const need = p.needNormalised(method);
  const eligible = new Uint8Array(n);
  const unranked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!p.scope[i]) unranked[i] = 1;
    else if (!Number.isFinite(need[i])) unranked[i] = 2;
    else eligible[i] = 1;
  }
  const score = new Float64Array(n);
  const needPart = new Float64Array(n);
  const potentialPart = new Float64Array(n);
  const potential = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    score[i] = needPart[i] = eligible[i] ? need[i] : NaN;
    potentialPart[i] = eligible[i] ? 0 : NaN;
  }
  const needT = rule.kind === 'given' ? rule.need : medianOf(need, eligible, rule.weighting === 'people' ? areas.people : null, undefined, p.scratch);
  const quadrant = new Uint8Array(n);
  for (let i = 0; i < n; i++) quadrant[i] = eligible[i] ? (need[i] >= needT ? NEED_ONLY_HIGH : NEED_ONLY_LOW) : NO_QUADRANT;
  const ranking = rankByScore(score, eligible, p.codeOrder, p.scratch);
  let rankOther: Int32Array | undefined;
  if (options.bothRankings) {
    const other = p.needNormalised(method, true);
    const el2 = new Uint8Array(n);
    for (let i = 0; i < n; i++) el2[i] = eligible[i] && Number.isFinite(other[i]) ? 1 : 0;
    rankOther = rankByScore(other, el2, p.codeOrder, p.scratch).rank;
  }
  const missing = p.potential.unavailable;
  const notes = [
    `Ranked by need alone (score = need): none of the potential inputs has a value in scope${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
  ];
  let noNeed = 0;
  for (let i = 0; i < n; i++) if (unranked[i] === 2) noNeed++;
  if (noNeed) notes.push(`${noNeed} areas without a need value (no people surveyed?) are unranked.`);
  return {
    areas,
    settings: {
      level: areas.level,
      within: options.within ?? null,
      need: { measure: p.needColumn.id, as: p.needAs },
      inputs: [],
      unavailableInputs: missing,
      transforms: p.potential.transforms,
      winsorise: options.winsorise ?? null,
      normalise: method,
      weights: {},
      pillarWeights: {},
      weightsForm: 'flat',
      aggregate: options.aggregate ?? 'linear',
      missing: options.missing ?? 'renormalise',
      strategy: options.strategy ?? 'livelihoods',
      priorityWeights: { need: 1, potential: 0 },
      thresholds: rule,
      steps,
      needOnly: true,
    },
    formula: 'score = need',
    notes,
    inputs: [],
    needRaw: p.needRaw,
    need,
    potential,
    inputValues: new Float64Array(0),
    potentialParts: new Float64Array(0),
    score,
    parts: { need: needPart, potential: potentialPart, potentialName: 'potential' },
    quadrant,
    thresholds: { need: needT, potential: NaN },
    rank: ranking.rank,
    order: ranking.order,
    ranked: ranking.order.length,
    unranked,
    rankOther,
  };
}

/** What a class code means, in the words a legend, a table or a tooltip shows. */
export interface TargetingClassInfo {
  th: string;
  en: string;
  familyTh: string;
  familyEn: string;
  colour: string;
}

/**
 * The need-only classes keep the need axis' colours of the bivariate palette (typology.ts: orange
 * for high need, light grey for low), so a map read beside a full need × potential map means the
 * same thing on that axis; their names say the potential is unknown, not low.
 */
const NEED_ONLY_CLASSES: Record<number, TargetingClassInfo> = {
  [NEED_ONLY_HIGH]: {
    th: 'ความต้องการสูง', en: 'High need',
    familyTh: 'ยังไม่มีข้อมูลศักยภาพ: จัดลำดับตามความต้องการ', familyEn: 'No potential data: ranked by need',
    colour: QUADRANTS.high_need_low_potential.colour,
  },
  [NEED_ONLY_LOW]: {
    th: 'ความต้องการต่ำกว่ามัธยฐาน', en: 'Need below the median',
    familyTh: 'ยังไม่มีข้อมูลศักยภาพ: จัดลำดับตามความต้องการ', familyEn: 'No potential data: ranked by need',
    colour: QUADRANTS.low_need_low_potential.colour,
  },
};

/** The class codes a legend lists, top first. */
export const classCodes = (needOnly: boolean): number[] => (needOnly ? [NEED_ONLY_HIGH, NEED_ONLY_LOW] : [3, 2, 1, 0]);

/** The class of a quadrant code (null for NO_QUADRANT). */
export function targetingClass(code: number, needOnly: boolean): TargetingClassInfo | null {
  if (code === NO_QUADRANT || code > 3) return null;
  return needOnly ? NEED_ONLY_CLASSES[code] ?? null : QUADRANTS[QUADRANT_IDS[code]];
}
