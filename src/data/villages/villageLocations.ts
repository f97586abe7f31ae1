/**
 * Village locations (issue 8 item 3): a CSV (`code` + lon/lat, or x/y in a projected CRS that the
 * user names) or GeoJSON points, joined to the workspace's villages by 8-digit DOPA code (a TPMAP
 * 10-digit id is reduced to its first 8 digits by normaliseAdminCode).
 *
 * The code column is found by its values (≥ 90 % of rows normalise to 8-digit village codes),
 * preferring header names that say so (VILL_IDN, village_code, รหัสหมู่บ้าน …); a file without
 * one cannot be joined and is refused, asking for the column. Projected coordinates are converted
 * only with the CRS the user gives (never guessed): UTM 47N/48N on WGS 84 (EPSG:32647/32648) and
 * on Indian 1975 (EPSG:24047/24048, the older Thai survey datum), through proj4.
 * Repeated codes keep their first row and are reported (the GISTDA Pai layer has 4).
 */
import proj4 from 'proj4';
import { normaliseAdminCode } from '../../domain/adminCodes';
import { haversineKm } from '../../domain/geo';
import { citizenIdColumns, detectColumns, normaliseHeader } from '../services/columns';
import { classifyPoint, parseCoordinate } from '../services/coordinates';
import { readServiceTable, rowPlace, type RawTable } from '../services/rawTable';

/** Projected CRSs we convert, with their proj4 definitions (EPSG registry parameters). */
export const PROJECTED_CRS: Record<string, string> = {
  'EPSG:32647': '+proj=utm +zone=47 +datum=WGS84 +units=m +no_defs',
  'EPSG:32648': '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs',
  // Indian 1975 / UTM, towgs84 from EPSG transformation 1812 (Thailand).
  'EPSG:24047': '+proj=utm +zone=47 +a=6377276.345 +rf=300.8017 +towgs84=210,814,289,0,0,0,0 +units=m +no_defs',
  'EPSG:24048': '+proj=utm +zone=48 +a=6377276.345 +rf=300.8017 +towgs84=210,814,289,0,0,0,0 +units=m +no_defs',
};
export const GEOGRAPHIC_CRS = ['EPSG:4326', 'CRS84'];

export interface VillageLocationOptions {
  /** CRS of x/y columns: EPSG:4326 (default) or one of PROJECTED_CRS. */
  crs?: string;
  /** Column holding the village code (default: detected). */
  codeField?: string;
}

export interface VillageLocationReport {
  file: string;
  rows: number;
  located: number;
  codeField: string;
  crs: string;
  duplicates: { count: number; examples: string[] };
  /**
   * Every repeated code (issue 14 item 4) with the great-circle distance from the kept (first)
   * point to the dropped one, and both rows' names: a planner sees whether it is the same place
   * written twice (0 km) or two villages under one code (km apart) to fix at the source.
   */
  conflicts: { code: string; row: number; keptRow: number; distanceKm: number; keptName: string; name: string }[];
  badRows: { count: number; examples: { row: number; message: string }[] };
  notes: string[];
}

export interface VillageLocations {
  /** 8-digit codes (as numbers), in file order, unique. */
  code: number[];
  lon: number[];
  lat: number[];
  /** Village name when the file has one ('' otherwise). */
  name: string[];
  report: VillageLocationReport;
}

export class VillageLocationError extends Error {}

const CODE_HINTS = ['villidn', 'villagecode', 'villcode8', 'villageid', 'vid', 'vilcode', 'code', 'รหัสหมู่บ้าน', 'รหัส'];
const NAME_HINTS = ['villtn', 'villagename', 'villname', 'name', 'nameth', 'ชื่อหมู่บ้าน', 'หมู่บ้าน', 'ชื่อ'];

