/**
 * `records.bin.gz`: the assistance records of a dataset directory, in the columnar container of
 * src/data/columnar.ts (gzip-compressed), one entry per record in file order:
 *
 *   case          u32  dense case index (0 … cases-1, order of first appearance)
 *   village       u32  8-digit DOPA village code
 *   members       u16  people in the household at the record
 *   day           i32  date: days since 1970-01-01 CE (Buddhist-era input converted at import)
 *   dimensions    u8   bit j = meta.dimensions[j] (health living education income access debt)
 *   status        u8   index into meta.statuses
 *   stage         u8   0 = not judged, else 1 + index into meta.stages
 *   agency        u16  index into meta.agencies (0 = '')
 *   debtBefore    f64  baht, NaN = not recorded
 *   debtAfter     f64  baht, NaN = not recorded
 *   outsideTarget u8   1 = found outside the target list
 *   caseIdUtf8    u8   the opaque case ids, UTF-8, concatenated in case order
 *   caseIdEnd     u32  [cases] end offset of case c's id in caseIdUtf8
 *   meta: { kind: 'cheepao-assistance-records', version: 1, statuses, stages, dimensions, agencies,
 *           source, rows, synthetic }
 *
 * No citizen id is ever among the case ids (recordCsv.ts replaces them before this point, and
 * encodeRecordsFile refuses any that slipped through). The manifest points at the file through
 * `files.records` (RECORDS_MANIFEST_KEY, DatasetManifest['files'].records).
 */
import { decodeColumnar, encodeColumnar } from '../columnar';
import type { ByteReader } from '../dataset';
import type { DatasetManifest } from '../datasetFormat';
import { gunzipIfNeeded } from '../gzip';
import { isCitizenId } from '../privacy';
import { RECORD_DIMENSIONS, RECORD_STAGES, RECORD_STATUSES, type AssistanceRecords } from '../../domain/progress/records';

export const RECORDS_FILE_NAME = 'records.bin.gz';
/** The key of DatasetManifest['files'] that names the records file. */
export const RECORDS_MANIFEST_KEY = 'records';
export const RECORDS_FILE_KIND = 'cheepao-assistance-records';
export const RECORDS_FILE_VERSION = 1;

export interface StoredRecords {
  records: AssistanceRecords;
  caseIds: string[];
  source: string;
  synthetic: boolean;
}

/** Uncompressed bytes of the records file (gzip them to write records.bin.gz). */
export function encodeRecordsFile(s: StoredRecords): Uint8Array {
  const r = s.records;
  if (s.caseIds.length !== r.caseCount) throw new Error(`records: ${s.caseIds.length} case ids for ${r.caseCount} cases`);
  const enc = new TextEncoder();
  const parts = s.caseIds.map((id) => {
    if (isCitizenId(id) || /\d{13}/.test(id.replace(/[-\s]/g, ''))) throw new Error('records: a case id is a 13-digit citizen id; refusing to write it (PDPA)');
    return enc.encode(id);
  });
  const caseIdEnd = new Uint32Array(parts.length);
  let total = 0;
  parts.forEach((p, i) => (caseIdEnd[i] = total += p.length));
  const caseIdUtf8 = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    caseIdUtf8.set(p, off);
    off += p.length;
  }
  const n = r.count;
  return encodeColumnar(
    {
      case: r.caseIndex.subarray(0, n),
      village: r.villageCode.subarray(0, n),
      members: r.members.subarray(0, n),
      day: r.day.subarray(0, n),
      dimensions: r.dimensionMask.subarray(0, n),
      status: r.status.subarray(0, n),
      stage: r.stage.subarray(0, n),
      agency: r.agency.subarray(0, n),
      debtBefore: r.debtBeforeBaht.subarray(0, n),
      debtAfter: r.debtAfterBaht.subarray(0, n),
      outsideTarget: r.outsideTarget.subarray(0, n),
      caseIdUtf8,
      caseIdEnd,
    },
    { kind: RECORDS_FILE_KIND, version: RECORDS_FILE_VERSION, statuses: RECORD_STATUSES, stages: RECORD_STAGES, dimensions: RECORD_DIMENSIONS, agencies: r.agencies, source: s.source, rows: n, synthetic: s.synthetic },
  );
}

/** Parse records file bytes (gzip or not); errors name the file. */
export async function decodeRecordsFile(bytes: Uint8Array, name: string): Promise<StoredRecords> {
  const t = decodeColumnar(await gunzipIfNeeded(bytes), name);
  const m = t.meta as { kind?: string; version?: number; statuses?: string[]; stages?: string[]; dimensions?: string[]; agencies?: string[]; source?: string; synthetic?: boolean };
  if (m.kind !== RECORDS_FILE_KIND) throw new Error(`${name}: not an assistance-records file (kind ${JSON.stringify(m.kind)})`);
  if (m.version !== RECORDS_FILE_VERSION) throw new Error(`${name}: records format version ${m.version}, this build reads ${RECORDS_FILE_VERSION}`);
  // The codes are indices into these lists: refuse a file written with other lists.
  if (JSON.stringify(m.statuses) !== JSON.stringify(RECORD_STATUSES) || JSON.stringify(m.stages) !== JSON.stringify(RECORD_STAGES) || JSON.stringify(m.dimensions) !== JSON.stringify(RECORD_DIMENSIONS)) {
    throw new Error(`${name}: status, stage or dimension codes differ from this build's`);
  }
  const c = t.columns as Record<string, never>;
  const need = ['case', 'village', 'members', 'day', 'dimensions', 'status', 'stage', 'agency', 'debtBefore', 'debtAfter', 'outsideTarget', 'caseIdUtf8', 'caseIdEnd'];
  for (const k of need) if (!c[k]) throw new Error(`${name}: missing column ${k}`);
  const n = (c.case as Uint32Array).length;
  for (const k of need.slice(0, 11)) if ((c[k] as Uint8Array).length !== n) throw new Error(`${name}: column ${k} has ${(c[k] as Uint8Array).length} entries, expected ${n}`);
  const ends = c.caseIdEnd as Uint32Array;
  const utf8 = c.caseIdUtf8 as Uint8Array;
  const dec = new TextDecoder();
  const caseIds = Array.from(ends, (e, i) => dec.decode(utf8.subarray(i ? ends[i - 1] : 0, e)));
  const caseIndex = c.case as Uint32Array;
  for (let i = 0; i < n; i++) if (caseIndex[i] >= caseIds.length) throw new Error(`${name}: record ${i} names case ${caseIndex[i]} of ${caseIds.length}`);
  return {
    records: {
      count: n,
      caseIndex,
      caseCount: caseIds.length,
      villageCode: c.village,
      members: c.members,
      day: c.day,
      dimensionMask: c.dimensions,
      status: c.status,
      stage: c.stage,
      agency: c.agency,
      agencies: m.agencies ?? [''],
      debtBeforeBaht: c.debtBefore,
      debtAfterBaht: c.debtAfter,
      outsideTarget: c.outsideTarget,
    },
    caseIds,
    source: m.source ?? '',
    synthetic: m.synthetic === true,
  };
}

/** The records of a dataset directory, or null when its manifest names none. */
export async function readDatasetRecords(read: ByteReader, m: DatasetManifest): Promise<StoredRecords | null> {
  const name = (m.files as Record<string, unknown>)[RECORDS_MANIFEST_KEY];
  if (typeof name !== 'string' || name === '') return null;
  return decodeRecordsFile(await read(name), name);
}
