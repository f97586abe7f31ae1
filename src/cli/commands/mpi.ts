/**
 * ## `npm run cli -- mpi`: poverty measures per area
 *
 * ```
 * npm run cli -- mpi [--data DIR] [--year Y] [--level country|province|district|subdistrict|village]
 *                    [--measure tpmap|af] [--k K] [--weights JSON]
 *                    [--dimensions health,living,education,income,access]
 *                    [--welfare all|nocard] [--format json|csv]
 * ```
 *
 * One row per area of the chosen level (default `province`), computed from the household
 * deprivation profiles of a dataset directory (default: the embedded synthetic demo data; the
 * latest year unless `--year`). Counts are people: a household's deprivation counts for each member.
 *
 * - `--measure tpmap` (default): poor = deprived in any indicator of a selected dimension (TPMAP's
 *   union rule). `--measure af`: Alkire–Foster, poor when the weighted deprivation score c ≥ k.
 * - `--k` the AF poverty cutoff as a fraction of the total weight, 0 < k ≤ 1 (default 1/3; `1/3`
 *   and `0.3333` both accepted). Scores within 1e-9 of k count as reaching it.
 * - `--weights` JSON: `{"health":2,"income":1,…}` (dimension shares, split equally within each
 *   dimension), `{"h1":1,"i3":2,…}` (indicator weights; missing indicators weigh 0) or an array of
 *   17 numbers in indicator order. Always normalised to sum 1. Default: nested equal weights
 *   (1/5 per dimension, equal within it).
 * - `--dimensions` the dimensions that count (any non-empty subset; default all 5). Excluded
 *   dimensions weigh 0 in AF and the remaining weights are renormalised.
 * - `--welfare all` → `rate` = target_poor ÷ people; `--welfare nocard` → `rate` = poor_no_card ÷ people.
 *
 * Keys of each row:
 *
 * | key | meaning |
 * |---|---|
 * | `code` | DOPA code (2, 4, 6 or 8 digits); `TH` for the country |
 * | `name` | Thai name from the dataset's areas.json (null when unknown) |
 * | `level` | country, province, district, subdistrict or village |
 * | `households`, `people` | surveyed households and people |
 * | `poor` | people poor by the chosen measure (union rule for `tpmap`, c ≥ k for `af`) |
 * | `target_poor` | poor AND in a household with a State Welfare Card (คนจนเป้าหมาย) |
 * | `poor_no_card` | poor without a welfare card (the exclusion-error view) |
 * | `rate` | target_poor ÷ people (`--welfare all`) or poor_no_card ÷ people (`--welfare nocard`) |
 * | `headcount_ratio` | H = poor ÷ people |
 * | `intensity` | A = mean deprivation score of the poor (null when nobody is poor) |
 * | `adjusted_headcount` | M0 = H × A |
 * | `poor_by_dimension` | {health, living, education, income, access}: poor people deprived in that dimension (0 for dimensions not selected; they overlap) |
 * | `contribution_by_dimension` | {health, …}: share of M0 from each dimension's indicators (sums to 1; null when M0 = 0) |
 *
 * Rates are fractions (0.05 = 5 %). Areas aggregate exactly: counts are summed, never rates
 * averaged. `--format csv` writes UTF-8 with BOM and flattens the objects to
 * `poor_by_dimension.health` … columns. A dataset imported from TPMAP aggregate exports
 * (import-tpmap) supports `--measure tpmap` with the dimension sets it has tables for;
 * `--measure af` needs household data and is refused with that message.
 */
import { ADMIN_LEVELS, COUNTRY_CODE, type AdminLevel } from '../../domain/adminCodes';
import { DIMENSIONS, DIMENSION_IDS, INDICATORS, type DimensionId } from '../../domain/indicators';
import { computeMeasures, type LevelMeasures } from '../../domain/mpi/compute';
import { prepareProfiles } from '../../domain/mpi/prepare';
import { nestedWeights, type IndicatorWeightsInput, type MpiSettings } from '../../domain/mpi/settings';
import { readAreas, readProfiles, readVillages } from '../../data/dataset';
import type { AreaNames } from '../../data/datasetFormat';
import { readTpmapCounts } from '../../data/tpmap/countsFile';
import { tpmapMeasures } from '../../data/tpmap/tpmapMeasures';
import { CliError, parseFormat, toCsv, type CliIo, parseOptions, openDataset } from '../io';

const LEVELS = ADMIN_LEVELS;

function parseK(raw: string | undefined): number {
  if (raw === undefined) return 1 / 3;
  const frac = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(raw);
  const k = frac ? Number(frac[1]) / Number(frac[2]) : Number(raw);
  if (!Number.isFinite(k) || k <= 0 || k > 1) throw new CliError(`--k must be a fraction in (0, 1], e.g. 0.33 or 1/3 (got "${raw}")`);
  return k;
}

function parseDimensions(raw: string | undefined): DimensionId[] {
  if (raw === undefined) return [...DIMENSION_IDS];
  const dims = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dims) if (!DIMENSION_IDS.includes(d as DimensionId)) throw new CliError(`--dimensions: unknown dimension "${d}" (use ${DIMENSION_IDS.join(',')})`);
  if (!dims.length) throw new CliError('--dimensions: name at least one dimension');
  return dims as DimensionId[];
}

