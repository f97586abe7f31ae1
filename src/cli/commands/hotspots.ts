/**
 * ## `npm run cli -- hotspots`: hot spots of a poverty measure (issue 9, item 8)
 *
 * ```
 * npm run cli -- hotspots [--data DIR] [--year Y] [--level subdistrict|village]
 *                         [--measure rate|target_poor|poor|poor_no_card|headcount_ratio|intensity|adjusted_headcount]
 *                         [--weights queen|knn:K] [--permutations R] [--seed S] [--alpha A]
 *                         [--correction fdr|bonferroni|none] [--format json|csv]
 * ```
 *
 * Local Moran's I (row-standardised weights, conditional permutation pseudo p) and Getis–Ord Gi*
 * (binary weights, analytic z) of one measure per area, computed by src/domain/hotspots. The
 * measure is the TPMAP union measure of the dataset's latest year (or `--year`), as
 * `npm run cli -- mpi --level <level>` computes it (default `rate` = target poor ÷ people).
 *
 * - `--level subdistrict` (default): `--weights queen` by default, from the polygons in the
 *   dataset's boundaries/subdistrict.geojson (features matched by their `code` property; an area
 *   without a polygon is an island). `--level village`: `--weights knn:8` by default, from the
 *   villages' lon/lat (great-circle). `--weights knn:K` also works for subdistricts, placed at
 *   the mean position of their villages (not polygon centroids).
 * - `--permutations` R in 1 … 99,999 (default 999), `--seed` (default 1): the same seed gives the
 *   same p-values. `--alpha` (default 0.05), `--correction` (default fdr = Benjamini–Hochberg).
 *
 * One row per area in DOPA code order:
 *
 * | key | meaning |
 * |---|---|
 * | `code` | DOPA code (6 digits subdistrict, 8 village) |
 * | `value` | the measure (rate as a fraction; null when the area has none, e.g. no people) |
 * | `local_i` | local Moran's I_i (z with the n − 1 sd; row-standardised lag) |
 * | `gi_star_z` | Getis–Ord Gi* z-score (binary weights, self included) |
 * | `p` | local Moran's folded pseudo p, (1 + extreme draws) / (R + 1) (null for islands) |
 * | `cluster` | high-high, low-low, high-low, low-high (significant after the correction), not_significant, isolated (no neighbours), no_data |
 * | `neighbours` | number of neighbours |
 *
 * Notes (islands, missing values, and the permutation floor: with R permutations the smallest p
 * is 1/(R + 1), which FDR or Bonferroni over many areas may not accept) go to stderr.
 */
import { hotspotWeights, type WeightsSpec } from '../../data/targetingInputs';
import { readProfiles, readVillages, type ByteReader } from '../../data/dataset';
import type { DatasetManifest } from '../../data/datasetFormat';
import { readTpmapCounts } from '../../data/tpmap/countsFile';
import { tpmapMeasures } from '../../data/tpmap/tpmapMeasures';
import { computeHotspots, CORRECTIONS, describeHotspotNote, MAX_PERMUTATIONS, type Correction, type SpatialWeights } from '../../domain/hotspots';
import { computeMeasures, type LevelMeasures } from '../../domain/mpi/compute';
import { prepareProfiles } from '../../domain/mpi/prepare';
import { DEFAULT_MPI_SETTINGS } from '../../domain/mpi/settings';
import { CliError, parseFormat, parseNumber, toCsv, type CliIo, parseOptions, openDataset } from '../io';

export const HOTSPOT_LEVELS = ['subdistrict', 'village'] as const;
export type HotspotLevel = (typeof HOTSPOT_LEVELS)[number];

/** CLI measure name → LevelMeasures column. */
export const HOTSPOT_MEASURES = {
  rate: 'rate',
  target_poor: 'targetPoor',
  poor: 'poor',
  poor_no_card: 'poorNoCard',
  headcount_ratio: 'headcountRatio',
  intensity: 'intensity',
  adjusted_headcount: 'adjustedHeadcount',
} as const satisfies Record<string, keyof LevelMeasures>;
export type HotspotMeasure = keyof typeof HOTSPOT_MEASURES;

export type { WeightsSpec };

export function parseWeightsSpec(raw: string | undefined, level: HotspotLevel): WeightsSpec {
  if (raw === undefined) return level === 'village' ? { kind: 'knn', k: 8 } : { kind: 'queen' };
  if (raw === 'queen') {
    if (level === 'village') throw new CliError('--weights queen needs polygons; villages are points: use knn:K');
    return { kind: 'queen' };
  }
  const m = /^knn:(\d+)$/.exec(raw);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 100) return { kind: 'knn', k: Number(m[1]) };
  throw new CliError(`--weights must be queen or knn:K with K in 1 … 100 (got "${raw}")`);
}

export interface HotspotInputs {
  /** Area codes in DOPA order. */
  codes: string[];
  values: Float64Array;
  weights: SpatialWeights;
}

/**
 * The measure per area and the spatial weights of a dataset, aligned by code. Kept apart from the
 * command so the bench (and a future workspace loader) can reuse it.
 */
