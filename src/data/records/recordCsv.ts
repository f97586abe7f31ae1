/**
 * The assistance-records CSV (issue 11, item 1): one row per visit or update of a household case
 * (TPMAP Logbook style), into the columnar AssistanceRecords of src/domain/progress/records.ts.
 * Runs in Node and in a browser worker: `recordsFromCsv` takes a string, the streaming Node
 * reader (nodeImport.ts) feeds the same RecordsBuilder line by line.
 *
 * Values (each bad value makes the row bad, reported by line; the rest of the file is read):
 *   village_code  8-digit DOPA code, or TPMAP's 10-digit village id (first 8 digits kept)
 *   members       whole number of people, 1–1000
 *   date          Buddhist era or CE, Thai or ISO (dates.ts)
 *   dimensions    `;`-separated (also , | /): health living education income access debt or Thai
 *   status        targeted visited helped in_progress resolved self_resolved or Thai
 *   stage         survival sufficiency sustainable or Thai (empty = not judged)
 *   debt_*        baht, commas and "บาท" allowed (empty = not recorded)
 *   outside_target  1/0, yes/no, true/false, ใช่/ไม่ใช่ (empty = 0)
 *
 * Privacy (PDPA, DESIGN.md §5; the citizen-id test is privacy.ts's): a case id that is or contains
 * a 13-digit number is never kept. The row is still read — its case gets an opaque sequence id
 * `withheld-<n>` (n in order of first appearance, no hash of the id, so nothing can be matched
 * back) and the report counts such cases. Rows of the same citizen id in one import stay one case
 * (the mapping lives in memory during the import only); a later import cannot link to them.
 * Columns whose header announces citizen ids, and any other column not listed above, are dropped.
 * Agency cells that hold a 13-digit number are emptied. Messages never echo such values
 * (quoteForMessage).
 */
import Papa from 'papaparse';
import { normaliseAdminCode } from '../../domain/adminCodes';
import { RECORD_DIMENSIONS, RECORD_STAGES, RECORD_STATUSES, type AssistanceRecords } from '../../domain/progress/records';
import { isoOfDay } from '../../domain/progress/days';
import { isCitizenId, quoteForMessage } from '../privacy';
import { rowPlace } from '../services/rawTable';
import { parseRecordDate } from './dates';
import { parseRecordHeader, RECORD_COLUMNS, type RecordHeader } from './recordColumns';

/** At most this many bad rows are listed; all are counted. */
export const MAX_LISTED_BAD_ROWS = 50;
const MAX_AGENCIES = 65_535;

export interface BadRow {
  line: number;
  message: string;
}

export interface RecordsImportReport {
  file: string;
  /** An Excel sheet's rows: messages say "sheet X, row N" (rawTable.ts rowPlace). */
  sheet?: string;
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  /** Rows kept. */
  records: number;
  cases: number;
  villages: number;
  /** ISO dates of the earliest and latest record (null when none). */
  firstDate: string | null;
  lastDate: string | null;
  badRowCount: number;
  badRows: BadRow[];
  droppedColumns: { column: string; reason: string }[];
  /** Cases whose id was or held a 13-digit number: given a `withheld-<n>` id, the number not kept. */
  caseIdsWithheld: number;
  /** Agency cells emptied because they held a 13-digit number. */
  agencyValuesWithheld: number;
}

export interface RecordsImport {
  records: AssistanceRecords;
  /** Case ids in case-index order (opaque; never citizen ids). */
  caseIds: string[];
  report: RecordsImportReport;
}

function cellOf(f: readonly string[], i: number): string {
  return i < 0 ? '' : (f[i] ?? '');
}

const key = (v: string) => v.toLowerCase().replace(/[\s._\-]+/g, '');

function aliasTable<T extends string>(groups: Record<T, string[]>, order: readonly T[], offset = 0): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of order) for (const name of [k, ...groups[k]]) m.set(key(name), order.indexOf(k) + offset);
  return m;
}

