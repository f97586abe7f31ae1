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
  const p = await session.profilesFor(2565);
  report(`read + gunzip + decode profiles 2565 (${p.mask.length.toLocaleString('en-US')} rows)`, performance.now() - t0, 'ms');
  t0 = performance.now();
  await session.totals(2565);
  report('headline totals, all villages and levels (2565)', performance.now() - t0, 'ms');
};
export default bench;
