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
    io.stderr(`reading profiles ${year}…\n`);
    byYear[String(year)] = summariseYear(villages.code, await readProfiles(read, m, year, villages.count));
  }
  const imported = await readDatasetServices(read, m);
  const services = imported ? countByType(Array.from(imported.services.typeCode, (t) => imported.services.typeNames[t])) : { total: 0 };
  const out: DatasetSummary = {
    title: m.title.en,
    synthetic: m.synthetic,
    provinces: areas.provinces.length,
    districts: areas.districts.length,
    subdistricts: areas.subdistricts.length,
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
