import { describe, expect, it } from 'vitest';
import { datasetInputs, needColumnsFromMeasures } from './datasetInputs';

// Two areas: villages 0–1 and 2–4.
const base = { villagePeople: [100, 300, 0, 0, 50], areas: { codes: ['100101', '100102'], villageStart: [0, 2, 5] } };

describe('datasetInputs', () => {
  it('people-weighted mean distance and 2SFCA; Infinity (no service) is missing', () => {
    const x = datasetInputs({
      ...base,
      access: { types: ['school', 'hospital'], nearestKm: { school: [2, 6, 1, 1, 10], hospital: [Infinity, Infinity, Infinity, Infinity, Infinity] }, twoSfca: { school: [1, 2, 3, 3, 0] } },
    });
    expect(x.school_km[0]).toBeCloseTo((100 * 2 + 300 * 6) / 400, 12);
    expect(x.school_km[1]).toBe(10); // only village 5 has people
    expect(x.school_2sfca[0]).toBeCloseTo((100 + 600) / 400, 12);
    expect(x.hospital_km[0]).toBeNaN();
  });
  it('polygon lights: each area’s inputs are its polygon’s zonal statistics', () => {
    const x = datasetInputs({ ...base, lights: { kind: 'polygons', codes: ['100102', '999999'], sum: [500, 1], litShare: [0.25, 1], areaKm2: [20, 1] } });
    expect(x.lights_per_capita[1]).toBe(500 / 50);
    expect(x.lit_share[1]).toBe(0.25);
    expect(x.lights_per_km2[1]).toBe(25);
    expect(x.lit_share[0]).toBeNaN(); // no polygon: missing, not zero
  });
  it('buffer lights per village', () => {
    const v = datasetInputs({ villagePeople: [10, 0], areas: { codes: ['10010101', '10010102'], villageStart: [0, 1, 2] }, lights: { kind: 'buffers', sum: [40, 5], litShare: [0.5, 0], radiusKm: 2 } });
    expect(v.lights_per_capita[0]).toBe(4);
    expect(v.lights_per_capita[1]).toBeNaN();
    expect(v.lights_per_km2[0]).toBeCloseTo(40 / (Math.PI * 4), 12);
  });
  it('basic data shares of people or of villages; unknown flags skipped', () => {
    const basic = { all_season_road: Uint8Array.of(1, 0, 1, 0, 255), internet: Uint8Array.of(1, 1, 0, 0, 0) };
    const byPeople = datasetInputs({ ...base, basic });
    expect(byPeople.road[0]).toBe(0.25);
    expect(byPeople.road[1]).toBe(0.5); // villages 3–4 have no people: village share of known flags
    expect(byPeople.internet[1]).toBe(0);
    expect(byPeople.water).toBeUndefined();
    expect(datasetInputs({ ...base, basic, basicShareOf: 'villages' }).road[0]).toBe(0.5);
  });
  it('need columns from poverty measures', () => {
    const cols = needColumnsFromMeasures({ targetPoor: Float64Array.of(1), poor: Float64Array.of(2), poorNoCard: Float64Array.of(1), headcountRatio: Float64Array.of(0.1), adjustedHeadcount: Float64Array.of(0.05) });
    expect(cols.map((c) => `${c.id}:${c.kind}`)).toEqual(['target_poor:count', 'poor:count', 'poor_no_card:count', 'headcount_ratio:rate', 'adjusted_headcount:rate']);
  });
});