/** The column whose values are 8-digit village codes (or TPMAP 10-digit ids), best-named first. */
export function detectVillageCodeColumn(table: RawTable): string | null {
  const sample = table.rows.slice(0, 1000);
  if (!sample.length) return null;
  const ok = table.columns.filter((c) => {
    let n = 0;
    for (const r of sample) if (normaliseAdminCode(r.values[c] ?? '')?.length === 8) n++;
    return n >= 0.9 * sample.length;
  });
  const rank = (c: string) => {
    const i = CODE_HINTS.indexOf(normaliseHeader(c));
    return i < 0 ? CODE_HINTS.length : i;
  };
  return ok.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

export function importVillageLocations(text: string | RawTable, file: string, options: VillageLocationOptions = {}): VillageLocations {
  const table = typeof text === 'string' ? readServiceTable(text, file) : text; // a table: already read (Excel, Shapefile, KML)
  const crs = (options.crs ?? 'EPSG:4326').toUpperCase().replace(/^EPSG::?/, 'EPSG:');
  if (!GEOGRAPHIC_CRS.includes(crs) && !PROJECTED_CRS[crs]) {
    throw new VillageLocationError(`${file}: CRS ${options.crs} is not supported (use EPSG:4326, ${Object.keys(PROJECTED_CRS).join(', ')})`);
  }
  const citizen = citizenIdColumns(table.columns, table.rows);
  const columns = table.columns.filter((c) => !citizen.includes(c));
  let codeField = options.codeField ?? null;
  if (codeField && !columns.includes(codeField)) throw new VillageLocationError(`${file}: no column "${codeField}" (columns: ${columns.join(', ')})`);
  codeField ??= detectVillageCodeColumn({ ...table, columns });
  if (!codeField) {
    throw new VillageLocationError(`${file}: no village code column (8-digit DOPA code such as 73010101, or a TPMAP 10-digit id) among ${columns.join(', ') || '(no columns)'}; points without codes cannot be joined to villages — add the code column or name it (code field / --code-field); a list of services needs a type column (hospital, รพ.สต., school)`);
  }
  const nameCol = columns.find((c) => NAME_HINTS.includes(normaliseHeader(c)) && c !== codeField) ?? null;
  const cols = table.format === 'csv' ? detectColumns(columns, {}, file) : null;
  if (cols && (!cols.lon || !cols.lat)) throw new VillageLocationError(`${file}: no ${!cols.lon ? 'longitude/x' : 'latitude/y'} column (columns: ${columns.join(', ')})`);
  const transform = PROJECTED_CRS[crs] ? proj4(PROJECTED_CRS[crs], 'EPSG:4326') : null;

  const report: VillageLocationReport = {
    file, rows: table.rows.length, located: 0, codeField, crs, duplicates: { count: 0, examples: [] }, conflicts: [], badRows: { count: 0, examples: [] },
    notes: citizen.map((c) => `column "${c}" holds 13-digit citizen ids: dropped`),
  };
  const bad = (row: number, message: string) => {
    report.badRows.count++;
    if (report.badRows.examples.length < 50) report.badRows.examples.push({ row, message });
  };
  const at = (row: number) => rowPlace(table, row);
  const out: VillageLocations = { code: [], lon: [], lat: [], name: [], report };
  // Code → index of its kept row in `out` and that row's number in the file.
  const seen = new Map<number, { at: number; row: number }>();
  for (const r of table.rows) {
    const code = normaliseAdminCode(r.values[codeField] ?? '');
    if (!code || code.length !== 8) {
      bad(r.row, `${at(r.row)}: "${r.values[codeField] ?? ''}" is not a village code`);
      continue;
    }
    let x: number;
    let y: number;
    if (cols) {
      x = parseCoordinate(r.values[cols.lon!]);
      y = parseCoordinate(r.values[cols.lat!]);
    } else if (r.point && 'x' in r.point) {
      x = r.point.x;
      y = r.point.y;
    } else {
      bad(r.row, `${at(r.row)}: ${(r.point as { problem: string } | undefined)?.problem ?? 'no point'}`);
      continue;
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      bad(r.row, `${at(r.row)}: coordinates are not numbers`);
      continue;
    }
    if (transform) {
      if (Math.abs(x) <= 180 && Math.abs(y) <= 90) throw new VillageLocationError(`${file}: ${at(r.row)}: (${x}, ${y}) looks like longitude/latitude, but ${crs} was given; choose EPSG:4326`);
      [x, y] = transform.forward([x, y]);
    } else {
      const v = classifyPoint(x, y);
      if (v === 'projected' || Math.abs(x) > 180 || Math.abs(y) > 90) {
        throw new VillageLocationError(`${file}: ${at(r.row)}: (${x}, ${y}) is not longitude/latitude — the file looks projected; say which CRS it is in (e.g. EPSG:32647 for UTM 47N: --crs EPSG:32647 or the CRS choice in the app)`);
      }
      if (v === 'swapped') [x, y] = [y, x];
    }
    const n = Number(code);
    const kept = seen.get(n);
    if (kept) {
      // Rule: the first row of a code in file order is kept (deterministic, independent of the
      // other rows' values; the same as QGIS's and pandas' "first" for a join by attribute).
      report.duplicates.count++;
      if (report.duplicates.examples.length < 20) report.duplicates.examples.push(code);
      report.conflicts.push({ code, row: r.row, keptRow: kept.row, distanceKm: haversineKm(out.lon[kept.at], out.lat[kept.at], x, y), keptName: out.name[kept.at], name: nameCol ? r.values[nameCol] ?? '' : '' });
      continue;
    }
    seen.set(n, { at: out.code.length, row: r.row });
    out.code.push(n);
    out.lon.push(x);
    out.lat.push(y);
    out.name.push(nameCol ? r.values[nameCol] ?? '' : '');
  }
  report.located = out.code.length;
  // The first name shows at a glance whether the column and the text encoding are right (a
  // cp874 DBF read as UTF-8 would show replacement characters here).
  if (nameCol && out.name.some(Boolean)) report.notes.push(`${file}: village names from column ${nameCol} (first: "${out.name.find(Boolean)}")`);
  if (!out.code.length) throw new VillageLocationError(`${file}: no row has a usable village code and location (${report.badRows.examples.slice(0, 3).map((b) => b.message).join('; ')})`);
  if (report.duplicates.count) {
    report.notes.push(`${report.duplicates.count} repeated village codes: the first row of each code is kept`);
    for (const c of report.conflicts) {
      const names = c.keptName || c.name ? ` (${c.keptName || '—'} / ${c.name || '—'})` : '';
      report.notes.push(`${file}: village ${c.code} at ${at(c.keptRow)} (kept) and ${at(c.row)}: ${c.distanceKm < 0.0005 ? 'the same point' : `${c.distanceKm.toFixed(c.distanceKm < 10 ? 2 : 1)} km apart`}${names}`);
    }
  }
  return out;
}

export function describeVillageLocations(r: VillageLocationReport, lang: 'en' | 'th' = 'en'): string {
  if (lang === 'th') {
    const th = [`${r.file}: พิกัดหมู่บ้าน ${r.located} แห่ง (รหัสจาก ${r.codeField}, ${r.crs})`];
    if (r.duplicates.count) th.push(`รหัสซ้ำ ${r.duplicates.count} รหัส`);
    if (r.badRows.count) th.push(`แถวที่ใช้ไม่ได้ ${r.badRows.count} แถว`);
    return th.join(' · ');
  }
  const parts = [`${r.file}: ${r.located} village locations (code from ${r.codeField}, ${r.crs})`];
  if (r.duplicates.count) parts.push(`${r.duplicates.count} repeated codes`);
  if (r.badRows.count) parts.push(`${r.badRows.count} bad rows`);
  return parts.join(' · ');
}
