import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, rankingCsv, rankingGeoJson, targetingRows } from './exportTable';
import { rankAreas, type TargetingAreas } from './rankAreas';
import { rankStability } from './stability';

const areas: TargetingAreas = {
  level: 'subdistrict',
  codes: ['100101', '100102', '100103'],
  names: ['=HYPERLINK("x")', 'บางรัก', '+66'],
  people: [100, 200, 0],
  targetPoor: [10, 30, 0],
  inputs: { road: [0.2, 0.8, 0.5], lights_per_capita: [1, 2, NaN] },
  needColumns: [{ id: 'target_poor', kind: 'count', values: [10, 30, 0] }],
};

describe('ranked table export', () => {
  const r = rankAreas(areas);
  const rows = targetingRows(r, rankStability(areas, {}, { draws: 20, seed: 1 }));
  it('rows: ranked by rank, then unranked with a reason', () => {
    expect(rows.map((x) => x.code)).toEqual(['100102', '100101', '100103']);
    expect(rows[2]).toMatchObject({ rank: null, unranked_reason: 'no_need', quadrant: null });
    expect(rows[0]).toMatchObject({ rank: 1, need: 0.15, inputs: { road: 0.8, lights_per_capita: 2 } });
    expect(rows[0].parts.need! + rows[0].parts.potential!).toBeCloseTo(rows[0].score!, 5);
    expect(rows[0].rank_median).toBeDefined();
  });
  it('CSV: BOM, # header block, neutralised cells, Thai intact', () => {
    const csv = rankingCsv(r, rows, { dataset: 'demo', synthetic: true, dataYear: 2565, sources: ['TPMAP', 'VIIRS VNL v2'] });
    expect(csv.startsWith('\uFEFF# cheepao: targeting ranking\n')).toBe(true);
    const lines = csv.slice(1).split('\n');
    const header = lines.filter((l) => l.startsWith('# '));
    expect(header).toContain('# formula: score = 0.5 × need + 0.5 × potential');
    expect(header).toContain('# data_year: 2565');
    expect(header.some((l) => l.startsWith('# weights: {"road":0.5,"lights_per_capita":0.5}'))).toBe(true);
    const table = Papa.parse<Record<string, string>>(lines.filter((l) => !l.startsWith('# ')).join('\n'), { header: true, skipEmptyLines: true }).data;
    expect(table.map((t) => t.name)).toEqual(['บางรัก', `'=HYPERLINK("x")`, `'+66`]);
    expect(Object.keys(table[0])).toContain('inputs.road');
    expect(Object.keys(table[0])).toContain('parts.potential');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
  });
  it('GeoJSON from polygons or points', () => {
    const sq = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] });
    const fc = rankingGeoJson(rows, { polygons: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '100101' }, geometry: sq(0) }, { type: 'Feature', properties: { code: '100102' }, geometry: sq(1) }] } }, r.settings);
    expect(fc.features.map((f) => f.id)).toEqual(['100102', '100101']);
    expect(fc.features[0].properties).toMatchObject({ rank: 1, quadrant: rows[0].quadrant });
    const pts = rankingGeoJson(rows, { points: { codes: areas.codes, lon: [100, 101, 102], lat: [13, 14, 15] } });
    expect(pts.features).toHaveLength(3);
    expect(pts.features[0].geometry).toEqual({ type: 'Point', coordinates: [101, 14] });
  });
});
