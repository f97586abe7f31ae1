/**
 * Workspace imports through the CLI (issue 8): the real Nakhon Pathom workspace when
 * ../shared/realdata is there, and the generated national TPMAP export (7,328 files, 330 MB)
 * when BENCH_NATIONAL names its directory (`npx tsx scripts/support/writeNationalTpmap.ts DIR`
 * writes it; ~2–3 min). Time and the import's own peak resident memory (process.resourceUsage).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from '../bench';

function cliImport(args: string[]): { seconds: number; peakMb: number } | null {
  const out = join(mkdtempSync(join(tmpdir(), 'cheepao-bench-import-')), 'ws');
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'import', ...args, '--out', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const m = /in ([\d.]+) s; peak memory (\d+) MB/.exec(r.stderr ?? '');
  return r.status === 0 && m ? { seconds: Number(m[1]), peakMb: Number(m[2]) } : null;
}

const bench: BenchSection = async ({ report }) => {
  const R = '../shared/realdata';
  if (existsSync(R)) {
    const np = cliImport([`${R}/admin`, ...['village', 'tambol', 'amphur'].flatMap((l) => [`${R}/tpmap2561/61_73_${l}_11111.csv`, `${R}/tpmap2561/61_73_${l}_common.csv`]), `${R}/services/nakhonpathom_landmarks_wgs84.geojson`, `${R}/ntl/thailand_viirs_ntl_5km_2025-03_float32_deflate.tif`, '--type-map', 'gistda']);
    if (np) {
      report('CLI import, Nakhon Pathom workspace (OCHA adm1–3, TPMAP 73, GISTDA, VIIRS)', np.seconds * 1000, 'ms');
      report('  peak memory', np.peakMb, 'MB');
    }
  }
  const national = process.env.BENCH_NATIONAL;
  if (national && existsSync(national)) {
    const r = cliImport([national]);
    if (r) {
      report('CLI import, generated national TPMAP export (7,328 files, 330 MB)', r.seconds, 's');
      report('  peak memory (old space capped at 640 MB)', r.peakMb, 'MB');
    }
  } else process.stdout.write('national TPMAP import: set BENCH_NATIONAL=DIR (scripts/support/writeNationalTpmap.ts DIR writes the fixture)\n');
};
export default bench;
