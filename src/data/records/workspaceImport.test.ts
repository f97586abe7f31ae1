/**
 * Assistance records through the one workspace import (browser and CLI `import`): stored as
 * records.bin.gz with a records layer and its source, bad rows reported by line, citizen ids
 * never written, and kept when a later import adds another layer.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importIntoWorkspace, type InputFile } from '../workspace/importWorkspace';
import { decodeRecordsFile } from './recordsFile';

const enc = new TextEncoder();
const file = (name: string, t: string): InputFile => ({ name, size: t.length, text: async () => t, bytes: async () => enc.encode(t), head: async () => enc.encode(t.slice(0, 65536)) });

// Hand-written: two villages of Chiang Rai, 3 cases (one id a citizen id), one bad date (line 5).
const Z = ',0'.repeat(17);
const HH_HEADER = 'village_code,members,welfare_card,h1,h2,h3,h4,l1,l2,l3,l4,e1,e2,e3,e4,i1,i2,i3,a1,a2';
const HOUSEHOLDS = `${HH_HEADER}\n57010101,3,1${Z}\n57010102,4,0${Z}\n`;
const RECORDS = [
  'case_id,village_code,members,date,dimensions,status,stage,agency,debt_before,debt_after,outside_target',
  'A1,57010101,3,15/03/2565,income;debt,visited,,พม.,50000,50000,0',
  'A1,57010101,3,2565-06-01,income;debt,resolved,sufficiency,พม.,50000,10000,0',
  '1100700000017,57010102,4,1 ส.ค. 2565,health,helped,,,,,ใช่',
  'B2,57010102,2,31/02/2565,health,visited,,,,,0',
].join('\n') + '\n';

describe('records in the workspace import', () => {
  it('writes records.bin.gz and a records layer; bad rows by line; no citizen id stored', async () => {
    const { write, report } = await importIntoWorkspace(null, [file('hh.csv', HOUSEHOLDS), file('logbook.csv', RECORDS)], { now: () => new Date('2026-01-01T00:00:00Z') });
    expect(write.manifest.files.records).toBe('records.bin.gz');
    const layer = write.manifest.layers!.find((l) => l.kind === 'records')!;
    expect(layer).toMatchObject({ id: 'records', synthetic: false, files: ['records.bin.gz'], source: { files: [{ name: 'logbook.csv' }] }, stats: { records: 3, cases: 2 } });
    const line = report.lines.find((l) => l.kind === 'records')!;
    expect(line.ok).toBe(false);
    expect(line.details.join('\n')).toMatch(/logbook\.csv: line 5: date/);
    const bytes = write.files.get('records.bin.gz')!;
    expect(Buffer.from(gunzipSync(bytes)).includes('1100700000017')).toBe(false);
    const stored = await decodeRecordsFile(bytes, 'records.bin.gz');
    expect(stored.records.count).toBe(3);
    expect(stored.caseIds).toEqual(['A1', 'withheld-1']);
    expect(Array.from(stored.records.outsideTarget)).toEqual([0, 0, 1]);
  });

  it('a later import keeps the records (the layer and its file stay referenced)', async () => {
    const first = await importIntoWorkspace(null, [file('hh.csv', HOUSEHOLDS), file('logbook.csv', RECORDS)]);
    const files = first.write.files;
    const read = async (name: string) => files.get(name)!;
    const second = await importIntoWorkspace({ manifest: first.write.manifest, read }, [file('hh2.csv', `${HH_HEADER}\n57010103,2,1${Z}\n`)], { year: 2562 });
    expect(second.write.manifest.files.records).toBe('records.bin.gz');
    expect(second.write.obsolete).not.toContain('records.bin.gz');
    expect(second.write.manifest.layers!.some((l) => l.kind === 'records')).toBe(true);
  });

  it('a records file with no valid row is refused with the reason, nothing else lost', async () => {
    const bad = 'case_id,village_code,members,date,status\nX,57010101,3,not a date,visited\n';
    const { write, report } = await importIntoWorkspace(null, [file('hh.csv', HOUSEHOLDS), file('bad.csv', bad)]);
    expect(write.manifest.files.records).toBeUndefined();
    expect(report.refused[0].message).toMatch(/bad\.csv: no valid assistance record/);
  });
});
