import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import summary from './summary';
import importTpmap from './import-tpmap';
import { villages11111, villagesCommon } from '../../data/tpmap/testFixtures';
import type { CliIo } from '../io';

function capture(): CliIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (t) => out.push(t), stderr: () => {} };
}

describe('cli summary', () => {
  it('reports the embedded demo dataset as issue 2 requires (the calibrated national totals)', async () => {
    const io = capture();
    await summary(['--format', 'json'], io);
    const s = JSON.parse(io.out.join(''));
    expect(s.provinces).toBe(77);
    expect(s.villages).toBeGreaterThanOrEqual(70_000);
    expect(s.synthetic).toBe(true);
    // DESIGN.md §3: national target poor calibrated to TPMAP's published 2562 and 2565 totals.
    expect(s.by_year['2562'].target_poor).toBe(983_316);
    expect(s.by_year['2565'].target_poor).toBe(1_025_782);
    expect(s.services.total).toBe(s.services.hospital + s.services.health_promoting_hospital + s.services.school);
  });

  it('summarises a dataset written by import-tpmap (no profiles) from its tables', async () => {
    const src = mkdtempSync(join(tmpdir(), 'cheepao-summary-'));
    writeFileSync(join(src, '61_73_village_11111.csv'), villages11111);
    writeFileSync(join(src, '61_73_village_common.csv'), villagesCommon);
    const out = join(src, 'dataset');
    await importTpmap([src, '--out', out], capture());
    const io = capture();
    await summary(['--data', out, '--format', 'json'], io);
    const s = JSON.parse(io.out.join(''));
    // The fixture's three villages (testFixtures.ts): target poor 4 + 1 + 2, people 100 + 50 + 70.
    expect(s.by_year['2561']).toMatchObject({ target_poor: 7, people: 220, households: 90 });
    expect(s).toMatchObject({ villages: 3, districts: 1, subdistricts: 2 });
  });

  it('refuses a directory that is not a dataset with one line naming the file', async () => {
    await expect(summary(['--data', mkdtempSync(join(tmpdir(), 'empty-'))], capture())).rejects.toThrow(/manifest\.json/);
  });
});
