/**
 * Targeting end to end (issue 9): inputs → potential → need → priority → quadrant → rank, for the
 * areas of one level. Everything that does not depend on weights (transforms, winsorising,
 * direction, normalised matrices per method, normalised need, code order) is prepared once per
 * (areas object, preparation settings) and cached, so a weight change re-runs only the weighted
 * sum, the priority formula, the medians and one radix sort (rank.ts).
 */
import { inputDefinition, type InputDefinition, type Transform } from './inputs';
import { NORMALISATION_METHODS, type NormalisationMethod } from './normalise';
import { needValues, normaliseNeed, type NeedAs, type NeedColumn } from './need';
import { aggregatePotential, aggregationNote, preparePotential, type Aggregation, type MissingRule, type PreparedPotential } from './potential';
import { potentialPartName, priorityFormula, priorityScores, resolvePriorityWeights, type PriorityWeights, type Strategy } from './priority';
import { codeOrder, rankByScore, RadixScratch } from './rank';
import { classifyQuadrants, DEFAULT_THRESHOLDS, medianOf, thresholds, type ThresholdRule } from './typology';
import { resolveWeights, type PotentialWeightsInput } from './weights';

/** The areas of one level as plain arrays (what the worker and the CLI both build; datasetInputs.ts). */
export interface TargetingAreas {
  level: string;
  codes: readonly string[];
  names?: readonly (string | null)[];
  /** People per area (surveyed population). */
  people: ArrayLike<number>;
  /** Target poor per area (people): shortlist reach and the scatter's point size. */
  targetPoor: ArrayLike<number>;
  /** Raw potential inputs: input id (inputs.ts) → value per area, NaN = missing. */
  inputs: Record<string, ArrayLike<number>>;
  /** Poverty measures that can serve as need. */
  needColumns: readonly NeedColumn[];
}

export interface RankOptions {
  /** Only areas whose code starts with this (an ancestor's code); statistics are taken over them. */
  within?: string | null;
  /** Need measure id (default 'target_poor', else the first column) and how it is taken (default 'rate'). */
  need?: { measure?: string; as?: NeedAs };
  /** Inputs to consider (default: every column given). */
  inputs?: readonly string[];
  transforms?: Record<string, Transform>;
  winsorise?: { low: number; high: number } | null;
  normalise?: NormalisationMethod;
  weights?: PotentialWeightsInput;
  aggregate?: Aggregation;
  missing?: MissingRule;
  strategy?: Strategy;
  priorityWeights?: Partial<PriorityWeights>;
  thresholds?: ThresholdRule;
  /**
   * Fill `potentialParts` (n × k; default true). Off, a weight drag skips one n × k pass; the
   * table can then ask potentialPartsOf for the rows it shows.
   */
  potentialParts?: boolean;
  /** Also rank with need taken the other way (rate ↔ count): `rankOther`. */
  bothRankings?: boolean;
}

/** Every choice in force, echoed for display and for the CSV header. */
export interface RankSettings {
  level: string;
  within: string | null;
  need: { measure: string; as: NeedAs };
  inputs: string[];
  unavailableInputs: string[];
  transforms: Record<string, Transform>;
  winsorise: { low: number; high: number } | null;
  normalise: NormalisationMethod;
  /** Effective weight per input used (sum 1). */
  weights: Record<string, number>;
  /** Pillar shares of the effective weights. */
  pillarWeights: Record<string, number>;
  weightsForm: 'nested' | 'flat';
  aggregate: Aggregation;
  missing: MissingRule;
  strategy: Strategy;
  priorityWeights: PriorityWeights;
  thresholds: ThresholdRule;
  /** The order of the steps (OECD/JRC Handbook 2008). */
  steps: string;
}

export const UNRANKED_REASONS = ['', 'outside_scope', 'no_need', 'missing_inputs', 'no_inputs'] as const;
export type UnrankedReason = Exclude<(typeof UNRANKED_REASONS)[number], ''>;