function parseWeights(raw: string | undefined, dims: DimensionId[]): IndicatorWeightsInput | null {
  if (raw === undefined) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    throw new CliError(`--weights: not valid JSON (${(e as Error).message})`);
  }
  if (Array.isArray(v)) return v as number[];
  if (!v || typeof v !== 'object') throw new CliError('--weights: expected a JSON object or an array of 17 numbers');
  const keys = Object.keys(v);
  const isDim = (k: string) => DIMENSION_IDS.includes(k as DimensionId);
  const isInd = (k: string) => INDICATORS.some((i) => i.id === k);
  if (keys.every(isDim)) {
    try {
      return nestedWeights(dims, v as Partial<Record<DimensionId, number>>);
    } catch (e) {
      throw new CliError(`--${(e as Error).message}`);
    }
  }
  const unknown = keys.filter((k) => !isInd(k));
  if (unknown.length) throw new CliError(`--weights: "${unknown[0]}" is neither a dimension (${DIMENSION_IDS.join(', ')}) nor an indicator (${INDICATORS.map((i) => i.id).join(', ')}); do not mix the two`);
  return v as Record<string, number>;
}

function nameLookup(areas: AreaNames | null, villageNames?: Map<string, string>): (code: string) => string | null {
  const m = new Map<string, string>();
  m.set(COUNTRY_CODE, 'ประเทศไทย');
  for (const list of [areas?.provinces, areas?.districts, areas?.subdistricts]) for (const a of list ?? []) m.set(a.code, a.th || a.en);
  return (code) => m.get(code) ?? villageNames?.get(code) ?? null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function rowsOf(l: LevelMeasures, name: (code: string) => string | null) {
  const d = l.detail;
  return l.codes.map((code, i) => ({
    code,
    name: name(code),
    level: l.level,
    households: finite(l.households[i]),
    people: finite(l.people[i]),
    poor: finite(l.poor[i]),
    target_poor: finite(l.targetPoor[i]),
    poor_no_card: finite(l.poorNoCard[i]),
    rate: finite(l.rate[i]),
    headcount_ratio: finite(l.headcountRatio[i]),
    intensity: finite(l.intensity[i]),
    adjusted_headcount: finite(l.adjustedHeadcount[i]),
    poor_by_dimension: Object.fromEntries(DIMENSIONS.map((dim, j) => [dim.id, d ? finite(d.poorByDimension[i * 5 + j]) : null])),
    contribution_by_dimension: Object.fromEntries(DIMENSIONS.map((dim, j) => [dim.id, d ? finite(d.contributionByDimension[i * 5 + j]) : null])),
  }));
}

type Row = ReturnType<typeof rowsOf>[number];

function flatten(r: Row): Record<string, unknown> {
  const { poor_by_dimension, contribution_by_dimension, ...rest } = r;
  const out: Record<string, unknown> = { ...rest };
  for (const [k, v] of Object.entries(poor_by_dimension)) out[`poor_by_dimension.${k}`] = v;
  for (const [k, v] of Object.entries(contribution_by_dimension)) out[`contribution_by_dimension.${k}`] = v;
  return out;
}

export default async function mpi(argv: string[], io: CliIo): Promise<void> {
  const values = parseOptions(argv, ['data', 'year', 'level', 'measure', 'k', 'weights', 'dimensions', 'welfare', 'format'] as const);
  const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
  const level = values.level ?? 'province';
  if (!LEVELS.includes(level as AdminLevel)) throw new CliError(`--level must be one of ${LEVELS.join(', ')} (got "${level}")`);
  const measure = values.measure ?? 'tpmap';
  if (measure !== 'tpmap' && measure !== 'af') throw new CliError(`--measure must be tpmap or af (got "${measure}")`);
  const welfare = values.welfare ?? 'all';
  if (welfare !== 'all' && welfare !== 'nocard') throw new CliError(`--welfare must be all or nocard (got "${welfare}")`);
  const dimensions = parseDimensions(values.dimensions);
  const settings: MpiSettings = { measure, dimensions, k: parseK(values.k), weights: parseWeights(values.weights, dimensions), welfare };

  const { dir, read, manifest } = await openDataset(values.data);
  const profileYears = Object.keys(manifest.files.profiles ?? {}).map(Number);
  const countYears = Object.keys(manifest.files.tpmapCounts ?? {}).map(Number);
  const allYears = [...new Set([...profileYears, ...countYears])].sort((a, b) => a - b);
  if (!allYears.length) throw new CliError(`${dir}: the dataset has neither profiles nor TPMAP counts`);
  const year = values.year === undefined ? allYears[allYears.length - 1] : Number(values.year);
  if (!allYears.includes(year)) throw new CliError(`--year ${values.year}: the dataset has years ${allYears.join(', ')}`);
  const areas = await readAreas(read, manifest).catch(() => null);

  let result;
  let villageNames: Map<string, string> | undefined;
  try {
    if (profileYears.includes(year)) {
      const villages = await readVillages(read, manifest);
      const profiles = await readProfiles(read, manifest, year, villages.count);
      result = computeMeasures(prepareProfiles(villages.code, profiles), settings, { detail: true });
    } else {
      const counts = await readTpmapCounts(read, manifest, year);
      villageNames = counts.villageNames;
      result = tpmapMeasures(counts, settings);
    }
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const rows = rowsOf(result.levels[level as AdminLevel], nameLookup(areas, villageNames));
  if (format === 'csv') io.stdout(toCsv(rows.map(flatten)));
  else io.stdout(JSON.stringify(rows, null, 2) + '\n');
}
