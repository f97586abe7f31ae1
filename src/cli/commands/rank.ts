/**
 * ## `npm run cli -- rank`: target areas by need and physical potential (issue 9)
 *
 * ```
 * npm run cli -- rank [--data DIR] [--year Y] [--level village|subdistrict|district|province]
 *                     [--within CODE] [--need MEASURE] [--as rate|count]
 *                     [--potential-weights JSON] [--normalise minmax|z|rank]
 *                     [--aggregate linear|geometric] [--strategy livelihoods|protection]
 *                     [--missing renormalise|exclude] [--need-weight W]
 *                     [--stability N --seed S [--concentration A]] [--format json|csv]
 * ```
 *
 * One row per area of the level (default `subdistrict`) inside `--within` (a province, district
 * or subdistrict code; default the country), ranked by the priority score of src/domain/targeting:
 * potential = composite of the dataset's nighttime lights, service access and village basic data
 * (inputs that the dataset lacks are left out and named on stderr); need = a poverty measure of
 * the latest year (TPMAP union rule over all five dimensions).
 *
 * - `--need` target_poor (default) | poor | poor_no_card | headcount_ratio | adjusted_headcount |
 *   dimension:<health|living|education|income|access>; `--as rate` (default, ÷ people) or `count`.
 * - `--potential-weights` JSON: `{"lights_per_capita":1}` = that input alone (flat, unnamed inputs
 *   weigh 0); `{"economy":2,"services":1}` = pillar weights; `{"pillars":{…},"within":{…}}` nested.
 *   Default: equal pillars, equal inputs within each.
 * - `--need-weight W` the need share of the priority formula (default 0.5; potential gets 1 − W).
 * - `--stability N` Monte Carlo draws (Dirichlet weights with concentration A, default 50, and the
 *   normalisation method drawn uniformly), seeded by `--seed` (default 1).
 *
 * Keys of each row: `code`, `name`, `need` (raw: a fraction for rates, people for counts),
 * `need_normalised`, `potential`, `inputs` {input id → raw value}, `quadrant`
 * (high_need_high_potential …), `score`, `rank` (1 = first; null when unranked), `parts`
 * {need, potential | low_potential} summing to score, `target_poor`, `people`, `unranked_reason`;
 * with `--stability`: `rank_median`, `rank_q05`, `rank_q95`, `quadrant_flip_share`.
 * `--format csv`: UTF-8 with BOM, a `# key: value` header block with every setting, then the
 * table with `inputs.<id>` and `parts.<name>` columns. Settings, formula and notes go to stderr
 * with the JSON format.
 *
 * Lights are the zonal statistics of each area's boundary polygon (village level: a 2 km buffer);
 * distances and 2SFCA are people-weighted means of the villages' values (datasetInputs.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readAreas, readManifest, readProfiles, readVillages, type ByteReader, type Villages } from '../../data/dataset';
import type { AreaNames, DatasetManifest } from '../../data/datasetFormat';
import { dirReader } from '../../data/nodeReader';
import { peoplePerVillage } from '../../data/services/datasetServices';
import { readTpmapCounts } from '../../data/tpmap/countsFile';
import { tpmapMeasures } from '../../data/tpmap/tpmapMeasures';
import { villageCodeString, type AdminLevel } from '../../domain/adminCodes';
import { DIMENSION_IDS } from '../../domain/indicators';
import { computeMeasures, type LevelMeasures } from '../../domain/mpi/compute';
import { prepareProfiles } from '../../domain/mpi/prepare';
import type { MpiSettings } from '../../domain/mpi/settings';
import { describeInputNote, targetingInputs } from '../../data/targetingInputs';
import { rankingCsv, targetingRows } from '../../domain/targeting/exportTable';
import { rankAreas, type RankOptions, type TargetingAreas } from '../../domain/targeting/rankAreas';
import { rankStability } from '../../domain/targeting/stability';
import { needColumnsFromMeasures } from '../../domain/targeting/datasetInputs';
import { CliError, dataDir, parseFormat, parseNumber, type Command, parseOptions } from '../io';

export type TargetLevel = 'village' | 'subdistrict' | 'district' | 'province';
const LEVELS: readonly TargetLevel[] = ['village', 'subdistrict', 'district', 'province'];
const TPMAP_ALL: MpiSettings = { measure: 'tpmap', dimensions: [...DIMENSION_IDS], k: 1 / 3, weights: null, welfare: 'all' };

export interface LoadedTargeting {
  areas: TargetingAreas;
  manifest: DatasetManifest;
  year: number;
  notes: string[];
}

/**
 * Reads a dataset directory into TargetingAreas for one level: poverty measures of the year,
 * people, and the raw potential inputs (lights, access, village basic data) the dataset has.
 * Exported for the bench; the app's worker builds the same arrays from its session.
 */
