/**
 * Potential weights (OECD/JRC Handbook 2008, §1.6 "weighting and aggregation"): equal by default,
 * nested by pillar — an input's effective weight = its pillar's weight × its weight within the
 * pillar, each level normalised to sum 1 over what is available — or given flat per input.
 * COINr's `iMeta$Weight` with the same nesting across levels.
 *
 * Accepted forms (all plain JSON, so the UI can store and edit them and the CLI can parse them):
 *   undefined / {}                         equal pillars, equal within each pillar
 *   { pillars: {economy: 2, …}, within: {lights_per_capita: 1, …} }  nested; missing entries = 1
 *   { inputs: {lights_per_capita: 1, …} }  flat: only the inputs named, normalised to sum 1
 *   { lights_per_capita: 1, … }            the same flat form (CLI shorthand): that input alone
 *   { economy: 1, services: 2 }            pillar weights, equal within; unnamed pillars weigh 0
 */
import { PILLARS, type InputDefinition, type Pillar } from './inputs';

export interface NestedWeights {
  pillars?: Partial<Record<Pillar, number>>;
  within?: Record<string, number>;
}
export interface FlatWeights {
  inputs: Record<string, number>;
}
export type PotentialWeightsInput = NestedWeights | FlatWeights | Record<string, number> | undefined;

export interface ResolvedWeights {
  /** 'nested' or 'flat', after reading the shorthand. */
  form: 'nested' | 'flat';
  /** Effective weight per available input (same order as the inputs given), sum 1. */
  effective: Float64Array;
  /** Pillar weights actually used (sum 1 over pillars with available, weighted inputs). */
  pillars: Record<Pillar, number>;
}

function check(name: string, w: unknown): number {
  if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new Error(`weights: "${name}" must be a number ≥ 0 (got ${JSON.stringify(w)})`);
  return w;
}

/**
 * Effective weights of the available inputs. Throws on unknown ids (a typo must not silently
 * weigh 0) and when everything weighs 0.
 */
export function resolveWeights(inputs: readonly InputDefinition[], raw: PotentialWeightsInput): ResolvedWeights {
  const ids = inputs.map((d) => d.id);
  const obj = (raw ?? {}) as Record<string, unknown>;
  const keys = Object.keys(obj);
  const isPillar = (k: string) => (PILLARS as readonly string[]).includes(k);
  let flat: Record<string, number> | null = null;
  let pillarW: Partial<Record<Pillar, number>> = {};
  let within: Record<string, number> = {};
  let pillarDefault = 1;
  if ('inputs' in obj) flat = obj.inputs as Record<string, number>;
  else if ('pillars' in obj || 'within' in obj) {
    pillarW = (obj.pillars ?? {}) as Partial<Record<Pillar, number>>;
    within = (obj.within ?? {}) as Record<string, number>;
  } else if (keys.length && keys.every(isPillar)) {
    pillarW = obj as Partial<Record<Pillar, number>>;
    pillarDefault = 0;
  } else if (keys.length) flat = obj as Record<string, number>;

  const effective = new Float64Array(inputs.length);
  const pillars = { economy: 0, services: 0, infrastructure: 0 } as Record<Pillar, number>;
  if (flat) {
    for (const [k, w] of Object.entries(flat)) {
      if (isPillar(k)) throw new Error(`weights: "${k}" is a pillar; do not mix pillars and inputs in one flat object (use {"pillars": …, "within": …})`);
      const j = ids.indexOf(k);
      check(k, w);
      if (j < 0) throw new Error(`weights: input "${k}" is not available here (available: ${ids.join(', ') || 'none'})`);
      effective[j] = w;
    }
  } else {
    for (const k of Object.keys(pillarW)) if (!isPillar(k)) throw new Error(`weights: unknown pillar "${k}" (use ${PILLARS.join(', ')})`);
    for (const k of Object.keys(within)) if (!ids.includes(k)) throw new Error(`weights: input "${k}" is not available here (available: ${ids.join(', ') || 'none'})`);
    for (const p of PILLARS) {
      const members = inputs.map((d, j) => (d.pillar === p ? j : -1)).filter((j) => j >= 0);
      let sumWithin = 0;
      for (const j of members) sumWithin += check(ids[j], within[ids[j]] ?? 1);
      if (!members.length || sumWithin === 0) continue;
      const pw = check(p, pillarW[p] ?? pillarDefault);
      pillars[p] = pw;
      for (const j of members) effective[j] = (pw * (within[ids[j]] ?? 1)) / sumWithin;
    }
  }
  let total = 0;
  for (const w of effective) total += w;
  if (!(total > 0)) throw new Error('weights: every available input weighs 0; give at least one a positive weight');
  for (let j = 0; j < effective.length; j++) effective[j] /= total;
  // Report the pillar shares actually in force (a pillar's share = Σ of its inputs' weights).
  for (const p of PILLARS) pillars[p] = 0;
  for (let j = 0; j < inputs.length; j++) pillars[inputs[j].pillar] += effective[j];
  return { form: flat ? 'flat' : 'nested', effective, pillars };
}
