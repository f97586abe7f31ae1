import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_COLUMNS } from '../../data/households/householdCsv';
import { CliError, type CliIo } from '../io';
import importRecords from './import-records';
import ingestHouseholds from './ingest-households';
import progress from './progress';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

// Households (TPMAP union rule: target poor = welfare card AND failing any indicator), counted by hand:
//   50010101: 10 people card + h1 → target 10; 5 people h1 without card → poor, not target;
//             3 people with a card, no deprivation → not poor.   Province 50: target 10.
//   90010101: 8 people card + i1 → target 8.                     Province 90: target 8.
const ind = (ids: string[]) => HOUSEHOLD_COLUMNS.slice(3).map((c) => (ids.includes(c) ? 1 : 0)).join(',');
const dir = mkdtempSync(join(tmpdir(), 'cheepao-progress-cli-'));
writeFileSync(join(dir, 'households-2565.csv'), [HOUSEHOLD_COLUMNS.join(','), `50010101,10,1,${ind(['h1'])}`, `50010101,5,0,${ind(['h1'])}`, `50010101,3,1,${ind([])}`, `90010101,8,1,${ind(['i1'])}`].join('\n'));
const data = join(dir, 'dataset');

// Records, counted by hand as of 30 Jun 2022:
//   c1 (4, A): visited, then resolved 15 Mar → resolved.   c2 (3, A): in progress from 1 Jun.
//   the citizen id (1, A): helped → stored as withheld-1.    c3 (2, D): found outside the target list.
//   c4 (6, D): resolved only on 1 Sep (after as-of).
const CITIZEN = '3101234567890';
writeFileSync(
  join(dir, 'records.csv'),
  [
    'รหัสกรณี,รหัสหมู่บ้าน,จำนวนสมาชิก,วันที่,มิติปัญหา,สถานะ,ระดับการพัฒนา,หน่วยงาน,หนี้ก่อน,หนี้หลัง,นอกเป้าหมาย',
    'c1,50010101,4,2022-01-01,สุขภาพ,เยี่ยมบ้าน,,,,,',
    'c1,50010101,4,15 มี.ค. 2565,สุขภาพ,แก้ไขได้,อยู่รอด,,,,',
    'c2,50010101,3,2565-06-01,รายได้,อยู่ระหว่างดำเนินการ,,,,,',
    `${CITIZEN},50010101,1,2022-04-01,,ให้ความช่วยเหลือ,,,,,`,
    'c3,90010101,2,2022-02-01,,แก้ไขได้,,,,,ใช่',
    'c4,90010101,6,01/09/2565,หนี้สิน,แก้ไขได้,,,1000,0,',
    'c5,99,1,2022-01-01,,visited,,,,,',
  ].join('\n'),
);

describe('cli progress', () => {
  it('hand-counted numbers per province, from a records CSV and the dataset target poor', async () => {
    await ingestHouseholds([join(dir, 'households-2565.csv'), '--out', data], capture());
    const io = capture();
    await progress(['--data', data, '--records', join(dir, 'records.csv'), '--as-of', '30 มิ.ย. 2565', '--level', 'province'], io);
    const rows = JSON.parse(io.out.join(''));
    expect(Object.keys(rows[0])).toEqual(['code', 'name', 'target_group', 'reached', 'helped', 'resolved', 'in_progress', 'resolution_rate', 'debt_resolved_baht', 'found_outside_target', 'expected_by_now', 'behind', 'by_dimension', 'by_stage']);
    // 2022-01-01 (earliest record) → 2022-06-30 is 180 of the 272 days to 2022-09-30.
    expect(rows[0]).toMatchObject({ code: '50', name: 'เชียงใหม่', target_group: 10, reached: 8, helped: 8, resolved: 4, in_progress: 3, resolution_rate: 0.4, debt_resolved_baht: 0, found_outside_target: 0, behind: true });
    expect(rows[0].expected_by_now).toBeCloseTo((10 * 180) / 272, 12);
    expect(rows[0].by_dimension.health).toEqual({ target: 10, recorded: 4, resolved: 4 });
    expect(rows[0].by_dimension.income).toEqual({ target: 0, recorded: 3, resolved: 0 });
    expect(rows[0].by_stage).toEqual({ survival: 4, sufficiency: 0, sustainable: 0 });
    expect(rows[1]).toMatchObject({ code: '90', target_group: 8, reached: 0, resolved: 0, found_outside_target: 2, behind: true });
    const err = io.err.join('');
    expect(err).toContain('line 8: village_code "99"');
    expect(err).toContain('as of 2022-06-30; schedule 2022-01-01 → 2022-09-30');
    expect(err).not.toContain(CITIZEN);

    // After the deadline: c4 resolved with 1000 baht of debt cleared; province 90 is 6 of 8, behind.
    const later = capture();
    await progress(['--data', data, '--records', join(dir, 'records.csv'), '--as-of', '2022-10-01', '--level', 'country'], later);
    expect(JSON.parse(later.out.join(''))[0]).toMatchObject({ code: 'TH', target_group: 18, resolved: 10, debt_resolved_baht: 1000, found_outside_target: 2, expected_by_now: 18, behind: true });
  });

  it('CSV: BOM, flattened objects, small counts suppressed with --suppress-small', async () => {
    const io = capture();
    await progress(['--data', data, '--records', join(dir, 'records.csv'), '--as-of', '2022-06-30', '--format', 'csv', '--suppress-small'], io);
    const text = io.out.join('');
    expect(text.startsWith('\uFEFFcode,name,target_group,reached,helped,resolved,in_progress,resolution_rate,debt_resolved_baht,found_outside_target,expected_by_now,behind,by_dimension.health.target')).toBe(true);
    const [header, row50] = text.slice(1).split('\n');
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row50.split(',')[i]]));
    expect(cells).toMatchObject({ code: '50', target_group: '10', reached: '8', resolved: '< 5', in_progress: '< 5', resolution_rate: '< 5', behind: 'true', 'by_stage.survival': '< 5' });
  });

  it('import-records writes records.bin.gz into the dataset (no citizen id in any file); progress then reads it', async () => {
    const io = capture();
    await importRecords([join(dir, 'records.csv'), '--data', data], io);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ records: 6, cases: 5, caseIdsWithheld: 1, badRowCount: 1 });
    for (const f of readdirSync(data)) {
      const bytes = readFileSync(join(data, f));
      const plain = f.endsWith('.gz') ? gunzipSync(bytes) : bytes;
      expect([f, plain.includes(Buffer.from(CITIZEN))]).toEqual([f, false]);
    }
    const out = capture();
    await progress(['--data', data, '--as-of', '2022-06-30', '--level', 'village'], out);
    expect(JSON.parse(out.out.join('')).map((r: { code: string; resolved: number }) => [r.code, r.resolved])).toEqual([['50010101', 4], ['90010101', 0]]);
    await expect(importRecords([join(dir, 'records.csv'), '--data', data], capture())).rejects.toThrow(/--replace/);
  });

  it('bad options give one-line CliErrors', async () => {
    await expect(progress(['--data', data, '--as-of', '31/02/2565'], capture())).rejects.toThrow(/--as-of: date "31\/02\/2565": no such day/);
    await expect(progress(['--data', data, '--level', 'region'], capture())).rejects.toThrow(CliError);
    await expect(progress(['--data', data, '--records', join(dir, 'missing.csv')], capture())).rejects.toThrow(/missing\.csv: cannot read/);
    await expect(importRecords([join(dir, 'records.csv')], capture())).rejects.toThrow(/--data DIR is required/);
  });
});
