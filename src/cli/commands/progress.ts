/**
 * ## `npm run cli -- progress`: follow-up of the target group per area (issue 11)
 *
 * ```
 * npm run cli -- progress [--data DIR] [--records FILE] [--as-of DATE] [--start DATE]
 *                         [--deadline DATE] [--level country|province|district|subdistrict|village]
 *                         [--format json|csv] [--suppress-small]
 * ```
 *
 * One row per area of the level (default `province`). The target group is the dataset's target
 * poor (TPMAP union rule over all five dimensions, latest year: the same numbers as
 * `cli mpi --measure tpmap`); the records are `--records FILE` (an assistance-records CSV, or a
 * records.bin.gz) or else the dataset's own (written by `import-records`). Counts are people.
 *
 * - `--as-of` the date the measures are taken at (default: the latest record's date).
 * - `--start` start of the schedule line (default: the earliest record's date).
 * - `--deadline` default 30 ก.ย. 2565 (2022-09-30).
 *   Dates in any import format: 15/08/2565, 2565-08-15, 15 ส.ค. 2565, 2022-08-15.
 * - `--suppress-small` (PDPA): counts of 1–4 people are written "< 5" (with rates, expected lines
 *   and debt sums that would reveal them).
 *
 * | key | meaning |
 * |---|---|
 * | `code`, `name` | DOPA code (TH for the country) and Thai name (null when unknown) |
 * | `target_group` | target poor (people) |
 * | `reached` | latest status visited, helped, in progress, resolved or self-resolved |
 * | `helped` | helped, in progress or resolved |
 * | `resolved` | resolved or self-resolved; `in_progress`: in progress |
 * | `resolution_rate` | resolved ÷ target_group (null without a target group) |
 * | `debt_resolved_baht` | Σ max(0, debt before − debt after) over the cases' latest records |
 * | `found_outside_target` | people in cases found outside the target list (in no other count) |
 * | `expected_by_now` | target_group × (as-of − start) ÷ (deadline − start), clamped to [0, target_group] |
 * | `behind` | resolved < expected_by_now |
 * | `by_dimension` | {health, living, education, income, access, debt}: {target, recorded, resolved} people |
 * | `by_stage` | {survival, sufficiency, sustainable}: people whose latest record judged that stage |
 *
 * Each case counts once, by its latest record dated ≤ as-of (same day: the later row).
 * Dates are printed ISO (CE). `--format csv`: UTF-8 with BOM, cells neutralised, objects
 * flattened to `by_dimension.health.resolved` … columns. The schedule goes to stderr.
 */
import { ADMIN_LEVELS, COUNTRY_CODE, type AdminLevel } from '../../domain/adminCodes';
import { computeMeasures, type MpiResult } from '../../domain/mpi/compute';
import { prepareProfiles } from '../../domain/mpi/prepare';
import { DEFAULT_MPI_SETTINGS } from '../../domain/mpi/settings';
import { alignTargets, computeProgress, type TargetsByLevel } from '../../domain/progress/compute';
import { isoOfDay } from '../../domain/progress/days';
import { prepareRecords } from '../../domain/progress/prepare';
import { flattenProgressRow, progressRows } from '../../domain/progress/table';
import { readAreas, readProfiles, readVillages } from '../../data/dataset';
import type { AreaNames } from '../../data/datasetFormat';
import { parseRecordDate } from '../../data/records/dates';
import { loadRecordsPath } from '../../data/records/nodeImport';
import { describeRecordsReport } from '../../data/records/recordCsv';
import { readDatasetRecords, type StoredRecords } from '../../data/records/recordsFile';
import { readTpmapCounts } from '../../data/tpmap/countsFile';
import { tpmapMeasures } from '../../data/tpmap/tpmapMeasures';
import { CliError, parseFormat, toCsv, type CliIo, parseOptions, openDataset } from '../io';

function dateOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const d = parseRecordDate(raw);
  if (typeof d === 'string') throw new CliError(`--${name}: ${d}`);
  return d;
}

function nameLookup(areas: AreaNames | null, villageNames?: Map<string, string>): (code: string) => string | null {
  const m = new Map<string, string>();
  m.set(COUNTRY_CODE, 'ประเทศไทย');
  for (const list of [areas?.provinces, areas?.districts, areas?.subdistricts]) for (const a of list ?? []) m.set(a.code, a.th || a.en);
  return (code) => m.get(code) ?? villageNames?.get(code) ?? null;
}

