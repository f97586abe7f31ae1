import { describe, expect, it } from 'vitest';
import { BoundaryImportError, describeBoundaryReport, describeBoundaryReportTh, GazetteerNeeded, importBoundaries, importBoundariesWithGazetteer, nestingProblems } from './importBoundaries';

const square = (x: number, y: number, d = 0.1) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const fc = (features: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });

describe('importBoundaries: codes and names', () => {
  it('detects OCHA P-codes and takes the finest level with its *_th / *_en names', () => {
    const text = fc([
      feature({ adm3_pcode: 'TH730101', adm3_th: 'พระปฐมเจดีย์', adm3_en: 'Phra Pathom Chedi', adm2_pcode: 'TH7301', adm1_pcode: 'TH73' }, square(100, 13.8)),
      feature({ adm3_pcode: 'TH730102', adm3_th: 'บางแขม', adm3_en: 'Bang Khaem', adm2_pcode: 'TH7301', adm1_pcode: 'TH73' }, square(100.1, 13.8)),
    ]);
    const r = importBoundaries(text, 'adm3.geojson');
    expect(r.level).toBe('subdistrict');
    expect(r.report.codeField).toBe('adm3_pcode');
    expect(r.polygons.features.map((f) => f.properties)).toEqual([
      { code: '730101', th: 'พระปฐมเจดีย์', en: 'Phra Pathom Chedi' },
      { code: '730102', th: 'บางแขม', en: 'Bang Khaem' },
    ]);
  });
  it('reads ISO 3166-2 codes and numeric province codes', () => {
    expect(importBoundaries(fc([feature({ iso: 'TH-10', name: 'Bangkok' }, square(100.5, 13.7))]), 'iso.geojson').polygons.features[0].properties.code).toBe('10');
    const numeric = importBoundaries(fc([feature({ pro_code: 58, area_km2: 12681.3 }, square(98, 19))]), 'pro.geojson');
    expect(numeric.report.codeField).toBe('pro_code');
    expect(numeric.polygons.features[0].properties).toEqual({ code: '58', th: 'แม่ฮ่องสอน', en: 'Mae Hong Son' });
  });
  it('honours a chosen code field and level', () => {
    const text = fc([feature({ adm2_pcode: 'TH7301', adm1_pcode: 'TH73' }, square(100, 13.8))]);
    expect(importBoundaries(text, 'f.geojson', { level: 'province' }).polygons.features[0].properties.code).toBe('73');
    expect(importBoundaries(text, 'f.geojson', { codeField: 'adm2_pcode' }).level).toBe('district');
    expect(() => importBoundaries(text, 'f.geojson', { codeField: 'nope' })).toThrow(/f\.geojson: no property "nope"/);
  });
  it('matches a names-only file by Thai or English province name and reports the unmatched', () => {
    const r = importBoundaries(fc([
      feature({ name_th: 'จังหวัดนครปฐม' }, square(100, 13.8)),
      feature({ name_en: 'Mae Hong Son' }, square(98, 19)),
      feature({ name_en: 'Atlantis' }, square(99, 15)),
    ]), 'names.geojson');
    expect(r.polygons.features.map((f) => f.properties.code)).toEqual(['58', '73']);
    expect(r.report.unmatchedNames).toEqual(['Atlantis']);
    expect(r.report.skipped).toBe(1);
  });
  it('refuses a file with neither codes nor names, naming the missing field', () => {
    expect(() => importBoundaries(fc([feature({ area: 3.2 }, square(100, 13))]), 'bare.geojson')).toThrow(/bare\.geojson: no code field .* and no name field/);
  });
});

