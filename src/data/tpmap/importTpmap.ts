/**
 * Import a set of TPMAP export files (strings: works in a browser worker and in Node) into
 * TPMAP counts per year, with a report of everything a user must know: files read, rows
 * skipped (file, line, column), codes that match no known area, and whether published coarser
 * tables equal the sums of finer ones (they should: TPMAP's counts are of people).
 */
import { LEVEL_DIGITS, type AdminLevel } from '../../domain/adminCodes';
import { PROVINCES } from '../provinceTable';
import type { TpmapCounts } from './countsFile';
import { CountTable } from './countTable';
import { AF_NEEDS_HOUSEHOLDS } from './tpmapMeasures';
import { COMMON_FIELDS, TABLE_FIELDS, classifyTpmapFile, parseTpmapTable, parseVillageNames, type CellProblem } from './tpmapCsv';

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

function levelOf(code: string): Exclude<AdminLevel, 'country'> {
  return FINE_TO_COARSE.find((l) => LEVEL_DIGITS[l] === code.length)!;
}

/**
 * Files are added one at a time and their text dropped after parsing, so a national export
 * (7,360 files, 345 MB) never sits in memory whole: only the compact counts (CountTable) grow.
 */
export class TpmapImporter {
  private readonly counts = new Map<number, TpmapCounts>();
  private readonly report: TpmapImportReport = {
    files: [], ignoredFiles: [], problemCount: 0, problems: [], unmatchedCount: 0, unmatched: [], municipalSubdistricts: 0, checks: [], years: [], villages: 0, note: AF_NEEDS_HOUSEHOLDS,
  };
  private readonly namesByProvince = new Map<string, Map<string, string>>();

  private problem(p: CellProblem): void {
    this.report.problemCount += 1;
    if (this.report.problems.length < MAX_LISTED) this.report.problems.push(p);
  }

  private yearCounts(year: number): TpmapCounts {
    let c = this.counts.get(year);
    if (!c) this.counts.set(year, (c = { year, tables: new Map(), villageNames: new Map() }));
    return c;
  }

  add(name: string, text: string): void {
    const report = this.report;
    const namesByProvince = this.namesByProvince;
    const problem = (p: CellProblem) => this.problem(p);
    const yearCounts = (year: number) => this.yearCounts(year);
    const kind = classifyTpmapFile(name);
    if (!kind) {
      report.ignoredFiles.push({ file: name, reason: 'not a TPMAP export name ({yy}_{province}_{village|tambol|amphur}_{11111|common}.csv, {yy}_province_….csv, bmn{yy}.village_name_{province}.csv)' });
      return;
    }
    if (kind.kind === 'names') {
      const { names, problems } = parseVillageNames(text, name);
      problems.forEach(problem);
      const m = namesByProvince.get(kind.province) ?? new Map<string, string>();
      for (const [k, v] of names) m.set(k, v);
      namesByProvince.set(kind.province, m);
      return;
    }
    const t = parseTpmapTable(text, name);
    t.problems.forEach(problem);
    report.files.push({ file: name, year: t.year, level: t.level, table: t.table, rows: t.rows.size, records: t.records, split: t.split, skipped: t.problems.length, missingColumns: t.missingColumns });
    const c = yearCounts(t.year);
    const into = c.tables.get(t.table) ?? new CountTable(t.table === 'common' ? COMMON_FIELDS.length : TABLE_FIELDS.length);
    for (const [code, v] of t.rows) {
      if (into.has(code)) problem({ file: name, line: 0, message: `code ${code} of table ${t.table} already came from another file; this file's row ignored` });
      else into.set(code, v);
    }
    c.tables.set(t.table, into);
  }

