/**
 * The services and village populations of a dataset directory (datasetFormat.ts), as the access
 * measures need them: used by the CLI, the bench and the app's worker alike.
 */
import { readProfiles, readText, type ByteReader, type Profiles } from '../dataset';
import type { DatasetManifest } from '../datasetFormat';
import { importServicesText, type ServiceImport } from './importServices';
import { readTpmapCounts } from '../tpmap/countsFile';
import { COMMON_FIELDS } from '../tpmap/tpmapCsv';
import { villageCodeString } from '../../domain/adminCodes';

/** Reads and imports services.csv.gz (or whatever the manifest names). Null when the dataset has no services. */
export async function readDatasetServices(read: ByteReader, manifest: DatasetManifest): Promise<ServiceImport | null> {
  const name = manifest.files.services;
  if (!name) return null;
  return importServicesText(await readText(read, name), name);
}

/** People per village: Σ persons over the village's profile rows (DESIGN.md §2.3). */
export function peoplePerVillage(profiles: Profiles): Float64Array {
  const n = profiles.villageStart.length - 1;
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let r = profiles.villageStart[v]; r < profiles.villageStart[v + 1]; r++) s += profiles.persons[r];
    out[v] = s;
  }
  return out;
}

/** People per village in the manifest's latest data year. */
export async function readLatestPeople(read: ByteReader, manifest: DatasetManifest, villages: { count: number; code: Uint32Array }): Promise<{ year: number; people: Float64Array; from: 'profiles' | 'TPMAP' }> {
  const year = Math.max(...manifest.years);
  if (manifest.files.profiles?.[String(year)]) return { year, people: peoplePerVillage(await readProfiles(read, manifest, year, villages.count)), from: 'profiles' };
  // A TPMAP workspace has no household profiles: people from the year's `common` table, as the
  // app's TPMAP session takes them (tpmapSession.ts villagePeople; 0 where TPMAP has no row).
  const counts = await readTpmapCounts(read, manifest, year);
  const common = counts.tables.get('common');
  const k = COMMON_FIELDS.indexOf('people');
  return { year, people: Float64Array.from(villages.code, (v) => common?.get(villageCodeString(v))?.[k] ?? 0), from: 'TPMAP' };
}