export async function loadTargeting(read: ByteReader, level: TargetLevel, options: { year?: number; detail?: boolean; log?: (t: string) => void } = {}): Promise<LoadedTargeting> {
  const log = options.log ?? (() => {});
  const notes: string[] = [];
  const manifest = await readManifest(read);
  const [villages, names] = await Promise.all([readVillages(read, manifest) as Promise<Villages>, readAreas(read, manifest).catch(() => null as AreaNames | null)]);
  const profileYears = Object.keys(manifest.files.profiles ?? {}).map(Number);
  const countYears = Object.keys(manifest.files.tpmapCounts ?? {}).map(Number);
  const years = [...new Set([...profileYears, ...countYears])].sort((a, b) => a - b);
  if (!years.length) throw new CliError('the dataset has neither household profiles nor TPMAP counts: no need measure');
  const year = options.year ?? years[years.length - 1];
  if (!years.includes(year)) throw new CliError(`--year ${year}: the dataset has years ${years.join(', ')}`);

  // Poverty measures at the level, and people per village for the weighted means.
  let measures: LevelMeasures;
  let villagePeople: Float64Array;
  if (profileYears.includes(year)) {
    const profiles = await readProfiles(read, manifest, year, villages.count);
    villagePeople = peoplePerVillage(profiles);
    measures = computeMeasures(prepareProfiles(villages.code, profiles), TPMAP_ALL, { detail: options.detail }).levels[level];
  } else {
    const r = tpmapMeasures(await readTpmapCounts(read, manifest, year), TPMAP_ALL);
    measures = r.levels[level];
    const vm = r.levels.village;
    const at = new Map(vm.codes.map((c, i) => [c, i]));
    villagePeople = Float64Array.from(villages.code, (c) => vm.people[at.get(villageCodeString(c)) ?? -1] ?? 0);
  }

  const t = await targetingInputs(read, manifest, villages, villagePeople, level, measures.codes);
  for (const n of t.notes) notes.push(describeInputNote(n));
  if (t.ms.access !== undefined) log(`access: ${villages.count} villages in ${t.ms.access.toFixed(0)} ms\n`);
  if (t.ms.lights !== undefined) log(`lights: ${manifest.files.ntl} in ${t.ms.lights.toFixed(0)} ms\n`);
  const inputs = t.inputs;
  const nameOf = new Map<string, string>();
  for (const list of [names?.provinces, names?.districts, names?.subdistricts]) for (const a of list ?? []) nameOf.set(a.code, a.th || a.en);
  return {
    areas: {
      level,
      codes: measures.codes,
      names: measures.codes.map((c) => nameOf.get(c) ?? null),
      people: measures.people,
      targetPoor: measures.targetPoor,
      inputs,
      needColumns: needColumnsFromMeasures(measures),
    },
    manifest,
    year,
    notes,
  };
}

function parseJsonOption(name: string, raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new CliError(`--${name}: not valid JSON (${(e as Error).message})`);
  }
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}