  finish(): TpmapImport {
    const { counts, report, namesByProvince } = this;
    // Village names apply to every year imported with them (bmn59 names serve 2561 data).
    for (const c of counts.values()) for (const names of namesByProvince.values()) for (const [k, v] of names) c.villageNames.set(k, v);

    // Codes that match no known area: provinces outside the DOPA table; villages missing from a
    // village name list given for their province. Listed, never dropped.
    const dopa = new Set(PROVINCES.map((p) => p.code));
    const seen = new Set<string>();
    const villages = new Set<string>();
    for (const c of counts.values()) {
      for (const rows of c.tables.values()) {
        for (const code of rows.keys()) {
          if (code.length === 8) villages.add(code);
          if (seen.has(code)) continue;
          seen.add(code);
          let reason: string | null = null;
          if (!dopa.has(code.slice(0, 2))) reason = `province ${code.slice(0, 2)} is not a DOPA province code`;
          else if (code.length === 8 && namesByProvince.has(code.slice(0, 2)) && !namesByProvince.get(code.slice(0, 2))!.has(code)) reason = 'not in the village name list';
          if (code.length === 6 && Number(code.slice(4, 6)) >= 51) report.municipalSubdistricts += 1;
          if (reason) {
            report.unmatchedCount += 1;
            if (report.unmatched.length < MAX_LISTED) report.unmatched.push({ code, reason });
          }
        }
      }
    }

    // Published coarser tables against sums of each finer level that has rows.
    for (const c of counts.values()) {
      for (const [key, rows] of c.tables) {
        const fields = key === 'common' ? COMPARED_COMMON_FIELDS : COMPARED_TABLE_FIELDS;
        const all = (key === 'common' ? COMMON_FIELDS : TABLE_FIELDS) as readonly string[];
        const idx = fields.map((f) => all.indexOf(f));
        const byLevel = new Map<string, Map<string, Float64Array>>();
        for (const [code, v] of rows) {
          const l = levelOf(code);
          if (!byLevel.has(l)) byLevel.set(l, new Map());
          byLevel.get(l)!.set(code, v);
        }
        for (let fi = 0; fi < FINE_TO_COARSE.length; fi++) {
          const fine = byLevel.get(FINE_TO_COARSE[fi]);
          if (!fine) continue;
          for (let ci = fi + 1; ci < FINE_TO_COARSE.length; ci++) {
            const coarseLevel = FINE_TO_COARSE[ci];
            const coarse = byLevel.get(coarseLevel);
            if (!coarse) continue;
            const digits = LEVEL_DIGITS[coarseLevel];
            const sums = new Map<string, number[]>();
            for (const [code, v] of fine) {
              const s = sums.get(code.slice(0, digits)) ?? fields.map(() => 0);
              idx.forEach((j, k) => (s[k] += v[j]));
              sums.set(code.slice(0, digits), s);
            }
            const check: ConsistencyCheck = { year: c.year, table: key, level: coarseLevel, summedLevel: FINE_TO_COARSE[fi], fields, compared: 0, matched: 0, mismatches: [] };
            for (const [code, s] of sums) {
              const published = coarse.get(code);
              if (!published) continue;
              check.compared += 1;
              let ok = true;
              idx.forEach((j, k) => {
                if (Number.isNaN(published[j])) return;
                if (published[j] !== s[k]) {
                  ok = false;
                  if (check.mismatches.length < 20) check.mismatches.push({ code, field: fields[k], published: published[j], summed: s[k] });
                }
              });
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
  if (r.municipalSubdistricts) out.push(`${r.municipalSubdistricts} municipal pseudo-subdistricts (digits 5–6 ≥ 51): TPMAP areas that boundary files may not have`);
  for (const c of r.checks) {
    out.push(`check ${c.year} table ${c.table}: ${c.level} rows vs sums of ${c.summedLevel} rows (${c.fields.length} counts each): ${c.matched}/${c.compared} match`);
    for (const m of c.mismatches.slice(0, 5)) out.push(`  ${m.code} ${m.field}: published ${m.published}, sum ${m.summed}`);
  }
  out.push(r.note);
  return out.join('\n');
}