/** The poverty layer's target poor per level, as the progress measures take them. */
export function targetsFromMpi(r: MpiResult): TargetsByLevel {
  const out: TargetsByLevel = {};
  for (const level of ADMIN_LEVELS) {
    const l = r.levels[level];
    out[level] = { codes: l.codes, targetPeople: l.targetPoor, targetPeopleByDimension: l.detail?.targetPoorByDimension };
  }
  return out;
}

export default async function progress(argv: string[], io: CliIo): Promise<void> {
  const values = parseOptions(argv, ['data', 'records', 'as-of', 'start', 'deadline', 'level', 'format'] as const, ['suppress-small'] as const);
  const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
  const level = (values.level ?? 'province') as AdminLevel;
  if (!ADMIN_LEVELS.includes(level)) throw new CliError(`--level must be one of ${ADMIN_LEVELS.join(', ')} (got "${values.level}")`);
  const asOfOption = dateOption('as-of', values['as-of']);
  const startDay = dateOption('start', values.start);
  const deadlineDay = dateOption('deadline', values.deadline);

  const { dir, read, manifest } = await openDataset(values.data);
  const areas = await readAreas(read, manifest).catch(() => null);

  let stored: StoredRecords | null;
  try {
    if (values.records) {
      const loaded = await loadRecordsPath(values.records);
      if (loaded.report) io.stderr(describeRecordsReport(loaded.report) + '\n');
      stored = loaded;
    } else stored = await readDatasetRecords(read, manifest);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (!stored) throw new CliError(`${dir}: the dataset has no assistance records; give --records FILE or add them with import-records / ไม่มีข้อมูลบันทึกการช่วยเหลือ`);

  // Target group: the dataset's target poor, latest year (TPMAP union rule, all dimensions).
  const profileYears = Object.keys(manifest.files.profiles ?? {}).map(Number);
  const countYears = Object.keys(manifest.files.tpmapCounts ?? {}).map(Number);
  const years = [...new Set([...profileYears, ...countYears])].sort((a, b) => a - b);
  let mpi: MpiResult | null = null;
  let villageNames: Map<string, string> | undefined;
  let villageCodes: Uint32Array | undefined;
  try {
    const year = years.at(-1);
    if (year !== undefined && profileYears.includes(year)) {
      const villages = await readVillages(read, manifest);
      villageCodes = villages.code;
      mpi = computeMeasures(prepareProfiles(villages.code, await readProfiles(read, manifest, year, villages.count)), DEFAULT_MPI_SETTINGS, { detail: true });
    } else if (year !== undefined) {
      const counts = await readTpmapCounts(read, manifest, year);
      villageNames = counts.villageNames;
      mpi = tpmapMeasures(counts, DEFAULT_MPI_SETTINGS);
      villageCodes = Uint32Array.from(mpi.levels.village.codes, Number);
    }
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (!mpi) io.stderr(`${dir}: no poverty layer: target_group, expected_by_now and resolution_rate are null / ไม่มีข้อมูลคนจนเป้าหมาย\n`);

  const prep = prepareRecords(stored.records, villageCodes);
  const targets = mpi ? alignTargets(prep, targetsFromMpi(mpi)) : null;
  const asOfDay = asOfOption ?? (Number.isFinite(prep.lastDay) ? prep.lastDay : undefined);
  if (asOfDay === undefined) throw new CliError('no records to measure and no --as-of date / ไม่มีข้อมูล');
  const result = computeProgress(prep, targets, { asOfDay, startDay, deadlineDay });
  const s = result.schedule;
  io.stderr(`as of ${isoOfDay(s.asOfDay)}; schedule ${isoOfDay(s.startDay)} → ${isoOfDay(s.deadlineDay)}: ${(s.expectedFraction * 100).toFixed(1)} % of the target group expected resolved / ณ วันที่ ${isoOfDay(s.asOfDay)}\n`);
  if (targets?.unmatchedCodes) io.stderr(`${targets.unmatchedCodes} target areas have no village in the hierarchy: not counted\n`);
  const name = nameLookup(areas, villageNames);
  const rows = progressRows(result.levels[level], (code) => name(code), { suppressSmall: values['suppress-small'] === true });
  if (format === 'csv') io.stdout(toCsv(rows.map(flattenProgressRow)));
  else io.stdout(JSON.stringify(rows, null, 2) + '\n');
}