const rank: Command = async (argv, io) => {
  const values = parseOptions(argv, ['data', 'year', 'level', 'within', 'need', 'as', 'potential-weights', 'need-weight', 'normalise', 'aggregate', 'strategy', 'missing', 'stability', 'seed', 'concentration', 'format'] as const);
  const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
  const level = oneOf('level', values.level, LEVELS, 'subdistrict');
  const needWeight = parseNumber('need-weight', values['need-weight'], 0.5, 0, 1);
  const weights = parseJsonOption('potential-weights', values['potential-weights']);
  if (weights !== undefined && (typeof weights !== 'object' || weights === null || Array.isArray(weights))) throw new CliError('--potential-weights: expected a JSON object, e.g. {"lights_per_capita":1}');
  if (values.within !== undefined && !/^\d{2,8}$/.test(values.within)) throw new CliError(`--within must be a DOPA code of 2–8 digits (got "${values.within}")`);
  const draws = values.stability === undefined ? 0 : parseNumber('stability', values.stability, 0, 1, 100_000);
  if (!Number.isInteger(draws)) throw new CliError(`--stability must be a whole number of draws (got "${values.stability}")`);
  if (!draws && (values.seed !== undefined || values.concentration !== undefined)) throw new CliError('--seed and --concentration apply to --stability N only');
  const seed = parseNumber('seed', values.seed, 1, 0, 2 ** 32 - 1);
  const concentration = parseNumber('concentration', values.concentration, 50, 1e-6, Infinity);
  const options: RankOptions = {
    within: values.within ?? null,
    need: { measure: values.need ?? 'target_poor', as: oneOf('as', values.as, ['rate', 'count'] as const, 'rate') },
    weights: weights as RankOptions['weights'],
    normalise: oneOf('normalise', values.normalise, ['minmax', 'z', 'rank'] as const, 'minmax'),
    aggregate: oneOf('aggregate', values.aggregate, ['linear', 'geometric'] as const, 'linear'),
    strategy: oneOf('strategy', values.strategy, ['livelihoods', 'protection'] as const, 'livelihoods'),
    missing: oneOf('missing', values.missing, ['renormalise', 'exclude'] as const, 'renormalise'),
    priorityWeights: { need: needWeight, potential: 1 - needWeight },
  };

  const dir = dataDir(values.data);
  if (!existsSync(join(dir, 'manifest.json'))) throw new CliError(`${dir}: not a dataset directory (no manifest.json)`);
  const year = values.year === undefined ? undefined : parseNumber('year', values.year, 0, 2500, 2700);
  let loaded: LoadedTargeting;
  try {
    loaded = await loadTargeting(dirReader(dir), level, { year, detail: options.need!.measure!.startsWith('dimension:'), log: io.stderr });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError((e as Error).message);
  }
  for (const n of loaded.notes) io.stderr(`${n}\n`);
  const { areas } = loaded;
  if (options.within && !areas.codes.some((c) => c.startsWith(options.within!))) throw new CliError(`--within ${options.within}: no ${level} of the dataset lies inside it`);

  let result, stability = null;
  try {
    result = rankAreas(areas, options);
    if (draws) {
      const t0 = performance.now();
      let last = 0;
      stability = rankStability(areas, options, {
        draws,
        seed,
        concentration,
        onProgress: (done, total) => {
          if (done === total || performance.now() - last > 1000) {
            last = performance.now();
            io.stderr(`stability: ${done}/${total} draws\n`);
          }
        },
      }, result);
      io.stderr(`stability: ${draws} draws over ${result.ranked} areas in ${(performance.now() - t0).toFixed(0)} ms (seed ${seed}, concentration ${concentration})\n`);
    }
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const rows = targetingRows(result, stability);
  if (format === 'csv') {
    io.stdout(
      rankingCsv(result, rows, {
        dataset: loaded.manifest.title.en,
        synthetic: loaded.manifest.synthetic,
        dataYear: loaded.year,
        sources: [loaded.manifest.source],
        extra: { notes: result.notes.join(' '), ...(stability ? { stability: { draws, seed, concentration, vary_normalisation: true } } : {}) },
      }),
    );
  } else {
    io.stderr(`${result.formula}\nsettings: ${JSON.stringify(result.settings)}\n${result.notes.join('\n')}\n`);
    io.stdout(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  }
};

export default rank;
