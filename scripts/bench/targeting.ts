/**
 * `npm run bench -- targeting`: the targeting core (issue 9) on the national demo data — the full
 * re-rank of all villages after a potential-weight change (issue 16 item 5: ≤ 15 ms) and 1,000
 * Monte Carlo draws over the subdistricts (≤ 1 s), plus the one-off cost of building the inputs, and how
 * soon the chunked Monte Carlo stops when cancelled. The hot-spot timings (village-level 9,999
 * permutations, cancellation mid-run) are the `hotspots` section.
 */
import { loadavg } from 'node:os';
import type { BenchSection } from '../bench';
import { dirReader } from '../../src/data/nodeReader';
import { loadTargeting } from '../../src/cli/commands/rank';
import { rankAreas, type RankOptions } from '../../src/domain/targeting/rankAreas';
import { rankStability, rankStabilityAsync } from '../../src/domain/targeting/stability';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const bench: BenchSection = async ({ dataDir, report }) => {
  const read = dirReader(dataDir);
  report('load average (1 min) before timing', loadavg()[0], '');
  let t0 = performance.now();
  const villages = await loadTargeting(read, 'village');
  report(`build village inputs (profiles, access, 2 km light buffers, basic data), ${villages.areas.codes.length.toLocaleString('en')} villages`, performance.now() - t0, 'ms');

  // First rank prepares the weight-independent matrices; later calls with new weights reuse them.
  t0 = performance.now();
  rankAreas(villages.areas);
  report('first rank of all villages (prepares normalised matrices)', performance.now() - t0, 'ms');
  const weightSets: RankOptions['weights'][] = [
    { pillars: { economy: 2, services: 1, infrastructure: 1 } },
    { pillars: { economy: 1, services: 2, infrastructure: 1 } },
    { lights_per_capita: 1, road: 1 },
    undefined,
  ];
  const times: number[] = [];
  for (let i = 0; i < 24; i++) {
    const s = performance.now();
    rankAreas(villages.areas, { weights: weightSets[i % weightSets.length] });
    times.push(performance.now() - s);
  }
  report('full re-rank of all villages after a weight change (median of 24)', median(times.slice(4)), 'ms', '≤ 15 ms (issue 16)');
  report('  fastest', Math.min(...times), 'ms');
  const lean: number[] = [];
  for (let i = 0; i < 24; i++) {
    const s = performance.now();
    rankAreas(villages.areas, { weights: weightSets[i % weightSets.length], potentialParts: false });
    lean.push(performance.now() - s);
  }
  report('  same without the n × k per-input parts (potentialParts: false, median of 24)', median(lean.slice(4)), 'ms');
  report('  fastest', Math.min(...lean), 'ms');
  const geo: number[] = [];
  for (let i = 0; i < 8; i++) {
    const s = performance.now();
    rankAreas(villages.areas, { weights: weightSets[i % weightSets.length], aggregate: 'geometric', normalise: 'rank' });
    geo.push(performance.now() - s);
  }
  report('  same, geometric aggregation over percentile ranks (median of 8 after warm-up)', median(geo.slice(2)), 'ms');

  t0 = performance.now();
  const sub = await loadTargeting(read, 'subdistrict');
  report(`build subdistrict inputs (polygon light zonal statistics), ${sub.areas.codes.length.toLocaleString('en')} subdistricts`, performance.now() - t0, 'ms');
  rankStability(sub.areas, {}, { draws: 20, seed: 1 }); // warm-up
  t0 = performance.now();
  const mc = rankStability(sub.areas, {}, { draws: 1000, seed: 2565 });
  report('Monte Carlo 1,000 draws (Dirichlet α = 50 + normalisation) over subdistricts', performance.now() - t0, 'ms', '≤ 1,000 ms (issue 16)');
  let wide = 0, flips = 0, m = 0;
  for (let i = 0; i < mc.rankQ05.length; i++) {
    if (!Number.isFinite(mc.rankQ05[i])) continue;
    m++;
    if (mc.rankQ95[i] - mc.rankQ05[i] > 500) wide++;
    if (mc.quadrantFlipShare[i] > 0.2) flips++;
  }
  report('  subdistricts whose 5–95 % rank band is wider than 500 places', wide, `of ${m}`);
  report('  subdistricts whose quadrant flips in > 20 % of draws', flips, `of ${m}`);
  t0 = performance.now();
  rankStability(sub.areas, {}, { draws: 1000, seed: 2565, varyNormalisation: false });
  report('Monte Carlo 1,000 draws, weights only', performance.now() - t0, 'ms');

  // The worker's form (rankStabilityAsync, 60 ms slices), cancelled by a timer task as the
  // worker's cancel message would be, once the first slice reported.
  let stop = false, askedAt = 0, askedAtDraws = 0, seen = 0;
  t0 = performance.now();
  const cancelled = await rankStabilityAsync(sub.areas, {}, {
    draws: 1000,
    seed: 2565,
    sliceMs: 60,
    shouldCancel: () => stop,
    onProgress: (done) => {
      if (done >= 300 && !askedAt) {
        askedAt = performance.now();
        askedAtDraws = done;
        setTimeout(() => (stop = true), 0);
      }
      seen = done;
    },
  }).then(() => false, (e: Error) => e.name === 'CancelledError');
  report(`Monte Carlo, cancel at ${askedAtDraws}/1,000 draws: ${cancelled ? `stopped at ${seen}` : 'NOT cancelled'}`, performance.now() - askedAt, 'ms request to stop');
  report('  run start to stop', performance.now() - t0, 'ms');
};

export default bench;
