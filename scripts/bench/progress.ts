/**
 * Follow-up of the target group (issue 11) on the national demo: streaming import of 1,000,000
 * seeded synthetic records (the CLI path), the one-off sort, and the national progress recompute
 * (all villages, all levels) after an as-of change; burn-up and PDCA for the country.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from '../bench';
import { readManifest, readProfiles, readVillages } from '../../src/data/dataset';
import { dirReader } from '../../src/data/nodeReader';
import { recordsCsvChunks } from '../../src/data/records/generateRecordsCsv';
import { importRecordsFile } from '../../src/data/records/nodeImport';
import { computeMeasures } from '../../src/domain/mpi/compute';
import { prepareProfiles } from '../../src/domain/mpi/prepare';
import { DEFAULT_MPI_SETTINGS } from '../../src/domain/mpi/settings';
import { alignTargets, computeBurnUp, computeProgress, furthestBehind } from '../../src/domain/progress/compute';
import { dayOfYmd } from '../../src/domain/progress/days';
import { pdcaBoard } from '../../src/domain/progress/pdca';
import { prepareRecords } from '../../src/domain/progress/prepare';
import { targetsFromMpi } from '../../src/cli/commands/progress';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: (i: number) => void): { median: number; min: number } {
  for (let i = 0; i < 2; i++) f(i);
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(i);
    ts.push(performance.now() - t0);
  }
  return { median: median(ts), min: Math.min(...ts) };
}

const bench: BenchSection = async ({ dataDir, report }) => {
  const read = dirReader(dataDir);
  const m = await readManifest(read);
  const villages = await readVillages(read, m);
  const year = m.years[m.years.length - 1];
  const rows = 1_000_000;
  const start = dayOfYmd(2021, 10, 1);
  const deadline = dayOfYmd(2022, 9, 30);
  const dir = mkdtempSync(join(tmpdir(), 'cheepao-bench-records-'));
  try {
    const path = join(dir, 'records.csv');
    const ws = createWriteStream(path);
    for (const chunk of recordsCsvChunks(villages.code, rows, 11, start, deadline)) if (!ws.write(chunk)) await new Promise<void>((r) => ws.once('drain', () => r()));
    await new Promise<void>((r) => ws.end(() => r()));
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let t0 = performance.now();
    const imp = await importRecordsFile(path, () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    });
    const seconds = (performance.now() - t0) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    report(`records CSV import, streaming (${rows.toLocaleString('en')} rows, ${imp.report.cases.toLocaleString('en')} cases)`, rows / seconds, 'rows/s');
    report('  wall time', seconds, 's');
    report('  peak RSS during import (whole process)', peakRss / 2 ** 20, 'MB');
    report('  RSS growth during import (records + case ids)', (peakRss - rssBefore) / 2 ** 20, 'MB');

    const mpi = computeMeasures(prepareProfiles(villages.code, await readProfiles(read, m, year, villages.count)), DEFAULT_MPI_SETTINGS, { detail: true });
    t0 = performance.now();
    const prep = prepareRecords(imp.records, villages.code);
    report('sort records by (case, date, row) + hierarchy (once)', performance.now() - t0, 'ms');
    t0 = performance.now();
    const targets = alignTargets(prep, targetsFromMpi(mpi));
    report('align target poor to the hierarchy (once per poverty result)', performance.now() - t0, 'ms');
    const asOfs = Array.from({ length: 12 }, (_, i) => dayOfYmd(2021, 10, 1) + 30 * i + 7);
    const t = time(15, (i) => computeProgress(prep, targets, { asOfDay: asOfs[i % asOfs.length], deadlineDay: deadline }));
    report('national progress recompute after an as-of change (all levels)', t.median, 'ms median', '≤ 50 ms (issue 16)');
    report('  (fastest run)', t.min, 'ms');
    const r = computeProgress(prep, targets, { asOfDay: asOfs[8], deadlineDay: deadline });
    report('burn-up series, country (12 months)', time(7, (i) => computeBurnUp(prep, targets, 'TH', { asOfDay: asOfs[i % asOfs.length], deadlineDay: deadline })).median, 'ms median');
    const province = r.levels.province.codes[0];
    report(`burn-up series, province ${province}`, time(7, (i) => computeBurnUp(prep, targets, province, { asOfDay: asOfs[i % asOfs.length], deadlineDay: deadline })).median, 'ms median');
    report('PDCA board, country + furthest behind (villages)', time(7, () => {
      pdcaBoard(r, 'TH');
      furthestBehind(r.levels.village, 'shortfall', 20);
    }).median, 'ms median');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
