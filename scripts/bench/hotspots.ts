/**
 * Hot spots on the national demo data (issue 9 bench): local Moran's I with conditional
 * permutations on the 7,435 subdistricts (queen, 999 permutations; aim ≤ 1 s) and on all 75,000
 * villages (knn 8, 9,999 permutations; aim ≤ 15 s), plus building the weights and the whole
 * computeHotspots call (Moran + Gi* + FDR). Single thread, as in a worker; then the chunked run
 * the worker uses (computeHotspotsAsync) and how soon it stops when cancelled mid-run.
 */
import type { BenchSection } from '../bench';
import { hotspotInputs } from '../../src/cli/commands/hotspots';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readManifest, readVillages } from '../../src/data/dataset';
import { dirReader } from '../../src/data/nodeReader';
import { computeHotspots, computeHotspotsAsync, knnWeights, localMoran, queenContiguity, rowStandardise } from '../../src/domain/hotspots';

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

  // As the worker runs it: chunked, handing the event loop back every 50 ms.
  t0 = performance.now();
  const sync = computeHotspots(vil.values, vil.weights, { permutations: 9_999, seed: 1 });
  report('computeHotspots, villages, 9,999 permutations, one shot', performance.now() - t0, 'ms');
  // A 0 ms interval stands for the worker's message queue: its longest wait is how long a cancel
  // message could wait for the run to let it in.
  let yields = 0, lastTick = performance.now(), longest = 0;
  const ticker = setInterval(() => {
    yields++;
    longest = Math.max(longest, performance.now() - lastTick);
    lastTick = performance.now();
  }, 0);
  t0 = lastTick = performance.now();
  const chunked = await computeHotspotsAsync(vil.values, vil.weights, { permutations: 9_999, seed: 1, sliceMs: 50 });
  report('  same, chunked (computeHotspotsAsync, 50 ms slices)', performance.now() - t0, 'ms');
  clearInterval(ticker);
  report('  timer ticks that ran during it (event loop handed back)', yields, 'ticks');
  report('  longest wait of a queued task during it', longest, 'ms');
  if (chunked.moranP.some((p, i) => !Object.is(p, sync.moranP[i]))) throw new Error('bench: chunked and one-shot p-values differ');
  // Cancel as the worker's message does: a task queued once a third of the draws reported sets the
  // flag; the latency counts from queuing it (the click) to the rejection.
  for (const R of [9_999, 99_999]) {
    let stop = false, askedAt = 0, askedAtDraws = 0, seen = 0;
    t0 = performance.now();
    const run = computeHotspotsAsync(vil.values, vil.weights, {
      permutations: R,
      seed: 1,
      sliceMs: 50,
      shouldCancel: () => stop,
      onProgress: (done) => {
        if (done >= R / 3 && !askedAt) {
          askedAt = performance.now();
          askedAtDraws = done;
          setTimeout(() => (stop = true), 0);
        }
        seen = done;
      },
    });
    const cancelled = await run.then(() => false, (e: Error) => e.name === 'CancelledError');
    report(`  cancel at ${askedAtDraws.toLocaleString('en')}/${R.toLocaleString('en')} draws: ${cancelled ? `stopped at ${seen.toLocaleString('en')}` : 'NOT cancelled'}`, performance.now() - askedAt, 'ms request to stop');
    report('    run start to stop', performance.now() - t0, 'ms');
  }
};

export default bench;
