/**
 * Synthetic village basic data in the spirit of กชช.2ค (the Community Development Department's
 * rural village survey): one 0/1 flag per VILLAGE_BASIC_FIELDS. Probabilities fall with
 * remoteness (standardised distance to the district seat and capital, mountains) and with the
 * village's latent poverty z; irrigation follows the lowland plains.
 */
import { VILLAGE_BASIC_FIELDS, type VillageBasicField } from '../../src/data/datasetFormat';
import { logistic, Rng } from './rng';

export interface BasicInput {
  code: number;
  remoteness: number;
  z: number;
  density: number;
  bangkok: boolean;
  northeast: boolean;
}

export function villageBasic(seed: number, villages: BasicInput[]): Record<VillageBasicField, Uint8Array> {
  const out = Object.fromEntries(VILLAGE_BASIC_FIELDS.map((f) => [f, new Uint8Array(villages.length)])) as Record<VillageBasicField, Uint8Array>;
  villages.forEach((v, i) => {
    const rng = new Rng(seed, `basic/${v.code}`);
    const r = v.remoteness;
    const ld = Math.log(v.density);
    const p: Record<VillageBasicField, number> = {
      all_season_road: logistic(2.3 - 1.0 * r - 0.45 * v.z + (v.bangkok ? 3 : 0)),
      electricity: logistic(4.2 - 0.9 * r - 0.3 * v.z + (v.bangkok ? 3 : 0)),
      piped_water: logistic(1.1 - 0.7 * r - 0.5 * v.z - (v.northeast ? 0.5 : 0) + (v.bangkok ? 3 : 0)),
      irrigation: v.bangkok ? 0.02 : logistic(-0.4 + 0.9 * ld - 0.3 * r),
      market: logistic(-0.9 - 0.8 * r + 0.35 * ld - 0.2 * v.z + (v.bangkok ? 1.5 : 0)),
      internet: logistic(1.3 - 1.1 * r - 0.45 * v.z + (v.bangkok ? 3 : 0)),
      community_enterprise: v.bangkok ? 0.1 : logistic(-0.6 + 0.25 * v.z + 0.2 * r),
    };
    for (const f of VILLAGE_BASIC_FIELDS) out[f][i] = rng.next() < p[f] ? 1 : 0;
  });
  return out;
}
