/**
 * Synthetic assistance records for the demo (issue 11 item 2), labelled synthetic: the demo's
 * target poor of 2565 (TPMAP union rule, all five dimensions, per village), followed from
 * January 2565 BE (2022) to March 2566 BE (2023) at a pace that differs by province, so that
 * not every province is on time for the 30 September 2565 deadline.
 *
 * Kept small for the browser (the file is read only when the follow-up tab opens): a demo
 * "case" is a cohort of the village's target households that the team moves together (1–3 per
 * village, members = their people), each with a few records — visited, helped or in progress,
 * resolved or self-resolved, a few reopened later — and some villages have a cohort found
 * outside the target list. Deterministic: the same demo files and seed give identical bytes.
 *
 * Used by scripts/generate-demo.ts (so `--check` covers records.bin.gz and the manifest line),
 * and runnable alone to add the records to an existing demo directory:
 *   npx tsx scripts/demo/records.ts [DIR]     (default data/demo)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProfiles, readVillages } from '../../src/data/dataset';
import type { DatasetManifest } from '../../src/data/datasetFormat';
import { encodeRecordsFile, RECORDS_FILE_NAME } from '../../src/data/records/recordsFile';
import { computeMeasures } from '../../src/domain/mpi/compute';
import { prepareProfiles } from '../../src/domain/mpi/prepare';
import { DEFAULT_MPI_SETTINGS } from '../../src/domain/mpi/settings';
import { dayOfYmd } from '../../src/domain/progress/days';
import { RECORD_STATUSES, type AssistanceRecords } from '../../src/domain/progress/records';
import { mulberry32 } from '../../src/domain/random';

const YEAR = 2565;
const START_DAY = dayOfYmd(2022, 1, 10);
const DEADLINE_DAY = dayOfYmd(2022, 9, 30);
const END_DAY = dayOfYmd(2023, 3, 31);
const AGENCIES = ['', 'พม.', 'มท.', 'สธ.', 'ศธ.', 'กษ.', 'ธ.ก.ส.', 'อปท.'];
const ST = Object.fromEntries(RECORD_STATUSES.map((s, i) => [s, i])) as Record<(typeof RECORD_STATUSES)[number], number>;
const DEBT = 1 << 5;

export interface DemoRecordsSummary {
  rows: number;
  cases: number;
  villages: number;
  targetPeople: number;
  bytes: number;
}

/** Growable typed columns (the generator appends rows in file order). */
class Columns {
  n = 0;
  caseIndex = new Uint32Array(1 << 16);
  villageCode = new Uint32Array(1 << 16);
  members = new Uint16Array(1 << 16);
  day = new Int32Array(1 << 16);
  dimensionMask = new Uint8Array(1 << 16);
  status = new Uint8Array(1 << 16);
  stage = new Uint8Array(1 << 16);
  agency = new Uint16Array(1 << 16);
  debtBefore = new Float64Array(1 << 16);
  debtAfter = new Float64Array(1 << 16);
  outside = new Uint8Array(1 << 16);
  push(c: number, v: number, m: number, d: number, dims: number, st: number, stage: number, ag: number, before: number, after: number, out: number): void {
    if (this.n === this.caseIndex.length) this.grow();
    const i = this.n++;
    this.caseIndex[i] = c; this.villageCode[i] = v; this.members[i] = m; this.day[i] = d; this.dimensionMask[i] = dims;
    this.status[i] = st; this.stage[i] = stage; this.agency[i] = ag; this.debtBefore[i] = before; this.debtAfter[i] = after; this.outside[i] = out;
  }
  private grow(): void {
    for (const k of ['caseIndex', 'villageCode', 'members', 'day', 'dimensionMask', 'status', 'stage', 'agency', 'debtBefore', 'debtAfter', 'outside'] as const) {
      const a = this[k] as Uint8Array;
      const b = new (a.constructor as Uint8ArrayConstructor)(a.length * 2);
      b.set(a);
      (this as unknown as Record<string, Uint8Array>)[k] = b;
    }
  }
}

