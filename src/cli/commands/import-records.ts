/**
 * `npm run cli -- import-records FILE --data DIR [--replace]`
 *
 * Streams an assistance-records CSV (header case_id,village_code,members,date,dimensions,status,
 * stage,agency,debt_before,debt_after,outside_target, or Thai headers) into an existing dataset
 * directory as records.bin.gz, and points manifest.json's `files.records` at it. Bad rows are
 * skipped and listed by line (first 50) with their total; case ids that are 13-digit citizen ids
 * are replaced by `withheld-<n>` and never written (PDPA). Records already in the dataset are
 * kept unless `--replace`. `--data` is required: the embedded demo is never written to.
 * stdout: the import report as JSON.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importRecordsFile, writeRecordsToDataset } from '../../data/records/nodeImport';
import { describeRecordsReport } from '../../data/records/recordCsv';
import { CliError, type CliIo } from '../io';

export default async function importRecords(argv: string[], io: CliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { data: { type: 'string' }, replace: { type: 'boolean' } } });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliError('usage: import-records FILE --data DIR [--replace] (one records CSV)');
  if (!values.data) throw new CliError('--data DIR is required (an existing dataset directory)');
  const t0 = performance.now();
  try {
    const file = resolve(positionals[0]);
    const imp = await importRecordsFile(file);
    io.stderr(describeRecordsReport(imp.report) + '\n');
    const path = await writeRecordsToDataset(resolve(values.data), { records: imp.records, caseIds: imp.caseIds, source: imp.report.file, synthetic: false }, { replace: values.replace === true, sourceFile: { name: basename(file), size: statSync(file).size } });
    io.stderr(`wrote ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    io.stdout(JSON.stringify(imp.report, null, 2) + '\n');
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