const STATUS = aliasTable(
  {
    targeted: ['target', 'ชี้เป้า', 'กลุ่มเป้าหมาย'],
    visited: ['visit', 'เยี่ยมบ้าน', 'เยี่ยมแล้ว', 'ลงพื้นที่'],
    helped: ['help', 'assisted', 'ให้ความช่วยเหลือ', 'ช่วยเหลือ', 'ช่วยเหลือแล้ว', 'ได้รับความช่วยเหลือ'],
    in_progress: ['in progress', 'ongoing', 'อยู่ระหว่างดำเนินการ', 'ระหว่างดำเนินการ', 'กำลังดำเนินการ'],
    resolved: ['solved', 'แก้ไขได้', 'แก้ไขแล้ว', 'แก้ไขได้แล้ว', 'แก้ได้'],
    self_resolved: ['self-resolved', 'self resolved', 'แก้ได้ด้วยตนเอง', 'แก้ไขได้ด้วยตนเอง', 'แก้ไขด้วยตนเอง'],
  },
  RECORD_STATUSES,
);
const STAGE = aliasTable({ survival: ['อยู่รอด', 'survive'], sufficiency: ['พอเพียง', 'sufficient'], sustainable: ['ยั่งยืน', 'sustainability'] }, RECORD_STAGES, 1);
const DIMENSION = aliasTable(
  {
    health: ['สุขภาพ', 'ด้านสุขภาพ'],
    living: ['ความเป็นอยู่', 'ด้านความเป็นอยู่', 'living conditions'],
    education: ['การศึกษา', 'ด้านการศึกษา'],
    income: ['รายได้', 'ด้านรายได้'],
    access: ['การเข้าถึงบริการรัฐ', 'ด้านการเข้าถึงบริการรัฐ', 'บริการรัฐ', 'access to public services', 'public services'],
    debt: ['หนี้สิน', 'หนี้', 'ด้านหนี้สิน', 'household debt'],
  },
  RECORD_DIMENSIONS,
);
const YES = new Set(['1', 'yes', 'y', 'true', 't', 'ใช่', 'x', '✓']);
const NO = new Set(['', '0', 'no', 'n', 'false', 'f', 'ไม่ใช่', 'ไม่']);

/** A case id or agency holding a 13-digit number, separators ignored (privacy.ts's test, extended to ids embedded in text). */
function holdsCitizenId(v: string): boolean {
  return v.length >= 13 && (isCitizenId(v) || /\d{13}/.test(v.replace(/[-\s]/g, '')));
}

/** `;`-separated dimensions → bit mask, or a message naming the unknown one. */
function dimensionMaskOf(raw: string): number | string {
  let mask = 0;
  if (raw.trim() === '') return 0;
  for (const part of raw.split(/[;,|/]/)) {
    if (part.trim() === '') continue;
    const d = DIMENSION.get(key(part));
    if (d === undefined) return `dimensions: "${quoteForMessage(part)}" is not one of ${RECORD_DIMENSIONS.join(', ')} (or สุขภาพ, ความเป็นอยู่, การศึกษา, รายได้, การเข้าถึงบริการรัฐ, หนี้สิน) / มิติปัญหาไม่ถูกต้อง`;
    mask |= 1 << d;
  }
  return mask;
}

function baht(raw: string, field: string): number | string {
  if (raw === '') return NaN;
  const quick = Number(raw);
  if (quick >= 0 && quick < Infinity && raw.charCodeAt(0) > 32) return quick; // the common plain number
  const v = raw.trim().replace(/,/g, '').replace(/\s*(บาท|baht|฿|thb)\s*/gi, '');
  if (v === '' || v === '-') return NaN;
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0) return `${field} "${quoteForMessage(raw)}" is not an amount in baht (≥ 0) / จำนวนเงินไม่ถูกต้อง`;
  return x;
}

/** Accumulates rows (shared by the string and the streaming readers). */
export class RecordsBuilder {
  header: RecordHeader | null = null;
  rows = 0;
  badRowCount = 0;
  readonly badRows: BadRow[] = [];
  // One typed array per column, grown together: separate fields keep every store monomorphic
  // (a generic growable wrapper over five array types was measured 2× slower).
  private n = 0;
  private cap = 1024;
  private cCase = new Uint32Array(1024);
  private cVillage = new Uint32Array(1024);
  private cMembers = new Uint16Array(1024);
  private cDay = new Int32Array(1024);
  private cDims = new Uint8Array(1024);
  private cStatus = new Uint8Array(1024);
  private cStage = new Uint8Array(1024);
  private cAgency = new Uint16Array(1024);
  private cDebtBefore = new Float64Array(1024);
  private cDebtAfter = new Float64Array(1024);
  private cOutside = new Uint8Array(1024);
  /** Raw cell → parsed value for the few distinct spellings of status, stage and dimensions. */
  private statusCache = new Map<string, number | undefined>();
  private stageCache = new Map<string, number | undefined>();
  private dimsCache = new Map<string, number | string>();
  private cases = new Map<string, number>();
  private caseIds: string[] = [];
  /** Citizen id → case index, for this import only (never written, never returned). */
  private withheld = new Map<string, number>();
  private agencies = new Map<string, number>([['', 0]]);
  private agencyList = [''];
  private agencyValuesWithheld = 0;
  private dates = new Map<string, number | string>();
  private lastVillageRaw = '';
  private lastVillage = 0;