/** Records for the demo: `read` gives the demo's files (villages, profiles of 2565). */
export async function demoRecords(read: (name: string) => Promise<Uint8Array>, manifest: DatasetManifest, seed: number): Promise<{ bytes: Uint8Array; summary: DemoRecordsSummary }> {
  const villages = await readVillages(read, manifest);
  const profiles = await readProfiles(read, manifest, YEAR, villages.count);
  const mpi = computeMeasures(prepareProfiles(villages.code, profiles), DEFAULT_MPI_SETTINGS);
  const target = mpi.levels.village.targetPoor;
  const rnd = mulberry32((seed * 7919 + 11) >>> 0);
  // Pace per province: about a third finish their target group by the deadline (speed ≥ 1),
  // the others are slower — some far behind — and carry on into 2566.
  const speed = new Map<number, number>();
  for (let v = 0; v < villages.count; v++) {
    const p = Math.floor(villages.code[v] / 1e6);
    if (!speed.has(p)) speed.set(p, rnd() < 0.35 ? 1 + 0.3 * rnd() : 0.5 + 0.5 * rnd());
  }
  const cols = new Columns();
  const caseIds: string[] = [];
  let targetPeople = 0;
  let villagesWith = 0;
  const span = DEADLINE_DAY - START_DAY;
  const at = (fraction: number) => START_DAY + Math.round(fraction * span);
  for (let v = 0; v < villages.count; v++) {
    const T = Math.round(target[v]);
    const code = villages.code[v];
    const sp0 = speed.get(Math.floor(code / 1e6))!;
    const onTime = sp0 >= 1;
    // Villages vary within a province (those of on-time provinces only ever faster).
    const sp = onTime ? sp0 * (1 + 0.2 * rnd()) : sp0 * (0.8 + 0.4 * rnd());
    const cohorts: { members: number; outside: boolean }[] = [];
    if (T > 0) {
      targetPeople += T;
      villagesWith++;
      const n = T <= 10 ? 1 : T <= 40 ? 2 : 3;
      let left = T;
      for (let k = 0; k < n; k++) {
        const m = k === n - 1 ? left : Math.max(1, Math.round((left / (n - k)) * (0.7 + 0.6 * rnd())));
        cohorts.push({ members: Math.min(m, 65_000), outside: false });
        left -= m;
        if (left <= 0) break;
      }
    }
    // Households found in the field but missing from the target list (exclusion errors).
    if (rnd() < 0.04) cohorts.push({ members: 2 + Math.floor(rnd() * 5), outside: true });
    for (const c of cohorts) {
      const ci = caseIds.length;
      caseIds.push(`D${ci.toString(36)}`);
      let dims = 0;
      for (let j = 0; j < 5; j++) if (rnd() < 0.3) dims |= 1 << j;
      if (rnd() < 0.6) dims |= DEBT;
      if (!dims) dims = 1 << 3; // income
      const debtBefore = dims & DEBT ? Math.round((20_000 + rnd() * 180_000) * Math.max(1, c.members / 3)) : NaN;
      const agency = 1 + Math.floor(rnd() * (AGENCIES.length - 1));
      const out = c.outside ? 1 : 0;
      const m = c.members;
      // Slow provinces leave some cohorts at "targeted" (never visited in the window).
      if (!onTime && rnd() < 0.15 * (1 - sp0)) {
        cols.push(ci, code, m, START_DAY + Math.floor(rnd() * 60), dims, ST.targeted, 0, agency, debtBefore, debtBefore, out);
        continue;
      }
      // Resolution at a fraction of the schedule: uniform over [0.1, 1] ÷ speed.
      const f = (0.1 + 0.9 * rnd()) / sp;
      const visit = at(f * (0.15 + 0.3 * rnd()));
      const selfResolve = rnd() < 0.08;
      const help = at(f * (0.5 + 0.3 * rnd()));
      const resolve = at(f);
      cols.push(ci, code, m, visit, dims, ST.visited, 0, agency, debtBefore, debtBefore, out);
      if (!selfResolve && help <= END_DAY && help > visit) cols.push(ci, code, m, help, dims, rnd() < 0.7 ? ST.helped : ST.in_progress, 0, agency, debtBefore, debtBefore, out);
      if (resolve > END_DAY || resolve <= visit) continue; // still being helped at the end of the window
      const stage = rnd() < 0.5 ? 1 : rnd() < 0.7 ? 2 : 3;
      const debtAfter = Number.isFinite(debtBefore) ? Math.round(debtBefore * rnd() * 0.6) : NaN;
      cols.push(ci, code, m, resolve, dims, selfResolve ? ST.self_resolved : ST.resolved, stage, agency, debtBefore, debtAfter, out);
      // In slow provinces a few are reopened later (the household fell back), some resolved again.
      if (!onTime && rnd() < 0.06) {
        const reopen = resolve + 20 + Math.floor(rnd() * 90);
        if (reopen <= END_DAY) {
          cols.push(ci, code, m, reopen, dims, ST.in_progress, 1, agency, debtBefore, debtBefore, out);
          const again = reopen + 30 + Math.floor(rnd() * 90);
          if (rnd() < 0.5 && again <= END_DAY) cols.push(ci, code, m, again, dims, ST.resolved, stage, agency, debtBefore, debtAfter, out);
        }
      }
    }
  }
  const n = cols.n;
  const records: AssistanceRecords = {
    count: n,
    caseIndex: cols.caseIndex.slice(0, n),
    caseCount: caseIds.length,
    villageCode: cols.villageCode.slice(0, n),
    members: cols.members.slice(0, n),
    day: cols.day.slice(0, n),
    dimensionMask: cols.dimensionMask.slice(0, n),
    status: cols.status.slice(0, n),
    stage: cols.stage.slice(0, n),
    agency: cols.agency.slice(0, n),
    agencies: AGENCIES,
    debtBeforeBaht: cols.debtBefore.slice(0, n),
    debtAfterBaht: cols.debtAfter.slice(0, n),
    outsideTarget: cols.outside.slice(0, n),
  };
  const raw = encodeRecordsFile({ records, caseIds, source: 'Synthetic demonstration records generated by scripts/demo/records.ts (not real TPMAP Logbook data)', synthetic: true });
  const bytes = new Uint8Array(gzipSync(raw, { level: 9, memLevel: 9 }));
  return { bytes, summary: { rows: n, cases: caseIds.length, villages: villagesWith, targetPeople, bytes: bytes.length } };
}

