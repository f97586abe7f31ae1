/**
 * A generated national TPMAP export (tests and the bench; no real data is committed): for each
 * province the village, tambol and amphur tables of every dimension set plus `_common`, and the
 * national province tables — the layout of TPMAP's real 2561 export (7,360 files for 76
 * provinces × 32 tables). Villages are published as split records (`…01`, `…02`) at the given
 * share, as TPMAP does for a moo split between local administrations. Coarser tables are exact
 * sums of the village records, so an import must reproduce every province row.
 */
import { mulberry32 } from '../../domain/random';
import { PROVINCES } from '../provinceTable';
import { COMMON_HEADER, TABLE_HEADER } from './testFixtures';

export interface NationalFixtureOptions {
  provinces?: readonly string[];
  districtsPerProvince?: number;
  subdistrictsPerDistrict?: number;
  villagesPerSubdistrict?: number;
  /** Municipal pseudo-subdistricts (digits 5–6 = 51, 52 …) per district, as TPMAP publishes them. */
  municipalPerDistrict?: number;
  /** Share of villages published as 2–3 records. */
  splitShare?: number;
  /**
   * Letter-coded community records to add (TPMAP ids such as `901151A001`: 6-digit subdistrict,
   * a letter, 3 digits), each in the village tables of its province and summed into its
   * subdistrict's, district's and province's rows like any village. Their subdistrict need not
   * exist otherwise (TPMAP's are municipal pseudo-subdistricts, digits 5–6 ≥ 51).
   */
  communities?: readonly string[];
  /** Dimension sets to write (default: all 31 non-empty sets). */
  tables?: readonly string[];
  year?: number;
  seed?: number;
}

export const ALL_DIMENSION_SETS: readonly string[] = Array.from({ length: 31 }, (_, i) => (i + 1).toString(2).padStart(5, '0')).reverse();

interface Rec {
  id: string;
  code: string;
  people: number;
  households: number;
  /** Target poor per dimension (health … access), and poor (any card) per dimension. */
  dims: number[];
  poorDims: number[];
}

function union(v: number[], set: string): number {
  // People poor in any selected dimension: the largest selected dimension plus a share of the rest
  // (dimensions overlap), never more than their sum.
  let max = 0;
  let sum = 0;
  for (let d = 0; d < 5; d++) if (set[d] === '1') {
    max = Math.max(max, v[d]);
    sum += v[d];
  }
  return Math.min(sum, max + Math.floor((sum - max) / 2));
}

function tableRow(id: string, r: { people: number; households: number; dims: number[]; poorDims: number[] }, set: string, province: string): string {
  const target = union(r.dims, set);
  const poor = union(r.poorDims, set);
  const dims = r.dims.map((x, d) => (set[d] === '1' ? x : 0));
  const ind = Array.from({ length: 31 }, (_, i) => (i + 1 === 22 ? dims[3] : i + 1 === 8 ? dims[1] : 0));
  const rate = r.people > 0 ? (100 * target) / r.people : 0;
  return [`"${id}"`, Math.ceil(poor / 3), poor, target, target, ...dims, rate, ...ind, `"${province}"`].join(',');
}

function commonRow(id: string, r: { people: number; households: number }, province: string): string {
  const ind = Array.from({ length: 31 }, (_, i) => (i + 1 === 22 ? Math.floor(r.people / 10) : r.people));
  return [`"${id}"`, r.households, r.people, Math.floor(r.people / 4), Math.floor(r.people / 5), ...ind, `"${province}"`].join(',');
}

function sumBy(recs: Rec[], digits: number): Map<string, { recs: Rec[] }> {
  const out = new Map<string, { recs: Rec[] }>();
  for (const r of recs) {
    const k = r.code.slice(0, digits);
    let s = out.get(k);
    if (!s) out.set(k, (s = { recs: [] }));
    s.recs.push(r);
  }
  return out;
}

/** Coarser rows sum the village records' table values (not a union of sums), exactly as published. */
function summedTableRow(id: string, recs: Rec[], set: string, province: string): string {
  const cells = recs.map((r) => tableRow(r.id, r, set, province).split(',').slice(1, -1).map(Number));
  const s = cells[0].map((_, j) => cells.reduce((a, c) => a + c[j], 0));
  const people = recs.reduce((a, r) => a + r.people, 0);
  s[9] = people > 0 ? (100 * s[3]) / people : 0;
  return [`"${id}"`, ...s, `"${province}"`].join(',');
}

function summedCommonRow(id: string, recs: Rec[], province: string): string {
  const cells = recs.map((r) => commonRow(r.id, r, province).split(',').slice(1, -1).map(Number));
  const sums = cells[0].map((_, j) => cells.reduce((a, c) => a + c[j], 0));
  return [`"${id}"`, ...sums, `"${province}"`].join(',');
}