  constructor(readonly file: string, readonly sheet?: string) {}

  /** Feed one CSV record; `line` is its 1-based line number (header = line 1). */
  record(fields: readonly string[], line: number): void {
    if (this.header === null) {
      if (fields.every((f) => f.trim() === '')) return; // blank lines before the header
      this.header = parseRecordHeader(fields, this.file);
      return;
    }
    if (fields.length === 1 && fields[0].trim() === '') return; // blank line
    this.rows += 1;
    const msg = this.parseRow(fields);
    if (msg !== null) this.bad(line, msg);
  }

  bad(line: number, message: string): void {
    this.badRowCount += 1;
    if (this.badRows.length < MAX_LISTED_BAD_ROWS) this.badRows.push({ line, message });
  }

  /** Parse and append a row; returns a message when it is bad (nothing appended). */
  private parseRow(f: readonly string[]): string | null {
    const ix = this.header!.index;
    // village
    const rawVillage = cellOf(f, ix.village_code);
    let village: number;
    if (rawVillage === this.lastVillageRaw && rawVillage !== '') village = this.lastVillage;
    else {
      const t = rawVillage.trim();
      if (isCitizenId(t)) return 'village_code holds 13 digits (a citizen id?); row not read / รหัสหมู่บ้านไม่ถูกต้อง';
      const code = normaliseAdminCode(t);
      if (code === null || code.length !== 8) return `village_code "${quoteForMessage(t)}" is not an 8-digit village code (or TPMAP 10-digit id) / รหัสหมู่บ้านต้องมี 8 หลัก`;
      village = Number(code);
      this.lastVillageRaw = rawVillage;
      this.lastVillage = village;
    }
    const rawMembers = cellOf(f, ix.members).trim();
    const members = Number(rawMembers);
    if (rawMembers === '' || !Number.isInteger(members) || members < 1 || members > 1000) return `members "${quoteForMessage(rawMembers)}" is not a whole number of people from 1 to 1000 / จำนวนสมาชิกไม่ถูกต้อง`;
    const rawDate = cellOf(f, ix.date);
    // Files repeat a few hundred distinct dates: parse each spelling once.
    let day = this.dates.get(rawDate);
    if (day === undefined) {
      day = parseRecordDate(rawDate);
      if (this.dates.size < 100_000) this.dates.set(rawDate, day);
    }
    if (typeof day === 'string') return `${day} / วันที่ไม่ถูกต้อง`;
    const rawStatus = cellOf(f, ix.status);
    let status = this.statusCache.get(rawStatus);
    if (status === undefined && !this.statusCache.has(rawStatus)) {
      status = STATUS.get(key(rawStatus));
      if (this.statusCache.size < 1000) this.statusCache.set(rawStatus, status);
    }
    if (status === undefined) return `status "${quoteForMessage(rawStatus)}" is not one of ${RECORD_STATUSES.join(', ')} (or ชี้เป้า, เยี่ยมบ้าน, ให้ความช่วยเหลือ, อยู่ระหว่างดำเนินการ, แก้ไขได้, แก้ได้ด้วยตนเอง) / สถานะไม่ถูกต้อง`;
    const rawStage = cellOf(f, ix.stage);
    let stage = this.stageCache.get(rawStage);
    if (stage === undefined && !this.stageCache.has(rawStage)) {
      stage = rawStage.trim() === '' ? 0 : STAGE.get(key(rawStage));
      if (this.stageCache.size < 1000) this.stageCache.set(rawStage, stage);
    }
    if (stage === undefined) return `stage "${quoteForMessage(rawStage)}" is not one of ${RECORD_STAGES.join(', ')} (or อยู่รอด, พอเพียง, ยั่งยืน) / ระดับการพัฒนาไม่ถูกต้อง`;
    const rawDims = cellOf(f, ix.dimensions);
    let mask = this.dimsCache.get(rawDims);
    if (mask === undefined) {
      mask = dimensionMaskOf(rawDims);
      if (this.dimsCache.size < 10_000) this.dimsCache.set(rawDims, mask);
    }
    if (typeof mask === 'string') return mask;
    const before = baht(cellOf(f, ix.debt_before), 'debt_before');
    if (typeof before === 'string') return before;
    const after = baht(cellOf(f, ix.debt_after), 'debt_after');
    if (typeof after === 'string') return after;
    const rawOutside = cellOf(f, ix.outside_target).trim().toLowerCase();
    const outside = YES.has(rawOutside) ? 1 : NO.has(rawOutside) ? 0 : -1;
    if (outside < 0) return `outside_target "${quoteForMessage(rawOutside)}" must be 1/0, yes/no, true/false or ใช่/ไม่ใช่ / ค่านอกเป้าหมายไม่ถูกต้อง`;
    const rawCase = cellOf(f, ix.case_id).trim();
    if (rawCase === '') return 'case_id is empty / ไม่มีรหัสกรณี';
    let c: number | undefined;
    if (holdsCitizenId(rawCase)) {
      const digits = rawCase.replace(/[-\s]/g, '');
      c = this.withheld.get(digits);
      if (c === undefined) {
        c = this.caseIds.length;
        this.withheld.set(digits, c);
        this.caseIds.push(`withheld-${this.withheld.size}`);
      }
    } else {
      c = this.cases.get(rawCase);
      if (c === undefined) {
        c = this.caseIds.length;
        this.cases.set(rawCase, c);
        this.caseIds.push(rawCase);
      }
    }
    let agencyName = cellOf(f, ix.agency).trim();
    if (agencyName !== '' && holdsCitizenId(agencyName)) {
      agencyName = '';
      this.agencyValuesWithheld++;
    }
    let agency = this.agencies.get(agencyName);
    if (agency === undefined) {
      agency = this.agencyList.length < MAX_AGENCIES ? this.agencyList.length : 0;
      if (agency) {
        this.agencies.set(agencyName, agency);
        this.agencyList.push(agencyName.slice(0, 200));
      }
    }
    if (this.n === this.cap) this.grow();
    const n = this.n++;
    this.cCase[n] = c;
    this.cVillage[n] = village;
    this.cMembers[n] = members;
    this.cDay[n] = day;
    this.cDims[n] = mask;
    this.cStatus[n] = status;
    this.cStage[n] = stage;
    this.cAgency[n] = agency;
    this.cDebtBefore[n] = before;
    this.cDebtAfter[n] = after;
    this.cOutside[n] = outside;
    return null;
  }

