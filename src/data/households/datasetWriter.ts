/**
 * Writing a dataset directory (src/data/datasetFormat.ts) from an import, in Node: the household
 * ingest and the TPMAP import both end here. Villages get lon/lat NaN when no coordinates are
 * known; boundaries or a village layer loaded later place them.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ProfileRows } from '../../domain/mpi/prepare';
import { encodeColumnar } from '../columnar';
import { DATASET_FORMAT, DATASET_VERSION, type AreaNames, type DatasetManifest } from '../datasetFormat';
import { PROVINCES } from '../provinceTable';

export interface DatasetWrite {
  dir: string;
  title: { th: string; en: string };
  source: string;
  villageCodes: Uint32Array;
  lon?: Float32Array;
  lat?: Float32Array;
  areas: AreaNames;
  /** year → profiles aligned to villageCodes. */
  profiles?: Record<string, ProfileRows>;
  /** Extra files (name → bytes) and the manifest fields that point at them. */
  extraFiles?: Record<string, Uint8Array>;
  files?: Partial<DatasetManifest['files']>;
  years: number[];
  meta?: Record<string, unknown>;
}

/** Refuse to overwrite a non-empty directory: an import never destroys data already there. */
export async function ensureEmptyDir(dir: string): Promise<void> {
  if (existsSync(dir)) {
    const entries = await readdir(dir);
    if (entries.length) throw new Error(`${dir}: directory is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); choose a new --out so nothing is overwritten`);
  }
  await mkdir(dir, { recursive: true });
}

export async function writeDataset(w: DatasetWrite): Promise<DatasetManifest> {
  await ensureEmptyDir(w.dir);
  const n = w.villageCodes.length;
  const lon = w.lon ?? new Float32Array(n).fill(NaN);
  const lat = w.lat ?? new Float32Array(n).fill(NaN);
  const gz = (b: Uint8Array) => new Uint8Array(gzipSync(b));
  const profileFiles: Record<string, string> = {};
  const writes: Promise<void>[] = [];
  writes.push(writeFile(join(w.dir, 'villages.bin.gz'), gz(encodeColumnar({ code: w.villageCodes, lon, lat }))));
  for (const [year, p] of Object.entries(w.profiles ?? {})) {
    const name = `profiles-${year}.bin.gz`;
    profileFiles[year] = name;
    const cols = { villageStart: p.villageStart, mask: p.mask, households: p.households, persons: p.persons };
    writes.push(writeFile(join(w.dir, name), gz(encodeColumnar(cols, { year: Number(year) }))));
  }
  for (const [name, bytes] of Object.entries(w.extraFiles ?? {})) writes.push(writeFile(join(w.dir, name), bytes));
  writes.push(writeFile(join(w.dir, 'areas.json'), JSON.stringify(w.areas)));
  const manifest: DatasetManifest = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    title: w.title,
    synthetic: false,
    source: w.source,
    years: w.years,
    files: { areas: 'areas.json', villages: 'villages.bin.gz', profiles: profileFiles, ...w.files },
    meta: w.meta,
  };
  writes.push(writeFile(join(w.dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n'));
  await Promise.all(writes);
  return manifest;
}

/**
 * Names of the provinces present, from the project's DOPA province table (src/data/provinceTable.ts).
 * Districts and subdistricts stay unnamed: no name list of them ships with the project, and the
 * demo dataset's are synthetic. Codes still identify every area.
 */
export function provinceNames(provinceCodes: Iterable<string>): AreaNames {
  const want = new Set(provinceCodes);
  return { provinces: PROVINCES.filter((p) => want.has(p.code)), districts: [], subdistricts: [] };
}
