import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { writeWorkspaceFixture } from '../../../test/e2e/workspaceFixtures';
import { decodeColumnar } from '../columnar';
import { gunzipIfNeeded } from '../gzip';
import { readManifest } from '../dataset';
import { importIntoWorkspace, type InputFile } from './importWorkspace';
import { classifyFile } from './classify';
import { layersOf, syntheticLayerIds } from './layers';

const dir = mkdtempSync(join(tmpdir(), 'cheepao-ws-unit-'));
const fx = writeWorkspaceFixture(dir);
const input = (path: string): InputFile => {
  const bytes = new Uint8Array(readFileSync(path));
  return { name: basename(path), size: bytes.length, bytes: async () => bytes, head: async () => bytes.subarray(0, 65536), text: async () => new TextDecoder().decode(bytes) };
};
const memoryBase = (files: Map<string, Uint8Array>) => ({ read: async (n: string) => { const b = files.get(n); if (!b) throw new Error(`missing ${n}`); return b; } });

describe('classifyFile: one rule for the browser and the CLI', () => {
  it('recognises every kind of the fixture', () => {
    const kinds = fx.good.map((p) => classifyFile(basename(p), new Uint8Array(readFileSync(p)).subarray(0, 65536)).kind);
    expect(new Set(kinds)).toEqual(new Set(['boundaries', 'tpmap', 'villages', 'services', 'village_data', 'lights']));
    expect(classifyFile('x.csv', new TextEncoder().encode('case_id,village_code,members,date,status\n')).kind).toBe('records');
    expect(classifyFile('x.csv', new TextEncoder().encode('village_code,members,welfare_card,h1\n')).kind).toBe('households');
    expect(classifyFile('notes.txt', new TextEncoder().encode('hello world')).kind).toBe('unknown');
  });
});

