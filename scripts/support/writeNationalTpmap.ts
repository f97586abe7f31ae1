/**
 * Writes the generated national TPMAP export (src/data/tpmap/nationalFixture.ts, full size:
 * 76 provinces × village/tambol/amphur × 32 tables + province tables = 7,360 files) into a
 * directory, for the import benches. `npx tsx scripts/support/writeNationalTpmap.ts DIR
 * [--with-communities]`; the option adds the 16 letter-coded community records of the real
 * export's shape (provinces 34 and 90, e.g. `901151A001`), 7,328 files either way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTER_CODED_COMMUNITIES, nationalTpmapExport, type NationalFixtureOptions } from '../../src/data/tpmap/nationalFixture';

export function writeNationalTpmap(dir: string, options: NationalFixtureOptions = {}): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const f of nationalTpmapExport(options)) {
    writeFileSync(join(dir, f.name), f.text);
    files++;
    bytes += f.text.length;
  }
  return { files, bytes };
}

if (process.argv[1]?.endsWith('writeNationalTpmap.ts')) {
  const r = writeNationalTpmap(process.argv[2] ?? '/tmp/tpmap-national', process.argv.includes('--with-communities') ? { communities: LETTER_CODED_COMMUNITIES } : {});
  console.log(JSON.stringify(r));
}
