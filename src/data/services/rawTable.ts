/**
 * Service files as plain rows of strings, before any interpretation: CSV through papaparse
 * (string input, so it runs in a browser worker as well as in Node) and GeoJSON point features.
 * Each row keeps the CSV line or GeoJSON feature number it came from, for messages.
 */
import Papa from 'papaparse';
import { ServiceImportError } from './services';

export interface RawRow {
  /** CSV: the line the record starts on (header = line 1). GeoJSON: feature number, 1-based. */
  row: number;
  values: Record<string, string>;
  /** GeoJSON only: the point's coordinates, or a reason it has none. */
  point?: { x: number; y: number } | { problem: string };
}

export interface RawTable {
  source: string;
  format: 'csv' | 'geojson';
  columns: string[];
  rows: RawRow[];
  /** GeoJSON `crs` member name when present (legacy 2008 spec), e.g. urn:ogc:def:crs:EPSG::32647. */
  crsName?: string;
  /** Excel: the sheet the rows come from (their numbers are the sheet's own rows, formats/excel.ts). */
  sheet?: string;
}

/**
 * Where a row is, for messages: "line 12" in a CSV, "feature 3" in GeoJSON, and in an Excel sheet
 * "sheet บริการ, row 12 (แผ่นงาน บริการ แถว 12)" — the sheet and row number Excel shows, in
 * English and Thai (the report lines are English; a Thai reader finds the row by the Thai words).
 */
export function rowPlace(table: { format: RawTable['format']; sheet?: string }, row: number): string {
  if (table.sheet !== undefined) return `sheet ${table.sheet}, row ${row} (แผ่นงาน ${table.sheet} แถว ${row})`;
  return `${table.format === 'csv' ? 'line' : 'feature'} ${row}`;
}

/** Reads CSV text (comma, tab, semicolon or pipe; BOM allowed). Blank lines are skipped. */
export function readCsvTable(text: string, source: string): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newline = body.includes('\n') ? '\n' : '\r';
  let header: string[] | null = null;
  const rows: RawRow[] = [];
  let consumed = 0; // characters before the current record
  let line = 1;
  const errors: string[] = [];
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const startLine = line;
      const cursor = result.meta.cursor;
      for (let k = body.indexOf(newline, consumed); k >= 0 && k < cursor; k = body.indexOf(newline, k + 1)) line++;
      consumed = cursor;
      const cells = result.data.map((c) => c.trim());
      if (result.errors.length && errors.length < 5) errors.push(`line ${startLine}: ${result.errors[0].message}`);
      if (cells.every((c) => c === '')) return;
      if (!header) {
        header = cells.map((c, k) => c || `column${k + 1}`);
        return;
      }
      const values: Record<string, string> = {};
      header.forEach((h, k) => (values[h] = cells[k] ?? ''));
      rows.push({ row: startLine, values });
    },
  });
  if (!header) throw new ServiceImportError(`${source}: the file is empty (no header line)`);
  if (errors.length && rows.length === 0) throw new ServiceImportError(`${source}: not readable as CSV (${errors[0]})`);
  return { source, format: 'csv', columns: header, rows };
}

/** Reads GeoJSON text or an already parsed object: a FeatureCollection, a Feature, or an array of features. */
export function readGeoJsonTable(input: string | unknown, source: string): RawTable {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (e) {
      throw new ServiceImportError(`${source}: not valid JSON (${(e as Error).message})`);
    }
  }
  const d = doc as { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  const features = Array.isArray(doc) ? doc : d?.type === 'FeatureCollection' ? d.features : d?.type === 'Feature' ? [doc] : null;
  if (!Array.isArray(features)) throw new ServiceImportError(`${source}: not a GeoJSON FeatureCollection or Feature (type is ${JSON.stringify(d?.type)})`);
  const columns = new Set<string>();
  const rows: RawRow[] = features.map((f, k) => {
    const feature = f as { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null };
    const values: Record<string, string> = {};
    for (const [key, v] of Object.entries(feature?.properties ?? {})) {
      columns.add(key);
      values[key] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
    }
    return { row: k + 1, values, point: pointOf(feature?.geometry) };
  });
  return { source, format: 'geojson', columns: [...columns], rows, crsName: d?.crs?.properties?.name };
}

function pointOf(g: { type?: string; coordinates?: unknown } | null | undefined): RawRow['point'] {
  if (!g) return { problem: 'has no geometry' };
  let c = g.coordinates as unknown[];
  if (g.type === 'MultiPoint' && Array.isArray(c) && c.length === 1) c = c[0] as unknown[];
  else if (g.type !== 'Point') return { problem: `has a ${g.type} geometry, not a Point` };
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') return { problem: 'has no numeric coordinates' };
  return { x: c[0], y: c[1] };
}

/** CSV or GeoJSON by file name, falling back to the first character of the text. */
export function readServiceTable(text: string, source: string): RawTable {
  const lower = source.toLowerCase();
  const looksJson = /\.(geo)?json$/.test(lower) || /^\s*[[{]/.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return looksJson ? readGeoJsonTable(text, source) : readCsvTable(text, source);
}

/** Distinct values of one column with counts, most frequent first: what the type-mapping step shows. */
export function distinctValues(table: RawTable, column: string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of table.rows) {
    const v = r.values[column] ?? '';
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