  private grow(): void {
    const cap = (this.cap *= 2);
    const g = <T extends { length: number; set(a: ArrayLike<number>): void }>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a as unknown as ArrayLike<number>);
      return b;
    };
    this.cCase = g(this.cCase, (k) => new Uint32Array(k));
    this.cVillage = g(this.cVillage, (k) => new Uint32Array(k));
    this.cMembers = g(this.cMembers, (k) => new Uint16Array(k));
    this.cDay = g(this.cDay, (k) => new Int32Array(k));
    this.cDims = g(this.cDims, (k) => new Uint8Array(k));
    this.cStatus = g(this.cStatus, (k) => new Uint8Array(k));
    this.cStage = g(this.cStage, (k) => new Uint8Array(k));
    this.cAgency = g(this.cAgency, (k) => new Uint16Array(k));
    this.cDebtBefore = g(this.cDebtBefore, (k) => new Float64Array(k));
    this.cDebtAfter = g(this.cDebtAfter, (k) => new Float64Array(k));
    this.cOutside = g(this.cOutside, (k) => new Uint8Array(k));
  }

  finish(): RecordsImport {
    if (this.header === null) throw new Error(`${this.file}: empty file (expected header ${RECORD_COLUMNS.join(',')}) / ไฟล์ว่าง`);
    const n = this.n;
    const day = this.cDay.slice(0, n);
    const villageCode = this.cVillage.slice(0, n);
    let first = Infinity, last = -Infinity;
    for (let i = 0; i < day.length; i++) {
      if (day[i] < first) first = day[i];
      if (day[i] > last) last = day[i];
    }
    const records: AssistanceRecords = {
      count: day.length,
      caseIndex: this.cCase.slice(0, n),
      caseCount: this.caseIds.length,
      villageCode,
      members: this.cMembers.slice(0, n),
      day,
      dimensionMask: this.cDims.slice(0, n),
      status: this.cStatus.slice(0, n),
      stage: this.cStage.slice(0, n),
      agency: this.cAgency.slice(0, n),
      agencies: this.agencyList.slice(),
      debtBeforeBaht: this.cDebtBefore.slice(0, n),
      debtAfterBaht: this.cDebtAfter.slice(0, n),
      outsideTarget: this.cOutside.slice(0, n),
    };
    const caseIdsWithheld = this.withheld.size;
    this.withheld.clear(); // the only place citizen ids were held
    return {
      records,
      caseIds: this.caseIds,
      report: {
        file: this.file,
        ...(this.sheet !== undefined ? { sheet: this.sheet } : {}),
        rows: this.rows,
        records: records.count,
        cases: records.caseCount,
        villages: new Set(villageCode).size,
        firstDate: records.count ? isoOfDay(first) : null,
        lastDate: records.count ? isoOfDay(last) : null,
        badRowCount: this.badRowCount,
        badRows: this.badRows,
        droppedColumns: this.header.dropped.map(({ column, reason }) => ({ column, reason })),
        caseIdsWithheld,
        agencyValuesWithheld: this.agencyValuesWithheld,
      },
    };
  }
}