describe('importBoundaries: CRS and geometry', () => {
  it('refuses a projected crs member by name, and projected coordinates without one', () => {
    const crs = { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32647' } } };
    expect(() => importBoundaries(fc([feature({ adm1_pcode: 'TH73' }, square(600000, 1500000, 1000))], crs), 'utm.geojson')).toThrow(/utm\.geojson: coordinate reference system "urn:ogc:def:crs:EPSG::32647" is not accepted/);
    expect(() => importBoundaries(fc([feature({ adm1_pcode: 'TH73' }, square(600000, 1500000, 1000))]), 'utm2.geojson')).toThrow(/utm2\.geojson: feature 1: .*looks projected/);
    expect(importBoundaries(fc([feature({ adm1_pcode: 'TH73' }, square(100, 13.8))], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }), 'ok.geojson').report.imported).toBe(1);
  });
  it('repairs repeated points, unclosed rings, empty parts and self-intersections, and skips the hopeless, per feature', () => {
    const repeated = [[[100, 13], [100, 13], [100.1, 13], [100.1, 13.1], [100, 13.1], [100, 13]]];
    const unclosed = [[[101, 13], [101.1, 13], [101.1, 13.1], [101, 13.1]]];
    const bowtie = [[[102, 13], [102.1, 13.1], [102.1, 13], [102, 13.1], [102, 13]]];
    const r = importBoundaries(fc([
      feature({ adm1_pcode: 'TH10' }, repeated),
      feature({ adm1_pcode: 'TH11' }, unclosed),
      feature({ adm1_pcode: 'TH12' }, [[], square(100, 14)], 'MultiPolygon'),
      feature({ adm1_pcode: 'TH13' }, bowtie),
      feature({ adm1_pcode: 'TH14' }, [[[100, 13], [100.1, 13]]]),
      feature({ adm1_pcode: 'TH15' }, null, 'Point'),
    ]), 'dirty.geojson');
    const byFeature = Object.fromEntries(r.report.problems.map((p) => [p.feature, p]));
    expect(byFeature[1]).toMatchObject({ outcome: 'repaired', message: expect.stringMatching(/repeated points removed/) });
    expect(byFeature[2]).toMatchObject({ outcome: 'repaired', message: expect.stringMatching(/unclosed ring closed/) });
    expect(byFeature[3]).toMatchObject({ outcome: 'repaired', message: expect.stringMatching(/empty part dropped/) });
    expect(byFeature[4]).toMatchObject({ outcome: 'repaired', message: expect.stringMatching(/self-intersection .* split into 2/) });
    expect(byFeature[5]).toMatchObject({ outcome: 'skipped', message: expect.stringMatching(/no usable polygon/) });
    expect(byFeature[6]).toMatchObject({ outcome: 'skipped' });
    expect(r.polygons.features.map((f) => f.properties.code)).toEqual(['10', '11', '12', '13']);
    expect(r.polygons.features[3].geometry.type).toBe('MultiPolygon');
    expect(r.report).toMatchObject({ features: 6, imported: 4, skipped: 2 });
  });
  it('refuses non-GeoJSON with the file name', () => {
    expect(() => importBoundaries('{"type":"Feature"}', 'one.geojson')).toThrow(BoundaryImportError);
    expect(() => importBoundaries('not json', 'x.geojson')).toThrow(/x\.geojson: not valid JSON/);
  });
});

