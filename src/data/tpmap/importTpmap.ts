/**
 * Import a set of TPMAP export files (strings: works in a browser worker and in Node) into
 * TPMAP counts per year, with a report of everything a user must know: files read, rows
 * skipped (file, line, column), codes that match no known area, and whether published coarser
 * tables equal the sums of finer ones (they should: TPMAP's counts are of people).
 */
import { LEVEL_DIGITS, type AdminLevel } from '../../domain/adminCodes';
import { PROVINCES } from '../provinceTable';
import { concatBytes, type TpmapCounts } from './countsFile';
import { CodeIndex, CountTable } from './countTable';
import { AF_NEEDS_HOUSEHOLDS } from './tpmapMeasures';
import { COMMON_FIELDS, COMMUNITY_ID, RowStamps, TABLE_FIELDS, TpmapTableReader, classifyTpmapFile, parseVillageNames, type CellProblem } from './tpmapCsv';

export const MAX_LISTED = 50;

export interface ConsistencyCheck {
  year: number;
  table: string;
  /** The published (coarser) table and the finer one summed. */
  level: AdminLevel;
  summedLevel: AdminLevel;
  fields: readonly string[];
  compared: number;
  matched: number;
  mismatches: { code: string; field: string; published: number; summed: number }[];
}

export interface TpmapImportReport {
  files: { file: string; year: number; level: string; table: string; rows: number; records: number; split: { villages: number; records: number }; skipped: number; missingColumns: string[] }[];
  ignoredFiles: { file: string; reason: string }[];
  problemCount: number;
  problems: CellProblem[];
  unmatchedCount: number;
  unmatched: { code: string; reason: string }[];
  /** Municipal pseudo-subdistricts (subdistrict digits ≥ 51): real TPMAP areas with no OCHA polygon. */
  municipalSubdistricts: number;
  /** Letter-coded communities (`901151A001`) kept as villages of their subdistrict, with the code each got. */
  communities: (TpmapCommunity & { year: number })[];
  checks: ConsistencyCheck[];
  years: number[];
  villages: number;
  note: string;
}

export interface TpmapImport {
  counts: Map<number, TpmapCounts>;
  /** All 8-digit village codes with rows, ascending. */
  villageCodes: Uint32Array;
  report: TpmapImportReport;
}

/** Every count is compared (people and households add up across areas; nothing here is a rate). */
const COMPARED_TABLE_FIELDS: readonly string[] = TABLE_FIELDS;
const COMPARED_COMMON_FIELDS: readonly string[] = COMMON_FIELDS;
const FINE_TO_COARSE: Exclude<AdminLevel, 'country'>[] = ['village', 'subdistrict', 'district', 'province'];


/** A TPMAP community kept as a village of its subdistrict (see assignCommunityCodes). */
export interface TpmapCommunity {
  /** Its id in the export, e.g. `901151A001`. */
  id: string;
  /** The 8-digit village code it was given (subdistrict + moo 99, 98 …), or null when none was free. */
  code: string | null;
}

/** A file being read: chunks in, then end() (a stream's pieces, or one whole file). */
export interface TpmapFileSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

/** Highest moo numbers first: TPMAP's real moos stop far below 99. */
const FIRST_COMMUNITY_MOO = 99;

/**
 * Letter-coded TPMAP communities (`901151A001`: 16 records nationally in 2561) as villages of
 * the subdistrict in their first 6 digits. Village codes are Uint32 8-digit numbers everywhere
 * (villages.bin.gz), so each community gets a numeric moo of its subdistrict from the top of
 * the moo range down (99, 98, …), skipping moos real villages of that subdistrict use; the
 * communities of a subdistrict are numbered in the order of their ids, so the same export
 * always gives the same codes. Its own id is kept (report, counts file, areas.json `tpmapId`) and
 * shown wherever villages are listed. Every table of the year shares the code index, so one
 * rename moves the community's rows in all of them, and it rolls up to its subdistrict,
 * district and province by its digits like any village.
 */
export function assignCommunityCodes(index: CodeIndex): TpmapCommunity[] {
  const bySubdistrict = new Map<string, number[]>();
  index.codes.forEach((c, i) => {
    if (c.length === 10 && COMMUNITY_ID.test(c)) {
      const s = c.slice(0, 6);
      bySubdistrict.set(s, [...(bySubdistrict.get(s) ?? []), i]);
    }
  });
  const out: TpmapCommunity[] = [];
  for (const [sub, rows] of [...bySubdistrict].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    rows.sort((x, y) => (index.codes[x] < index.codes[y] ? -1 : 1));
    let moo = FIRST_COMMUNITY_MOO;
    for (const i of rows) {
      const id = index.codes[i];
      while (moo >= 1 && index.find(`${sub}${String(moo).padStart(2, '0')}`) !== undefined) moo--;
      if (moo < 1) {
        out.push({ id, code: null });
        continue;
      }
      const code = `${sub}${String(moo).padStart(2, '0')}`;
      index.rename(i, code);
      out.push({ id, code });
      moo--;
    }
  }
  return out;
}

