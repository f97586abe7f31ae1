/**
 * Loading a dataset directory (datasetFormat.ts) from any byte source: fetch in the browser,
 * the file system in Node. Parsing is the same code in both, so the app and the CLI agree.
 */
import { decodeColumnar } from './columnar';
import { DATASET_FORMAT, type AreaNames, type DatasetManifest } from './datasetFormat';
import { gunzipIfNeeded } from './gzip';

/** Reads one file of a dataset directory by its relative name. */
export type ByteReader = (name: string) => Promise<Uint8Array>;

export interface Villages {
  count: number;
  /** 8-digit DOPA village codes as numbers, ascending. */
  code: Uint32Array;
  lon: Float32Array;
  lat: Float32Array;
}

/** Household deprivation profiles of one year (DESIGN.md §2.3). */
export interface Profiles {
  year: number;
  /** Rows of village v are villageStart[v] .. villageStart[v+1]-1. */
  villageStart: Uint32Array;
  mask: Uint32Array;
  households: Uint32Array;
  persons: Uint32Array;
}

export async function readManifest(read: ByteReader): Promise<DatasetManifest> {
  const text = new TextDecoder().decode(await read('manifest.json'));
  let m: DatasetManifest;
  try {
    m = JSON.parse(text);
  } catch (e) {
    throw new Error(`manifest.json: not valid JSON (${(e as Error).message})`);
  }
  if (m.format !== DATASET_FORMAT) throw new Error(`manifest.json: format is "${m.format}", expected "${DATASET_FORMAT}"`);
  return m;
}

export async function readJson<T>(read: ByteReader, name: string): Promise<T> {
  const bytes = await gunzipIfNeeded(await read(name));
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (e) {
    throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
  }
}

export async function readAreas(read: ByteReader, m: DatasetManifest): Promise<AreaNames> {
  return readJson<AreaNames>(read, m.files.areas);
}

export async function readVillages(read: ByteReader, m: DatasetManifest): Promise<Villages> {
  const name = m.files.villages;
  const t = decodeColumnar(await gunzipIfNeeded(await read(name)), name);
  const { code, lon, lat } = t.columns as { code: Uint32Array; lon: Float32Array; lat: Float32Array };
  if (!code || !lon || !lat) throw new Error(`${name}: needs columns code, lon, lat`);
  return { count: code.length, code, lon, lat };
}

export async function readProfiles(read: ByteReader, m: DatasetManifest, year: number, villageCount: number): Promise<Profiles> {
  const name = m.files.profiles[String(year)];
  if (!name) throw new Error(`manifest.json: no profiles for year ${year} (have ${Object.keys(m.files.profiles).join(', ')})`);
  const t = decodeColumnar(await gunzipIfNeeded(await read(name)), name);
  const c = t.columns as Record<string, Uint32Array>;
  for (const k of ['villageStart', 'mask', 'households', 'persons']) if (!c[k]) throw new Error(`${name}: missing column ${k}`);
  if (c.villageStart.length !== villageCount + 1) {
    throw new Error(`${name}: villageStart has ${c.villageStart.length} entries, expected ${villageCount + 1} (villages + 1)`);
  }
  return { year, villageStart: c.villageStart, mask: c.mask, households: c.households, persons: c.persons };
}

export async function readVillageBasic(read: ByteReader, m: DatasetManifest): Promise<Record<string, Uint8Array> | null> {
  if (!m.files.villageBasic) return null;
  const t = decodeColumnar(await gunzipIfNeeded(await read(m.files.villageBasic)), m.files.villageBasic);
  return t.columns as Record<string, Uint8Array>;
}

export async function readText(read: ByteReader, name: string): Promise<string> {
  return new TextDecoder().decode(await gunzipIfNeeded(await read(name)));
}

export { villageCodeString } from '../domain/adminCodes';