/**
 * Adds records.bin.gz to a generated demo's files and names it in manifest.json
 * (`files.records`; the demo has no layers list, so layersOf() derives a synthetic records layer).
 */
export async function addDemoRecords(files: Map<string, Uint8Array>, seed: number): Promise<DemoRecordsSummary> {
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as DatasetManifest & { meta?: Record<string, unknown> };
  const read = async (name: string) => {
    const b = files.get(name);
    if (!b) throw new Error(`demo records: ${name} was not generated`);
    return b;
  };
  const { bytes, summary } = await demoRecords(read, manifest, seed);
  files.set(RECORDS_FILE_NAME, bytes);
  manifest.files.records = RECORDS_FILE_NAME;
  manifest.meta = { ...(manifest.meta ?? {}), records: { rows: summary.rows, cases: summary.cases, villages: summary.villages, target_poor: summary.targetPeople, year: YEAR } };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n'));
  return summary;
}

// Run alone: add the records to an existing demo directory (default data/demo).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = resolve(process.argv[2] ?? join(root, 'data', 'demo'));
  const files = new Map<string, Uint8Array>();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DatasetManifest & { meta?: { seed?: number } };
  files.set('manifest.json', new Uint8Array(readFileSync(join(dir, 'manifest.json'))));
  for (const f of [manifest.files.villages, manifest.files.profiles[String(YEAR)]]) files.set(f, new Uint8Array(readFileSync(join(dir, f))));
  const t0 = performance.now();
  const s = await addDemoRecords(files, Number(manifest.meta?.seed ?? 2565));
  writeFileSync(join(dir, RECORDS_FILE_NAME), files.get(RECORDS_FILE_NAME)!);
  writeFileSync(join(dir, 'manifest.json'), files.get('manifest.json')!);
  process.stdout.write(`${dir}/${RECORDS_FILE_NAME}: ${s.rows} records, ${s.cases} cases, ${s.villages} villages, target poor ${s.targetPeople}, ${(s.bytes / 1024).toFixed(1)} KiB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
