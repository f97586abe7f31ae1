/**
 * The household deprivation CSV (issue 3, item 4b): one row a household,
 *   village_code,members,welfare_card,h1,h2,h3,h4,l1,l2,l3,l4,e1,e2,e3,e4,i1,i2,i3,a1,a2
 * with 1 = deprived, 0 = not, empty = not applicable (→ not deprived). Rows become distinct
 * (village, profile) rows (DESIGN.md §2.3). Runs in Node and in a browser worker: papaparse on a
 * string here; the streaming Node reader (nodeIngest.ts) feeds the same row parser.
 *
 * Privacy (PDPA, DESIGN.md §5): columns other than the above are dropped; a column holding
 * 13-digit citizen ids is named in the report as dropped citizen ids, and its values are never kept.
 */
import Papa from 'papaparse';
import { normaliseAdminCode } from '../../domain/adminCodes';
import { INDICATORS, WELFARE_CARD_MASK } from '../../domain/indicators';
import { ProfileBuilder } from '../../domain/mpi/profileBuilder';
import type { ProfileRows } from '../../domain/mpi/prepare';
import { CITIZEN_ID_HEADER, isCitizenId, quoteForMessage } from '../privacy';
import { rowPlace } from '../services/rawTable';

export const HOUSEHOLD_COLUMNS = ['village_code', 'members', 'welfare_card', ...INDICATORS.map((i) => i.id)] as const;
/** At most this many bad rows are listed; all are counted. */
export const MAX_LISTED_BAD_ROWS = 50;

export interface BadRow {
  line: number;
  message: string;
}

export interface HouseholdIngestReport {
  file: string;
  /** An Excel sheet's rows: messages say "sheet X, row N" (rawTable.ts rowPlace). */
  sheet?: string;
  /** Data rows read (header excluded, blank lines skipped). */
  rows: number;
  households: number;
  persons: number;
  /** Distinct (village, profile) rows produced. */
  profileRows: number;
  villages: number;
  badRowCount: number;
  /** The first MAX_LISTED_BAD_ROWS bad rows. */
  badRows: BadRow[];
  /** Columns not read, with why (extra column, citizen ids). */
  droppedColumns: { column: string; reason: string }[];
}

export interface HouseholdIngestResult {
  villageCodes: Uint32Array;
  profiles: ProfileRows;
  report: HouseholdIngestReport;
}


/** Column positions of the required fields; extra columns listed. Throws naming the file. */
export interface HouseholdHeader {
  index: number[];
  dropped: { column: string; position: number; reason: string }[];
}

export function parseHouseholdHeader(fields: readonly string[], file: string): HouseholdHeader {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    if (n !== '' && seen.has(n)) throw new Error(`${file}: line 1: column "${n}" appears twice (positions ${seen.get(n)! + 1} and ${i + 1})`);
    seen.set(n, i);
  });
  const missing = HOUSEHOLD_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length) {
    throw new Error(`${file}: line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected header ${HOUSEHOLD_COLUMNS.join(',')})`);
  }
  const required = new Set<string>(HOUSEHOLD_COLUMNS);
  const dropped = names
    .map((n, position) => ({ column: fields[position].trim(), position, n }))
    .filter((c) => !required.has(c.n))
    .map(({ column, position, n }) => ({
      column: column || `(unnamed column ${position + 1})`,
      position,
      reason: CITIZEN_ID_HEADER.test(n) ? 'looks like a citizen-id column: dropped, values not kept (PDPA)' : 'not a household CSV column: dropped',
    }));
  return { index: HOUSEHOLD_COLUMNS.map((c) => seen.get(c)!), dropped };
}

export interface ParsedHousehold {
  villageCode: number;
  mask: number;
  members: number;
}