/** Files of the export, one at a time (so a full-size export never sits in memory whole). */
export function* nationalTpmapExport(o: NationalFixtureOptions = {}): Generator<{ name: string; text: string }> {
  const rnd = mulberry32(o.seed ?? 2561);
  const yy = String((o.year ?? 2561) - 2500);
  const provinces = o.provinces ?? PROVINCES.filter((p) => p.code !== '10').map((p) => p.code);
  const tables = o.tables ?? ALL_DIMENSION_SETS;
  const splitShare = o.splitShare ?? 0.02;
  const byProvince = new Map<string, Rec[]>();
  for (const p of provinces) {
    const recs: Rec[] = [];
    for (let d = 1; d <= (o.districtsPerProvince ?? 12); d++) {
      const subs = [...Array.from({ length: o.subdistrictsPerDistrict ?? 8 }, (_, i) => i + 1), ...Array.from({ length: o.municipalPerDistrict ?? 0 }, (_, i) => 51 + i)];
      for (const s of subs) {
        for (let v = 1; v <= (o.villagesPerSubdistrict ?? 10); v++) {
          const code = `${p}${String(d).padStart(2, '0')}${String(s).padStart(2, '0')}${String(v).padStart(2, '0')}`;
          const parts = rnd() < splitShare ? 2 + Math.floor(rnd() * 2) : 1;
          for (let k = 1; k <= parts; k++) {
            const people = 80 + Math.floor(rnd() * 900);
            const rate = 0.005 + rnd() * rnd() * 0.12;
            const dims = [0.3, 0.4, 0.35, 0.8, 0.05].map((w) => Math.floor(people * rate * w * (0.5 + rnd())));
            const poorDims = dims.map((x) => x + Math.floor(x * rnd() * 2));
            recs.push({ id: `${code}${String(k).padStart(2, '0')}`, code, people, households: Math.ceil(people / 3.1), dims, poorDims });
          }
        }
      }
    }
    for (const id of o.communities ?? []) {
      if (!id.startsWith(p)) continue;
      const people = 80 + Math.floor(rnd() * 900);
      const rate = 0.005 + rnd() * rnd() * 0.12;
      const dims = [0.3, 0.4, 0.35, 0.8, 0.05].map((w) => Math.floor(people * rate * w * (0.5 + rnd())));
      const poorDims = dims.map((x) => x + Math.floor(x * rnd() * 2));
      recs.push({ id, code: id, people, households: Math.ceil(people / 3.1), dims, poorDims });
    }
    byProvince.set(p, recs);
  }
  for (const p of provinces) {
    const recs = byProvince.get(p)!;
    for (const set of [...tables, 'common']) {
      const header = set === 'common' ? COMMON_HEADER : TABLE_HEADER;
      for (const [level, digits, idCol] of [['village', 8, 'village_ID'], ['tambol', 6, 'tumbol_ID'], ['amphur', 4, 'amphur_ID']] as const) {
        const lines = [[idCol, ...header].map((h) => `"${h}"`).join(',')];
        if (level === 'village') for (const r of recs) lines.push(set === 'common' ? commonRow(r.id, r, p) : tableRow(r.id, r, set, p));
        else for (const [code, g] of sumBy(recs, digits)) lines.push(set === 'common' ? summedCommonRow(code, g.recs, p) : summedTableRow(code, g.recs, set, p));
        yield { name: `${yy}_${p}_${level}_${set}.csv`, text: lines.join('\n') + '\n' };
      }
    }
  }
  for (const set of [...tables, 'common']) {
    const header = set === 'common' ? COMMON_HEADER : TABLE_HEADER;
    const lines = [['province_ID', ...header].map((h) => `"${h}"`).join(',')];
    for (const p of provinces) {
      const recs = byProvince.get(p)!;
      lines.push(set === 'common' ? summedCommonRow(p, recs, p) : summedTableRow(p, recs, set, p));
    }
    yield { name: `${yy}_province_${set}.csv`, text: lines.join('\n') + '\n' };
  }
}

/** The 16 letter-coded community ids of the shape the national 2561 export has (provinces 34 and 90). */
export const LETTER_CODED_COMMUNITIES: readonly string[] = [
  ...Array.from({ length: 6 }, (_, i) => `340151A${String(101 + i)}`),
  ...Array.from({ length: 10 }, (_, i) => `901151A${String(i + 1).padStart(3, '0')}`),
];

/** Target poor (all 5 dimensions) per area of a fixture at `digits` (2 province … 6 subdistrict), from its village records. */
export function expectedTargetPoor(files: Iterable<{ name: string; text: string }>, digits: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) {
    if (!/_\d{2}_village_11111\.csv$/.test(f.name)) continue;
    for (const line of f.text.split('\n').slice(1)) {
      if (!line) continue;
      const cells = line.split(',');
      const k = cells[0].slice(1, 1 + digits);
      out.set(k, (out.get(k) ?? 0) + Number(cells[4]));
    }
  }
  return out;
}

/** Target poor (all 5 dimensions) per province of a fixture, from its village records: the expected totals. */
export function expectedProvinceTargetPoor(files: Iterable<{ name: string; text: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) {
    if (!/_\d{2}_village_11111\.csv$/.test(f.name)) continue;
    for (const line of f.text.split('\n').slice(1)) {
      if (!line) continue;
      const cells = line.split(',');
      const p = cells[0].slice(1, 3);
      out.set(p, (out.get(p) ?? 0) + Number(cells[4]));
    }
  }
  return out;
}
