/** Dataset load and headline aggregation in Node (what the compute worker does at start-up). */
import { performance } from 'node:perf_hooks';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../src/data/dataset';
import { dirReader } from '../../src/data/nodeReader';
import { DatasetSession } from '../../src/worker/datasetSession';
import type { BenchSection } from '../bench';

const bench: BenchSection = async ({ dataDir, report }) => {
  const read = dirReader(dataDir);
  const m = await readManifest(read);
  const firstLoad = [m.files.areas, m.files.villages, m.files.profiles['2565'], m.files.boundaries?.province, m.files.boundaries?.district]
    .filter((f): f is string => !!f)
    .reduce((s, f) => s + statSync(join(dataDir, f)).size, 0);
  report('first-load dataset bytes (areas, villages, 2565 profiles, boundaries)', firstLoad / 1e6, 'MB');
  let t0 = performance.now();
  const session = await DatasetSession.open(read);
  report('open dataset (manifest, areas, villages, area index)', performance.now() - t0, 'ms');
  t0 = performance.now();
  const p = await session.preparedFor(2565);
  report(`read + gunzip + decode + prepare profiles 2565 (${p.rows.mask.length.toLocaleString('en-US')} rows)`, performance.now() - t0, 'ms');
  t0 = performance.now();
  await session.measures(2565, { measure: 'tpmap', dimensions: ['health', 'living', 'education', 'income', 'access'], k: 1, weights: null, welfare: 'all' });
  report('first map numbers: all measures, all villages and levels (2565)', performance.now() - t0, 'ms');
  t0 = performance.now();
  const counts = await session.serviceCounts();
  report(`services per area by point-in-polygon (${counts?.typeNames.length ?? 0} types)`, performance.now() - t0, 'ms');
};
export default bench;
