/**
 * A deliberately naive reference implementation, straight from the definitions in DESIGN.md §2.2
 * and Alkire & Foster (2011): one person at a time (each member of each household), the score
 * summed indicator by indicator, no lookup tables, no profiles, no hierarchy. Slow; it exists so
 * tests can check the fast pass against an independent brute force.
 */
import { COUNTRY_CODE } from '../adminCodes';
import { DIMENSIONS, INDICATORS, INDICATOR_COUNT, WELFARE_CARD_BIT } from '../indicators';
import { reachesCutoff, resolveSettings, type MpiSettings } from './settings';

export interface ReferenceHousehold {
  /** 8-digit DOPA village code. */
  village: string;
  /** 17 deprivation flags in INDICATORS order. */
  deprived: readonly boolean[];
  welfareCard: boolean;
  members: number;
}

export interface ReferenceFigures {
  people: number;
  households: number;
  poor: number;
  targetPoor: number;
  poorNoCard: number;
  rate: number;
  headcountRatio: number;
  intensity: number;
  adjustedHeadcount: number;
  poorByDimension: number[];
  targetPoorByDimension: number[];
  failing: number[];
  censored: number[];
  targetPoorFailing: number[];
  contributionByIndicator: number[];
  contributionByDimension: number[];
}

export function householdMask(h: ReferenceHousehold): number {
  let m = h.welfareCard ? 1 << WELFARE_CARD_BIT : 0;
  h.deprived.forEach((g, j) => {
    if (g) m |= 1 << j;
  });
  return m;
}

/** Brute-force figures of the households whose village code starts with `area` ("TH" = all). */
export function referenceFigures(households: readonly ReferenceHousehold[], settings: MpiSettings, area: string): ReferenceFigures {
  const rs = resolveSettings(settings);
  const w = rs.weights;
  const selectedDims = DIMENSIONS.map((d) => rs.dimensions.includes(d.id));
  const f: ReferenceFigures = {
    people: 0, households: 0, poor: 0, targetPoor: 0, poorNoCard: 0, rate: NaN, headcountRatio: NaN, intensity: NaN, adjustedHeadcount: NaN,
    poorByDimension: [0, 0, 0, 0, 0], targetPoorByDimension: [0, 0, 0, 0, 0],
    failing: new Array(INDICATOR_COUNT).fill(0), censored: new Array(INDICATOR_COUNT).fill(0), targetPoorFailing: new Array(INDICATOR_COUNT).fill(0),
    contributionByIndicator: [], contributionByDimension: [0, 0, 0, 0, 0],
  };
  let scoreOfPoor = 0;
  for (const h of households) {
    if (area !== COUNTRY_CODE && !h.village.startsWith(area)) continue;
    f.households += 1;
    for (let person = 0; person < h.members; person++) {
      f.people += 1;
      let c = 0;
      for (let j = 0; j < INDICATOR_COUNT; j++) if (h.deprived[j]) c += w[j];
      const inSelected = INDICATORS.some((ind, j) => h.deprived[j] && rs.dimensions.includes(ind.dimension));
      const poor = rs.measure === 'af' ? reachesCutoff(c, rs.k) : inSelected;
      for (let j = 0; j < INDICATOR_COUNT; j++) if (h.deprived[j]) f.failing[j] += 1;
      if (!poor) continue;
      f.poor += 1;
      scoreOfPoor += c;
      if (h.welfareCard) f.targetPoor += 1;
      else f.poorNoCard += 1;
      for (let j = 0; j < INDICATOR_COUNT; j++) {
        if (!h.deprived[j]) continue;
        f.censored[j] += 1;
        if (h.welfareCard) f.targetPoorFailing[j] += 1;
      }
      DIMENSIONS.forEach((d, di) => {
        const deprivedInD = INDICATORS.some((ind, j) => ind.dimension === d.id && h.deprived[j]);
        if (selectedDims[di] && deprivedInD) {
          f.poorByDimension[di] += 1;
          if (h.welfareCard) f.targetPoorByDimension[di] += 1;
        }
      });
    }
  }
  if (f.people > 0) {
    f.rate = (rs.welfare === 'nocard' ? f.poorNoCard : f.targetPoor) / f.people;
    f.headcountRatio = f.poor / f.people;
    f.adjustedHeadcount = scoreOfPoor / f.people;
  }
  if (f.poor > 0) f.intensity = scoreOfPoor / f.poor;
  // M0 = Σ_j w_j CH_j (Alkire & Foster 2011, eq. for M0 via censored headcounts).
  const m0 = f.people > 0 ? w.reduce((s, wj, j) => s + (wj * f.censored[j]) / f.people, 0) : 0;
  f.contributionByIndicator = Array.from(w, (wj, j) => (m0 > 0 ? (wj * f.censored[j]) / f.people / m0 : NaN));
  INDICATORS.forEach((ind, j) => {
    const di = DIMENSIONS.findIndex((d) => d.id === ind.dimension);
    f.contributionByDimension[di] += f.contributionByIndicator[j];
  });
  return f;
}
