/**
 * The raw potential inputs of a dataset at one level, from plain arrays (so the CLI and the app's
 * worker compute them the same way):
 *
 *   lights_per_capita  area: zonal sum of its boundary polygon ÷ Σ people of its villages;
 *                      village: sum in its buffer ÷ its people            (src/domain/raster)
 *   lit_share          the polygon's (buffer's) lit share
 *   lights_per_km2     polygon sum ÷ polygon km²; village: buffer sum ÷ π r²
 *   <type>_km          people-weighted mean over the area's villages of the nearest distance
 *                      (src/domain/access computeAccess); unweighted when the area has no people
 *   <type>_2sfca       people-weighted mean of the villages' 2SFCA scores (= Σ A_i P_i ÷ Σ P_i)
 *   road … internet    share of people (or of villages, `basicShareOf`) in villages that have it
 *
 * Each area's lights inputs are exactly its polygon's zonal statistics (issue 9 acceptance); an
 * area without a polygon, a class without services, a village without basic data: NaN (missing,
 * then renormalised or excluded by the potential, never zero).
 */
import type { LevelMeasures } from '../mpi/compute';
import { DIMENSIONS } from '../indicators';
import { BASIC_INPUT_FIELDS, BASIC_INPUT_IDS } from './inputs';
import type { NeedColumn } from './need';
import type { TargetingAreas } from './rankAreas';

export interface DatasetInputsSource {
  /** Villages ascending by code, as in the dataset (people = Σ persons of the profiles). */
  villagePeople: ArrayLike<number>;
  /** The level's areas: codes and, per area, its run of villages villageStart[i] .. villageStart[i+1]-1. */
  areas: { codes: readonly string[]; villageStart: ArrayLike<number> };
  /** Per-village nearest distance (km) and 2SFCA per service class (computeAccess byType). */
  access?: { types: readonly string[]; nearestKm: Record<string, ArrayLike<number>>; twoSfca?: Record<string, ArrayLike<number>> | null } | null;
  /**
   * Lights: zonal statistics of the level's boundary polygons (by polygon code), or — for the
   * village level — of each village's buffer (aligned to villages).
   */
  lights?:
    | { kind: 'polygons'; codes: readonly string[]; sum: ArrayLike<number>; litShare: ArrayLike<number>; areaKm2: ArrayLike<number> }
    | { kind: 'buffers'; sum: ArrayLike<number>; litShare: ArrayLike<number>; radiusKm: number }
    | null;
  /** Village basic data columns by the dataset's field names (0/1; anything else = unknown). */
  basic?: Record<string, ArrayLike<number>> | null;
  basicShareOf?: 'people' | 'villages';
}

