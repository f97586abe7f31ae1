/**
 * Two-step floating catchment area (2SFCA) accessibility.
 *
 * Luo, W. & Wang, F. (2003), "Measures of spatial accessibility to health care in a GIS
 * environment", Environment and Planning B 30(6):865–884:
 *   step 1, for each facility j:  R_j = S_j / Σ_{k : d_kj ≤ d0} P_k
 *   step 2, for each village i:   A_i = Σ_{j : d_ij ≤ d0} R_j
 * S_j is the facility's capacity, P_k a village's population, d0 the catchment distance.
 * A facility with no population within reach serves nobody and contributes to no A_i, so
 * Σ_i A_i·P_i equals the total capacity of the facilities that have population within reach
 * (the conservation property the tests check).
 *
 * The core takes the village–facility pairs already inside the catchment, so the same code runs
 * on indexed great-circle pairs (accessMeasures.ts) and on a given distance table (the DESIGN.md
 * oracle, whose distances are stated directly).
 */

/** Pairs inside the catchment in compressed-row form: village i's facilities are facility[start[i] .. start[i+1]-1], in any order. */
export interface CatchmentPairs {
  villageCount: number;
  facilityCount: number;
  /** Length villageCount + 1. */
  start: Uint32Array;
  /** Facility index of each pair. */
  facility: Uint32Array;
}

export interface TwoStepFcaResult {
  /** R_j: capacity per person within the facility's catchment; 0 for a facility nobody reaches. */
  facilityRatio: Float64Array;
  /** Σ P_k within each facility's catchment. */
  facilityDemand: Float64Array;
  /** A_i: capacity per person reachable from village i (multiply by 1,000 for "per 1,000 people"). */
  accessibility: Float64Array;
}

/**
 * 2SFCA over pairs already filtered to d ≤ d0 (Luo & Wang 2003).
 * @param population P_i per village (people; zero is allowed)
 * @param supply S_j per facility (capacity units, ≥ 0)
 */
export function twoStepFloatingCatchment(pairs: CatchmentPairs, population: ArrayLike<number>, supply: ArrayLike<number>): TwoStepFcaResult {
  const { villageCount, facilityCount, start, facility } = pairs;
  if (population.length !== villageCount) throw new Error(`2SFCA: population has ${population.length} entries, expected ${villageCount}`);
  if (supply.length !== facilityCount) throw new Error(`2SFCA: supply has ${supply.length} entries, expected ${facilityCount}`);
  const facilityDemand = new Float64Array(facilityCount);
  for (let i = 0; i < villageCount; i++) {
    const p = population[i];
    if (p === 0) continue;
    for (let k = start[i]; k < start[i + 1]; k++) facilityDemand[facility[k]] += p;
  }
  const facilityRatio = new Float64Array(facilityCount);
  for (let j = 0; j < facilityCount; j++) if (facilityDemand[j] > 0) facilityRatio[j] = supply[j] / facilityDemand[j];
  // Step 2 sums each village's R_j in ascending facility order, whatever order its pairs are
  // listed in (a spatial index lists them in its own order): the pairs are regrouped by facility
  // (a stable counting sort), and facilities are visited in order, adding R_j to each of their
  // villages. Floating-point sums then come out the same for every producer of the same pairs.
  const accessibility = new Float64Array(villageCount);
  const byFacility = new Uint32Array(facilityCount + 1);
  const total = start[villageCount];
  for (let k = 0; k < total; k++) byFacility[facility[k] + 1]++;
  for (let j = 0; j < facilityCount; j++) byFacility[j + 1] += byFacility[j];
  const fill = byFacility.slice(0, facilityCount);
  const villageOf = new Uint32Array(total);
  for (let i = 0; i < villageCount; i++) for (let k = start[i]; k < start[i + 1]; k++) villageOf[fill[facility[k]]++] = i;
  for (let j = 0; j < facilityCount; j++) {
    const r = facilityRatio[j];
    for (let q = byFacility[j]; q < byFacility[j + 1]; q++) accessibility[villageOf[q]] += r;
  }
  return { facilityRatio, facilityDemand, accessibility };
}

/**
 * Catchment pairs from any distance function by examining every village–facility pair
 * (d ≤ catchmentKm, inclusive). O(villages × facilities): for stated distance tables and as a
 * reference; the indexed path in accessMeasures.ts builds the same pairs with a spatial index.
 */
export function pairsFromDistances(
  villageCount: number,
  facilityCount: number,
  distanceKm: (village: number, facility: number) => number,
  catchmentKm: number,
): CatchmentPairs {
  const start = new Uint32Array(villageCount + 1);
  const facility: number[] = [];
  for (let i = 0; i < villageCount; i++) {
    for (let j = 0; j < facilityCount; j++) if (distanceKm(i, j) <= catchmentKm) facility.push(j);
    start[i + 1] = facility.length;
  }
  return { villageCount, facilityCount, start, facility: Uint32Array.from(facility) };
}
