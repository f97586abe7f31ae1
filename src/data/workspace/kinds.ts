/**
 * What a file's data are — boundaries, villages, services, records, village basic data,
 * households, TPMAP tables — decided from its columns and geometry, the same way for every
 * format (issue 14): a CSV's head, an Excel sheet, a Shapefile's or KML's features all come here
 * once read into the common form (formats/reader.ts).
 */
import type { FeatureCollection } from 'geojson';
import { normaliseHeader } from '../services/columns';
import { readGeoJsonTable, type RawTable } from '../services/rawTable';
import { canonicalTypeMapper } from '../services/typeMapping';
import { detectVillageCodeColumn } from '../villages/villageLocations';
import { looksLikeVillageBasic } from '../villages/villageBasic';

export type FileKind = 'tpmap' | 'households' | 'records' | 'boundaries' | 'villages' | 'services' | 'lights' | 'village_data' | 'unknown';

export interface Classified {
  kind: FileKind;
  /** Why, in a few words (shown in the import report). */
  reason: string;
}

export const COORD_HEADERS = ['lon', 'lng', 'long', 'longitude', 'x', 'easting', 'ลองจิจูด', 'lat', 'latitude', 'y', 'northing', 'ละติจูด'];
export const TYPE_HEADERS = ['type', 'servicetype', 'class', 'category', 'lmtype', 'ประเภท', 'ประเภทหน่วยบริการ', 'hospcode', 'schoolid'];

/** The kinds a header row alone tells (TPMAP, household, assistance-record, village basic data columns), or null. */
export function kindOfColumns(columns: string[]): Classified | null {
  const line = columns.join(',').toLowerCase();
  if (/poor\.jpt\.mofval|village_id.*household\.cnt|housemember_cnt/.test(line)) return { kind: 'tpmap', reason: 'TPMAP table columns' };
  const cols = columns.map((c) => normaliseHeader(c.replace(/"/g, '')));
  if (cols.includes('villagecode') && cols.includes('members') && cols.some((c) => /^(h1|welfarecard)$/.test(c))) return { kind: 'households', reason: 'household CSV columns' };
  if ((cols.includes('caseid') || cols.includes('รหัสกรณี')) && (cols.includes('status') || cols.includes('สถานะ'))) return { kind: 'records', reason: 'assistance record columns' };
  if (looksLikeVillageBasic(columns)) return { kind: 'village_data', reason: 'village basic data columns' };
  return null;
}

/** A table (a CSV's head, an Excel sheet): by its header, else points by coordinate and type columns. */
export function kindOfTable(table: RawTable): Classified {
  const byHeader = kindOfColumns(table.columns);
  if (byHeader) return byHeader;
  const norm = table.columns.map(normaliseHeader);
  const hasCoords = norm.some((c) => COORD_HEADERS.includes(c));
  const hasType = norm.some((c) => TYPE_HEADERS.includes(c));
  // Points without a type are village points (a file without codes is then refused by the
  // village import, asking for the code column, rather than taken for services).
  if (hasCoords && !hasType) return { kind: 'villages', reason: detectVillageCodeColumn(table) ? 'village codes with coordinates' : 'points without a type column' };
  if (hasCoords) return { kind: 'services', reason: 'points with a type or name' };
  return { kind: 'unknown', reason: `columns ${table.columns.slice(0, 6).join(', ')} match no known file kind` };
}

/** Whether a row of cells is a header Cheepao knows (for sheets whose header sits below title rows). */
export function isKnownHeader(table: RawTable): boolean {
  return kindOfTable(table).kind !== 'unknown';
}

/**
 * Point features: services when they carry a landmark code (lm_type) or a type column (unless
 * they carry village codes and the type values are no service class), else village points.
 */
export function kindOfPoints(table: RawTable, label: string, codeField?: string): Classified {
  const norm = table.columns.map(normaliseHeader);
  if (norm.includes('lmtype')) return { kind: 'services', reason: `${label} points with GISTDA lm_type` };
  const typeCol = table.columns.find((c) => TYPE_HEADERS.includes(normaliseHeader(c)));
  const codes = (codeField && table.columns.includes(codeField)) || detectVillageCodeColumn(table);
  if (typeCol) {
    const sample = table.rows.slice(0, 500);
    const services = sample.filter((r) => canonicalTypeMapper(r.values[typeCol] ?? '', r.values)).length;
    if (!codes || services >= sample.length / 2) return { kind: 'services', reason: `${label} points with a type column (${typeCol})` };
  }
  return { kind: 'villages', reason: codes ? `${label} points with village codes` : `${label} points without a type column` };
}

/** Features read from any format (GeoJSON, Shapefile, KML): by their geometry, then their properties. */
export function kindOfFeatures(fc: FeatureCollection, label: string, codeField?: string): Classified {
  const counts = new Map<string, number>();
  for (const f of fc.features) if (f.geometry) counts.set(f.geometry.type, (counts.get(f.geometry.type) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (main === 'Polygon' || main === 'MultiPolygon') return { kind: 'boundaries', reason: `${label} polygons` };
  // The point kind is told from a sample (the code column from 1,000 rows, the type values from
  // 500, as for a CSV): a 65,000-village Shapefile is not turned into a table twice.
  if (main === 'Point' || main === 'MultiPoint') return kindOfPoints(readGeoJsonTable(fc.features.length > 1000 ? { ...fc, features: fc.features.slice(0, 1000) } : fc, label), label, codeField);
  if (!main) return { kind: 'unknown', reason: `${label} features without geometry` };
  return { kind: 'unknown', reason: `${label} ${main}s (lines such as roads or rivers) are not a layer Cheepao reads` };
}