export async function hotspotInputs(read: ByteReader, manifest: DatasetManifest, level: HotspotLevel, measure: HotspotMeasure, spec: WeightsSpec, year?: number): Promise<HotspotInputs> {
  const profileYears = Object.keys(manifest.files.profiles ?? {}).map(Number);
  const countYears = Object.keys(manifest.files.tpmapCounts ?? {}).map(Number);
  const years = [...new Set([...profileYears, ...countYears])].sort((a, b) => a - b);
  if (!years.length) throw new CliError('the dataset has neither profiles nor TPMAP counts');
  const y = year ?? years[years.length - 1];
  if (!years.includes(y)) throw new CliError(`--year ${y}: the dataset has years ${years.join(', ')}`);
  const villages = await readVillages(read, manifest);
  let levelMeasures: LevelMeasures;
  if (profileYears.includes(y)) {
    const profiles = await readProfiles(read, manifest, y, villages.count);
    levelMeasures = computeMeasures(prepareProfiles(villages.code, profiles), DEFAULT_MPI_SETTINGS).levels[level];
  } else {
    levelMeasures = tpmapMeasures(await readTpmapCounts(read, manifest, y), DEFAULT_MPI_SETTINGS).levels[level] as LevelMeasures;
  }
  const column = levelMeasures[HOTSPOT_MEASURES[measure]] as Float64Array;
  const order = levelMeasures.codes.map((_, i) => i).sort((a, b) => (levelMeasures.codes[a] < levelMeasures.codes[b] ? -1 : levelMeasures.codes[a] > levelMeasures.codes[b] ? 1 : 0));
  const codes = order.map((i) => levelMeasures.codes[i]);
  const values = Float64Array.from(order, (i) => column[i]);

  let weights: SpatialWeights;
  try {
    weights = await hotspotWeights(read, manifest, villages, level, codes, spec);
  } catch (e) {
    throw new CliError(`--weights ${spec.kind === 'queen' ? 'queen' : `knn:${spec.k}`}: ${(e as Error).message}`);
  }
  return { codes, values, weights };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export default async function hotspots(argv: string[], io: CliIo): Promise<void> {
  const values = parseOptions(argv, ['data', 'year', 'level', 'measure', 'weights', 'permutations', 'seed', 'alpha', 'correction', 'format'] as const);
  const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
  const level = (values.level ?? 'subdistrict') as HotspotLevel;
  if (!HOTSPOT_LEVELS.includes(level)) throw new CliError(`--level must be one of ${HOTSPOT_LEVELS.join(', ')} (got "${values.level}")`);
  const measure = (values.measure ?? 'rate') as HotspotMeasure;
  if (!Object.hasOwn(HOTSPOT_MEASURES, measure)) throw new CliError(`--measure must be one of ${Object.keys(HOTSPOT_MEASURES).join(', ')} (got "${values.measure}")`);
  const spec = parseWeightsSpec(values.weights, level);
  const permutations = parseNumber('permutations', values.permutations, 999, 1, MAX_PERMUTATIONS);
  if (!Number.isInteger(permutations)) throw new CliError(`--permutations must be a whole number (got "${values.permutations}")`);
  const seed = parseNumber('seed', values.seed, 1, 0, 2 ** 32 - 1);
  if (!Number.isInteger(seed)) throw new CliError(`--seed must be a whole number (got "${values.seed}")`);
  const alpha = parseNumber('alpha', values.alpha, 0.05, Number.MIN_VALUE, 0.999999);
  const correction = (values.correction ?? 'fdr') as Correction;
  if (!CORRECTIONS.includes(correction)) throw new CliError(`--correction must be one of ${CORRECTIONS.join(', ')} (got "${values.correction}")`);
  const year = values.year === undefined ? undefined : Number(values.year);

  const { read, manifest } = await openDataset(values.data);
  let inputs: HotspotInputs;
  try {
    inputs = await hotspotInputs(read, manifest, level, measure, spec, year);
  } catch (e) {
    throw e instanceof CliError ? e : new CliError((e as Error).message);
  }
  const t0 = performance.now();
  const r = computeHotspots(inputs.values, inputs.weights, { permutations, seed, alpha, correction });
  io.stderr(`hotspots: ${inputs.codes.length} ${level} areas, ${measure}, ${inputs.weights.description}, ${permutations} permutations (seed ${seed}), ${correction} at α = ${alpha}: ${r.significant.reduce((a, b) => a + b, 0)} significant, global Moran's I ${r.globalMoranI.toFixed(4)} (${(performance.now() - t0).toFixed(0)} ms)\n`);
  for (const note of r.notes) io.stderr(`note: ${describeHotspotNote(note)}\n`);
  const rows = inputs.codes.map((code, i) => ({
    code,
    value: finite(r.value[i]),
    local_i: finite(r.localI[i]),
    gi_star_z: finite(r.giStarZ[i]),
    p: finite(r.p[i]),
    cluster: r.cluster[i],
    neighbours: r.neighbours[i],
  }));
  if (format === 'csv') io.stdout(toCsv(rows));
  else io.stdout(JSON.stringify(rows, null, 2) + '\n');
}
