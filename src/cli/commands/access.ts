/**
 * `npm run cli -- access [--villages FILE] [--services FILE] [--data DIR] [--radius-km R]
 *                        [--catchment-km D] [--format json|csv] [--type-map MAP] [--type-column COL]
 *                        [--lenient]`
 *
 * Access of every village to public services (issue 5): great-circle distance to the nearest
 * service of each class, services within a radius, and the 2SFCA score (Luo & Wang 2003).
 *
 * Inputs
 *   --villages FILE   CSV `code,lon,lat,people` (header names detected: lon/lng/longitude/x/ลองจิจูด,
 *                     lat/latitude/y/ละติจูด, code/village_code/รหัสหมู่บ้าน, people/population/ประชากร).
 *                     Without a people column `twosfca` is null. Default: the villages of --data, with
 *                     people = Σ persons of the latest year's profiles.
 *   --services FILE   CSV `id,type,lon,lat,capacity` (level, size_class, name_th, name_en optional;
 *                     Thai headers detected) or GeoJSON points with those properties.
 *                     Default: services.csv.gz of --data.
 *   --data DIR        dataset directory (default: the embedded demo, data/demo).
 *   --type-map MAP    `gistda` (GISTDA landmark lm_type: 04104 school, 04105 hospital or รพ.สต. by
 *                     name, everything else ignored) or `CODE=CLASS,…` (CLASS may be `ignore`).
 *                     Default: the type column's values are the classes (hospital / รพ.สต. / school
 *                     spellings normalised to hospital, health_promoting_hospital, school).
 *   --type-column COL the column holding the type (default: detected; lm_type with --type-map gistda).
 *   --radius-km R     within_radius counts services at most R km away (default 5).
 *   --catchment-km D  2SFCA catchment d0 in km (default 10).
 *   --lenient         skip bad service rows (listed on stderr) instead of stopping at the first.
 *
 * Output (stdout)
 *   json (default): a JSON array, one object per village, one per line:
 *     {"code": "73010101", "by_type": {"<class>": {"nearest_km": 1.234567, "nearest_id": "S00012",
 *      "within_radius": 3, "twosfca": 0.8123}, …}}
 *     with one key per class found in the services file.
 *       nearest_km     great-circle (haversine, R = 6,371.0088 km) distance to the nearest service
 *                      of the class, km, rounded to 6 decimals (1 mm)
 *       nearest_id     that service's id (file order breaks exact ties)
 *       within_radius  services of the class at most R km away (inclusive)
 *       twosfca        2SFCA accessibility A_i: capacity units reachable per 1,000 people, with
 *                      catchment D km (inclusive) on both steps; unknown capacity = the class median
 *                      of known capacities (1 if none is known); null without village people
 *   csv: UTF-8 with BOM, columns code, then <class>_nearest_km, <class>_nearest_id,
 *        <class>_within_radius, <class>_twosfca for each class.
 *   Messages (import notes, warnings, timings) go to stderr.
 *
 * Bad input (unreadable file, missing coordinate column, a non-numeric coordinate, projected
 * coordinates, an unmapped type …) stops with one line naming the file and line.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readManifest, readVillages, villageCodeString } from '../../data/dataset';
import { dirReader } from '../../data/nodeReader';
import { readDatasetServices, readLatestPeople } from '../../data/services/datasetServices';
import { importServicesText, summariseReport, type ServiceImport } from '../../data/services/importServices';
import { gunzipIfNeeded } from '../../data/gzip';
import { ServiceImportError, type Services } from '../../data/services/services';
import { parseTypeMapSpec, type TypeMapper } from '../../data/services/typeMapping';
import { readVillagePointsCsv } from '../../data/services/villagePointsCsv';
import { computeAccess, DEFAULT_CATCHMENT_KM, DEFAULT_RADIUS_KM, type AccessResult } from '../../domain/access/accessMeasures';
import { CliError, dataDir, parseFormat, parseNumber, toCsv, type Command } from '../io';

interface VillageInput {
  code: string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  people: Float64Array | null;
}

async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return new TextDecoder().decode(await gunzipIfNeeded(bytes));
}

function parseTypeMap(spec: string | undefined): { mapper: TypeMapper; column?: string } {
  try {
    return parseTypeMapSpec(spec);
  } catch (e) {
    throw new CliError(`--${(e as Error).message}`);
  }
}

const access: Command = async (argv, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        villages: { type: 'string' },
        services: { type: 'string' },
        data: { type: 'string' },
        'radius-km': { type: 'string' },
        'catchment-km': { type: 'string' },
        format: { type: 'string' },
        'type-map': { type: 'string' },
        'type-column': { type: 'string' },
        lenient: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
  const radiusKm = parseNumber('radius-km', values['radius-km'], DEFAULT_RADIUS_KM, 0, 20_000);
  const catchmentKm = parseNumber('catchment-km', values['catchment-km'], DEFAULT_CATCHMENT_KM, 0, 20_000);
  const { mapper, column } = parseTypeMap(values['type-map']);
  const typeColumn = values['type-column'] ?? column;

  const dir = dataDir(values.data);
  const read = dirReader(dir);
  const manifest = values.villages && values.services ? null : await readManifest(read);

  // Villages.
  let villages: VillageInput;
  if (values.villages) {
    const text = await readTextFile(values.villages);
    try {
      const t = readVillagePointsCsv(text, values.villages);
      for (const n of t.notes) io.stderr(`${values.villages}: ${n}\n`);
      if (t.outsideThailand) io.stderr(`${values.villages}: ${t.outsideThailand} villages lie outside Thailand's box (kept)\n`);
      villages = t;
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  } else {
    const v = await readVillages(read, manifest!);
    const { year, people, from } = await readLatestPeople(read, manifest!, v);
    io.stderr(`${dir}: ${v.count} villages, people from ${from} ${year}\n`);
    villages = { code: Array.from(v.code, villageCodeString), lon: v.lon, lat: v.lat, people };
  }

  // Services.
  let imported: ServiceImport;
  const options = { mapper, columns: typeColumn ? { type: typeColumn } : undefined };
  try {
    if (values.services) {
      imported = importServicesText(await readTextFile(values.services), values.services, options);
    } else {
      const r = await readDatasetServices(read, manifest!);
      if (!r) throw new CliError(`${dir}/manifest.json: the dataset has no services file; give --services FILE`);
      imported = r;
    }
  } catch (e) {
    if (e instanceof ServiceImportError || (e instanceof Error && !(e instanceof CliError))) throw new CliError((e as Error).message);
    throw e;
  }
  const { services, report } = imported;
  const firstError = report.problems.find((p) => p.severity === 'error');
  if (firstError && !values.lenient) {
    const more = report.problemCount > 1 ? ` (${report.problemCount} problems in all; --lenient skips bad rows)` : '';
    throw new CliError(firstError.message + more);
  }
  io.stderr(summariseReport(report) + '\n');
  for (const p of report.problems) if (p.severity === 'warning' || values.lenient) io.stderr(`${p.message}\n`);
  if (services.count === 0) throw new CliError(`${report.source}: no services to measure access to`);

  const t0 = performance.now();
  const result = computeAccess({ lon: villages.lon, lat: villages.lat, people: villages.people ?? new Float64Array(villages.code.length) }, services, {
    radiusKm,
    catchmentKm,
  });
  io.stderr(`access: ${villages.code.length} villages × ${services.count} services (${result.types.join(', ')}) in ${(performance.now() - t0).toFixed(0)} ms\n`);

  if (format === 'json') io.stdout(toJson(result, villages, services));
  else io.stdout(toCsv(csvRows(result, villages, services), csvColumns(result)));
};

const round6 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

function entry(result: AccessResult, type: string, i: number, services: Services, withPeople: boolean) {
  const t = result.byType[type];
  const row = t.nearestRow[i];
  return {
    nearest_km: round6(t.nearestKm[i]),
    nearest_id: row < 0 ? null : services.id[row],
    within_radius: t.withinRadius[i],
    twosfca: withPeople ? t.twoSfca[i] : null,
  };
}

function toJson(result: AccessResult, villages: VillageInput, services: Services): string {
  const lines: string[] = [];
  for (let i = 0; i < villages.code.length; i++) {
    const byType: Record<string, ReturnType<typeof entry>> = {};
    for (const type of result.types) byType[type] = entry(result, type, i, services, villages.people !== null);
    lines.push(JSON.stringify({ code: villages.code[i], by_type: byType }));
  }
  return `[\n${lines.join(',\n')}\n]\n`;
}

function csvColumns(result: AccessResult): string[] {
  return ['code', ...result.types.flatMap((t) => [`${t}_nearest_km`, `${t}_nearest_id`, `${t}_within_radius`, `${t}_twosfca`])];
}

function csvRows(result: AccessResult, villages: VillageInput, services: Services): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < villages.code.length; i++) {
    const r: Record<string, unknown> = { code: villages.code[i] };
    for (const type of result.types) {
      const e = entry(result, type, i, services, villages.people !== null);
      r[`${type}_nearest_km`] = e.nearest_km;
      r[`${type}_nearest_id`] = e.nearest_id;
      r[`${type}_within_radius`] = e.within_radius;
      r[`${type}_twosfca`] = e.twosfca;
    }
    rows.push(r);
  }
  return rows;
}

export default access;
