/**
 * Node side of the records import (CLI, bench): the streaming reader — the file is read in 1 MB
 * chunks and never held whole, so memory grows with the records kept (~36 bytes each plus the
 * case-id table), not with the text — and writing records.bin.gz into an existing dataset
 * directory (manifest.json gains `files.records`).
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DatasetManifest, WorkspaceLayer } from '../datasetFormat';
import { CsvLineSplitter, RecordsBuilder, type RecordsImport } from './recordCsv';
import { decodeRecordsFile, encodeRecordsFile, RECORDS_FILE_NAME, RECORDS_MANIFEST_KEY, type StoredRecords } from './recordsFile';
import { readTextPieces } from '../nodeReader';

export interface ImportProgress {
  rows: number;
  bytes: number;
}

export async function importRecordsFile(path: string, onProgress?: (p: ImportProgress) => void): Promise<RecordsImport> {
  const b = new RecordsBuilder(basename(path));
  const splitter = new CsvLineSplitter((fields, line) => b.record(fields, line));
  let bytes = 0;
  try {
    for await (const chunk of readTextPieces(path, (n) => (bytes += n))) {
      splitter.push(chunk);
      onProgress?.({ rows: b.rows, bytes });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new Error(`${path}: cannot read (${code})`);
    throw e;
  }
  splitter.end();
  return b.finish();
}

/** A records CSV, or an already written records.bin(.gz), from disk. */
export async function loadRecordsPath(path: string): Promise<StoredRecords & { report?: RecordsImport['report'] }> {
  if (/\.bin(\.gz)?$/i.test(path)) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      throw new Error(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return decodeRecordsFile(bytes, basename(path));
  }
  const imp = await importRecordsFile(path);
  return { records: imp.records, caseIds: imp.caseIds, source: imp.report.file, synthetic: false, report: imp.report };
}

/**
 * Write records into an existing dataset directory: records.bin.gz, then manifest.json with
 * `files.records`. Refuses to replace records already there unless `replace` (an import never
 * destroys what was loaded). The manifest is rewritten through a temporary file and a rename.
 */
export async function writeRecordsToDataset(dir: string, s: StoredRecords, options: { replace?: boolean; sourceFile?: { name: string; size: number } } = {}): Promise<string> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${dir}: not a dataset directory (no manifest.json)`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as DatasetManifest & { files: Record<string, unknown> };
  if (manifest.files[RECORDS_MANIFEST_KEY] && !options.replace) throw new Error(`${dir}: the dataset already has assistance records (${manifest.files[RECORDS_MANIFEST_KEY]}); use --replace to replace them`);
  await writeFile(join(dir, RECORDS_FILE_NAME), gzipSync(encodeRecordsFile(s)));
  manifest.files[RECORDS_MANIFEST_KEY] = RECORDS_FILE_NAME;
  // A workspace manifest lists its layers explicitly (src/data/workspace/layers.ts): add ours.
  if (manifest.layers) {
    const layer: WorkspaceLayer = {
      id: 'records',
      kind: 'records',
      files: [RECORDS_FILE_NAME],
      synthetic: s.synthetic,
      source: { files: options.sourceFile ? [options.sourceFile] : [], importedAt: new Date().toISOString() },
      summary: `${s.records.count.toLocaleString('en')} assistance records, ${s.records.caseCount.toLocaleString('en')} cases`,
      stats: { records: s.records.count, cases: s.records.caseCount },
    };
    manifest.layers = [...manifest.layers.filter((l) => l.id !== layer.id), layer].sort((a, b) => a.id.localeCompare(b.id));
  }
  await writeFile(`${manifestPath}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
  await rename(`${manifestPath}.tmp`, manifestPath);
  return join(dir, RECORDS_FILE_NAME);
}
