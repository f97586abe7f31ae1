/** hotspotWeights with knn on a workspace where some areas have no located village (issue 14). */
import { describe, expect, it } from 'vitest';
import { hotspotWeights } from './targetingInputs';
import type { DatasetManifest } from './datasetFormat';

describe('hotspotWeights knn', () => {
  it('leaves the areas without a located village out as unplaced (and counts them) instead of throwing', async () => {
    // Subdistricts 730101, 730102, 730201, 730202; none of 730201's villages is located.
    const code = Uint32Array.from([73010101, 73010102, 73010201, 73020101, 73020102, 73020103, 73020201]);
    const lon = Float32Array.from([100.0, 100.02, 100.05, NaN, NaN, NaN, 100.3]);
    const lat = Float32Array.from([13.8, 13.81, 13.9, NaN, NaN, NaN, 13.95]);
    const villages = { count: code.length, code, lon, lat };
    const read = async () => { throw new Error('knn reads no file'); };
    const w = await hotspotWeights(read, {} as DatasetManifest, villages, 'subdistrict', ['730101', '730102', '730201', '730202'], { kind: 'knn', k: 2 });
    expect([...w.placed!]).toEqual([1, 1, 0, 1]);
    expect(w.unplacedBy).toBe('position');
    expect(w.offsets[3] - w.offsets[2]).toBe(0);
    expect([...w.neighbours].includes(2)).toBe(false);
    // Villages: the three unlocated ones unplaced, the others each with 2 neighbours.
    const v = await hotspotWeights(read, {} as DatasetManifest, villages, 'village', Array.from(code, String), { kind: 'knn', k: 2 });
    expect(v.placed!.reduce((s, x) => s + (x ? 0 : 1), 0)).toBe(3);
    for (let i = 0; i < 7; i++) expect(v.offsets[i + 1] - v.offsets[i]).toBe(v.placed![i] ? 2 : 0);
  });
});