describe('importIntoWorkspace', () => {
  it('makes one real workspace: layers with sources, aligned villages, the join report', async () => {
    const { write, report } = await importIntoWorkspace(null, fx.good.map(input), { now: () => new Date('2026-12-01T00:00:00Z') });
    const m = write.manifest;
    expect(syntheticLayerIds(m)).toEqual([]);
    expect(layersOf(m).map((l) => l.id)).toEqual(['boundaries:district', 'boundaries:province', 'boundaries:subdistrict', 'lights', 'poverty:2561', 'services', 'village_data', 'villages']);
    expect(layersOf(m).find((l) => l.id === 'villages')!.source.files[0].name).toBe('villages.csv');
    expect(report.refused).toEqual([]);
    // 18 villages (4 subdistricts + 2 municipal × 3), one without a location.
    const v = decodeColumnar(await gunzipIfNeeded(write.files.get('villages.bin.gz')!)).columns as { code: Uint32Array; lon: Float32Array };
    expect(v.code.length).toBe(18);
    expect(Array.from(v.code).filter((_, i) => !Number.isFinite(v.lon[i]))).toEqual([73010203]);
    expect(report.joins.poverty_without_polygon.subdistrict).toEqual({ count: 2, examples: ['730151', '730251'] });
    expect(report.joins.villages_without_location).toEqual({ count: 1, examples: ['73010203'] });
    // The Thai details follow the English ones line for line (the Thai app shows them, the English is the tooltip).
    const joins = report.lines.find((l) => l.summary.startsWith('joins:'))!;
    expect(joins.detailsTh).toHaveLength(joins.details.length);
    expect(joins.details).toContain('villages with poverty data but no location (1): 73010203 — they stay in the tables and their areas\' totals');
    expect(joins.detailsTh).toContain('หมู่บ้านที่มีข้อมูลความยากจนแต่ไม่มีพิกัด (1): 73010203 — ยังอยู่ในตารางและในยอดรวมของพื้นที่');
    expect(joins.detailsTh!.join('\n')).toMatch(/^ตำบลสมมุติของเทศบาลใน TPMAP 2 รหัส .*730151, 730251$/m);
    const tp = report.lines.find((l) => l.kind === 'tpmap')!;
    expect(tp.detailsTh).toHaveLength(tp.details.length);
    // 2 tables × 6 level pairs (village→subdistrict, …, district→province), each compared.
    expect(tp.details.filter((d) => d.startsWith('check ')).length).toBe(12);
    expect(tp.detailsTh).toContain('ตรวจ พ.ศ. 2561 ตาราง 11111: จังหวัด เทียบกับผลรวมจากอำเภอ: ตรงกัน 1/1');
    for (const [i, d] of tp.details.entries()) {
      const m = /^check (\d{4}) (\S+): (\w+) vs Σ (\w+): (\d+)\/(\d+) match/.exec(d);
      if (m) expect(tp.detailsTh![i].startsWith(`ตรวจ พ.ศ. ${m[1]} ตาราง ${m[2]}: `) && tp.detailsTh![i].includes(`ตรงกัน ${m[5]}/${m[6]}`)).toBe(true);
    }
    // Basic data aligned to the village list: 255 = not reported.
    const basic = decodeColumnar(await gunzipIfNeeded(write.files.get('village-basic.bin.gz')!)).columns as Record<string, Uint8Array>;
    expect(basic.all_season_road[0]).toBe(1);
    expect(basic.all_season_road[Array.from(v.code).indexOf(73010103)]).toBe(255);
  });

  it('adds to an existing workspace: earlier layers kept, a re-imported level replaced', async () => {
    const first = await importIntoWorkspace(null, fx.good.filter((p) => !p.endsWith('adm2.geojson')).map(input));
    const base = { manifest: await readManifest(memoryBase(first.write.files).read), ...memoryBase(first.write.files) };
    const second = await importIntoWorkspace(base, [input(fx.broken)]);
    const ids = layersOf(second.write.manifest).map((l) => l.id);
    expect(ids).toContain('boundaries:district');
    expect(ids).toContain('poverty:2561');
    const line = second.report.lines.find((l) => l.kind === 'boundaries')!;
    expect(line.summary).toMatch(/2 district polygons .*2 repaired · 1 skipped/);
    expect(line.details.join('\n')).toMatch(/feature 2 \(7302\): self-intersection/);
  });

  it('places a names-only district file at district level, credits the gazetteer and lists the unmatched name', async () => {
    const { write, report } = await importIntoWorkspace(null, [input(fx.namesDistricts)]);
    const layer = layersOf(write.manifest).find((l) => l.id === 'boundaries:district')!;
    expect(layer.source.attribution).toMatch(/OCHA COD-AB Thailand \(CC BY-IGO 3\.0/);
    const polygons = JSON.parse(new TextDecoder().decode(write.files.get('boundaries/district.geojson')!)) as { features: { properties: { code: string } }[] };
    expect(polygons.features.map((f) => f.properties.code)).toEqual(['7301', '7302']);
    expect(report.lines[0].details).toContain('names-districts.geojson: feature 3: "ไม่มีอำเภอนี้ / Nowhere" matches no district in นครปฐม — skipped');
  });

  it('refuses what it cannot read, naming the file, and writes nothing', async () => {
    await expect(importIntoWorkspace(null, [input(fx.projected)])).rejects.toThrow(/utm-adm1\.geojson: coordinate reference system "urn:ogc:def:crs:EPSG::32647"/);
  });
});

describe('a workbook with several sheets of one kind', () => {
  it('imports every sheet (one layer, each sheet named in its source) and names the sheet and row in messages', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    const sheet = (name: string, rows: unknown[][]) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
    sheet('รพ.สต.', [['id', 'type', 'lon', 'lat'], ['P1', 'รพ.สต.', 100.0, 13.8], ['P2', 'รพ.สต.', 100.1, 13.9]]);
    sheet('โรงเรียน', [['id', 'type', 'lon', 'lat'], ['S1', 'school', 100.05, 13.85]]);
    sheet('หมู่บ้าน ก', [['village_code', 'lon', 'lat'], ['73010101', 99.95, 13.7], ['73010102', 99.96, 13.71]]);
    sheet('หมู่บ้าน ข', [['ข้อมูลจุดหมู่บ้าน'], ['village_code', 'lon', 'lat'], ['73010103', 99.97, 13.72], ['73010104', 'ไม่ทราบ', 13.73], ['73010201', 100.15, 13.72], ['73010202', 100.16, 13.73]]);
    sheet('ข้อมูลพื้นฐาน 1', [['village_code', 'road', 'electricity'], ['73010101', 1, 0]]);
    sheet('ข้อมูลพื้นฐาน 2', [['village_code', 'road', 'internet'], ['73010101', '', 1], ['73010102', 0, 0]]);
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const book: InputFile = { name: 'book.xlsx', size: bytes.length, bytes: async () => bytes, head: async () => bytes.subarray(0, 65536), text: async () => '' };
    const { write, report } = await importIntoWorkspace(null, [book]);
    expect(report.refused).toEqual([]);
    const layers = layersOf(write.manifest);
    const services = layers.find((l) => l.id === 'services')!;
    expect(services.stats).toEqual({ services: 3 });
    expect(services.source.files.map((f) => f.name)).toEqual(['book.xlsx › รพ.สต.', 'book.xlsx › โรงเรียน']);
    const villages = layers.find((l) => l.id === 'villages')!;
    expect(villages.stats).toEqual({ located: 5 });
    expect(villages.source.files.map((f) => f.name)).toEqual(['book.xlsx › หมู่บ้าน ก', 'book.xlsx › หมู่บ้าน ข']);
    expect(layers.filter((l) => l.kind === 'villages' || l.kind === 'services' || l.kind === 'village_data')).toHaveLength(3);
    const v = decodeColumnar(await gunzipIfNeeded(write.files.get('villages.bin.gz')!)).columns as { code: Uint32Array; lon: Float32Array };
    expect(Array.from(v.code)).toEqual([73010101, 73010102, 73010103, 73010201, 73010202]);
    expect(Array.from(v.lon).every(Number.isFinite)).toBe(true);
    const svc = new TextDecoder().decode(await gunzipIfNeeded(write.files.get('services.csv.gz')!));
    expect(svc.trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['P1', 'P2', 'S1']);
    // Basic data of both sheets: the second fills what the first left unreported.
    const basic = decodeColumnar(await gunzipIfNeeded(write.files.get('village-basic.bin.gz')!)).columns as Record<string, Uint8Array>;
    expect([basic.all_season_road[0], basic.electricity[0], basic.internet[0]]).toEqual([1, 0, 1]);
    expect([basic.all_season_road[1], basic.internet[1]]).toEqual([0, 0]);
    // The bad point is on the sheet's row 4 (a title row above the header), named in English and Thai.
    const details = report.lines.filter((l) => l.kind === 'villages').flatMap((l) => l.details).join('\n');
    expect(details).toContain('book.xlsx › หมู่บ้าน ข: sheet หมู่บ้าน ข, row 4 (แผ่นงาน หมู่บ้าน ข แถว 4): coordinates are not numbers');
    expect(details).not.toMatch(/\bline \d/);
  });
});