// Names-only files (issue 14 item 8). Expected codes are DOPA's, as in OCHA COD-AB th_adm2/th_adm3
// (the shipped gazetteer): 7301 เมืองนครปฐม, 7302 กำแพงแสน, 5001 เมืองเชียงใหม่, 730102 บางแขม.
describe('importBoundaries: names-only files at their true level', () => {
  it('lands a names-only district file (ADM1_TH + ADM2_TH) at district level with its codes', async () => {
    const text = fc([
      feature({ ADM1_TH: 'นครปฐม', ADM2_TH: 'อำเภอเมืองนครปฐม', ADM2_EN: 'Mueang Nakhon Pathom' }, square(100, 13.8)),
      feature({ ADM1_TH: 'นครปฐม', ADM2_TH: 'กำแพงแสน', ADM2_EN: 'Kamphaeng Saen' }, square(99.9, 13.9)),
      feature({ ADM1_TH: 'เชียงใหม่', ADM2_TH: 'เมือง', ADM2_EN: 'Muang' }, square(98.9, 18.7)),
      feature({ ADM1_TH: 'นครปฐม', ADM2_TH: 'แอตแลนติส', ADM2_EN: 'Atlantis' }, square(99, 15)),
    ]);
    expect(() => importBoundaries(text, 'districts.geojson')).toThrow(GazetteerNeeded);
    const r = await importBoundariesWithGazetteer(text, 'districts.geojson');
    expect(r.level).toBe('district');
    expect(r.polygons.features.map((f) => f.properties)).toEqual([
      { code: '5001', th: 'เมือง', en: 'Muang' },
      { code: '7301', th: 'อำเภอเมืองนครปฐม', en: 'Mueang Nakhon Pathom' },
      { code: '7302', th: 'กำแพงแสน', en: 'Kamphaeng Saen' },
    ]);
    expect(r.report).toMatchObject({ codeField: null, nameFields: { th: 'ADM2_TH', en: 'ADM2_EN' }, imported: 3, skipped: 1, unmatchedNames: ['แอตแลนติส / Atlantis'] });
    expect(r.report.problems).toEqual([{ feature: 4, message: '"แอตแลนติส / Atlantis" matches no district in นครปฐม', outcome: 'skipped' }]);
    expect(describeBoundaryReport(r.report)).toBe('districts.geojson: 3 district polygons · matched by district name within province (ADM1_TH) against the DOPA code gazetteer: 3 of 4 names · 1 skipped · unmatched names: แอตแลนติส / Atlantis');
    expect(describeBoundaryReportTh(r.report)).toBe('districts.geojson: รูปแปลงอำเภอ 3 รูป · จับคู่ด้วยชื่ออำเภอภายในจังหวัด (ADM1_TH) กับทะเบียนรหัส DOPA: ตรง 3 จาก 4 ชื่อ · ข้าม 1 รูป · ชื่อที่ไม่พบ: แอตแลนติส / Atlantis');
  });
  it('takes subdistricts from ADM3 names, a parent from a coarser code column, and fills the missing language', async () => {
    const sub = await importBoundariesWithGazetteer(fc([feature({ ADM1_EN: 'Nakhon Pathom', ADM2_EN: 'Mueang Nakhon Pathom', ADM3_EN: 'Tambon Bang Khaem' }, square(100, 13.8))]), 'sub.geojson');
    expect(sub.level).toBe('subdistrict');
    expect(sub.polygons.features[0].properties).toEqual({ code: '730102', th: 'บางแขม', en: 'Tambon Bang Khaem' });
    const coded = await importBoundariesWithGazetteer(fc([feature({ adm1_pcode: 'TH73', adm2_th: 'กำแพงแสน' }, square(100, 13.8))]), 'coded.geojson');
    expect(coded.level).toBe('district');
    expect(coded.polygons.features[0].properties).toEqual({ code: '7302', th: 'กำแพงแสน', en: 'Kamphaeng Saen' });
    expect(coded.report.nameMatch?.by).toBe('district name within province (adm1_pcode)');
  });
  it('lists two features whose names find the same district (kept, parts merged)', async () => {
    const r = await importBoundariesWithGazetteer(fc([
      feature({ ADM1_TH: 'นครปฐม', ADM2_TH: 'กำแพงแสน' }, square(99.9, 13.9)),
      feature({ ADM1_TH: 'นครปฐม', ADM2_TH: 'อำเภอ กำแพงแสน' }, square(99.8, 13.9)),
    ]), 'twice.geojson');
    expect(r.polygons.features.map((f) => [f.properties.code, f.geometry.type])).toEqual([['7302', 'MultiPolygon']]);
    expect(r.report.problems).toEqual([{ feature: 2, code: '7302', message: '"อำเภอ กำแพงแสน" names the same district as feature 1 (7302 กำแพงแสน / Kamphaeng Saen): parts merged into one polygon', outcome: 'repaired' }]);
    expect(describeBoundaryReport(r.report)).toMatch(/1 names match an area another feature matched \(parts merged\)/);
  });
  it('lists a name that matches two areas with both candidates, Thai and English', async () => {
    const r = await importBoundariesWithGazetteer(fc([feature({ ADM1_EN: 'Phra Nakhon Si Ayutthaya', ADM2_EN: 'Bang Sai' }, square(100.5, 14.2))]), 'ayutthaya.geojson').catch((e: Error) => e);
    // The only feature matches two districts (บางไทร 1404 and บางซ้าย 1413 are both "Bang Sai"): nothing to import.
    expect(r).toBeInstanceOf(BoundaryImportError);
    expect((r as Error).message).toMatch(/ayutthaya\.geojson: no feature could be imported \(feature 1: "Bang Sai" matches 2 districts in Phra Nakhon Si Ayutthaya: 1404 บางไทร \/ Bang Sai; 1413 บางซ้าย \/ Bang Sai\)/);
  });
  it('refuses, with the reason, when the level cannot be told', async () => {
    const districtNames = fc([feature({ name_en: 'Kamphaeng Saen' }, square(100, 13.8)), feature({ name_en: 'Mueang Nakhon Pathom' }, square(100.1, 13.8))]);
    await expect(importBoundariesWithGazetteer(districtNames, 'plain.geojson')).rejects.toThrow(/plain\.geojson: the level cannot be told: only 0 of 2 names in name_en are province names, and no column says district or subdistrict .*choose the level/);
    await expect(importBoundariesWithGazetteer(fc([feature({ adm1_th: 'นครปฐม', name: 'กำแพงแสน' }, square(100, 13.8))]), 'mixed.geojson')).rejects.toThrow(/mixed\.geojson: the level cannot be told: name holds names other than the province names in adm1_th/);
    // With the level chosen, the plain names are districts, matched in the whole country.
    const chosen = await importBoundariesWithGazetteer(districtNames, 'plain.geojson', { level: 'district' });
    expect(chosen.polygons.features.map((f) => f.properties.code)).toEqual(['7301', '7302']);
    expect(chosen.report.nameMatch?.by).toBe('district name in the whole country');
  });
});

describe('nestingProblems', () => {
  it('lists subdistricts whose district has no polygon', () => {
    expect(nestingProblems({ district: ['7301'], subdistrict: ['730101', '730201'] })).toEqual([{ level: 'subdistrict', code: '730201', missingParent: '7302' }]);
  });
});
