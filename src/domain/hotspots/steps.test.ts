import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { CancelledError, computeHotspots, computeHotspotsAsync, localMoran, localMoranSteps, rowStandardise, runStepsAsync, weightsFromNeighbourLists } from './index';
import { rookLattice } from './testLattice';

// 30 × 30 rook lattice with a north–south gradient plus seeded noise: enough areas and draws
// (4,999 → 5 chunks of 1,000 draws, then the K tail sorts) for the run to be cut in pieces.
const ROWS = 30;
const lattice = weightsFromNeighbourLists(rookLattice(ROWS, ROWS), 'rook 30×30');
const rand = mulberry32(9);
const values = Array.from({ length: ROWS * ROWS }, (_, i) => Math.floor(i / ROWS) / ROWS + rand());
const options = { permutations: 4_999, seed: 7 };

describe('chunked hot-spot runs (steps.ts)', () => {
  it('the chunked run, yielding to the event loop after every chunk, gives exactly the one-shot result', async () => {
    const oneShot = computeHotspots(values, lattice, options);
    // A timer queued before the run can only fire if the chunked driver hands the event loop back.
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    const progress: number[] = [];
    let timerSeenMidRun = false;
    const chunked = await computeHotspotsAsync(values, lattice, {
      ...options,
      sliceMs: 0,
      onProgress: (done, total) => {
        expect(total).toBe(options.permutations);
        progress.push(done);
        if (done > 0 && done < total && timerFired) timerSeenMidRun = true;
      },
    });
    expect(chunked).toEqual(oneShot);
    expect(timerSeenMidRun).toBe(true);
    // 0 first, then one report per chunk, ending at R; never backwards.
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(options.permutations);
    expect(progress.filter((d) => d > 0 && d < options.permutations).length).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThan(progress[k - 1]);
    // localMoran, sync and driven asynchronously, agrees as well (same generator, same draws).
    const w = rowStandardise(lattice);
    const lmAsync = await runStepsAsync(localMoranSteps(values, w, options), options.permutations, { sliceMs: 0 });
    expect(lmAsync).toEqual(localMoran(values, w, options));
  });

  it('a stop request arriving as a task after the first chunk rejects with CancelledError, before the end', async () => {
    // As in the worker: the cancel message is a separate task that sets a flag; it can only run
    // when the driver yields to the event loop.
    let stop = false;
    const seen: number[] = [];
    const run = computeHotspotsAsync(values, lattice, {
      ...options,
      sliceMs: 0,
      shouldCancel: () => stop,
      onProgress: (done) => {
        seen.push(done);
        if (done > 0 && seen.filter((d) => d > 0).length === 1) setTimeout(() => (stop = true), 0);
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(stop).toBe(true);
    expect(Math.max(...seen)).toBeLessThan(options.permutations);
    expect(Math.max(...seen)).toBeGreaterThan(0);
  });

  it('the one-shot run polls shouldCancel after each chunk too (a flag set from a callback stops it)', () => {
    let chunks = 0;
    expect(() => computeHotspots(values, lattice, { ...options, onProgress: (d) => void (d > 0 && chunks++), shouldCancel: () => chunks >= 1 })).toThrow(CancelledError);
    expect(chunks).toBe(1);
  });
});
