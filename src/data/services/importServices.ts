/**
 * Service-list import (issue 5 item 2): rows of a CSV or GeoJSON file → a Services table and a
 * report of everything that was dropped, fixed or doubtful, each problem naming file and line.
 *
 * Order of checks: citizen-id columns dropped; type mapped (rows mapped to 'ignore' stop here, so
 * a temple with bad coordinates is not an error); coordinates parsed and checked (projected files
 * refused whole, a file with swapped axes fixed whole, single swapped rows fixed with a warning,
 * points outside Thailand dropped); ids checked for repeats; same-class points within a few
 * metres reported. Nothing here touches what the app has already loaded: the result is a new table
 * (concatServices adds it to an existing one).
 */
import { SERVICE_TYPES } from '../datasetFormat';
import { citizenIdColumns, COLUMN_CANDIDATES, detectColumns, type ServiceField } from './columns';
import { classifyPoint, parseCoordinate, projectedMessage, THAILAND_BOX } from './coordinates';
import { findNearDuplicates } from './duplicates';
import { readServiceTable, rowPlace, type RawTable } from './rawTable';
import {
  MAX_LISTED_PROBLEMS,
  ServiceImportError,
  type ImportProblem,
  type ProblemKind,
  type ServiceImportReport,
  type Services,
} from './services';
import { canonicalTypeMapper, type TypeMapper } from './typeMapping';

export interface ServiceImportOptions {
  /** Exact column names chosen by the user, overriding header detection (columns.ts). */
  columns?: Partial<Record<ServiceField, string>>;
  /** Maps the type column's values to classes; default: the canonical names and their Thai/English spellings. */
  mapper?: TypeMapper;
  /** Class for rows without a type value (e.g. a file that lists only schools). */
  defaultType?: string;
  /** Same-class points at most this far apart are reported as near-duplicates (default 5 m). */
  duplicateToleranceM?: number;
  /** Drop near-duplicates instead of only reporting them (default false). */
  dropNearDuplicates?: boolean;
}

export interface ServiceImport {
  services: Services;
  report: ServiceImportReport;
}

/** Parses a service file (CSV or GeoJSON, by name or content) and imports it. */
export function importServicesText(text: string, source: string, options: ServiceImportOptions = {}): ServiceImport {
  return importServiceTable(readServiceTable(text, source), options);
}

/** Projected CRS names in a GeoJSON `crs` member (anything but EPSG:4326 / CRS84). */
function isProjectedCrs(name: string | undefined): boolean {
  if (!name) return false;
  return !/CRS84|EPSG::?4326\b|EPSG:4326\b/i.test(name);
}

