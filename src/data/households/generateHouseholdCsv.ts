/**
 * A seeded synthetic household CSV (the format of householdCsv.ts) for tests and the ingest
 * benchmark: villages of one province, sparse deprivations, some welfare cards, some empty cells.
 */
import { HOUSEHOLD_COLUMNS } from './householdCsv';
import { mulberry32 } from '../../domain/random';

/** Mulberry32: a small seeded PRNG (public domain, Tommy Ettinger). */
export { mulberry32 } from '../../domain/random';

/** Yields the CSV in pieces of about `chunkRows` rows (header first) so big files stream to disk. */
export function* householdCsvChunks(rows: number, seed = 1, chunkRows = 50_000, villages = 2_000): Generator<string> {
  const rnd = mulberry32(seed);
  yield HOUSEHOLD_COLUMNS.join(',') + '\n';
  let out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const v = Math.floor(rnd() * villages);
    const code = 57000000 + Math.floor(v / 200) * 10000 + (1 + Math.floor((v % 200) / 20)) * 100 + (1 + (v % 20));
    const cells = [String(code), String(1 + Math.floor(rnd() * 6)), rnd() < 0.3 ? '1' : '0'];
    for (let j = 3; j < HOUSEHOLD_COLUMNS.length; j++) {
      const x = rnd();
      cells.push(x < 0.04 ? '1' : x < 0.1 ? '' : '0');
    }
    out.push(cells.join(','));
    if (out.length === chunkRows) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  if (out.length) yield out.join('\n') + '\n';
}

export function householdCsv(rows: number, seed = 1): string {
  return Array.from(householdCsvChunks(rows, seed)).join('');
}
