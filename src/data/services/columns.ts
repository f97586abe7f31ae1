/**
 * Which column is which in a service list, from its header names, and which columns hold
 * 13-digit Thai citizen ids (never imported: DESIGN.md §5, PDPA).
 *
 * Header names are compared after lower-casing and removing spaces, dots, underscores, hyphens
 * and any parenthesised suffix, so "Latitude (WGS84)", "LAT_DD" and "lat" all match. Candidates
 * are tried in the order listed; the first present wins.
 */
import { CITIZEN_ID_HEADER, isCitizenId } from '../privacy';

/**
 * Recognised header names per field (normalised). Longitude: lon, lng, long, longitude, x,
 * ลองจิจูด (and common misspellings ลองติจูด, ลองจิจุด), พิกัดลองจิจูด, พิกัดx, easting.
 * Latitude: lat, latitude, y, ละติจูด (ลติจูด, ละติจุด), พิกัดละติจูด, พิกัดy, northing.
 * easting/northing are listed so that projected files reach the projected-coordinate check and
 * get its message instead of "no coordinate columns".
 */
export const COLUMN_CANDIDATES = {
  lon: ['lon', 'lng', 'long', 'longitude', 'ลองจิจูด', 'ลองติจูด', 'ลองจิจุด', 'พิกัดลองจิจูด', 'lonwgs84', 'londd', 'longdd', 'longitudedd', 'lonx', 'lngx', 'xcoord', 'xcoordinate', 'x', 'พิกัดx', 'easting'],
  lat: ['lat', 'latitude', 'ละติจูด', 'ลติจูด', 'ละติจุด', 'พิกัดละติจูด', 'latwgs84', 'latdd', 'latitudedd', 'laty', 'ycoord', 'ycoordinate', 'y', 'พิกัดy', 'northing'],
  id: ['id', 'serviceid', 'code', 'hospcode', 'hcode', 'schoolid', 'schoolcode', 'lmid', 'รหัส', 'รหัสหน่วยบริการ', 'รหัสสถานพยาบาล', 'รหัสโรงเรียน', 'fid', 'objectid'],
  type: ['type', 'servicetype', 'class', 'category', 'lmtype', 'ประเภท', 'ประเภทหน่วยบริการ', 'ชนิด'],
  level: ['level', 'servicelevel', 'hospitallevel', 'schoollevel', 'ระดับ'],
  sizeClass: ['sizeclass', 'size', 'schoolsize', 'ขนาด', 'ขนาดโรงเรียน'],
  nameTh: ['nameth', 'name', 'lmnamet', 'namet', 'thname', 'ชื่อ', 'ชื่อหน่วยบริการ', 'ชื่อสถานพยาบาล', 'ชื่อโรงเรียน'],
  nameEn: ['nameen', 'lmnamee', 'namee', 'enname', 'englishname', 'ชื่อภาษาอังกฤษ'],
  capacity: ['capacity', 'beds', 'bed', 'students', 'student', 'enrolment', 'enrollment', 'ความจุ', 'จำนวนเตียง', 'เตียง', 'จำนวนนักเรียน', 'นักเรียน'],
} as const;

export type ServiceField = keyof typeof COLUMN_CANDIDATES;

export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/[\s._\-/]+/g, '');
}

/** Column per field, from the candidates; `overrides` (exact column names) win. Unknown override → Error naming it. */
export function detectColumns(columns: string[], overrides: Partial<Record<ServiceField, string>> = {}, source = ''): Record<ServiceField, string | null> {
  const byNorm = new Map<string, string>();
  for (const c of columns) if (!byNorm.has(normaliseHeader(c))) byNorm.set(normaliseHeader(c), c);
  const out = {} as Record<ServiceField, string | null>;
  for (const field of Object.keys(COLUMN_CANDIDATES) as ServiceField[]) {
    const o = overrides[field];
    if (o !== undefined) {
      if (!columns.includes(o)) throw new Error(`${source}: no column "${o}" for ${field} (columns: ${columns.join(', ')})`);
      out[field] = o;
      continue;
    }
    out[field] = null;
    for (const cand of COLUMN_CANDIDATES[field]) {
      const hit = byNorm.get(cand);
      if (hit !== undefined) {
        out[field] = hit;
        break;
      }
    }
  }
  return out;
}

/**
 * Columns that hold Thai citizen ids: a header that says so, or at least 80 % of the non-empty
 * values being 13 digits (dashes and spaces ignored, as in 1-2345-67890-12-3).
 */
export function citizenIdColumns(columns: string[], rows: { values: Record<string, string> }[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    if (CITIZEN_ID_HEADER.test(normaliseHeader(c)) || CITIZEN_ID_HEADER.test(c)) {
      out.push(c);
      continue;
    }
    let filled = 0;
    let ids = 0;
    for (const r of rows) {
      const v = r.values[c];
      if (!v) continue;
      filled++;
      // 13 digits plus at most 4 separators; the length test spares the regex on most cells.
      if (isCitizenId(v)) ids++;
    }
    if (filled > 0 && ids >= 0.8 * filled) out.push(c);
  }
  return out;
}