export interface TargetingResult {
  areas: TargetingAreas;
  settings: RankSettings;
  /** The priority formula with its weights, for display. */
  formula: string;
  /** Sentences on what was done (aggregation shift, dropped or constant inputs, missing rule). */
  notes: string[];
  inputs: InputDefinition[];
  /** Raw need (rate or count as chosen) and its normalised value. */
  needRaw: Float64Array;
  need: Float64Array;
  potential: Float64Array;
  /** Normalised, direction-aligned value of input j for area i at [i * k + j] (NaN = missing); shared by every result of the same preparation and method — do not modify or transfer. */
  inputValues: Float64Array;
  /** Contribution of input j to area i's potential at [i * k + j]; Σ_j = potential (empty with potentialParts: false). */
  potentialParts: Float64Array;
  score: Float64Array;
  /** parts.need + parts.potential (or low_potential) = score. */
  parts: { need: Float64Array; potential: Float64Array; potentialName: 'potential' | 'low_potential' };
  /** Quadrant code per area (typology.ts QUADRANT_IDS; NO_QUADRANT when unranked). */
  quadrant: Uint8Array;
  thresholds: { need: number; potential: number };
  /** 1..ranked, 0 = unranked. */
  rank: Int32Array;
  /** Ranked area indices, best first. */
  order: Uint32Array;
  ranked: number;
  /** UNRANKED_REASONS code per area (0 = ranked). */
  unranked: Uint8Array;
  /** With bothRankings: the rank when need is taken the other way (rate ↔ count). */
  rankOther?: Int32Array;
}

/** What rankAreas prepares once per areas object and preparation settings. */
export interface PreparedRanking {
  areas: TargetingAreas;
  n: number;
  scope: Uint8Array;
  potential: PreparedPotential;
  needColumn: NeedColumn;
  needAs: NeedAs;
  needRaw: Float64Array;
  needOtherRaw: Float64Array;
  needNormalised(method: NormalisationMethod, other?: boolean): Float64Array;
  codeOrder: Uint32Array;
  scratch: RadixScratch;
  settingsKey: string;
  /** The last need median and the areas it was taken over (a weight change rarely changes them). */
  needMedian?: { method: NormalisationMethod; weighting: 'areas' | 'people'; eligible: Uint8Array; value: number };
}

/**
 * thresholds() with the need median reused: normalised need does not depend on the weights, so
 * while the method, the weighting and the set of eligible areas stay the same (a weight drag),
 * its median is the one already taken; only the potential's median is new.
 */
