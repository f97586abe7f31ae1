/**
 * `npm run cli -- import-tpmap FILES… --out DIR`
 *
 * Reads TPMAP public CSV exports ({yy}_{province}_{village|tambol|amphur}_{11111|…|common}.csv,
 * {yy}_province_{…}.csv, bmn{yy}.village_name_{province}.csv; a directory stands for the CSV
 * files in it) and writes a new dataset directory: tpmap-<year>.bin.gz (manifest
 * files.tpmapCounts), villages.bin.gz (village codes, lon/lat NaN), areas.json (province names
 * from the DOPA table) and manifest.json. The report on stderr lists skipped rows (file, line,
 * column), codes that match no known area, and published tables against sums of finer ones.
 * Only TPMAP's union measures follow from such data; AF needs household data.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { provinceNames, writeDataset } from '../../data/households/datasetWriter';
import { encodeTpmapCountsBinary } from '../../data/tpmap/countsFile';
import { describeTpmapReport, importTpmap } from '../../data/tpmap/importTpmap';
import { CliError, type CliIo } from '../io';
import { decodeText } from '../../data/formats/textEncoding';

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let s;
    try {
      s = await stat(abs);
    } catch {
      throw new CliError(`${p}: no such file or directory`);
    }
    if (s.isDirectory()) out.push(...(await readdir(abs)).filter((f) => f.toLowerCase().endsWith('.csv')).sort().map((f) => join(abs, f)));
    else out.push(abs);
  }
  return out;
}

export default async function importTpmapCommand(argv: string[], io: CliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (!positionals.length) throw new CliError('usage: import-tpmap FILES… --out DIR (TPMAP export CSVs or a directory of them)');
  if (!values.out) throw new CliError('--out DIR is required (a new or empty directory)');
  const t0 = performance.now();
  const paths = await expand(positionals);
  const files = await Promise.all(paths.map(async (p) => ({ name: basename(p), text: decodeText(new Uint8Array(await readFile(p))) })));
  let imported;
  try {
    imported = importTpmap(files);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { counts, villageCodes, report } = imported;
  io.stderr(describeTpmapReport(report) + '\n');
  if (!counts.size) throw new CliError('no TPMAP tables among the files; nothing written');
  const extraFiles: Record<string, Uint8Array> = {};
  const tpmapCounts: Record<string, string> = {};
  for (const [year, c] of counts) {
    const name = `tpmap-${year}.bin.gz`;
    extraFiles[name] = new Uint8Array(gzipSync(encodeTpmapCountsBinary(c)));
    tpmapCounts[String(year)] = name;
  }
  const provinces = new Set<string>();
  for (const c of counts.values()) for (const rows of c.tables.values()) for (const code of rows.keys()) provinces.add(code.slice(0, 2));
  const out = resolve(values.out);
  await writeDataset({
    dir: out,
    title: { th: `ข้อมูล TPMAP ${report.years.join(', ')}`, en: `TPMAP exports ${report.years.join(', ')}` },
    source: `TPMAP public CSV exports (NESDC/NECTEC): ${files.map((f) => f.name).join(', ')}`,
    villageCodes,
    areas: provinceNames(provinces),
    years: report.years,
    extraFiles,
    files: { tpmapCounts },
    meta: { tpmapImport: { ...report, checks: report.checks.map(({ mismatches, ...c }) => ({ ...c, mismatches: mismatches.slice(0, 5) })) } },
  });
  const seconds = (performance.now() - t0) / 1000;
  io.stderr(`wrote ${out} in ${seconds.toFixed(2)} s\n`);
  io.stdout(JSON.stringify({ out, years: report.years, villages: report.villages, files: report.files.length, problems: report.problemCount, unmatched: report.unmatchedCount, checks: report.checks.map((c) => ({ year: c.year, table: c.table, level: c.level, summed: c.summedLevel, matched: c.matched, compared: c.compared })) }, null, 2) + '\n');
}
