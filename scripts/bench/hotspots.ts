/**
 * Hot spots on the national demo data (issue 9 bench): local Moran's I with conditional
 * permutations on the 7,435 subdistricts (queen, 999 permutations; aim ≤ 1 s) and on all 75,000
 * villages (knn 8, 9,999 permutations; aim ≤ 15 s), plus building the weights and the whole
 * computeHotspots call (Moran + Gi* + FDR). Single thread, as in a worker.
 */
import type { BenchSection } from '../bench';
import { hotspotInputs } from '../../src/cli/commands/hotspots';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readManifest, readVillages } from '../../src/data/dataset';
import { dirReader } from '../../src/data/nodeReader';
import { computeHotspots, knnWeights, localMoran, queenContiguity, rowStandardise } from '../../src/domain/hotspots';

const bench: BenchSection = async ({ dataDir, report }) => {
  const read = dirReader(dataDir);
  const m = await readManifest(read);

  const fc = JSON.parse(new TextDecoder().decode(await read(m.files.boundaries!.subdistrict!))) as FeatureCollection;
  let t0 = performance.now();
  queenContiguity(fc.features.map((f) => f.geometry as Polygon | MultiPolygon));
  report(`queen contiguity, ${fc.features.length} subdistrict polygons (vertex hash)`, performance.now() - t0, 'ms');
  const villages = await readVillages(read, m);
  t0 = performance.now();
  knnWeights(villages.lon, villages.lat, 8);
  report(`knn:8 weights, ${villages.count} villages (kdbush boxes + haversine)`, performance.now() - t0, 'ms');

  t0 = performance.now();
  const sub = await hotspotInputs(read, m, 'subdistrict', 'rate', { kind: 'queen' });
  report(`subdistrict inputs: measures + queen weights (${sub.codes.length} polygons)`, performance.now() - t0, 'ms');
  const subW = rowStandardise(sub.weights);
  localMoran(sub.values, subW, { permutations: 99 }); // warm-up
  const runs: number[] = [];
  for (let s = 1; s <= 3; s++) {
    t0 = performance.now();
    localMoran(sub.values, subW, { permutations: 999, seed: s });
    runs.push(performance.now() - t0);
  }
  report('local Moran, 7,435 subdistricts, queen, 999 permutations', Math.min(...runs), 'ms (fastest of 3)');
  t0 = performance.now();
  computeHotspots(sub.values, sub.weights, { permutations: 999 });
  report('computeHotspots, subdistricts (Moran 999 + Gi* + FDR)', performance.now() - t0, 'ms');

  t0 = performance.now();
  const vil = await hotspotInputs(read, m, 'village', 'rate', { kind: 'knn', k: 8 });
  report(`village inputs: measures + knn:8 weights (${vil.codes.length} villages)`, performance.now() - t0, 'ms');
  const vilW = rowStandardise(vil.weights);
  let progressCalls = 0;
  t0 = performance.now();
  localMoran(vil.values, vilW, { permutations: 9_999, seed: 1, onProgress: () => progressCalls++, shouldCancel: () => false });
  report('local Moran, 75,000 villages, knn 8, 9,999 permutations', (performance.now() - t0) / 1000, 's');
  report('  progress/cancel checks during that run', progressCalls, 'calls');
  t0 = performance.now();
  localMoran(vil.values, vilW, { permutations: 99_999, seed: 1 });
  report('local Moran, 75,000 villages, knn 8, 99,999 permutations (the maximum)', (performance.now() - t0) / 1000, 's');
  t0 = performance.now();
  computeHotspots(vil.values, vil.weights, { permutations: 999 });
  report('computeHotspots, villages (Moran 999 + Gi* + FDR)', performance.now() - t0, 'ms');
};

export default bench;