function thresholdsReusingNeed(p: PreparedRanking, method: NormalisationMethod, rule: ThresholdRule, need: Float64Array, potential: Float64Array, eligible: Uint8Array): { need: number; potential: number } {
  if (rule.kind !== 'median') return thresholds(rule, need, potential, eligible, p.areas.people, undefined, p.scratch);
  const people = rule.weighting === 'people' ? p.areas.people : null;
  const c = p.needMedian;
  let needT: number;
  if (c && c.method === method && c.weighting === rule.weighting && sameBytes(c.eligible, eligible)) needT = c.value;
  else {
    needT = medianOf(need, eligible, people, undefined, p.scratch);
    p.needMedian = { method, weighting: rule.weighting, eligible: eligible.slice(), value: needT };
  }
  return { need: needT, potential: medianOf(potential, eligible, people, undefined, p.scratch) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const cache = new WeakMap<TargetingAreas, Map<string, PreparedRanking>>();

function pickNeed(areas: TargetingAreas, measure: string | undefined): NeedColumn {
  const cols = areas.needColumns;
  if (!cols.length) throw new Error('targeting: no poverty measure to take need from');
  if (measure === undefined) return cols.find((c) => c.id === 'target_poor') ?? cols[0];
  const c = cols.find((x) => x.id === measure);
  if (!c) throw new Error(`targeting: need measure "${measure}" is not available (available: ${cols.map((x) => x.id).join(', ')})`);
  return c;
}

/** Prepares (or returns the cached preparation of) everything weight-independent. */
export function prepareRanking(areas: TargetingAreas, options: RankOptions = {}): PreparedRanking {
  const key = JSON.stringify([options.within ?? null, options.need?.measure ?? null, options.need?.as ?? 'rate', options.inputs ?? null, options.transforms ?? null, options.winsorise ?? null]);
  let perAreas = cache.get(areas);
  if (!perAreas) cache.set(areas, (perAreas = new Map()));
  const hit = perAreas.get(key);
  if (hit) return hit;

  const n = areas.codes.length;
  for (const [name, col] of [['people', areas.people], ['targetPoor', areas.targetPoor]] as const) if (col.length !== n) throw new Error(`targeting: ${name} has ${col.length} values for ${n} areas`);
  const scope = new Uint8Array(n);
  const within = options.within ?? null;
  for (let i = 0; i < n; i++) scope[i] = !within || areas.codes[i].startsWith(within) ? 1 : 0;
  const ids = options.inputs ? [...options.inputs] : Object.keys(areas.inputs);
  const columns: Record<string, ArrayLike<number>> = {};
  for (const id of ids) {
    inputDefinition(id); // unknown ids throw here
    if (!areas.inputs[id]) throw new Error(`targeting: input "${id}" is not in this dataset (have ${Object.keys(areas.inputs).join(', ') || 'none'})`);
    columns[id] = areas.inputs[id];
  }
  const potential = preparePotential(columns, n, { transforms: options.transforms, winsorise: options.winsorise }, scope);
  const needColumn = pickNeed(areas, options.need?.measure);
  const needAs = options.need?.as ?? 'rate';
  const needRaw = needValues(needColumn, needAs, areas.people);
  const needOtherRaw = needValues(needColumn, needAs === 'rate' ? 'count' : 'rate', areas.people);
  const normCache = new Map<string, Float64Array>();
  const prepared: PreparedRanking = {
    areas,
    n,
    scope,
    potential,
    needColumn,
    needAs,
    needRaw,
    needOtherRaw,
    needNormalised(method, other = false) {
      const k = `${method}:${other}`;
      let v = normCache.get(k);
      if (!v) normCache.set(k, (v = normaliseNeed(other ? needOtherRaw : needRaw, method, scope)));
      return v;
    },
    codeOrder: codeOrder(areas.codes),
    scratch: new RadixScratch(n),
    settingsKey: key,
  };
  perAreas.set(key, prepared);
  return prepared;
}

export const STEPS = 'transform (log1p) → winsorise → align direction → normalise → weight → aggregate → combine with need → quadrant → rank';

/** Resolved nominal settings shared by rankAreas and the Monte Carlo. */
export function resolveRankSettings(p: PreparedRanking, options: RankOptions) {
  const method = options.normalise ?? 'minmax';
  if (!NORMALISATION_METHODS.includes(method)) throw new Error(`normalise must be one of ${NORMALISATION_METHODS.join(', ')} (got "${method}")`);
  const aggregate = options.aggregate ?? 'linear';
  if (aggregate !== 'linear' && aggregate !== 'geometric') throw new Error(`aggregate must be linear or geometric (got "${aggregate}")`);
  const missing = options.missing ?? 'renormalise';
  if (missing !== 'renormalise' && missing !== 'exclude') throw new Error(`missing must be renormalise or exclude (got "${missing}")`);
  const strategy = options.strategy ?? 'livelihoods';
  if (strategy !== 'livelihoods' && strategy !== 'protection') throw new Error(`strategy must be livelihoods or protection (got "${strategy}")`);
  if (!p.potential.inputs.length) throw new Error(`targeting: no potential input has a value in scope${p.potential.unavailable.length ? ` (empty: ${p.potential.unavailable.join(', ')})` : ''}`);
  const weights = resolveWeights(p.potential.inputs, options.weights);
  const priorityWeights = resolvePriorityWeights(options.priorityWeights);
  const rule = options.thresholds ?? DEFAULT_THRESHOLDS;
  return { method, aggregate, missing, strategy, weights, priorityWeights, rule };
}

/**
 * Ranks the areas: the single entry point the app's worker, the CLI and the bench call.
 * Repeated calls with the same `areas` object reuse the weight-independent preparation.
 */
export function rankAreas(areas: TargetingAreas, options: RankOptions = {}): TargetingResult {
  const p = prepareRanking(areas, options);
  const s = resolveRankSettings(p, options);
  const { n } = p;
  const k = p.potential.inputs.length;
  const pot = aggregatePotential(p.potential, s.method, s.weights.effective, s.aggregate, s.missing, p.scope, undefined, options.potentialParts !== false);
  const need = p.needNormalised(s.method);

  const eligible = new Uint8Array(n);
  const unranked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!p.scope[i]) unranked[i] = 1;
    else if (!Number.isFinite(need[i])) unranked[i] = 2;
    else if (!pot.hasPotential[i]) unranked[i] = pot.weightCoverage[i] > 0 ? 3 : 4;
    else eligible[i] = 1;
  }
  const pr = priorityScores(need, pot.potential, s.strategy, s.priorityWeights);
  for (let i = 0; i < n; i++) if (!eligible[i]) pr.score[i] = pr.needPart[i] = pr.potentialPart[i] = NaN;
  const t = thresholdsReusingNeed(p, s.method, s.rule, need, pot.potential, eligible);
  const quadrant = classifyQuadrants(need, pot.potential, eligible, t);
  const ranking = rankByScore(pr.score, eligible, p.codeOrder, p.scratch);

  let rankOther: Int32Array | undefined;
  if (options.bothRankings) {
    const needOther = p.needNormalised(s.method, true);
    const other = priorityScores(needOther, pot.potential, s.strategy, s.priorityWeights);
    const el2 = new Uint8Array(n);
    for (let i = 0; i < n; i++) el2[i] = eligible[i] && Number.isFinite(needOther[i]) ? 1 : 0;
    rankOther = rankByScore(other.score, el2, p.codeOrder, p.scratch).rank;
  }

  // Weight-independent: prepared once per method and shared between results (do not modify).
  const inputValues = p.potential.displayMatrix(s.method);

  const notes: string[] = [aggregationNote(s.aggregate)];
  notes.push(
    s.missing === 'renormalise'
      ? 'Missing inputs: each area’s weights are renormalised over the inputs it has (never counted as zero).'
      : 'Missing inputs: an area missing any weighted input is left unranked.',
  );
  if (p.potential.unavailable.length) notes.push(`No area in scope has ${p.potential.unavailable.join(', ')}: left out of the potential.`);
  const constant = p.potential.constantInputs(s.method);
  if (constant.length) notes.push(`No spread in scope (every area equal): ${constant.join(', ')} — carries no information.`);
  if (s.method === 'z') notes.push('z-scores are unbounded: parts can be negative, and 1 − potential only shifts every score.');
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) counts[unranked[i]]++;
  if (counts[2]) notes.push(`${counts[2]} areas without a need value (no people surveyed?) are unranked.`);
  if (counts[3]) notes.push(`${counts[3]} areas missing a weighted input are unranked (missing = exclude).`);
  if (counts[4]) notes.push(`${counts[4]} areas have none of the weighted inputs and are unranked.`);

  const weights: Record<string, number> = {};
  p.potential.inputs.forEach((d, j) => (weights[d.id] = s.weights.effective[j]));
  return {
    areas,
    settings: {
      level: areas.level,
      within: options.within ?? null,
      need: { measure: p.needColumn.id, as: p.needAs },
      inputs: p.potential.inputs.map((d) => d.id),
      unavailableInputs: p.potential.unavailable,
      transforms: p.potential.transforms,
      winsorise: options.winsorise ?? null,
      normalise: s.method,
      weights,
      pillarWeights: s.weights.pillars,
      weightsForm: s.weights.form,
      aggregate: s.aggregate,
      missing: s.missing,
      strategy: s.strategy,
      priorityWeights: s.priorityWeights,
      thresholds: s.rule,
      steps: STEPS,
    },
    formula: priorityFormula(s.strategy, s.priorityWeights),
    notes,
    inputs: p.potential.inputs,
    needRaw: p.needRaw.slice(),
    need: need.slice(),
    potential: pot.potential,
    inputValues,
    potentialParts: pot.parts,
    score: pr.score,
    parts: { need: pr.needPart, potential: pr.potentialPart, potentialName: potentialPartName(s.strategy) },
    quadrant,
    thresholds: t,
    rank: ranking.rank,
    order: ranking.order,
    ranked: ranking.order.length,
    unranked,
    rankOther,
  };
}
