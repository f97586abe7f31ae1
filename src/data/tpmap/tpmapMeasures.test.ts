/**
 * The typed-array tpmapMeasures (issue 16) against the per-row Map form it replaced, kept here as
 * the reference: published rows where present, else exact sums of the finer level. Both run on
 * generated national-shaped exports (seeded) with published coarser tables, missing rows at
 * every level and tables over separate code indexes (merged workspaces), and must agree on every
 * code, parent and number.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_LEVELS, COUNTRY_CODE, LEVEL_DIGITS, type AdminLevel } from '../../domain/adminCodes';
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../domain/indicators';
import { mulberry32 } from '../../domain/random';
import type { MpiSettings } from '../../domain/mpi/settings';
import type { TpmapCounts } from './countsFile';
import { CountTable } from './countTable';
import { importTpmap } from './importTpmap';
import { nationalTpmapExport } from './nationalFixture';
import { COMMON_FIELDS, TABLE_FIELDS } from './tpmapCsv';
import { dimensionSetKey, tpmapMeasures } from './tpmapMeasures';

type ByLevel = Record<AdminLevel, Map<string, Float64Array>>;

/** The former implementation (per-row Maps), verbatim in its arithmetic. */
function rollUpTable(rows: Iterable<[string, Float64Array]>, width: number): ByLevel {
  const out = {} as ByLevel;
  for (const level of ADMIN_LEVELS) out[level] = new Map();
  for (const [code, v] of rows) {
    if (code === COUNTRY_CODE) continue;
    const level = (['province', 'district', 'subdistrict', 'village'] as const).find((l) => LEVEL_DIGITS[l] === code.length);
    if (level) out[level].set(code, v);
  }
  for (let li = ADMIN_LEVELS.length - 2; li >= 0; li--) {
    const level = ADMIN_LEVELS[li];
    const fine = out[ADMIN_LEVELS[li + 1]];
    const sums = new Map<string, Float64Array>();
    for (const [code, v] of fine) {
      const parent = level === 'country' ? COUNTRY_CODE : code.slice(0, LEVEL_DIGITS[level]);
      let s = sums.get(parent);
      if (!s) sums.set(parent, (s = new Float64Array(width)));
      for (let j = 0; j < width; j++) s[j] += v[j];
    }
    for (const [code, s] of sums) if (!out[level].has(code)) out[level].set(code, s);
  }
  return out;
}

function reference(counts: TpmapCounts, dims: readonly DimensionId[], welfare: 'all' | 'nocard') {
  const t = rollUpTable(counts.tables.get(dimensionSetKey(dims))!, TABLE_FIELDS.length);
  const c = rollUpTable(counts.tables.get('common') ?? [], COMMON_FIELDS.length);
  const out = {} as Record<AdminLevel, { codes: string[]; parent: number[]; people: number[]; targetPoor: number[]; rate: number[]; failing: number[]; byDimension: number[] }>;
  let coarser = new Map<string, number>();
  for (const level of ADMIN_LEVELS) {
    const codes = [...new Set([...t[level].keys(), ...c[level].keys()])].sort();
    const index = new Map(codes.map((x, i) => [x, i]));
    const people = codes.map((x) => c[level].get(x)?.[1] ?? NaN);
    const targetPoor = codes.map((x) => t[level].get(x)?.[TABLE_FIELDS.indexOf('target_poor')] ?? NaN);
    const poor = codes.map((x) => t[level].get(x)?.[TABLE_FIELDS.indexOf('poor')] ?? NaN);
    out[level] = {
      codes,
      parent: codes.map((x) => (level === 'country' ? -1 : coarser.get(level === 'province' ? COUNTRY_CODE : x.slice(0, x.length - 2)) ?? -1)),
      people,
      targetPoor,
      rate: codes.map((_, i) => (people[i] > 0 ? (welfare === 'nocard' ? poor[i] - targetPoor[i] : targetPoor[i]) / people[i] : NaN)),
      failing: codes.flatMap((x) => Array.from(c[level].get(x)?.slice(4) ?? new Float64Array(COMMON_FIELDS.length - 4).fill(NaN))),
      byDimension: codes.flatMap((x) => Array.from(t[level].get(x)?.slice(4, 9) ?? new Float64Array(5).fill(NaN))),
    };
    coarser = index;
  }
  return out;
}

function compare(counts: TpmapCounts, dims: DimensionId[], welfare: 'all' | 'nocard') {
  const settings: MpiSettings = { measure: 'tpmap', dimensions: dims, k: 1, weights: null, welfare };
  const fast = tpmapMeasures(counts, settings).levels;
  const ref = reference(counts, dims, welfare);
  for (const level of ADMIN_LEVELS) {
    const f = fast[level];
    const r = ref[level];
    expect(f.codes, level).toEqual(r.codes);
    expect(Array.from(f.parent), level).toEqual(r.parent);
    expect(Array.from(f.people), level).toEqual(r.people);
    expect(Array.from(f.targetPoor), level).toEqual(r.targetPoor);
    expect(Array.from(f.rate), level).toEqual(r.rate);
    expect(Array.from(f.detail!.failing), level).toEqual(r.failing);
    expect(Array.from(f.detail!.targetPoorByDimension), level).toEqual(r.byDimension);
  }
}

/** Drops a seeded share of rows (any level) from every table, as partial exports have. */
function thinned(counts: TpmapCounts, seed: number, share: number): TpmapCounts {
  const rnd = mulberry32(seed);
  for (const t of counts.tables.values()) for (let i = 0; i < t.present.length; i++) if (t.present[i] && rnd() < share) t.present[i] = 0;
  return counts;
}

/** The same counts with each table over its own code index (as mergeCounts builds them). */
function separateIndexes(counts: TpmapCounts): TpmapCounts {
  const tables = new Map<string, CountTable>();
  for (const [key, t] of counts.tables) {
    const own = new CountTable(t.width);
    for (const [code, v] of [...t].reverse()) own.set(code, v);
    tables.set(key, own);
  }
  return { ...counts, tables };
}

describe('tpmapMeasures (typed arrays) equals the per-row reference', () => {
  const files = () => nationalTpmapExport({ provinces: ['10', '34', '73', '90'], districtsPerProvince: 2, subdistrictsPerDistrict: 3, villagesPerSubdistrict: 4, municipalPerDistrict: 1, splitShare: 0.2, tables: ['11111', '01000'] });
  it.each([1, 2, 3])('seed %i: all levels, both welfare rules, two subsets, thinned rows, separate indexes', (seed) => {
    const full = importTpmap([...files()]).counts.get(2561)!;
    for (const dims of [[...DIMENSION_IDS], [DIMENSIONS[1].id]] as DimensionId[][]) {
      compare(full, dims, 'all');
      compare(full, dims, 'nocard');
    }
    const thin = thinned(importTpmap([...files()]).counts.get(2561)!, seed, 0.15);
    compare(thin, [...DIMENSION_IDS], 'all');
    compare(separateIndexes(thin), [DIMENSIONS[1].id], 'nocard');
  });
});
