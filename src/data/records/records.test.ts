import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isoOfDay } from '../../domain/progress/days';
import { RECORD_STATUSES } from '../../domain/progress/records';
import { dirReader } from '../nodeReader';
import { readManifest } from '../dataset';
import { parseRecordDate } from './dates';
import { importRecordsFile, writeRecordsToDataset } from './nodeImport';
import { CsvLineSplitter, describeRecordsReport, recordsFromCsv } from './recordCsv';
import { decodeRecordsFile, encodeRecordsFile, readDatasetRecords } from './recordsFile';
import { encodeCp874 } from '../formats/pointShapefileFixture';

const dateIso = (s: string) => {
  const d = parseRecordDate(s);
  return typeof d === 'number' ? isoOfDay(d) : d;
};

describe('record dates', () => {
  it('reads Buddhist-era and CE years, Thai and ISO spellings, Thai month names and digits', () => {
    for (const s of ['15/08/2565', '15-08-2565', '15.08.2565', '2565-08-15', '2565/08/15', '15 ส.ค. 2565', '15 สค 2565', '15 สิงหาคม 2565', '15 ส.ค. 65', '2022-08-15', '15/08/2022', '2022-08-15T09:30:00+07:00', '๑๕ ส.ค. ๒๕๖๕', 'วันที่ 15 สิงหาคม พ.ศ. 2565', '15 Aug 2022', '15 August 2022']) {
      expect([s, dateIso(s)]).toEqual([s, '2022-08-15']);
    }
    // Every Thai month, full and abbreviated.
    const full = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
    const abbr = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
    full.forEach((m, i) => expect(dateIso(`1 ${m} 2565`)).toBe(`2022-${String(i + 1).padStart(2, '0')}-01`));
    abbr.forEach((m, i) => expect(dateIso(`28 ${m} 2564`)).toBe(`2021-${String(i + 1).padStart(2, '0')}-28`));
    expect(dateIso('30 ก.ย. 2565')).toBe('2022-09-30'); // the deadline
    expect(dateIso('29/02/2567')).toBe('2024-02-29'); // 2567 BE = 2024, a leap year
  });
  it('says what is wrong', () => {
    expect(dateIso('31/02/2565')).toMatch(/no such day/);
    expect(dateIso('15/08/65')).toMatch(/two-digit year/);
    expect(dateIso('15 Foo 2565')).toMatch(/unknown month/);
    expect(dateIso('tomorrow')).toMatch(/not a date/);
    expect(dateIso('')).toMatch(/empty/);
    expect(dateIso('15/08/1500')).toMatch(/out of range/);
  });
});

// Hand-made file: canonical header plus one extra column; bad rows on lines 8, 9, 10, 11.
const CANONICAL = [
  'case_id,village_code,members,date,dimensions,status,stage,agency,debt_before,debt_after,outside_target,note',
  'c1,50010101,4,2022-01-10,health;debt,targeted,,,,,0,first visit',
  'c1,5001010101,4,15/03/2565,health;debt,resolved,sufficiency,"ธกส., สาขา 1","100,000",40000 บาท,no,',
  '1234567890123,90010101,7,1 มี.ค. 2565,access,helped,,พมจ.,,,,',
  '1-2345-67890-12-3,90010101,7,2565-08-01,access,resolved,,พมจ.,,,,',
  'c5,50020101,6,2022-05-02,,visited,,"line one',
  'line two",,,yes,',
  'c9,123,4,2022-01-10,health,visited,,,,,0,',
  'c9,50010101,4,31/02/2565,health,visited,,,,,0,',
  'c9,50010101,4,2022-01-10,health,done,,,,,0,',
  'c9,50010101,0,2022-01-10,health,visited,,,,,0,',
  '',
].join('\r\n');

