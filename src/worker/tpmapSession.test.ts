import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { neighbourSets, TpmapSession } from './tpmapSession';
import { CodeIndex, CountTable } from '../data/tpmap/countTable';
import type { DatasetManifest } from '../data/datasetFormat';
import { LEVEL_DIGITS, villageCodeString } from '../domain/adminCodes';

/**
 * The areas of each level are the prefixes of every longer code (TPMAP rows of any level, the
 * village list, named districts and subdistricts). The session takes them finest level first; the
 * reference slices every code at every level, as the session did before.
 */
describe('TpmapSession areas per level', () => {
  const code = (digits: number) => fc.integer({ min: 10 ** (digits - 1), max: 10 ** digits - 1 }).map(String);
  fit.prop([
    fc.array(fc.oneof(code(2), code(4), code(6), code(8)), { maxLength: 60 }),
    fc.uniqueArray(fc.tuple(fc.integer({ min: 100_000, max: 969_999 }), fc.integer({ min: 1, max: 99 })).map(([t, moo]) => t * 100 + moo), { maxLength: 40 }),
    fc.array(code(4), { maxLength: 5 }),
    fc.array(code(6), { maxLength: 5 }),
  ])('equal the prefixes of all the codes at each level', (rowCodes, villageNumbers, districts, subdistricts) => {
    const index = new CodeIndex();
    const common = new CountTable(4, index);
    for (const c of rowCodes) common.set(c, Float64Array.of(1, 2, 3, 4));
    const village = Uint32Array.from([...villageNumbers].sort((a, b) => a - b));
    const manifest = { files: {}, years: [2561] } as unknown as DatasetManifest;
    const s = new TpmapSession(
      async () => new Uint8Array(0),
      manifest,
      { provinces: [], districts: districts.map((c) => ({ code: c, th: c, en: c })), subdistricts: subdistricts.map((c) => ({ code: c, th: c, en: c })) },
      { count: village.length, code: village, lon: new Float32Array(village.length), lat: new Float32Array(village.length) },
      new Map([[2561, { year: 2561, tables: new Map([['common', common]]), villageNames: new Map() }]]),
    );
    const all = [...rowCodes, ...Array.from(village, (v) => villageCodeString(v)), ...districts, ...subdistricts];
    for (const level of ['province', 'district', 'subdistrict'] as const) {
      const d = LEVEL_DIGITS[level];
      const expected = [...new Set(all.filter((c) => c.length >= d).map((c) => c.slice(0, d)))].sort();
      expect(s.levelCodes(level)).toEqual(expected);
      expect(s.levelCodes(level).every((c, i) => s.indexOf(level, c) === i)).toBe(true);
    }
    expect(s.levelCodes('village')).toEqual(Array.from(village, (v) => villageCodeString(v)));
    expect(s.levelCodes('country')).toEqual(['TH']);
  });
});

describe('neighbourSets', () => {
  it('flips one dimension at a time and never gives the empty set', () => {
    expect(neighbourSets('11111')).toEqual(['01111', '10111', '11011', '11101', '11110']);
    expect(neighbourSets('10000')).toEqual(['11000', '10100', '10010', '10001']);
  });
});
