/**
 * Worker methods for the follow-up of the target group (issue 11), spread into the compute
 * worker's comlink API (compute.worker.ts). Each workspace's assistance records are read from
 * its own files and prepared once (sorted by case and date, src/domain/progress/prepare.ts);
 * its target group is the poverty layer's target poor for the year and rule on screen, aligned
 * once per (year, rule). An as-of change then costs one pass (computeProgress) whose map columns
 * go back as transferred typed arrays; the selection's burn-up, PDCA board and the list of areas
 * furthest behind are small objects. The full result stays here for exports.
 */
import { transfer } from 'comlink';
import { ADMIN_LEVELS, COUNTRY_CODE, childLevel, levelOfCode, type AdminLevel } from '../domain/adminCodes';
import type { MpiSettings } from '../domain/mpi';
import { alignTargets, computeBurnUp, computeProgress, furthestBehind, type AlignedTargets, type BehindArea, type BurnUp, type ProgressResult, type ResolvedSchedule, type TargetsByLevel } from '../domain/progress/compute';
import { pdcaBoard, type PdcaBoard } from '../domain/progress/pdca';
import { prepareRecords, type PreparedRecords } from '../domain/progress/prepare';
import { flattenProgressRow, progressCsv, progressRows } from '../domain/progress/table';
import { readDatasetRecords } from '../data/records/recordsFile';
import type { DatasetManifest, AreaNames } from '../data/datasetFormat';
import type { ByteReader } from '../data/dataset';
import type { Villages } from '../data/dataset';
import type { MeasuresByLevel } from './datasetSession';

/** What the follow-up needs of a workspace session (DatasetSession and TpmapSession both are). */
export interface ProgressSession {
  read: ByteReader;
  manifest: DatasetManifest;
  areas: AreaNames;
  villages: Villages;
  levelCodes(level: AdminLevel): string[];
  measures(year: number, settings: MpiSettings, detail: boolean): Promise<MeasuresByLevel>;
}

export interface ProgressInfo {
  datasetId: string;
  /** False when the workspace has no records layer (the tab then names the file that fills it). */
  hasRecords: boolean;
  records: number;
  cases: number;
  source: string;
  synthetic: boolean;
  /** Earliest / latest record day (days.ts day numbers; NaN without records). */
  firstDay: number;
  lastDay: number;
  /** Areas of the records' hierarchy per level (records' villages ∪ the workspace's), ascending. */
  codes: Record<AdminLevel, string[]>;
  /** Worker time to read and prepare the records (ms). */
  ms: number;
}

export interface ProgressQuery {
  datasetId: string;
  year: number;
  settings: MpiSettings;
  asOfDay: number;
  /** undefined: the earliest record's day. */
  startDay?: number;
  deadlineDay: number;
  selection: string;
  behindBy: 'shortfall' | 'ratio';
  behindLimit: number;
}

/** Per level, aligned with ProgressInfo.codes: what the map and its tooltip show. */
export interface ProgressMapColumns {
  targetGroup: Float64Array;
  resolved: Float64Array;
  resolutionRate: Float64Array;
  expectedByNow: Float64Array;
  behind: Uint8Array;
}

export interface ProgressAnswer {
  /** Identity of the measures (changes with dataset, year, rule, dates). */
  key: string;
  schedule: ResolvedSchedule;
  /** Present when the measures were recomputed (otherwise the previous answer's still hold). */
  columns: Record<AdminLevel, ProgressMapColumns> | null;
  /** The area the selection-dependent parts describe: the selection, or its nearest ancestor with records or targets. */
  scope: string;
  burnUp: BurnUp;
  board: PdcaBoard | null;
  /** Areas of the level below the scope, inside it, that are behind: furthest first. */
  behind: { level: AdminLevel | null; areas: BehindArea[]; total: number };
  unmatchedTargetCodes: number;
  /** Worker time of the as-of pass (computeProgress), ms; null when it was not rerun. */
  computeMs: number | null;
  /** Worker time of the whole call (ms). */
  totalMs: number;
}