export function importServiceTable(table: RawTable, options: ServiceImportOptions = {}): ServiceImport {
  const { source } = table;
  const where = (row: number) => rowPlace(table, row);
  const mapper = options.mapper ?? canonicalTypeMapper;
  const toleranceM = options.duplicateToleranceM ?? 5;
  const notes: string[] = [];
  const problems: ImportProblem[] = [];
  const countsByKind: Partial<Record<ProblemKind, number>> = {};
  let problemCount = 0;
  const problem = (kind: ProblemKind, row: number, severity: ImportProblem['severity'], text: string) => {
    problemCount++;
    countsByKind[kind] = (countsByKind[kind] ?? 0) + 1;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ kind, row, severity, message: `${source}: ${where(row)}: ${text}` });
  };

  // Citizen ids never go further than this function (PDPA, DESIGN.md §5).
  const citizen = citizenIdColumns(table.columns, table.rows);
  for (const c of citizen) {
    for (const r of table.rows) delete r.values[c];
    notes.push(`column "${c}" holds 13-digit citizen ids: dropped, not imported`);
  }
  const columnList = table.columns.filter((c) => !citizen.includes(c));
  let cols: Record<ServiceField, string | null>;
  try {
    cols = detectColumns(columnList, options.columns, source);
  } catch (e) {
    throw new ServiceImportError((e as Error).message);
  }
  if (table.format === 'geojson') {
    cols.lon = null;
    cols.lat = null;
    if (isProjectedCrs(table.crsName)) {
      const first = table.rows.find((r) => r.point && 'x' in r.point);
      const p = first?.point as { x: number; y: number } | undefined;
      throw new ServiceImportError(projectedMessage(source, `crs ${table.crsName}`, p?.x ?? NaN, p?.y ?? NaN));
    }
  } else if (!cols.lon || !cols.lat) {
    throw new ServiceImportError(
      `${source}: no ${!cols.lon ? 'longitude' : 'latitude'} column found (columns: ${columnList.join(', ')}); ` +
        `name it one of ${(!cols.lon ? COLUMN_CANDIDATES.lon : COLUMN_CANDIDATES.lat).slice(0, 6).join(', ')} … or choose it by hand`,
    );
  }
  if (!cols.type && options.defaultType === undefined) {
    throw new ServiceImportError(`${source}: no service type column found (columns: ${columnList.join(', ')}); name it type / ประเภท / lm_type, choose it, or give a default type`);
  }
  if (!cols.id) notes.push('no id column: ids are row-<line>');

  // Pass 1: type mapping and raw coordinates.
  interface Candidate {
    row: number;
    values: Record<string, string>;
    type: string;
    x: number;
    y: number;
    problem?: string;
  }
  const ignored: Record<string, number> = {};
  const unmapped = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const r of table.rows) {
    const raw = cols.type ? (r.values[cols.type] ?? '') : '';
    let type: string | undefined;
    if (raw === '') {
      type = options.defaultType;
      if (type === undefined) {
        problem('missing-type', r.row, 'error', `no service type (column "${cols.type}" is empty)`);
        continue;
      }
    } else {
      type = mapper(raw, r.values);
      if (type === undefined) {
        unmapped.set(raw, (unmapped.get(raw) ?? 0) + 1);
        problem('unmapped-type', r.row, 'error', `service type "${raw}" is not mapped to a class (hospital, health_promoting_hospital, school or ignore)`);
        continue;
      }
    }
    if (type === 'ignore') {
      ignored[raw] = (ignored[raw] ?? 0) + 1;
      continue;
    }
    let x: number;
    let y: number;
    let why: string | undefined;
    if (table.format === 'geojson') {
      const p = r.point!;
      if ('problem' in p) {
        problem('bad-geometry', r.row, 'error', `feature ${p.problem}`);
        continue;
      }
      ({ x, y } = p);
    } else {
      const xs = r.values[cols.lon!] ?? '';
      const ys = r.values[cols.lat!] ?? '';
      x = parseCoordinate(xs);
      y = parseCoordinate(ys);
      if (Number.isNaN(x)) why = xs === '' ? `longitude ("${cols.lon}") is empty` : `longitude "${xs}" ("${cols.lon}") is not a number`;
      else if (Number.isNaN(y)) why = ys === '' ? `latitude ("${cols.lat}") is empty` : `latitude "${ys}" ("${cols.lat}") is not a number`;
    }
    candidates.push({ row: r.row, values: r.values, type, x, y, problem: why });
  }

  // File-level coordinate checks on the rows that matter.
  let ok = 0;
  let swapped = 0;
  let projected = 0;
  let numeric = 0;
  for (const c of candidates) {
    const v = classifyPoint(c.x, c.y);
    if (v !== 'invalid') numeric++;
    if (v === 'ok') ok++;
    else if (v === 'swapped') swapped++;
    else if (v === 'projected') projected++;
  }
  if (numeric > 0 && projected * 2 >= numeric) {
    const first = candidates.find((c) => classifyPoint(c.x, c.y) === 'projected')!;
    throw new ServiceImportError(projectedMessage(source, where(first.row), first.x, first.y));
  }
  const swapAll = swapped > ok;
  if (swapAll) {
    notes.push(
      `${table.format === 'csv' ? `columns "${cols.lon}" and "${cols.lat}"` : 'coordinates'} hold latitude and longitude the other way round ` +
        `(${swapped} of ${numeric} points fit Thailand only when swapped): swapped for the whole file`,
    );
  }

  // Pass 2: per-row checks and the table.
  const typeNames: string[] = [...SERVICE_TYPES];
  const accepted: { c: Candidate; lon: number; lat: number; id: string; code: number; capacity: number }[] = [];
  const idFirstRow = new Map<string, number>();
  for (const c of candidates) {
    if (c.problem) {
      problem('bad-coordinates', c.row, 'error', c.problem);
      continue;
    }
    let lon = swapAll ? c.y : c.x;
    let lat = swapAll ? c.x : c.y;
    const v = classifyPoint(lon, lat);
    if (v === 'projected') {
      problem('bad-coordinates', c.row, 'error', `coordinates (${lon}, ${lat}) are not degrees (projected metres?)`);
      continue;
    }
    if (v === 'outside') {
      problem(
        'outside-thailand',
        c.row,
        'error',
        `point (lon ${lon}, lat ${lat}) is outside Thailand (${THAILAND_BOX.minLon}–${THAILAND_BOX.maxLon} °E, ${THAILAND_BOX.minLat}–${THAILAND_BOX.maxLat} °N)`,
      );
      continue;
    }
    if (v === 'swapped') {
      problem('swapped-coordinates', c.row, 'warning', `longitude and latitude were swapped (lon ${lon}, lat ${lat}): fixed to lon ${lat}, lat ${lon}`);
      [lon, lat] = [lat, lon];
    }
    const rawId = cols.id ? (c.values[cols.id] ?? '') : '';
    const id = rawId === '' ? `row-${c.row}` : rawId;
    const firstRow = idFirstRow.get(id);
    if (firstRow !== undefined) {
      problem('duplicate-id', c.row, 'error', `id "${id}" already used on ${where(firstRow)}: row not imported`);
      continue;
    }
    idFirstRow.set(id, c.row);
    let capacity = NaN;
    if (cols.capacity) {
      const s = (c.values[cols.capacity] ?? '').replace(/[,\s]/g, '');
      if (s !== '') {
        capacity = Number(s);
        if (!Number.isFinite(capacity) || capacity < 0) {
          problem('bad-capacity', c.row, 'warning', `capacity "${c.values[cols.capacity]}" is not a number ≥ 0: treated as unknown`);
          capacity = NaN;
        }
      }
    }
    let code = typeNames.indexOf(c.type);
    if (code < 0) code = typeNames.push(c.type) - 1;
    if (code > 255) throw new ServiceImportError(`${source}: more than 256 service classes; map the type column to fewer classes`);
    accepted.push({ c, lon, lat, id, code, capacity });
  }

  // Near-duplicates among accepted points (same class, within toleranceM).
  const dups = findNearDuplicates(
    accepted.map((a) => a.lon),
    accepted.map((a) => a.lat),
    accepted.map((a) => a.code),
    toleranceM,
  );
  const drop = new Set<number>();
  for (const d of dups) {
    const a = accepted[d.index];
    const b = accepted[d.of];
    const action = options.dropNearDuplicates ? 'not imported' : 'kept';
    problem('near-duplicate', a.c.row, options.dropNearDuplicates ? 'error' : 'warning', `same class (${a.c.type}) and ${d.distanceM.toFixed(1)} m from ${where(b.c.row)} (id "${b.id}"): ${action}`);
    if (options.dropNearDuplicates) drop.add(d.index);
  }
  const rows = accepted.filter((_, k) => !drop.has(k));

  const n = rows.length;
  const services: Services = {
    count: n,
    id: rows.map((a) => a.id),
    typeCode: Uint8Array.from(rows, (a) => a.code),
    typeNames,
    level: rows.map((a) => (cols.level ? (a.c.values[cols.level] ?? '') : '')),
    sizeClass: rows.map((a) => (cols.sizeClass ? (a.c.values[cols.sizeClass] ?? '') : '')),
    nameTh: rows.map((a) => (cols.nameTh ? (a.c.values[cols.nameTh] ?? '') : '')),
    nameEn: rows.map((a) => (cols.nameEn ? (a.c.values[cols.nameEn] ?? '') : '')),
    lon: Float64Array.from(rows, (a) => a.lon),
    lat: Float64Array.from(rows, (a) => a.lat),
    capacity: Float64Array.from(rows, (a) => a.capacity),
    sourceRow: Uint32Array.from(rows, (a) => a.c.row),
  };
  const countsByType: Record<string, number> = {};
  for (const a of rows) countsByType[a.c.type] = (countsByType[a.c.type] ?? 0) + 1;
  const report: ServiceImportReport = {
    source,
    format: table.format,
    rows: table.rows.length,
    accepted: n,
    ignored,
    problems,
    problemCount,
    countsByKind,
    unmappedTypes: [...unmapped].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count),
    countsByType,
    columns: {
      lon: table.format === 'geojson' ? 'geometry' : cols.lon,
      lat: table.format === 'geojson' ? 'geometry' : cols.lat,
      id: cols.id,
      type: cols.type,
      level: cols.level,
      sizeClass: cols.sizeClass,
      nameTh: cols.nameTh,
      nameEn: cols.nameEn,
      capacity: cols.capacity,
    },
    notes,
  };
  return { services, report };
}

/** One line per problem kind plus the notes: a summary for the CLI and logs. */
export function summariseReport(report: ServiceImportReport): string {
  const parts = [`${report.source}: ${report.accepted} of ${report.rows} rows imported`];
  const ign = Object.values(report.ignored).reduce((a, b) => a + b, 0);
  if (ign) parts.push(`${ign} ignored by the type mapping`);
  for (const [k, v] of Object.entries(report.countsByKind)) parts.push(`${v} ${k}`);
  return [parts.join('; '), ...report.notes.map((n) => `${report.source}: ${n}`)].join('\n');
}
