/**
 * Test support shared by the mpi tests: households (as the reference sees them) → prepared
 * profiles through the production ProfileBuilder, and seeded fast-check arbitraries.
 */
import fc from 'fast-check';
import { DIMENSION_IDS, INDICATOR_COUNT, type DimensionId } from '../indicators';
import { prepareProfiles, type PreparedProfiles } from './prepare';
import { ProfileBuilder } from './profileBuilder';
import { householdMask, type ReferenceHousehold } from './reference';
import type { MpiSettings } from './settings';

export function prepareHouseholds(households: readonly ReferenceHousehold[]): PreparedProfiles {
  const b = new ProfileBuilder();
  for (const h of households) b.add(Number(h.village), householdMask(h), h.members);
  const { villageCodes, profiles } = b.build();
  return prepareProfiles(villageCodes, profiles);
}

/** A household of `members` people deprived in the listed indicators (ids). */
export function household(village: string, deprivedIds: readonly number[], members = 1, welfareCard = false): ReferenceHousehold {
  const deprived = new Array<boolean>(INDICATOR_COUNT).fill(false);
  for (const j of deprivedIds) deprived[j] = true;
  return { village, deprived, welfareCard, members };
}

/** Village codes over 2 provinces, 2 districts, 2 subdistricts, 3 villages each: exercises every level. */
const VILLAGES = ['50', '90'].flatMap((p) => ['01', '02'].flatMap((d) => ['01', '52'].flatMap((s) => ['01', '02', '11'].map((m) => p + d + s + m))));

export const householdArb: fc.Arbitrary<ReferenceHousehold> = fc.record({
  village: fc.constantFrom(...VILLAGES),
  // Sparse deprivations, like the real data: most households fail 0–3 indicators.
  deprived: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), { minLength: INDICATOR_COUNT, maxLength: INDICATOR_COUNT }),
  welfareCard: fc.boolean(),
  members: fc.integer({ min: 1, max: 9 }),
});

export const householdsArb = fc.array(householdArb, { minLength: 1, maxLength: 60 });

export const dimensionsArb: fc.Arbitrary<DimensionId[]> = fc.subarray([...DIMENSION_IDS], { minLength: 1 });

/** Settings with strictly positive weights (null = nested equal, or random user weights). */
export const settingsArb: fc.Arbitrary<MpiSettings> = fc.record({
  measure: fc.constantFrom('tpmap' as const, 'af' as const),
  dimensions: dimensionsArb,
  // Exact fractions hit achievable scores (nested weights are multiples of 1/60), testing c = k ties.
  k: fc.oneof(
    fc.double({ min: 0.01, max: 1, noNaN: true }),
    fc.integer({ min: 2, max: 60 }).chain((den) => fc.integer({ min: 1, max: den }).map((num) => num / den)),
  ),
  weights: fc.option(fc.array(fc.double({ min: 0.05, max: 3, noNaN: true }), { minLength: INDICATOR_COUNT, maxLength: INDICATOR_COUNT }), { nil: null }),
  welfare: fc.constantFrom('all' as const, 'nocard' as const),
});
