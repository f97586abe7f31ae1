/**
 * Excel workbooks (issue 14 item 3): .xlsx (and legacy .xls, .xlsb, .ods where SheetJS reads
 * them) through SheetJS 0.20 (`@e965/xlsx`, a republication of SheetJS's own 0.20 build; the
 * `xlsx` 0.18 on the registry has published advisories). Each sheet becomes a table of strings
 * (the form CSV files are read into, rawTable.ts), classified like a CSV.
 *
 * - Header row: offices put titles above the table ("ข้อมูลพื้นฐานหมู่บ้าน จังหวัด…", a date
 *   line). The header is the first of the sheet's first 30 rows whose cells are columns Cheepao
 *   knows (kinds.ts); the rows above it are left out and the report says which row it was.
 * - Row numbers are the sheet's own (1-based, as Excel shows them), so messages point at the row
 *   the user sees.
 * - Dates: Excel stores a date as a serial day number (1900 date system: serial 1 = 1900-01-01,
 *   with Lotus's phantom 1900-02-29; ECMA-376 Part 1 §18.17.4) shown through a date number format.
 *   Cells with a date format become ISO yyyy-mm-dd through SheetJS's SSF.parse_date_code (which
 *   handles the 1900 and 1904 systems); so do plain numbers in a column whose header says date
 *   (date, วันที่), a common habit. A Thai-locale format that displays the Buddhist era stores the
 *   same serial. Text dates ("15 ส.ค. 2565", "15/08/2565") stay text: the importers read them
 *   (records/dates.ts).
 */
import * as XLSX from '@e965/xlsx';
import { isKnownHeader } from '../workspace/kinds';
import type { RawRow, RawTable } from '../services/rawTable';
import { extensionOf, FormatError, isOle2, isZip, type FormatReader, type InputFile, type ReadLayer } from './reader';

const HEADER_SEARCH_ROWS = 30;
const DATE_HEADER = /date|วันที่|วัน\s*เดือน|^วัน/i;
/** Serial range of plausible dates in a date column: 1900-01-01 … 9999-12-31. */
const MAX_SERIAL = 2_958_465;

type Cell = { t: string; v?: unknown; z?: string | number; w?: string };

