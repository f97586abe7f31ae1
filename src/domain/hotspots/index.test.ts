import { describe, expect, it } from 'vitest';
import { computeHotspots, knnWeights, knnWeightsOfPlaced, queenContiguity, describeHotspotNote, getisOrd, hotspotAreas, localMoran, permutationFloorNote, rowStandardise, weightsFromNeighbourLists, binaryWeights } from './index';
import { LATTICE_LOCAL_I, LATTICE_Y, rookLattice } from './testLattice';

const lattice = weightsFromNeighbourLists(rookLattice(3, 3), 'rook');

describe('computeHotspots', () => {
  it('on the issue-9 lattice: local I as published, Gi* as getisOrd on binary weights, p from local Moran', () => {
    const r = computeHotspots(LATTICE_Y, lattice, { permutations: 999, seed: 4, correction: 'none' });
    r.localI.forEach((v, i) => expect(v).toBeCloseTo(LATTICE_LOCAL_I[i], 6));
    const gi = getisOrd(LATTICE_Y, binaryWeights(lattice), { star: true });
    expect([...r.giStarZ]).toEqual([...gi.z]);
    expect([...r.p]).toEqual([...localMoran(LATTICE_Y, rowStandardise(lattice), { permutations: 999, seed: 4 }).p]);
    const areas = hotspotAreas(r);
    expect(Object.keys(areas[0])).toEqual(['value', 'localI', 'giStarZ', 'p', 'cluster', 'neighbours']);
    expect(areas.map((a) => a.neighbours)).toEqual([2, 3, 2, 3, 4, 3, 2, 3, 2]);
    for (const a of areas) expect(a.cluster === 'not_significant' || (a.p <= 0.05 && ['high-high', 'low-low', 'high-low', 'low-high'].includes(a.cluster))).toBe(true);
    expect(r.settings).toMatchObject({ permutations: 999, seed: 4, alpha: 0.05, correction: 'none', weights: 'rook' });
  });

  it('missing values are left out (no_data), islands stay in the mean (isolated), both noted', () => {
    const w = weightsFromNeighbourLists([[1], [0, 2], [1, 3], [2], []]);
    const y = [1, 2, NaN, 4, 9];
    const r = computeHotspots(y, w, { permutations: 99, correction: 'none' });
    expect(r.cluster[2]).toBe('no_data');
    expect(r.cluster[4]).toBe('isolated');
    expect(r.neighbours[1]).toBe(1); // the link to the missing area is dropped
    expect(r.neighbours[4]).toBe(0);
    expect(r.p[4]).toBeNaN();
    // z over the four areas with values (island included): mean 4, n − 1 sd.
    const sd = Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + 0 + (9 - 4) ** 2) / 3);
    expect(r.z[4]).toBeCloseTo(5 / sd, 14);
    // Area 3's only neighbour was the missing area 2: it becomes an island too.
    expect(r.cluster[3]).toBe('isolated');
    expect(r.notes).toEqual(expect.arrayContaining([{ kind: 'missing_values', count: 1 }, { kind: 'islands', count: 2 }]));
  });

  it('areas without a polygon are left out of weights, standardisation and permutations; islands with a polygon stay (issue 14 item 6)', () => {
    const square = (x: number, y: number, s = 0.1) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
    // A 3 × 3 grid, an island far away (has a polygon, no neighbour), and two areas without a
    // polygon (TPMAP municipal pseudo-subdistricts) between them in area order.
    const placedGeoms = [...Array.from({ length: 9 }, (_, i) => square(100 + (i % 3) * 0.1, 14 + Math.floor(i / 3) * 0.1)), square(105, 18)];
    const placedValues = [...LATTICE_Y, 50];
    const order = [0, 1, 2, -1, 3, 4, 5, 6, -1, 7, 8, 9];
    const geoms = order.map((k) => (k < 0 ? null : placedGeoms[k]));
    const values = order.map((k, i) => (k < 0 ? 1000 + i : placedValues[k]));
    const opts = { permutations: 999, seed: 7, correction: 'fdr' as const };
    const all = computeHotspots(values, queenContiguity(geoms), opts);
    // Reference: the same analysis on the areas with a polygon only, as GeoDa/esda see the layer.
    const ref = computeHotspots(placedValues, queenContiguity(placedGeoms), opts);
    order.forEach((k, i) => {
      if (k < 0) {
        expect(all.cluster[i]).toBe('no_data');
        expect(all.p[i]).toBeNaN();
        return;
      }
      expect(all.localI[i]).toBe(ref.localI[k]);
      expect(all.z[i]).toBe(ref.z[k]);
      expect(all.p[i]).toBe(ref.p[k]);
      expect(all.giStarZ[i]).toBe(ref.giStarZ[k]);
      expect(all.cluster[i]).toBe(ref.cluster[k]);
    });
    expect(all.cluster[11]).toBe('isolated');
    expect(all.globalMoranI).toBe(ref.globalMoranI);
    expect(all.notes).toEqual(expect.arrayContaining([{ kind: 'without_polygon', count: 2 }, { kind: 'islands', count: 1 }]));
    expect(all.notes.some((n) => n.kind === 'missing_values')).toBe(false);
    expect(describeHotspotNote({ kind: 'without_polygon', count: 2 })).toMatch(/^without_polygon: 2 area/);
  });

  it('knn: areas without a position are unplaced like areas without a polygon; the rest equals knn on them alone', () => {
    // 12 seeded points over a province-sized box, three of them without a position (no located village).
    let seed = 14;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const order = [0, 1, -1, 2, 3, 4, -1, 5, 6, 7, -1, 8];
    const placedLon = Array.from({ length: 9 }, () => 99.8 + rand() * 0.6);
    const placedLat = Array.from({ length: 9 }, () => 13.6 + rand() * 0.5);
    const placedValues = Array.from({ length: 9 }, () => Math.round(rand() * 100));
    const lon = order.map((k) => (k < 0 ? NaN : placedLon[k]));
    const lat = order.map((k) => (k < 0 ? NaN : placedLat[k]));
    const values = order.map((k, i) => (k < 0 ? 500 + i : placedValues[k]));
    const w = knnWeightsOfPlaced(lon, lat, 3);
    expect([...w.placed!]).toEqual(order.map((k) => (k < 0 ? 0 : 1)));
    const ref = knnWeights(placedLon, placedLat, 3);
    const at = order.flatMap((k, i) => (k < 0 ? [] : [i]));
    order.forEach((k, i) => {
      const row = [...w.neighbours.subarray(w.offsets[i], w.offsets[i + 1])];
      expect(row).toEqual(k < 0 ? [] : [...ref.neighbours.subarray(ref.offsets[k], ref.offsets[k + 1])].map((j) => at[j]));
    });
    const opts = { permutations: 999, seed: 3, correction: 'none' as const };
    const all = computeHotspots(values, w, opts);
    const alone = computeHotspots(placedValues, ref, opts);
    order.forEach((k, i) => {
      if (k < 0) return expect(all.cluster[i]).toBe('no_data');
      expect(all.localI[i]).toBe(alone.localI[k]);
      expect(all.p[i]).toBe(alone.p[k]);
      expect(all.giStarZ[i]).toBe(alone.giStarZ[k]);
    });
    expect(all.notes).toContainEqual({ kind: 'without_position', count: 3 });
    expect(all.notes.some((n) => n.kind === 'without_polygon' || n.kind === 'missing_values')).toBe(false);
    expect(describeHotspotNote({ kind: 'without_position', count: 3 })).toMatch(/^without_position: 3 area/);
    // Every area placed: plain knnWeights, no `placed`.
    expect(knnWeightsOfPlaced(placedLon, placedLat, 3).placed).toBeUndefined();
  });

  it('significance from Gi*: the two-sided normal p of its z', () => {
    const r = computeHotspots(LATTICE_Y, lattice, { significanceFrom: 'gi_star', correction: 'none' });
    expect([...r.p]).toEqual([...r.giStarP]);
  });

  it('the permutation-floor note: 75,000 villages, 999 permutations, FDR at 0.05', () => {
    const note = permutationFloorNote(75_000, 999, 0.05, 'fdr', 0);
    // min p = 1/1000; BH rank k passes only if 1/1000 ≤ 0.05·k/75,000 → k ≥ 1,500.
    expect(note).toEqual({ kind: 'min_p_exceeds_fdr', minP: 0.001, n: 75_000, alpha: 0.05, areasNeededAtMinP: 1500, permutationsNeeded: 1_499_999, reachable: false, kept: 0 });
    expect(describeHotspotNote(note!)).toMatch(/smallest possible p is 0\.00100.*at least 1,500.*Gi\*'s analytic z/);
    expect(permutationFloorNote(100, 9_999, 0.05, 'bonferroni')).toBeNull(); // 1e-4 ≤ 0.05/100
    expect(permutationFloorNote(100, 999, 0.05, 'bonferroni')).toMatchObject({ kind: 'min_p_exceeds_bonferroni', permutationsNeeded: 1999, reachable: true });
    expect(permutationFloorNote(75_000, 999, 0.05, 'none')).toBeNull();
  });

  it('refuses misaligned input and too many permutations', () => {
    expect(() => computeHotspots([1, 2], lattice)).toThrow(/2 values for 9 areas/);
    expect(() => computeHotspots(LATTICE_Y, lattice, { permutations: 100_000 })).toThrow(/permutations/);
  });
});