function isEightDigitVillage(s: string): boolean {
  if (s.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const province = (s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48;
  return province >= 10 && province <= 96;
}

/** One data row → household, or a message naming the bad field. */
export function parseHouseholdRow(fields: readonly string[], header: HouseholdHeader): ParsedHousehold | string {
  const idx = header.index;
  let rawCode = fields[idx[0]] ?? '';
  let villageCode: number;
  // Fast path for the common spelling; anything else goes through the general normaliser.
  if (isEightDigitVillage(rawCode)) villageCode = Number(rawCode);
  else {
    rawCode = rawCode.trim();
    if (isCitizenId(rawCode)) return 'village_code holds 13 digits (a citizen id?); row not read';
    const code = normaliseAdminCode(rawCode);
    if (code === null || code.length !== 8) return `village_code "${quoteForMessage(rawCode)}" is not an 8-digit village code (or TPMAP 10-digit id)`;
    villageCode = Number(code);
  }
  const rawMembers = fields[idx[1]] ?? '';
  const members = rawMembers.length === 1 && rawMembers >= '0' && rawMembers <= '9' ? rawMembers.charCodeAt(0) - 48 : Number(rawMembers.trim());
  if (rawMembers.trim() === '' || !Number.isInteger(members) || members < 1 || members > 1000) return `members "${quoteForMessage(rawMembers)}" is not a whole number of people from 1 to 1000`;
  let mask = 0;
  const card = flag(fields[idx[2]]);
  if (card === 1) mask |= WELFARE_CARD_MASK;
  else if (card < 0) return `welfare_card "${quoteForMessage(fields[idx[2]] ?? '')}" must be 1, 0 or empty`;
  for (let j = 0; j < INDICATORS.length; j++) {
    const g = flag(fields[idx[3 + j]]);
    if (g === 1) mask |= 1 << j;
    else if (g < 0) return `${INDICATORS[j].id} "${quoteForMessage(fields[idx[3 + j]] ?? '')}" must be 1 (deprived), 0 (not) or empty (not applicable)`;
  }
  return { villageCode, mask, members };
}

/** "1" → 1, "0" or empty → 0, anything else → -1 (surrounding spaces allowed). */
function flag(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === '0') return 0;
  if (raw === '1') return 1;
  const v = raw.trim();
  return v === '1' ? 1 : v === '0' || v === '' ? 0 : -1;
}

/** Accumulates parsed rows and bad-row reports; shared by the string and the streaming readers. */
export class HouseholdAccumulator {
  readonly builder = new ProfileBuilder();
  header: HouseholdHeader | null = null;
  rows = 0;
  badRowCount = 0;
  readonly badRows: BadRow[] = [];
  private citizenIdColumns = new Set<number>();

  constructor(readonly file: string, readonly sheet?: string) {}

  /** Feed one CSV record; `line` is its 1-based line number (header = line 1). */
  record(fields: readonly string[], line: number): void {
    if (this.header === null) {
      this.header = parseHouseholdHeader(fields, this.file);
      return;
    }
    if (fields.length === 1 && fields[0].trim() === '') return; // blank line
    this.rows += 1;
    // A dropped column that holds 13-digit values is named as citizen ids (values not kept).
    for (const d of this.header.dropped) {
      if (!this.citizenIdColumns.has(d.position) && !d.reason.includes('PDPA') && isCitizenId(fields[d.position] ?? '')) {
        this.citizenIdColumns.add(d.position);
        d.reason = 'holds 13-digit values (citizen ids?): dropped, values not kept (PDPA)';
      }
    }
    const h = parseHouseholdRow(fields, this.header);
    if (typeof h === 'string') {
      this.bad(line, h);
      return;
    }
    this.builder.add(h.villageCode, h.mask, h.members);
  }

  bad(line: number, message: string): void {
    this.badRowCount += 1;
    if (this.badRows.length < MAX_LISTED_BAD_ROWS) this.badRows.push({ line, message });
  }

  finish(year?: number): HouseholdIngestResult {
    if (this.header === null) throw new Error(`${this.file}: empty file (expected header ${HOUSEHOLD_COLUMNS.join(',')})`);
    const { villageCodes, profiles } = this.builder.build(year);
    return {
      villageCodes,
      profiles,
      report: {
        file: this.file,
        ...(this.sheet !== undefined ? { sheet: this.sheet } : {}),
        rows: this.rows,
        households: this.builder.householdCount,
        persons: this.builder.personCount,
        profileRows: profiles.mask.length,
        villages: villageCodes.length,
        badRowCount: this.badRowCount,
        badRows: this.badRows,
        droppedColumns: this.header.dropped.map(({ column, reason }) => ({ column, reason })),
      },
    };
  }
}

/**
 * Household CSV text → profiles, in the browser (worker) or Node, for files up to ~1 M rows.
 * Line numbers assume no quoted line breaks (a household CSV has no free text).
 */
export function householdsFromCsv(text: string, file: string, year?: number): HouseholdIngestResult {
  const acc = new HouseholdAccumulator(file);
  let line = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (res) => {
      line += 1;
      // A row with the wrong number of fields is reported once and not read (as the CLI does).
      if (acc.header !== null && res.errors.length) {
        acc.bad(line, res.errors[0].message);
        return;
      }
      acc.record(res.data, line);
    },
  });
  return acc.finish(year);
}

/** One-paragraph summary of a report for people (CLI stderr, app toast). */
export function describeHouseholdReport(r: HouseholdIngestReport): string {
  const lines = [
    `${r.file}: ${r.rows.toLocaleString('en')} rows → ${r.households.toLocaleString('en')} households, ${r.persons.toLocaleString('en')} people in ${r.villages.toLocaleString('en')} villages (${r.profileRows.toLocaleString('en')} distinct profiles)`,
  ];
  for (const d of r.droppedColumns) lines.push(`column "${d.column}": ${d.reason}`);
  if (r.badRowCount) {
    lines.push(`${r.badRowCount.toLocaleString('en')} bad row${r.badRowCount > 1 ? 's' : ''} skipped${r.badRowCount > r.badRows.length ? ` (first ${r.badRows.length} listed)` : ''}:`);
    for (const b of r.badRows) lines.push(`  ${rowPlace({ format: 'csv', sheet: r.sheet }, b.line)}: ${b.message}`);
  }
  return lines.join('\n');
}