/**
 * Splits CSV text into records by line, for chunks of any size: a line without quotes is split on
 * commas (fast: most rows), a line with quotes goes through papaparse, and a line whose quotes do
 * not balance is joined with the next (a quoted field spanning lines). `line` is where a record starts.
 */
export class CsvLineSplitter {
  private rest = '';
  private pending = '';
  private pendingLine = 0;
  private line = 0;
  private first = true;

  constructor(private readonly emit: (fields: string[], line: number) => void) {}

  push(chunk: string): void {
    let text = this.rest + chunk;
    if (this.first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.onLine(text.slice(start, text.charCodeAt(nl - 1) === 13 && nl > start ? nl - 1 : nl));
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  end(): void {
    if (this.rest !== '') {
      const r = this.rest;
      this.rest = '';
      this.onLine(r.endsWith('\r') ? r.slice(0, -1) : r);
    }
    if (this.pending !== '') {
      const p = this.pending;
      this.pending = '';
      this.emit(Papa.parse<string[]>(p).data[0] ?? [''], this.pendingLine);
    }
  }

  private onLine(l: string): void {
    this.line += 1;
    if (this.pending !== '') {
      this.pending += '\n' + l;
      if (quotes(this.pending) % 2 === 0) {
        const p = this.pending;
        this.pending = '';
        this.emit(Papa.parse<string[]>(p).data[0] ?? [''], this.pendingLine);
      }
      return;
    }
    if (l.indexOf('"') < 0) {
      this.emit(l.split(','), this.line);
      return;
    }
    if (quotes(l) % 2 === 1) {
      this.pending = l;
      this.pendingLine = this.line;
      return;
    }
    this.emit(Papa.parse<string[]>(l).data[0] ?? [''], this.line);
  }
}

function quotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** Records CSV text → columns, in a browser worker or Node (the string path). */
export function recordsFromCsv(text: string, file: string): RecordsImport {
  const b = new RecordsBuilder(file);
  const s = new CsvLineSplitter((fields, line) => b.record(fields, line));
  s.push(text);
  s.end();
  return b.finish();
}

/** One-paragraph summary of a report for people (CLI stderr, app notice), English then Thai. */
export function describeRecordsReport(r: RecordsImportReport): string {
  const lines = [
    `${r.file}: ${r.rows.toLocaleString('en')} rows → ${r.records.toLocaleString('en')} records of ${r.cases.toLocaleString('en')} cases in ${r.villages.toLocaleString('en')} villages${r.firstDate ? `, ${r.firstDate} … ${r.lastDate}` : ''} / นำเข้า ${r.records.toLocaleString('en')} รายการ ${r.cases.toLocaleString('en')} กรณี`,
  ];
  for (const d of r.droppedColumns) lines.push(`column "${d.column}": ${d.reason}`);
  if (r.caseIdsWithheld) lines.push(`${r.caseIdsWithheld.toLocaleString('en')} case ids looked like 13-digit citizen ids: replaced by withheld-<n>, not stored (PDPA) / รหัสกรณีที่เป็นเลขประจำตัวประชาชนถูกแทนด้วยเลขลำดับ ไม่ถูกบันทึก`);
  if (r.agencyValuesWithheld) lines.push(`${r.agencyValuesWithheld.toLocaleString('en')} agency cells held a 13-digit number: emptied (PDPA)`);
  if (r.badRowCount) {
    lines.push(`${r.badRowCount.toLocaleString('en')} bad row${r.badRowCount > 1 ? 's' : ''} skipped${r.badRowCount > r.badRows.length ? ` (first ${r.badRows.length} listed)` : ''} / แถวที่ข้อมูลไม่ถูกต้อง ${r.badRowCount.toLocaleString('en')} แถว:`);
    for (const b of r.badRows) lines.push(`  ${r.file}: ${rowPlace({ format: 'csv', sheet: r.sheet }, b.line)}: ${b.message}`);
  }
  return lines.join('\n');
}