interface Prepared {
  info: ProgressInfo;
  prep: PreparedRecords | null;
  targets: Map<string, Promise<AlignedTargets>>;
}

function emptyCodes(): Record<AdminLevel, string[]> {
  return { country: [COUNTRY_CODE], province: [], district: [], subdistrict: [], village: [] };
}

/** The session's poverty measures as the progress domain takes them (codes per level). */
function targetsOf(s: ProgressSession, m: MeasuresByLevel): TargetsByLevel {
  const out: TargetsByLevel = {};
  for (const level of ADMIN_LEVELS) out[level] = { codes: s.levelCodes(level), targetPeople: m[level].targetPoor, targetPeopleByDimension: m[level].targetPoorByDimension };
  return out;
}

function namesOf(areas: AreaNames): Map<string, string> {
  const m = new Map<string, string>([[COUNTRY_CODE, 'ประเทศไทย']]);
  for (const list of [areas.provinces, areas.districts, areas.subdistricts]) for (const a of list ?? []) m.set(a.code, a.th || a.en);
  return m;
}

export function progressApi(sessionById: (id: string) => ProgressSession) {
  const prepared = new Map<string, { session: ProgressSession; p: Promise<Prepared> }>();
  let last: { key: string; datasetId: string; result: ProgressResult } | null = null;

  function open(datasetId: string): Promise<Prepared> {
    const session = sessionById(datasetId);
    const hit = prepared.get(datasetId);
    // A re-imported workspace gets a new session object: prepare its records again.
    if (hit && hit.session === session) return hit.p;
    const p = (async (): Promise<Prepared> => {
      const t0 = performance.now();
      const stored = await readDatasetRecords(session.read, session.manifest);
      if (!stored) {
        return { info: { datasetId, hasRecords: false, records: 0, cases: 0, source: '', synthetic: false, firstDay: NaN, lastDay: NaN, codes: emptyCodes(), ms: performance.now() - t0 }, prep: null, targets: new Map() };
      }
      const prep = prepareRecords(stored.records, session.villages.code);
      const codes = {} as Record<AdminLevel, string[]>;
      for (const level of ADMIN_LEVELS) codes[level] = prep.hierarchy.levels[level].codes;
      const info: ProgressInfo = { datasetId, hasRecords: true, records: stored.records.count, cases: stored.records.caseCount, source: stored.source, synthetic: stored.synthetic, firstDay: prep.firstDay, lastDay: prep.lastDay, codes, ms: performance.now() - t0 };
      return { info, prep, targets: new Map() };
    })();
    prepared.set(datasetId, { session, p });
    p.catch(() => prepared.delete(datasetId));
    return p;
  }

  function targetsFor(datasetId: string, pr: Prepared, year: number, settings: MpiSettings): Promise<AlignedTargets> {
    const key = JSON.stringify([year, settings]);
    let t = pr.targets.get(key);
    if (!t) {
      const s = sessionById(datasetId);
      t = s.measures(year, settings, true).then((m) => alignTargets(pr.prep!, targetsOf(s, m)));
      pr.targets.set(key, t);
      t.catch(() => pr.targets.delete(key));
    }
    return t;
  }

  /** The selection, or its nearest ancestor that the records' hierarchy knows. */
  function scopeOf(prep: PreparedRecords, selection: string): string {
    let code = selection;
    while (code !== COUNTRY_CODE && !prep.hierarchy.find(code)) code = code.length > 2 ? code.slice(0, code.length - 2) : COUNTRY_CODE;
    return code;
  }

  return {
    /** Reads and prepares the workspace's records (once); says whether there are any. */
    async progressOpen(datasetId: string): Promise<ProgressInfo> {
      return (await open(datasetId)).info;
    },

    /** Every measure as of a date (rerun only when an input changed) and the selection's parts. */
    async progressCompute(q: ProgressQuery): Promise<ProgressAnswer | null> {
      const t0 = performance.now();
      const pr = await open(q.datasetId);
      if (!pr.prep) return null;
      const prep = pr.prep;
      const targets = await targetsFor(q.datasetId, pr, q.year, q.settings);
      const key = JSON.stringify([q.datasetId, q.year, q.settings, q.asOfDay, q.startDay ?? null, q.deadlineDay]);
      let columns: ProgressAnswer['columns'] = null;
      let computeMs: number | null = null;
      if (!last || last.key !== key) {
        const tc = performance.now();
        const result = computeProgress(prep, targets, { asOfDay: q.asOfDay, startDay: q.startDay, deadlineDay: q.deadlineDay });
        computeMs = performance.now() - tc;
        last = { key, datasetId: q.datasetId, result };
        columns = {} as Record<AdminLevel, ProgressMapColumns>;
        for (const level of ADMIN_LEVELS) {
          const l = result.levels[level];
          // Copies: the result stays here (exports, later selections) and transferring would detach it.
          columns[level] = { targetGroup: l.targetGroup.slice(), resolved: l.resolved.slice(), resolutionRate: l.resolutionRate.slice(), expectedByNow: l.expectedByNow.slice(), behind: l.behind.slice() };
        }
      }
      const result = last.result;
      const scope = scopeOf(prep, q.selection);
      const burnUp = computeBurnUp(prep, targets, scope, { asOfDay: q.asOfDay, startDay: q.startDay, deadlineDay: q.deadlineDay });
      const board = pdcaBoard(result, scope, 10);
      const where = scope === COUNTRY_CODE ? { level: 'country' as AdminLevel, index: 0 } : result.find(scope);
      const cl = where ? childLevel(where.level) : null;
      let behind: ProgressAnswer['behind'] = { level: cl, areas: [], total: 0 };
      if (where && cl) {
        const children = result.levels[cl];
        const idx: number[] = [];
        for (let a = 0; a < children.codes.length; a++) if (children.parent[a] === where.index) idx.push(a);
        const all = furthestBehind(children, q.behindBy, Infinity, idx);
        behind = { level: cl, areas: all.slice(0, q.behindLimit), total: all.length };
      }
      const answer: ProgressAnswer = { key, schedule: result.schedule, columns, scope, burnUp, board, behind, unmatchedTargetCodes: targets.unmatchedCodes, computeMs, totalMs: performance.now() - t0 };
      const buffers: ArrayBuffer[] = [];
      if (columns) for (const c of Object.values(columns)) for (const a of Object.values(c)) buffers.push((a as Float64Array).buffer as ArrayBuffer);
      return transfer(answer, buffers);
    },

    /**
     * The last computed measures of one level as CSV (the columns of `cli progress --format csv`:
     * UTF-8 with BOM, cells neutralised), counts of 1–4 written "< 5" when `suppressSmall`.
     * `within`: only areas inside this code (default: all).
     */
    async progressExport(datasetId: string, level: AdminLevel, suppressSmall: boolean, within?: string): Promise<string> {
      if (!last || last.datasetId !== datasetId) throw new Error('no follow-up measures computed for this workspace yet');
      const l = last.result.levels[level];
      const session = sessionById(datasetId);
      const names = namesOf(session.areas);
      for (const v of session.areas.villages ?? []) if (v.th) names.set(v.code, v.th);
      let indices: number[] | undefined;
      if (within && within !== COUNTRY_CODE && levelOfCode(within) !== 'country') {
        indices = [];
        for (let a = 0; a < l.codes.length; a++) if (l.codes[a].startsWith(within)) indices.push(a);
      }
      const rows = progressRows(l, (code) => names.get(code) ?? null, { suppressSmall, indices });
      return progressCsv(rows.map(flattenProgressRow));
    },
  };
}