function isoOfSerial(serial: number, date1904: boolean): string | null {
  const d = XLSX.SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number } | null;
  if (!d || !d.y) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.y}-${p(d.m)}-${p(d.d)}`;
}

function cellText(c: Cell | undefined, date1904: boolean): string {
  if (!c || c.v === undefined || c.v === null) return '';
  switch (c.t) {
    case 's':
      return String(c.v).trim();
    case 'n': {
      const v = c.v as number;
      if (c.z !== undefined && typeof c.z === 'string' && c.z !== 'General' && XLSX.SSF.is_date(c.z)) return isoOfSerial(v, date1904) ?? String(v);
      return String(v);
    }
    case 'b':
      return c.v ? 'TRUE' : 'FALSE';
    case 'd': {
      const d = c.v as Date;
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
    }
    case 'e':
      return '';
    default:
      return String(c.v).trim();
  }
}

/** The rows of a sheet as strings (dense: one array per row, row index = sheet row − 1). */
function sheetRows(ws: XLSX.WorkSheet, date1904: boolean): { rows: string[][]; numeric: boolean[][] } {
  const data = (ws as unknown as { '!data'?: (Cell | undefined)[][] })['!data'] ?? [];
  const rows: string[][] = [];
  const numeric: boolean[][] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r] ?? [];
    rows.push(Array.from(row, (c) => cellText(c, date1904)));
    numeric.push(Array.from(row, (c) => c?.t === 'n' && (typeof c.z !== 'string' || !XLSX.SSF.is_date(c.z))));
  }
  return { rows, numeric };
}

function tableOf(source: string, sheet: string, rows: string[][], headerIndex: number, until = rows.length): RawTable {
  const header = (rows[headerIndex] ?? []).map((c, k) => c || `column${k + 1}`);
  const out: RawRow[] = [];
  for (let r = headerIndex + 1; r < until; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => c === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((h, k) => (values[h] = cells[k] ?? ''));
    out.push({ row: r + 1, values });
  }
  return { source, format: 'csv', sheet, columns: header, rows: out };
}

export interface SheetResult {
  sheet: string;
  table?: RawTable;
  /** 1-based row of the header. */
  headerRow?: number;
  notes: string[];
  /** Why the sheet was not used. */
  skipped?: string;
}

/** Reads a workbook's bytes into one table per sheet that has a known header. */
export function readWorkbook(bytes: Uint8Array, file: string): SheetResult[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false });
  } catch (e) {
    throw new FormatError(`${file}: not a readable Excel workbook (${(e as Error).message}); the file may be damaged, cut short or password-protected — open and save it again in Excel or LibreOffice`);
  }
  if (!wb.SheetNames.length) throw new FormatError(`${file}: not a readable Excel workbook (no sheet in it)`);
  const date1904 = !!(wb.Workbook as { WBProps?: { date1904?: boolean } } | undefined)?.WBProps?.date1904;
  const out: SheetResult[] = [];
  for (const sheet of wb.SheetNames) {
    const ws = wb.Sheets[sheet];
    const source = `${file} › ${sheet}`;
    const { rows, numeric } = sheetRows(ws, date1904);
    if (!rows.some((r) => r.some((c) => c !== ''))) {
      out.push({ sheet, notes: [], skipped: 'empty' });
      continue;
    }
    let headerIndex = -1;
    for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
      if (!(rows[r] ?? []).some((c) => c !== '')) continue;
      if (isKnownHeader(tableOf(source, sheet, rows, r, Math.min(rows.length, r + 201)))) {
        headerIndex = r;
        break;
      }
    }
    if (headerIndex < 0) {
      const first = rows.find((r) => r.some((c) => c !== '')) ?? [];
      out.push({ sheet, notes: [], skipped: `no row of known columns in its first ${HEADER_SEARCH_ROWS} rows (first row: ${first.filter(Boolean).slice(0, 6).join(', ')})` });
      continue;
    }
    const notes: string[] = [];
    // Plain numbers in a date column are Excel serials typed without a date format.
    const header = rows[headerIndex];
    let converted = 0;
    header.forEach((h, k) => {
      if (!DATE_HEADER.test(h)) return;
      for (let r = headerIndex + 1; r < rows.length; r++) {
        const v = rows[r]?.[k];
        if (!v || !numeric[r]?.[k]) continue;
        const n = Number(v);
        if (n >= 1 && n <= MAX_SERIAL) {
          const iso = isoOfSerial(n, date1904);
          if (iso) {
            rows[r][k] = iso;
            converted++;
          }
        }
      }
    });
    const table = tableOf(source, sheet, rows, headerIndex);
    if (headerIndex > 0) notes.push(`${source}: header in row ${headerIndex + 1} (${headerIndex} title row${headerIndex > 1 ? 's' : ''} above it left out)`);
    if (converted) notes.push(`${source}: ${converted} plain numbers in date columns read as Excel serial dates`);
    notes.push(`${source}: row numbers in messages are the sheet's rows`);
    out.push({ sheet, table, headerRow: headerIndex + 1, notes });
  }
  return out;
}

/** Workbook bytes → a layer per usable sheet; a workbook with none is refused naming its sheets. */
export function workbookLayers(bytes: Uint8Array, file: string, sources: InputFile[]): ReadLayer[] {
  const sheets = readWorkbook(bytes, file);
  const used = sheets.filter((s) => s.table);
  const skipped = sheets.filter((s) => !s.table).map((s) => `sheet "${s.sheet}": ${s.skipped}`);
  if (!used.length) throw new FormatError(`${file}: an Excel workbook with no sheet Cheepao reads (${skipped.join('; ')}); expected columns such as village codes with lon/lat, service types, case_id/status, or village basic data`);
  return used.map((s, i) => ({ name: s.table!.source, sources, table: s.table, notes: [...s.notes, ...(i === 0 ? skipped.map((x) => `${file}: ${x} — not imported`) : [])] }));
}

const EXCEL_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'xlsb', 'ods'];

export const excelReader: FormatReader = {
  id: 'excel',
  label: 'Excel workbook',
  // By name (the bytes of .xlsx, .xlsm, .xlsb, .ods are a ZIP; .xls an OLE2 document), or an
  // OLE2 document of any name.
  recognise: (name, head) => EXCEL_EXTENSIONS.includes(extensionOf(name)) || isOle2(head) || (isZip(head) && new TextDecoder('latin1').decode(head.subarray(0, 2048)).includes('xl/')),
  async read(inputs: InputFile[]): Promise<ReadLayer[]> {
    const f = inputs[0];
    return workbookLayers(await f.bytes(), f.name, [f]);
  },
};
