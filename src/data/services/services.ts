/**
 * The columnar table of public services that import produces and access measures read
 * (structurally a domain/access ServicePoints), and the import report shown to the user.
 */
import { SERVICE_TYPES, type ServiceType } from '../datasetFormat';

export interface Services {
  count: number;
  /** Service id from the file, or `row-<n>` when the file has none. Unique within a table. */
  id: string[];
  /** Index into typeNames. */
  typeCode: Uint8Array;
  /** SERVICE_TYPES first (stable codes), then any other classes a file brought, in first-seen order. */
  typeNames: readonly string[];
  /** Hospital level / school level as given ('' = unknown). */
  level: string[];
  /** School size class as given ('' = unknown). */
  sizeClass: string[];
  nameTh: string[];
  nameEn: string[];
  /** WGS84 degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** Beds, students … as given; NaN = unknown. */
  capacity: Float64Array;
  /** Where each service came from: CSV line number or GeoJSON feature number (1-based). */
  sourceRow: Uint32Array;
}

export type ProblemKind =
  | 'bad-coordinates'
  | 'outside-thailand'
  | 'swapped-coordinates'
  | 'missing-type'
  | 'unmapped-type'
  | 'duplicate-id'
  | 'near-duplicate'
  | 'bad-capacity'
  | 'bad-geometry';

export interface ImportProblem {
  kind: ProblemKind;
  /** CSV line or GeoJSON feature number (1-based). */
  row: number;
  /** 'error': the row was not imported; 'warning': imported, possibly corrected. */
  severity: 'error' | 'warning';
  /** Complete sentence naming the file and the line/feature. */
  message: string;
}

export interface ServiceImportReport {
  source: string;
  format: 'csv' | 'geojson';
  /** Data rows / features read. */
  rows: number;
  /** Rows that became services. */
  accepted: number;
  /** Rows the type mapping sent to 'ignore' (temples, offices …), by original value. */
  ignored: Record<string, number>;
  /** Problems, listed up to MAX_LISTED_PROBLEMS; problemCount and countsByKind are complete. */
  problems: ImportProblem[];
  problemCount: number;
  countsByKind: Partial<Record<ProblemKind, number>>;
  /** Type values no mapping knew, with counts: the input of the UI's type-mapping step. */
  unmappedTypes: { value: string; count: number }[];
  /** Accepted services per class. */
  countsByType: Record<string, number>;
  /** Which column fed which field (null = none). */
  columns: Record<'lon' | 'lat' | 'id' | 'type' | 'level' | 'sizeClass' | 'nameTh' | 'nameEn' | 'capacity', string | null>;
  /** File-level facts: dropped citizen-id columns, swapped axes fixed, imputed ids … */
  notes: string[];
}

export const MAX_LISTED_PROBLEMS = 200;

/** A whole file refused (projected coordinates, no coordinate columns, not GeoJSON …). */
export class ServiceImportError extends Error {}

export function emptyServices(typeNames: readonly string[] = SERVICE_TYPES): Services {
  return {
    count: 0,
    id: [],
    typeCode: new Uint8Array(0),
    typeNames,
    level: [],
    sizeClass: [],
    nameTh: [],
    nameEn: [],
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    capacity: new Float64Array(0),
    sourceRow: new Uint32Array(0),
  };
}

/**
 * Appends table b to table a (a new table; neither input changes), so an import adds to what
 * is loaded instead of replacing it. Ids of b that already exist in a get a `#2`, `#3` … suffix.
 */
export function concatServices(a: Services, b: Services): Services {
  const typeNames = [...a.typeNames];
  const remap = b.typeNames.map((t) => {
    let k = typeNames.indexOf(t);
    if (k < 0) k = typeNames.push(t) - 1;
    return k;
  });
  const seen = new Set(a.id);
  const idsB = b.id.map((id) => {
    let out = id;
    for (let n = 2; seen.has(out); n++) out = `${id}#${n}`;
    seen.add(out);
    return out;
  });
  const typeCode = new Uint8Array(a.count + b.count);
  typeCode.set(a.typeCode);
  for (let i = 0; i < b.count; i++) typeCode[a.count + i] = remap[b.typeCode[i]];
  const cat64 = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  const sourceRow = new Uint32Array(a.count + b.count);
  sourceRow.set(a.sourceRow);
  sourceRow.set(b.sourceRow, a.count);
  return {
    count: a.count + b.count,
    id: [...a.id, ...idsB],
    typeCode,
    typeNames,
    level: [...a.level, ...b.level],
    sizeClass: [...a.sizeClass, ...b.sizeClass],
    nameTh: [...a.nameTh, ...b.nameTh],
    nameEn: [...a.nameEn, ...b.nameEn],
    lon: cat64(a.lon, b.lon),
    lat: cat64(a.lat, b.lat),
    capacity: cat64(a.capacity, b.capacity),
    sourceRow,
  };
}

export function isServiceType(t: string): t is ServiceType {
  return (SERVICE_TYPES as readonly string[]).includes(t);
}
