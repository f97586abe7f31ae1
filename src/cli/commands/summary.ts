/**
 * `npm run cli -- summary [--data DIR] [--format text|json]` — the dataset's totals.
 * JSON (stable interface, documented in README.md):
 *   { title, synthetic, provinces, districts, subdistricts, villages,
 *     services: { <type>: n, …, total }, by_year: { "<BE year>": { households, people,
 *     target_poor, poor_no_card, target_poor_rate } },
 *     layers: { boundaries: {province, district, subdistrict: polygons}, villages: {total, located},
 *               services: {type: n}, rasters: [{file, bands, width, height}], village_data,
 *               poverty_years },
 *     synthetic_layers: [layer ids], joins: { poverty_without_polygon, polygons_without_poverty:
 *               {level: count} } }
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
import type { FeatureCollection } from 'geojson';
import { readText, readVillageBasic } from '../../data/dataset';
import { openRaster } from '../../data/geotiff/readRasterGrid';
import { layersOf, syntheticLayerIds } from '../../data/workspace/layers';
import { computeJoins } from '../../data/workspace/importWorkspace';
import { MISSING } from '../../data/villages/villageBasic';

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
  const layers = layersOf(m);
  const boundaries: Record<string, number> = {};
  const polygonCodes: Record<string, Set<string>> = {};
  for (const [level, f] of Object.entries(m.files.boundaries ?? {})) {
    if (!f) continue;
    const fc = JSON.parse(await readText(read, f)) as FeatureCollection;
    boundaries[level] = fc.features.length;
    polygonCodes[level] = new Set(fc.features.map((x) => String(x.properties?.code)));
  }
  const rasters: { file: string; bands: number; width: number; height: number }[] = [];
  if (m.files.ntl) {
    const r = await openRaster(await read(m.files.ntl), m.files.ntl);
    rasters.push({ file: m.files.ntl, bands: r.info.bandCount, width: r.info.width, height: r.info.height });
  }
  const basic = await readVillageBasic(read, m);
  const villageData = basic ? Array.from({ length: villages.count }, (_, i) => Object.values(basic).some((c) => c[i] !== MISSING)).filter(Boolean).length : 0;
  let joins = m.joins;
  if (!joins) {
    const codes = new Set(Array.from(villages.code, (c) => villageCodeString(c)));
    const poverty = { province: new Set<string>(), district: new Set<string>(), subdistrict: new Set<string>() };
    for (const c of codes) for (const [l, d] of [['province', 2], ['district', 4], ['subdistrict', 6]] as const) poverty[l].add(c.slice(0, d));
    joins = computeJoins(poverty, polygonCodes, codes, () => true);
  }
  const counts = (x: Record<string, { count: number } | undefined>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v?.count ?? 0]));
  const out: DatasetSummary = {
    title: m.title.en,
    synthetic: m.synthetic,
    provinces: areaCount(areas.provinces, 2),
    districts: areaCount(areas.districts, 4),
    subdistricts: areaCount(areas.subdistricts, 6),
    villages: villages.count,
    services,
    by_year: byYear,
    layers: {
      boundaries,
      villages: { total: villages.count, located: Array.from(villages.lon).filter((x) => Number.isFinite(x)).length },
      services: Object.fromEntries(Object.entries(services).filter(([k]) => k !== 'total')),
      rasters,
      village_data: villageData,
      poverty_years: m.years,
    },
    synthetic_layers: syntheticLayerIds(m),
    layer_sources: layers.map((l) => ({ id: l.id, synthetic: l.synthetic, summary: l.summary, files: l.source.files.map((f) => f.name), attribution: l.source.attribution ?? null })),
    joins: { poverty_without_polygon: counts(joins.poverty_without_polygon), polygons_without_poverty: counts(joins.polygons_without_poverty) },
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