interface YearState {
  index: CodeIndex;
  stamps: RowStamps;
}

/**
 * Files are added one at a time (whole, or streamed in chunks) and parsed straight into the
 * year's compact count tables, so a national export (7,328 files, 330 MB) never sits in memory:
 * only the counts grow, one Float32Array per table over one code index per year.
 */
export class TpmapImporter {
  private readonly counts = new Map<number, TpmapCounts>();
  private readonly years = new Map<number, YearState>();
  private readonly report: TpmapImportReport = {
    files: [], ignoredFiles: [], problemCount: 0, problems: [], unmatchedCount: 0, unmatched: [], municipalSubdistricts: 0, communities: [], checks: [], years: [], villages: 0, note: AF_NEEDS_HOUSEHOLDS,
  };
  private readonly namesByProvince = new Map<string, Map<string, string>>();
  private fileNo = 0;
  /** Per year|level|table: bytes of the files announced by plan(), and bytes and rows read so far. */
  private readonly sizing = new Map<string, { year: number; level: string; planned: number; bytes: number; rows: number }>();

  /**
   * Announces the files about to be read (names and sizes), so that the count tables can be sized
   * once for the whole import: after each file, the rows per byte read so far in its
   * year|level|table times that group's announced bytes estimates the level's number of areas,
   * and their sum (+5 %) becomes the year's CodeIndex.expectedSize. Optional: without it the
   * tables grow as rows come.
   */
  plan(files: Iterable<{ name: string; size: number }>): void {
    for (const f of files) {
      const k = classifyTpmapFile(f.name);
      if (k?.kind !== 'table') continue;
      const key = `${k.year}|${k.level}|${k.table}`;
      const g = this.sizing.get(key) ?? { year: k.year, level: k.level, planned: 0, bytes: 0, rows: 0 };
      g.planned += f.size;
      this.sizing.set(key, g);
    }
  }

  private learnSize(year: number, level: string, table: string, bytes: number, rows: number): void {
    const g = this.sizing.get(`${year}|${level}|${table}`);
    if (!g || !bytes) return;
    g.bytes += bytes;
    g.rows += rows;
    if (!g.rows) return;
    // Areas of a level ≈ the largest estimate over its tables (every table lists the same areas).
    const byLevel = new Map<string, number>();
    for (const x of this.sizing.values()) {
      if (x.year !== year || !x.rows) continue;
      byLevel.set(x.level, Math.max(byLevel.get(x.level) ?? 0, Math.ceil((x.planned * x.rows) / x.bytes)));
    }
    let sum = 0;
    for (const v of byLevel.values()) sum += v;
    const index = this.years.get(year)!.index;
    index.expectedSize = Math.max(index.expectedSize, Math.ceil(sum * 1.05) + 64);
  }

  private problem(p: CellProblem): void {
    this.report.problemCount += 1;
    if (this.report.problems.length < MAX_LISTED) this.report.problems.push(p);
  }

  private yearCounts(year: number): TpmapCounts {
    let c = this.counts.get(year);
    if (!c) {
      this.counts.set(year, (c = { year, tables: new Map(), villageNames: new Map(), communities: new Map() }));
      this.years.set(year, { index: new CodeIndex(), stamps: new RowStamps() });
    }
    return c;
  }

  /** A whole file as text (tests, small inputs). */
  add(name: string, text: string): void {
    this.addBytes(name, new TextEncoder().encode(text));
  }

  /** A whole file as bytes. */
  addBytes(name: string, bytes: Uint8Array): void {
    const sink = this.open(name);
    if (!sink) return;
    sink.push(bytes);
    sink.end();
  }

