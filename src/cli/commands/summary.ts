/**
 * `npm run cli -- summary [--data DIR] [--format text|json]` — the dataset's totals.
 * JSON (stable interface, documented in README.md):
 *   { title, synthetic, provinces, districts, subdistricts, villages,
 *     services: { <type>: n, …, total }, by_year: { "<BE year>": { households, people,
 *     target_poor, poor_no_card, target_poor_rate } } }
 */
import { parseArgs } from 'node:util';
import { readAreas, readManifest, readProfiles, readVillages } from '../../data/dataset';
import { readDatasetServices } from '../../data/services/datasetServices';
import { dirReader } from '../../data/nodeReader';
import { countByType, summariseYear, type DatasetSummary } from '../../domain/datasetSummary';
import { villageCodeString } from '../../domain/adminCodes';
import { DIMENSION_IDS } from '../../domain/indicators';
import { readTpmapCounts } from '../../data/tpmap/countsFile';
import { tpmapMeasures } from '../../data/tpmap/tpmapMeasures';
import { CliError, dataDir, parseFormat, type Command } from '../io';

const summary: Command = async (argv, io) => {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, format: { type: 'string' } }, strict: true }));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const format = parseFormat(values.format, ['text', 'json'] as const, 'text');
  const read = dirReader(dataDir(values.data));
  const m = await readManifest(read);
  const [areas, villages] = await Promise.all([readAreas(read, m), readVillages(read, m)]);
  const byYear: DatasetSummary['by_year'] = {};
  for (const year of m.years) {
    if (m.files.profiles[String(year)]) {
      io.stderr(`reading profiles ${year}…\n`);
      byYear[String(year)] = summariseYear(villages.code, await readProfiles(read, m, year, villages.count));
    } else if (m.files.tpmapCounts?.[String(year)]) {
      // A dataset imported from TPMAP's aggregate tables: the same totals from its 11111 tables.
      io.stderr(`reading TPMAP counts ${year}…\n`);
      const c = tpmapMeasures(await readTpmapCounts(read, m, year), { measure: 'tpmap', dimensions: DIMENSION_IDS, k: 1, weights: null, welfare: 'all' }).levels.country;
      byYear[String(year)] = { households: c.households[0], people: c.people[0], target_poor: c.targetPoor[0], poor_no_card: c.poorNoCard[0], target_poor_rate: c.people[0] > 0 ? c.targetPoor[0] / c.people[0] : 0 };
    } else throw new CliError(`manifest.json: year ${year} has neither profiles nor TPMAP counts`);
  }
  // Areas: those named in areas.json and those implied by village codes (imports may name few).
  const areaCount = (named: { code: string }[], digits: number) =>
    new Set([...named.map((a) => a.code), ...Array.from(villages.code, (c) => villageCodeString(c).slice(0, digits))]).size;
  const imported = await readDatasetServices(read, m);
  const services = imported ? countByType(Array.from(imported.services.typeCode, (t) => imported.services.typeNames[t])) : { total: 0 };
  const out: DatasetSummary = {
    title: m.title.en,
    synthetic: m.synthetic,
    provinces: areaCount(areas.provinces, 2),
    districts: areaCount(areas.districts, 4),
    subdistricts: areaCount(areas.subdistricts, 6),
    villages: villages.count,
    services,
    by_year: byYear,
  };
  if (format === 'json') {
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  const f = (n: number) => n.toLocaleString('en-US');
  const lines = [
    `${out.title}${out.synthetic ? ' (synthetic demonstration data)' : ''}`,
    `provinces ${f(out.provinces)}, districts ${f(out.districts)}, subdistricts ${f(out.subdistricts)}, villages ${f(out.villages)}`,
    `services: ${Object.entries(out.services).map(([k, v]) => `${k} ${f(v)}`).join(', ')}`,
    ...Object.entries(out.by_year).map(
      ([y, s]) => `${y}: households ${f(s.households)}, people ${f(s.people)}, target poor ${f(s.target_poor)} (${(s.target_poor_rate * 100).toFixed(2)} %), poor with no welfare card ${f(s.poor_no_card)}`,
    ),
  ];
  io.stdout(lines.join('\n') + '\n');
};

export default summary;