/** Raw input columns per area (input id → values). */
export function datasetInputs(src: DatasetInputsSource): Record<string, Float64Array> {
  const { codes, villageStart } = src.areas;
  const n = codes.length;
  const people = src.villagePeople;
  const out: Record<string, Float64Array> = {};
  const areaPeople = new Float64Array(n);
  for (let a = 0; a < n; a++) for (let v = villageStart[a]; v < villageStart[a + 1]; v++) areaPeople[a] += people[v] > 0 ? people[v] : 0;

  if (src.lights) {
    const pc = (out.lights_per_capita = new Float64Array(n).fill(NaN));
    const ls = (out.lit_share = new Float64Array(n).fill(NaN));
    const pk = (out.lights_per_km2 = new Float64Array(n).fill(NaN));
    const L = src.lights;
    if (L.kind === 'polygons') {
      const at = new Map<string, number>();
      L.codes.forEach((c, i) => at.set(c, i));
      for (let a = 0; a < n; a++) {
        const p = at.get(codes[a]);
        if (p === undefined) continue;
        pc[a] = areaPeople[a] > 0 ? L.sum[p] / areaPeople[a] : NaN;
        ls[a] = L.litShare[p];
        pk[a] = L.areaKm2[p] > 0 ? L.sum[p] / L.areaKm2[p] : NaN;
      }
    } else {
      if (villageStart[n] !== n) throw new Error('datasetInputs: buffer lights are per village; use polygon lights for area levels');
      const bufferKm2 = Math.PI * L.radiusKm * L.radiusKm;
      for (let v = 0; v < n; v++) {
        pc[v] = people[v] > 0 ? L.sum[v] / people[v] : NaN;
        ls[v] = L.litShare[v];
        pk[v] = bufferKm2 > 0 ? L.sum[v] / bufferKm2 : NaN;
      }
    }
  }

  if (src.access) {
    for (const type of src.access.types) {
      const near = src.access.nearestKm[type];
      const fca = src.access.twoSfca?.[type];
      const km = (out[`${type}_km`] = new Float64Array(n));
      const fc = fca ? (out[`${type}_2sfca`] = new Float64Array(n)) : null;
      for (let a = 0; a < n; a++) {
        km[a] = weightedMean(near, people, villageStart[a], villageStart[a + 1]);
        if (fc) fc[a] = weightedMean(fca!, people, villageStart[a], villageStart[a + 1]);
      }
    }
  }

  if (src.basic) {
    const byPeople = (src.basicShareOf ?? 'people') === 'people';
    for (const id of BASIC_INPUT_IDS) {
      const col = src.basic[BASIC_INPUT_FIELDS[id]];
      if (!col) continue;
      const share = (out[id] = new Float64Array(n));
      for (let a = 0; a < n; a++) {
        let yes = 0, known = 0, knownVillages = 0, yesVillages = 0;
        for (let v = villageStart[a]; v < villageStart[a + 1]; v++) {
          const f = col[v];
          if (f !== 0 && f !== 1) continue; // unknown
          const w = people[v] > 0 ? people[v] : 0;
          known += w;
          yes += f * w;
          knownVillages++;
          yesVillages += f;
        }
        // People share, falling back to the village share where nobody was surveyed.
        share[a] = byPeople && known > 0 ? yes / known : knownVillages > 0 ? yesVillages / knownVillages : NaN;
      }
    }
  }
  return out;
}

/** Σ p·x / Σ p over finite x; the plain mean when Σ p = 0; NaN when no x is finite. */
function weightedMean(x: ArrayLike<number>, p: ArrayLike<number>, from: number, to: number): number {
  let sw = 0, swx = 0, c = 0, sx = 0;
  for (let v = from; v < to; v++) {
    const xv = x[v];
    if (!Number.isFinite(xv)) continue;
    const w = p[v] > 0 ? p[v] : 0;
    sw += w;
    swx += w * xv;
    c++;
    sx += xv;
  }
  return sw > 0 ? swx / sw : c > 0 ? sx / c : NaN;
}

/**
 * Need columns from one level of the poverty measures (src/domain/mpi computeMeasures):
 * target_poor, poor, poor_no_card (counts), headcount_ratio, adjusted_headcount (rates), and with
 * the detail pass target poor per dimension (`dimension:<id>`, counts).
 */
export function needColumnsFromMeasures(m: Pick<LevelMeasures, 'targetPoor' | 'poor' | 'poorNoCard' | 'headcountRatio' | 'adjustedHeadcount' | 'detail'>): NeedColumn[] {
  const cols: NeedColumn[] = [
    { id: 'target_poor', kind: 'count', values: m.targetPoor },
    { id: 'poor', kind: 'count', values: m.poor },
    { id: 'poor_no_card', kind: 'count', values: m.poorNoCard },
    { id: 'headcount_ratio', kind: 'rate', values: m.headcountRatio },
    { id: 'adjusted_headcount', kind: 'rate', values: m.adjustedHeadcount },
  ];
  const d = m.detail?.targetPoorByDimension;
  if (d) {
    const D = DIMENSIONS.length;
    const n = m.targetPoor.length;
    DIMENSIONS.forEach((dim, j) => cols.push({ id: `dimension:${dim.id}`, kind: 'count', values: Float64Array.from({ length: n }, (_, i) => d[i * D + j]) }));
  }
  return cols;
}

/** Assembles TargetingAreas from the level's measures, names and the raw inputs. */
export function targetingAreas(level: string, codes: readonly string[], names: readonly (string | null)[] | undefined, m: Parameters<typeof needColumnsFromMeasures>[0] & { people: ArrayLike<number> }, inputs: Record<string, ArrayLike<number>>): TargetingAreas {
  return { level, codes, names, people: m.people, targetPoor: m.targetPoor, inputs, needColumns: needColumnsFromMeasures(m) };
}