  /**
   * Starts reading a file; null when its name is not a TPMAP export (listed as ignored). A wrong
   * header throws from push/end; rows already read from that file are then still in the tables,
   * so callers treat a throw as the end of the whole import (importWorkspace refuses it).
   */
  open(name: string): TpmapFileSink | null {
    const kind = classifyTpmapFile(name);
    if (!kind) {
      this.report.ignoredFiles.push({ file: name, reason: 'not a TPMAP export name ({yy}_{province}_{village|tambol|amphur}_{11111|common}.csv, {yy}_province_….csv, bmn{yy}.village_name_{province}.csv)' });
      return null;
    }
    if (kind.kind === 'names') {
      const parts: Uint8Array[] = [];
      return {
        push: (chunk) => void parts.push(chunk),
        end: () => {
          const { names, problems } = parseVillageNames(new TextDecoder().decode(concatBytes(parts)), name);
          problems.forEach((p) => this.problem(p));
          const m = this.namesByProvince.get(kind.province) ?? new Map<string, string>();
          for (const [k, v] of names) m.set(k, v);
          this.namesByProvince.set(kind.province, m);
        },
      };
    }
    const c = this.yearCounts(kind.year);
    const y = this.years.get(kind.year)!;
    const width = kind.table === 'common' ? COMMON_FIELDS.length : TABLE_FIELDS.length;
    let into = c.tables.get(kind.table);
    if (!into) c.tables.set(kind.table, (into = new CountTable(width, y.index)));
    const reader = new TpmapTableReader(name, kind, into, y.stamps, this.fileNo++, (p) => this.problem(p));
    let bytes = 0;
    return {
      push: (chunk) => {
        bytes += chunk.length;
        reader.push(chunk);
      },
      end: () => {
        const r = reader.end();
        this.learnSize(kind.year, kind.level, kind.table, bytes, r.rows);
        this.report.files.push({ file: name, year: kind.year, level: kind.level, table: kind.table, rows: r.rows, records: r.records, split: r.split, skipped: r.skipped, missingColumns: r.missingColumns });
      },
    };
  }

  finish(): TpmapImport {
    const { counts, report, namesByProvince } = this;
    for (const [year, c] of counts) {
      const { index } = this.years.get(year)!;
      const communities = (c.communities ??= new Map());
      // Letter-coded communities become villages of their subdistrict (numeric codes), first.
      for (const k of assignCommunityCodes(index)) {
        report.communities.push({ ...k, year });
        if (k.code) communities.set(k.code, k.id);
        else {
          this.problem({ file: '', line: 0, column: 'village_ID', message: `community ${k.id}: subdistrict ${k.id.slice(0, 6)} has no free moo number (1–99); its rows are left out` });
          for (const t of c.tables.values()) {
            const i = index.find(k.id)!;
            if (t.isPresent(i)) t.present[i] = 0;
          }
        }
      }
      // No trim(): copying 32 national tables to drop ≤ 25 % growth slack cost ~1 s and raised
      // the peak; readers stop at index.size (issue 16 profile).
      // Village names apply to every year imported with them (bmn59 names serve 2561 data).
      const byId = new Map([...communities].map(([code, id]) => [id, code]));
      for (const names of namesByProvince.values()) for (const [k, v] of names) c.villageNames.set(byId.get(k) ?? k, v);
    }

    // Codes that match no known area: provinces outside the DOPA table; villages missing from a
    // village name list given for their province. Listed, never dropped.
    const dopa = new Set(PROVINCES.map((p) => p.code));
    const seen = new Set<string>();
    const villages = new Set<string>();
    for (const [year, c] of counts) {
      for (const code of this.years.get(year)!.index.codes) {
        if (code.length === 8) villages.add(code);
        if (seen.has(code) || code.length > 8) continue;
        seen.add(code);
        let reason: string | null = null;
        if (!dopa.has(code.slice(0, 2))) reason = `province ${code.slice(0, 2)} is not a DOPA province code`;
        else if (code.length === 8 && !c.communities?.has(code) && namesByProvince.has(code.slice(0, 2)) && !namesByProvince.get(code.slice(0, 2))!.has(code)) reason = 'not in the village name list';
        if (code.length === 6 && Number(code.slice(4, 6)) >= 51) report.municipalSubdistricts += 1;
        if (reason) {
          report.unmatchedCount += 1;
          if (report.unmatched.length < MAX_LISTED) report.unmatched.push({ code, reason });
        }
      }
    }

    // Published coarser tables against sums of each finer level that has rows: one pass over
    // each table's Float32Array per level pair, sums in float64 (exact for counts).
    for (const [year, c] of counts) {
      const { index } = this.years.get(year)!;
      const n = index.size;
      const levelOfRow = new Int8Array(n).fill(-1);
      index.codes.forEach((code, i) => (levelOfRow[i] = FINE_TO_COARSE.findIndex((l) => LEVEL_DIGITS[l] === code.length)));
      // parentAt[ci][i]: row of code i's ancestor at level ci (-1: none in the index).
      const parentAt = FINE_TO_COARSE.map((l) => {
        const d = LEVEL_DIGITS[l];
        const out = new Int32Array(n).fill(-1);
        index.codes.forEach((code, i) => {
          if (code.length > d) out[i] = index.find(code.slice(0, d)) ?? -1;
        });
        return out;
      });
      // Rows of each level in index order; one sum buffer and one touched flag per row for all
      // tables, zeroed only at the coarse level's rows before each pair. A fresh n × width
      // Float64Array per table, cleared whole for each of up to 6 level pairs, was 2.1 s of a
      // national browser import (issue 16 profile: 32 tables × 6 × 13 MB of fill).
      const rowsOf = FINE_TO_COARSE.map((_, li) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) if (levelOfRow[i] === li) out.push(i);
        return Int32Array.from(out);
      });
      let maxWidth = 0;
      for (const t of c.tables.values()) maxWidth = Math.max(maxWidth, t.width);
      const sums = new Float64Array(n * maxWidth);
      const touched = new Uint8Array(n);
      for (const key of [...c.tables.keys()].sort()) {
        const rows = c.tables.get(key)!;
        const fields = key === 'common' ? COMPARED_COMMON_FIELDS : COMPARED_TABLE_FIELDS;
        const w = rows.width;
        const { data, present } = rows;
        const has = rowsOf.map((list) => list.some((i) => present[i] === 1));
        for (let fi = 0; fi < FINE_TO_COARSE.length; fi++) {
          if (!has[fi]) continue;
          const fine = rowsOf[fi];
          for (let ci = fi + 1; ci < FINE_TO_COARSE.length; ci++) {
            if (!has[ci]) continue;
            const coarse = rowsOf[ci];
            for (let k = 0; k < coarse.length; k++) {
              const pr = coarse[k];
              touched[pr] = 0;
              sums.fill(0, pr * w, pr * w + w);
            }
            const parent = parentAt[ci];
            for (let k = 0; k < fine.length; k++) {
              const i = fine[k];
              if (!present[i]) continue;
              const pr = parent[i];
              if (pr < 0 || !present[pr]) continue;
              touched[pr] = 1;
              for (let j = 0; j < w; j++) sums[pr * w + j] += data[i * w + j];
            }
            const check: ConsistencyCheck = { year: c.year, table: key, level: FINE_TO_COARSE[ci], summedLevel: FINE_TO_COARSE[fi], fields, compared: 0, matched: 0, mismatches: [] };
            for (let k = 0; k < coarse.length; k++) {
              const pr = coarse[k];
              if (!touched[pr]) continue;
              check.compared += 1;
              let ok = true;
              for (let j = 0; j < w; j++) {
                const published = data[pr * w + j];
                if (Number.isNaN(published)) continue;
                if (published !== sums[pr * w + j]) {
                  ok = false;
                  if (check.mismatches.length < 20) check.mismatches.push({ code: index.codes[pr], field: fields[j], published, summed: sums[pr * w + j] });
                }
              }
              if (ok) check.matched += 1;
            }
            report.checks.push(check);
          }
        }
      }
    }
    report.years = [...counts.keys()].sort();
    report.villages = villages.size;
    return { counts, villageCodes: Uint32Array.from([...villages].map(Number)).sort(), report };
  }
}