describe('records CSV import', () => {
  it('reads the canonical file: values, Thai dates, TPMAP 10-digit ids, quoted cells across lines, bad rows by line', () => {
    const { records: r, caseIds, report } = recordsFromCsv(CANONICAL, 'records.csv');
    expect(report).toMatchObject({ rows: 9, records: 5, cases: 3, villages: 3, badRowCount: 4, caseIdsWithheld: 1, firstDate: '2022-01-10', lastDate: '2022-08-01' });
    expect(report.badRows.map((b) => b.line)).toEqual([8, 9, 10, 11]);
    expect(report.badRows[0].message).toMatch(/village_code "123"/);
    expect(report.badRows[1].message).toMatch(/no such day/);
    expect(report.badRows[2].message).toMatch(/status "done"/);
    expect(report.badRows[3].message).toMatch(/members "0"/);
    expect(report.droppedColumns).toEqual([{ column: 'note', reason: expect.stringMatching(/dropped/) }]);
    expect(caseIds).toEqual(['c1', 'withheld-1', 'c5']); // both spellings of the id are one case
    expect(Array.from(r.caseIndex)).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(r.villageCode)).toEqual([50010101, 50010101, 90010101, 90010101, 50020101]);
    expect(Array.from(r.day, isoOfDay)).toEqual(['2022-01-10', '2022-03-15', '2022-03-01', '2022-08-01', '2022-05-02']);
    expect(Array.from(r.status, (s) => RECORD_STATUSES[s])).toEqual(['targeted', 'resolved', 'helped', 'resolved', 'visited']);
    expect(Array.from(r.dimensionMask)).toEqual([0b100001, 0b100001, 0b10000, 0b10000, 0]);
    expect(Array.from(r.stage)).toEqual([0, 2, 0, 0, 0]);
    expect(r.agencies).toEqual(['', 'ธกส., สาขา 1', 'พมจ.', 'line one\nline two']);
    expect(Array.from(r.debtBeforeBaht)).toEqual([NaN, 100000, NaN, NaN, NaN]);
    expect(Array.from(r.debtAfterBaht)).toEqual([NaN, 40000, NaN, NaN, NaN]);
    expect(Array.from(r.outsideTarget)).toEqual([0, 0, 0, 0, 1]);
    const text = describeRecordsReport(report);
    expect(text).toContain('records.csv: line 9: date "31/02/2565"');
    expect(text).not.toMatch(/1234567890123|2345-67890/);
  });

  it('maps Thai headers and values; a citizen-id column is dropped and never used as the case id', () => {
    const csv = [
      'รหัสกรณี,รหัสหมู่บ้าน,จำนวนสมาชิก,วันที่,มิติปัญหา,สถานะ,ระดับการพัฒนา,หน่วยงาน,หนี้ก่อน,หนี้หลัง,นอกเป้าหมาย,เลขบัตรประชาชน',
      'ก-001,50010101,3,15 สิงหาคม 2565,สุขภาพ;หนี้สิน,แก้ไขได้,พอเพียง,อบต.,20000,5000,ไม่ใช่,3101234567890',
      'ก-002,50010101,2,15/08/2565,ความเป็นอยู่;การศึกษา;รายได้;การเข้าถึงบริการรัฐ,แก้ได้ด้วยตนเอง,ยั่งยืน,,,,ใช่,3101234567891',
      'ก-003,50010101,5,2565-08-15,รายได้,อยู่ระหว่างดำเนินการ,อยู่รอด,,,,true,',
      'ก-004,50010101,1,2022-08-15,,ชี้เป้า,,,,,false,',
      'ก-005,50010101,1,2022-08-15,,เยี่ยมบ้าน,,,,,0,',
      'ก-006,50010101,1,2022-08-15,,ให้ความช่วยเหลือ,,,,,1,',
    ].join('\n');
    const { records: r, caseIds, report } = recordsFromCsv(csv, 'บันทึก.csv');
    expect(report.badRowCount).toBe(0);
    expect(report.droppedColumns).toEqual([{ column: 'เลขบัตรประชาชน', reason: expect.stringMatching(/PDPA/) }]);
    expect(caseIds).toEqual(['ก-001', 'ก-002', 'ก-003', 'ก-004', 'ก-005', 'ก-006']);
    expect(Array.from(r.status, (s) => RECORD_STATUSES[s])).toEqual(['resolved', 'self_resolved', 'in_progress', 'targeted', 'visited', 'helped']);
    expect(Array.from(r.stage)).toEqual([2, 3, 1, 0, 0, 0]);
    expect(Array.from(r.dimensionMask)).toEqual([0b100001, 0b011110, 0b001000, 0, 0, 0]);
    expect(Array.from(r.outsideTarget)).toEqual([0, 1, 1, 0, 0, 1]);
    expect(Array.from(r.day, isoOfDay)).toEqual(Array(6).fill('2022-08-15'));
    expect(() => recordsFromCsv('เลขบัตรประชาชน,รหัสหมู่บ้าน,จำนวนสมาชิก,วันที่,สถานะ\n3101234567890,50010101,1,2022-01-01,visited', 'x.csv')).toThrow(/x\.csv: line 1: missing column case_id.*never used as the case id/);
  });

  it('lists the first 50 bad rows and counts all of them', () => {
    const lines = ['case_id,village_code,members,date,status', ...Array.from({ length: 60 }, (_, i) => `c${i},50010101,2,2022-01-01,${i % 2 ? 'nonsense' : 'visited'}`)];
    for (let i = 0; i < 60; i++) lines.push(`d${i},50010101,2,2022-01-01,unknown`);
    const { report } = recordsFromCsv(lines.join('\n'), 'many.csv');
    expect(report.badRowCount).toBe(90);
    expect(report.badRows).toHaveLength(50);
    expect(report.badRows[0].line).toBe(3);
    expect(describeRecordsReport(report)).toContain('90 bad rows skipped (first 50 listed)');
  });

  it('the streaming Node path and any chunking give the same records as the string path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cheepao-records-'));
    const path = join(dir, 'records.csv');
    writeFileSync(path, '\uFEFF' + CANONICAL);
    const a = recordsFromCsv(CANONICAL, 'records.csv');
    const b = await importRecordsFile(path);
    expect(b.report).toEqual(a.report);
    expect(b.records).toEqual(a.records);
    // One character at a time through the splitter: same fields and lines.
    const whole: [string[], number][] = [];
    const bits: [string[], number][] = [];
    const s1 = new CsvLineSplitter((f, l) => whole.push([f, l]));
    s1.push(CANONICAL);
    s1.end();
    const s2 = new CsvLineSplitter((f, l) => bits.push([f, l]));
    for (const ch of CANONICAL) s2.push(ch);
    s2.end();
    expect(bits).toEqual(whole);
  });

  it('the streaming Node path reads a Windows-874 file (Thai Excel) as the string path reads its UTF-8 text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cheepao-records-874-'));
    const path = join(dir, 'records-th.csv');
    // Thai dates (มี.ค. 2565) and agencies (ธกส., พมจ.) in TIS-620, CRLF, as Excel saves it on a Thai Windows.
    const crlf = CANONICAL.replace(/\r?\n/g, '\r\n');
    writeFileSync(path, encodeCp874(crlf));
    const a = recordsFromCsv(crlf, 'records-th.csv');
    const b = await importRecordsFile(path);
    expect(b.report).toEqual(a.report);
    expect(b.records).toEqual(a.records);
    expect(a.report.rows).toBeGreaterThan(3);
  });

  it('records.bin.gz round-trips into a dataset directory, and never contains a citizen id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cheepao-records-ds-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'cheepao-dataset', version: 1, title: { th: 't', en: 't' }, synthetic: false, source: 's', years: [], files: { areas: 'areas.json', villages: 'villages.bin.gz', profiles: {} } }));
    const imp = recordsFromCsv(CANONICAL, 'records.csv');
    const path = await writeRecordsToDataset(dir, { records: imp.records, caseIds: imp.caseIds, source: 'records.csv', synthetic: false });
    const raw = gunzipSync(readFileSync(path));
    for (const id of ['1234567890123', '1-2345-67890-12-3']) {
      expect(raw.includes(Buffer.from(id, 'utf8'))).toBe(false);
      expect(readFileSync(path).includes(Buffer.from(id, 'utf8'))).toBe(false);
    }
    expect(raw.includes(Buffer.from('withheld-1'))).toBe(true);
    const read = dirReader(dir);
    const m = await readManifest(read);
    expect((m.files as Record<string, unknown>).records).toBe('records.bin.gz');
    const back = (await readDatasetRecords(read, m))!;
    expect(back.caseIds).toEqual(imp.caseIds);
    expect({ ...back.records }).toEqual({ ...imp.records });
    await expect(writeRecordsToDataset(dir, { records: imp.records, caseIds: imp.caseIds, source: 'x', synthetic: false })).rejects.toThrow(/already has assistance records/);
    expect(() => encodeRecordsFile({ records: imp.records, caseIds: ['c1', '1234567890123', 'c5'], source: '', synthetic: false })).toThrow(/PDPA/);
    await expect(decodeRecordsFile(new Uint8Array(16), 'bad.bin')).rejects.toThrow(/bad\.bin/);
    // A workspace manifest with explicit layers gains (or replaces) the records layer.
    const ws = mkdtempSync(join(tmpdir(), 'cheepao-records-ws-'));
    writeFileSync(join(ws, 'manifest.json'), JSON.stringify({ format: 'cheepao-dataset', version: 2, files: { profiles: {} }, layers: [{ id: 'villages', kind: 'villages', files: [], synthetic: false, source: { files: [], importedAt: '' }, summary: '' }] }));
    await writeRecordsToDataset(ws, { records: imp.records, caseIds: imp.caseIds, source: 'records.csv', synthetic: false }, { sourceFile: { name: 'records.csv', size: 123 } });
    const layers = JSON.parse(readFileSync(join(ws, 'manifest.json'), 'utf8')).layers;
    expect(layers.map((l: { id: string }) => l.id)).toEqual(['records', 'villages']);
    expect(layers[0]).toMatchObject({ kind: 'records', files: ['records.bin.gz'], stats: { records: 5, cases: 3 }, source: { files: [{ name: 'records.csv', size: 123 }] } });
  });
});
