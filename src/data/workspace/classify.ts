/**
 * The one file classifier (issue 8 item 7): what a dropped, opened or named file is, decided from
 * its name and its first bytes, the same in the browser and the CLI. Order matters: the most
 * specific signatures first (TPMAP export names, GeoTIFF magic, household and assistance-record
 * headers), then GeoJSON by geometry type, then CSV by its columns.
 */
import { classifyTpmapFile } from '../tpmap/tpmapCsv';
import { normaliseHeader } from '../services/columns';
import { readCsvTable, readGeoJsonTable } from '../services/rawTable';
import { detectVillageCodeColumn } from '../villages/villageLocations';
import { looksLikeVillageBasic } from '../villages/villageBasic';

export type FileKind = 'tpmap' | 'households' | 'records' | 'boundaries' | 'villages' | 'services' | 'lights' | 'village_data' | 'unknown';

export interface Classified {
  kind: FileKind;
  /** Why, in a few words (shown in the import report). */
  reason: string;
}

const TIFF_MAGIC = [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], [0x49, 0x49, 0x2b, 0x00], [0x4d, 0x4d, 0x00, 0x2b]];
const COORD_HEADERS = ['lon', 'lng', 'long', 'longitude', 'x', 'easting', 'ลองจิจูด', 'lat', 'latitude', 'y', 'northing', 'ละติจูด'];
const TYPE_HEADERS = ['type', 'servicetype', 'class', 'category', 'lmtype', 'ประเภท', 'ประเภทหน่วยบริการ', 'hospcode', 'schoolid'];

/** Text of the head without a trailing partial line (so a CSV sample parses cleanly). */
function headLines(text: string): string {
  const cut = text.lastIndexOf('\n');
  return cut > 0 ? text.slice(0, cut) : text;
}

export function classifyFile(name: string, head: Uint8Array): Classified {
  const base = name.split(/[\\/]/).pop() ?? name;
  const lower = base.toLowerCase();
  if (classifyTpmapFile(base)) return { kind: 'tpmap', reason: 'TPMAP export file name' };
  if (head.length >= 4 && TIFF_MAGIC.some((m) => m.every((b, i) => head[i] === b))) return { kind: 'lights', reason: 'GeoTIFF' };
  if (/\.tiff?$/.test(lower)) return { kind: 'lights', reason: 'GeoTIFF name' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  if (/\.(geo)?json$/.test(lower) || /^\s*\{/.test(text)) return classifyGeoJson(text);
  if (!/\.(csv|txt|tsv)$/.test(lower) && !/[,;\t]/.test(text.split('\n')[0] ?? '')) return { kind: 'unknown', reason: 'neither CSV, GeoJSON nor GeoTIFF' };
  const firstLine = (text.split(/\r?\n/)[0] ?? '').toLowerCase();
  if (/poor\.jpt\.mofval|village_id.*household\.cnt|housemember_cnt/.test(firstLine)) return { kind: 'tpmap', reason: 'TPMAP table columns' };
  const cols = firstLine.split(/[,;\t|]/).map((c) => normaliseHeader(c.replace(/"/g, '')));
  if (cols.includes('villagecode') && cols.includes('members') && cols.some((c) => /^(h1|welfarecard)$/.test(c))) return { kind: 'households', reason: 'household CSV columns' };
  if ((cols.includes('caseid') || cols.includes('รหัสกรณี')) && (cols.includes('status') || cols.includes('สถานะ'))) return { kind: 'records', reason: 'assistance record columns' };
  if (looksLikeVillageBasic(cols)) return { kind: 'village_data', reason: 'village basic data columns' };
  let table;
  try {
    table = readCsvTable(headLines(text), base);
  } catch {
    return { kind: 'unknown', reason: 'not readable as CSV' };
  }
  const norm = table.columns.map(normaliseHeader);
  const hasCoords = norm.some((c) => COORD_HEADERS.includes(c));
  const hasType = norm.some((c) => TYPE_HEADERS.includes(c));
  // Points without a type are village points (a file without codes is then refused by the
  // village import, asking for the code column, rather than taken for services).
  if (hasCoords && !hasType) return { kind: 'villages', reason: detectVillageCodeColumn(table) ? 'village codes with coordinates' : 'points without a type column' };
  if (hasCoords) return { kind: 'services', reason: 'points with a type or name' };
  return { kind: 'unknown', reason: `columns ${table.columns.slice(0, 6).join(', ')} match no known file kind` };
}

function classifyGeoJson(text: string): Classified {
  // The head may be cut mid-document: look at the first geometry type and properties by pattern.
  const geom = /"type"\s*:\s*"(Polygon|MultiPolygon|Point|MultiPoint|LineString|MultiLineString)"/.exec(text)?.[1];
  if (geom === 'Polygon' || geom === 'MultiPolygon') return { kind: 'boundaries', reason: `GeoJSON ${geom}s` };
  if (geom === 'Point' || geom === 'MultiPoint') {
    if (/"lm_type"|"type"\s*:\s*"(hospital|school|health_promoting_hospital)"/.test(text)) return { kind: 'services', reason: 'GeoJSON points with service types' };
    if (/"[A-Za-z_]*(village_?code|vill_?idn|village_?id)"\s*:\s*"?\d{8}(\d{2})?"?/i.test(text)) return { kind: 'villages', reason: 'GeoJSON points with village codes' };
    try {
      const end = text.lastIndexOf('}]');
      const doc = JSON.parse(end > 0 ? text.slice(0, end + 2) + '}' : text);
      const table = readGeoJsonTable(doc, 'head');
      if (detectVillageCodeColumn(table)) return { kind: 'villages', reason: 'GeoJSON points with village codes' };
    } catch {
      /* a cut head: fall through to services */
    }
    return { kind: 'services', reason: 'GeoJSON points' };
  }
  return { kind: 'unknown', reason: geom ? `GeoJSON ${geom}s are not a known layer` : 'JSON without a GeoJSON geometry' };
}