export function importTpmap(files: readonly { name: string; text: string }[]): TpmapImport {
  const importer = new TpmapImporter();
  for (const f of files) importer.add(f.name, f.text);
  return importer.finish();
}

/** People-readable summary of an import report. */
export function describeTpmapReport(r: TpmapImportReport): string {
  const out: string[] = [];
  for (const f of r.files) {
    const merged = f.split.villages ? ` (${f.records} records; ${f.split.records} records of ${f.split.villages} split villages summed)` : '';
    out.push(`${f.file}: ${f.level} table ${f.table}, ${f.rows} rows${merged}${f.skipped ? `, ${f.skipped} skipped` : ''}`);
  }
  for (const f of r.ignoredFiles) out.push(`${f.file}: ignored (${f.reason})`);
  if (r.problemCount) {
    out.push(`${r.problemCount} row problem${r.problemCount > 1 ? 's' : ''}${r.problemCount > r.problems.length ? ` (first ${r.problems.length})` : ''}:`);
    for (const p of r.problems) out.push(`  ${p.file}: line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
  }
  if (r.unmatchedCount) {
    out.push(`${r.unmatchedCount} code${r.unmatchedCount > 1 ? 's' : ''} match no known area (kept):`);
    for (const u of r.unmatched) out.push(`  ${u.code}: ${u.reason}`);
  }
  if (r.communities.length) {
    out.push(`${r.communities.length} letter-coded communit${r.communities.length > 1 ? 'ies' : 'y'} kept as villages of their subdistrict:`);
    for (const k of r.communities) out.push(`  ${k.id} → ${k.code ?? 'no free moo number (left out)'}`);
  }
  if (r.municipalSubdistricts) out.push(`${r.municipalSubdistricts} municipal pseudo-subdistricts (digits 5–6 ≥ 51): TPMAP areas that boundary files may not have`);
  for (const c of r.checks) {
    out.push(`check ${c.year} table ${c.table}: ${c.level} rows vs sums of ${c.summedLevel} rows (${c.fields.length} counts each): ${c.matched}/${c.compared} match`);
    for (const m of c.mismatches.slice(0, 5)) out.push(`  ${m.code} ${m.field}: published ${m.published}, sum ${m.summed}`);
  }
  out.push(r.note);
  return out.join('\n');
}
