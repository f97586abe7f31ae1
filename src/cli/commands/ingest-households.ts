/**
 * `npm run cli -- ingest-households FILE --out DIR [--year Y]`
 *
 * Streams a household CSV (header village_code,members,welfare_card,h1,…,a2; 1 = deprived,
 * 0 = not, empty = not applicable) into a new dataset directory: villages.bin.gz (lon/lat NaN),
 * profiles-Y.bin.gz, areas.json (province names from the DOPA table),
 * manifest.json. Extra columns and 13-digit citizen-id columns are dropped with a message; bad
 * rows are skipped and listed by line number (first 50) with their total count. Constant memory.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeHouseholdReport } from '../../data/households/householdCsv';
import { provinceNames, writeDataset } from '../../data/households/datasetWriter';
import { ingestHouseholdFile } from '../../data/households/nodeIngest';
import { CliError, parseNumber, type CliIo } from '../io';

export default async function ingestHouseholds(argv: string[], io: CliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, year: { type: 'string' } } });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliError('usage: ingest-households FILE --out DIR [--year Y] (one household CSV)');
  if (!values.out) throw new CliError('--out DIR is required (a new or empty directory)');
  const file = resolve(positionals[0]);
  const fromName = /(25\d\d)/.exec(basename(file))?.[1];
  const year = parseNumber('year', values.year ?? fromName, 2565, 2500, 2700);
  if (!values.year && !fromName) io.stderr(`no --year given and none in the file name: using ${year}\n`);
  const t0 = performance.now();
  let lastReport = 0;
  const result = await ingestHouseholdFile(file, year, ({ rows }) => {
    if (rows - lastReport >= 1_000_000) {
      lastReport = rows;
      io.stderr(`  ${rows.toLocaleString('en')} rows…\n`);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  io.stderr(describeHouseholdReport(result.report) + '\n');
  if (result.report.households === 0) throw new CliError(`${basename(file)}: no valid household rows; nothing written`);
  const provinces = new Set(Array.from(result.villageCodes, (c) => String(c).slice(0, 2)));
  const out = resolve(values.out);
  const manifest = await writeDataset({
    dir: out,
    title: { th: `ข้อมูลครัวเรือน ${basename(file)}`, en: `Households from ${basename(file)}` },
    source: `household CSV ${basename(file)} ingested by cheepao ingest-households`,
    villageCodes: result.villageCodes,
    areas: provinceNames(provinces),
    profiles: { [String(year)]: result.profiles },
    years: [year],
    meta: { ingest: { ...result.report, badRows: result.report.badRows.slice(0, 10), seconds: Math.round(seconds * 10) / 10 } },
  });
  io.stderr(`wrote ${out} (${manifest.years.join(', ')}) in ${seconds.toFixed(1)} s, ${Math.round(result.report.rows / seconds).toLocaleString('en')} rows/s\n`);
  io.stdout(JSON.stringify({ out, year, ...result.report, badRows: result.report.badRows }, null, 2) + '\n');
}
