/**
 * A dataset imported from TPMAP's published aggregate tables (no household profiles): the union
 * measures those tables allow, in the same column layout as DatasetSession so the map, panel and
 * legend use one path. Alkire–Foster is unavailable and says why (AF_NEEDS_HOUSEHOLDS).
 */
import { ADMIN_LEVELS, LEVEL_DIGITS, type AdminLevel, villageCodeString } from '../domain/adminCodes';
import { DIMENSION_COUNT, type AreaDetail, type MpiSettings } from '../domain/mpi';
import { INDICATOR_COUNT } from '../domain/indicators';
import { readAreas, readManifest, readVillages, type ByteReader, type Villages } from '../data/dataset';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import { readTpmapCounts, type TpmapCounts } from '../data/tpmap/countsFile';
import { tpmapMeasures, type TpmapResult } from '../data/tpmap/tpmapMeasures';
import { presentCodes, type CountTable } from '../data/tpmap/countTable';
import { COMMON_FIELDS } from '../data/tpmap/tpmapCsv';
import { WorkspaceSessionBase, type LevelColumns, type MeasuresByLevel } from './datasetSession';

/** After an answer, the wait before background decoding starts (the page is drawing it meanwhile). */
const PREFETCH_DELAY_MS = 50;

/** The dimension sets one checkbox away from `key` (5 digits, 1 = counted); never the empty set. */
export function neighbourSets(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    const k = key.slice(0, i) + (key[i] === '1' ? '0' : '1') + key.slice(i + 1);
    if (k.includes('1')) out.push(k);
  }
  return out;
}

export class TpmapSession extends WorkspaceSessionBase {
  readonly capabilities: { af: false; dimensionSets: string[] };
  private readonly codes: Record<AdminLevel, string[]>;
  private readonly index: Record<AdminLevel, Map<string, number>>;

  /**
   * Areas are those with TPMAP rows, those their villages imply, and those with a polygon in the
   * workspace (named in areas.json): polygons without poverty data stay visible with no value.
   */
  constructor(read: ByteReader, manifest: DatasetManifest, areas: AreaNames, villages: Villages, readonly counts: Map<number, TpmapCounts>) {
    super(read, manifest, areas, villages);
    const sets = new Set<string>();
    const all = new Set<string>();
    for (const c of counts.values()) {
      for (const key of c.tables.keys()) if (key !== 'common') sets.add(key);
      for (const code of presentCodes(c.tables.values())) all.add(code);
    }
    const villageCodes = Array.from(villages.code, (v) => villageCodeString(v));
    for (const c of villageCodes) all.add(c);
    for (const list of [areas.districts, areas.subdistricts]) for (const a of list) all.add(a.code);
    if (manifest.files.boundaries?.province) for (const p of areas.provinces) all.add(p.code);
    this.capabilities = { af: false, dimensionSets: [...sets].sort() };
    this.codes = { country: ['TH'], village: villageCodes } as Record<AdminLevel, string[]>;
    // Each level's areas are the prefixes of every longer code; taken finest first, a level's
    // prefixes come from the distinct areas of the level below (7,400 subdistricts, not 91,000
    // codes) plus the codes of its own length: the same sets, a fraction of the string slices.
    let finer: string[] = [];
    let finerDigits = Infinity;
    for (const level of ['subdistrict', 'district', 'province'] as const) {
      const d = LEVEL_DIGITS[level];
      const set = new Set<string>();
      for (const c of finer) set.add(c.slice(0, d));
      for (const c of all) if (c.length >= d && c.length < finerDigits) set.add(c.slice(0, d));
      this.codes[level] = [...set].sort();
      finer = this.codes[level];
      finerDigits = d;
    }
    this.index = {} as Record<AdminLevel, Map<string, number>>;
    for (const level of ADMIN_LEVELS) {
      const m = new Map<string, number>();
      this.codes[level].forEach((c, i) => m.set(c, i));
      this.index[level] = m;
    }
  }

  /**
   * A workspace whose poverty layer is TPMAP tables (or none yet). `step` is told when each part
   * is done (the restore's steps in the bench, issue 16 item 2).
   */
  static async open(read: ByteReader, manifest?: DatasetManifest, step: (what: string) => void = () => {}): Promise<TpmapSession> {
    const m = manifest ?? (await readManifest(read));
    const [areas, villages] = await Promise.all([readAreas(read, m), readVillages(read, m)]);
    step('areas and villages read');
    const counts = new Map<number, TpmapCounts>();
    for (const y of Object.keys(m.files.tpmapCounts ?? {})) counts.set(Number(y), await readTpmapCounts(read, m, Number(y), step));
    const session = new TpmapSession(read, m, areas, villages, counts);
    step('session indexed');
    return session;
  }

  /**
   * The last result, by year and settings: a subset change asks for the measures and then the
   * detail of up to three areas (the selection, its parent, the country) with the same settings;
   * each of those computed the national result again (~50 ms apiece for 91,000 areas), and the
   * next change's measures waited behind them in the worker (issue 16 item 4).
   */
  private last: { year: number; key: string; r: TpmapResult } | null = null;
  private result(year: number, counts: TpmapCounts, settings: MpiSettings): TpmapResult {
    const key = JSON.stringify(settings);
    if (this.last && this.last.year === year && this.last.key === key) return this.last.r;
    const r = tpmapMeasures(counts, settings);
    this.last = { year, key, r };
    this.prefetchNeighbours(counts, r.table);
    return r;
  }

  /**
   * The tables one checkbox away from the one on screen (a dimension added or removed), decoded
   * in the background once the answer has gone: a table's first use inflated and decoded ~2 MB
   * of varints into 9.5 MB of rows, 150–200 ms of a 250 ms national subset change in headless
   * Chromium (issue 16 item 4). One table per task, so a request that arrives waits for at most
   * one. Memory is bounded by the tables the import holds, as when a user visits each of them.
   */
  private prefetchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Tables waiting to be decoded: the newest answer's neighbours first, then those still left from earlier ones. */
  private prefetchQueue: CountTable[] = [];
  private prefetchNeighbours(counts: TpmapCounts, key: string): void {
    if (this.prefetchTimer) clearTimeout(this.prefetchTimer);
    const fresh = neighbourSets(key).map((k) => counts.tables.get(k)).filter((t): t is CountTable => !!t && !t.decoded);
    this.prefetchQueue = [...new Set([...fresh, ...this.prefetchQueue])];
    const queue = this.prefetchQueue;
    const next = () => {
      this.prefetchTimer = null;
      const t = queue.shift();
      if (!t) return;
      if (t.decoded) return this.schedule(next, 0);
      try {
        void t.data;
      } catch {
        // A broken table says so when it is asked for (countsFile.ts names the file and table).
      }
      this.schedule(next, 0);
    };
    this.schedule(next, PREFETCH_DELAY_MS);
  }

  private schedule(fn: () => void, ms: number): void {
    const timer = setTimeout(fn, ms);
    // In Node (CLI, tests) a pending prefetch must not keep the process alive.
    (timer as unknown as { unref?: () => void }).unref?.();
    this.prefetchTimer = timer;
  }

  indexOf(level: AdminLevel, code: string): number | undefined {
    return this.index[level].get(code);
  }

  /** People per village from the `common` table of the year (NaN where TPMAP has no row). */
  async villagePeople(year: number): Promise<Float64Array> {
    const years = [...this.counts.keys()];
    const c = this.counts.get(years.includes(year) ? year : Math.max(...years));
    const out = new Float64Array(this.villages.count);
    const common = c?.tables.get('common');
    const k = COMMON_FIELDS.indexOf('people');
    this.villages.code.forEach((v, i) => {
      const row = common?.get(villageCodeString(v));
      out[i] = row ? row[k] : 0;
    });
    return out;
  }

  levelCodes(level: AdminLevel): string[] {
    return this.codes[level];
  }

  /** The union measures for the imported dimension-set table; columns aligned with levelCodes. */
  async measures(year: number, settings: MpiSettings, detail = false): Promise<MeasuresByLevel> {
    const counts = this.counts.get(year);
    if (!counts) return this.emptyMeasures(detail);
    const r = this.result(year, counts, settings);
    const out = {} as MeasuresByLevel;
    for (const level of ADMIN_LEVELS) {
      const m = r.levels[level];
      const n = this.codes[level].length;
      const col = () => new Float64Array(n).fill(NaN);
      const c: LevelColumns = {
        households: col(), people: col(), poor: col(), targetPoor: col(), poorNoCard: col(), rate: col(),
        headcountRatio: col(), intensity: col(), adjustedHeadcount: col(), villages: new Float64Array(n),
        ...(detail ? { targetPoorByDimension: new Float64Array(n * DIMENSION_COUNT).fill(NaN), targetPoorFailing: new Float64Array(n * INDICATOR_COUNT).fill(NaN) } : {}),
      };
      // Result rows → session rows, once per result code list (tpmapMeasures keeps one per table).
      const rows = this.sessionRows(level, m.codes);
      const keys = ['households', 'people', 'poor', 'targetPoor', 'poorNoCard', 'rate', 'headcountRatio', 'intensity', 'adjustedHeadcount'] as const;
      for (const key of keys) {
        const from = m[key];
        const to = c[key];
        for (let i = 0; i < rows.length; i++) if (rows[i] >= 0) to[rows[i]] = from[i];
      }
      if (detail && m.detail) for (let i = 0; i < rows.length; i++) {
        const k = rows[i];
        if (k < 0) continue;
        for (let d = 0; d < DIMENSION_COUNT; d++) c.targetPoorByDimension![k * DIMENSION_COUNT + d] = m.detail.targetPoorByDimension[i * DIMENSION_COUNT + d];
        for (let j = 0; j < INDICATOR_COUNT; j++) c.targetPoorFailing![k * INDICATOR_COUNT + j] = m.detail.targetPoorFailing[i * INDICATOR_COUNT + j];
      }
      // Villages per area from the imported village codes (a TPMAP table has no such count).
      c.villages.set(this.villagesPerArea(level));
      out[level] = c;
    }
    return out;
  }

  async areaDetail(year: number, settings: MpiSettings, code: string): Promise<AreaDetail> {
    const counts = this.counts.get(year);
    if (!counts) throw new Error(`no poverty data for year ${year} in this workspace (import TPMAP CSV exports or a household CSV)`);
    const r = this.result(year, counts, settings);
    const level = code === 'TH' ? 'country' : (['province', 'district', 'subdistrict', 'village'] as const).find((l) => LEVEL_DIGITS[l] === code.length)!;
    const m = r.levels[level];
    const i = m.codes.indexOf(code);
    const slice = (a: Float64Array | undefined, w: number) => (a && i >= 0 ? a.slice(i * w, (i + 1) * w) : new Float64Array(w).fill(NaN));
    const v = (a: Float64Array) => (i >= 0 ? a[i] : NaN);
    const people = v(m.people);
    const failing = slice(m.detail?.failing, INDICATOR_COUNT);
    return {
      code, level,
      households: v(m.households), people, poor: v(m.poor), targetPoor: v(m.targetPoor), poorNoCard: v(m.poorNoCard), rate: v(m.rate),
      headcountRatio: v(m.headcountRatio), intensity: NaN, adjustedHeadcount: NaN,
      poorByDimension: slice(m.detail?.poorByDimension, DIMENSION_COUNT),
      targetPoorByDimension: slice(m.detail?.targetPoorByDimension, DIMENSION_COUNT),
      failing,
      censored: new Float64Array(INDICATOR_COUNT).fill(NaN),
      targetPoorFailing: slice(m.detail?.targetPoorFailing, INDICATOR_COUNT),
      uncensoredHeadcountRatio: failing.map((f) => f / people),
      censoredHeadcountRatio: new Float64Array(INDICATOR_COUNT).fill(NaN),
      contributionByIndicator: new Float64Array(INDICATOR_COUNT).fill(NaN),
      contributionByDimension: new Float64Array(DIMENSION_COUNT).fill(NaN),
      weights: r.settings.weights,
    };
  }

  private readonly rowsOf = new WeakMap<readonly string[], Int32Array>();
  private readonly villagesOf = new Map<AdminLevel, Float64Array>();

  /** Session row of each code of a measures result (-1: not an area of the session). */
  private sessionRows(level: AdminLevel, codes: readonly string[]): Int32Array {
    let rows = this.rowsOf.get(codes);
    if (!rows) {
      const target = this.index[level];
      rows = Int32Array.from(codes, (code) => target.get(code) ?? -1);
      this.rowsOf.set(codes, rows);
    }
    return rows;
  }

  /** Imported villages in each area of the level (settings never change it). */
  private villagesPerArea(level: AdminLevel): Float64Array {
    let v = this.villagesOf.get(level);
    if (!v) {
      const target = this.index[level];
      v = new Float64Array(this.codes[level].length);
      if (level === 'village') v.fill(1);
      else for (const code of this.codes.village) {
        const k = level === 'country' ? 0 : target.get(code.slice(0, LEVEL_DIGITS[level]));
        if (k !== undefined) v[k]++;
      }
      this.villagesOf.set(level, v);
    }
    return v;
  }

  /** No poverty layer (yet): every area without a value, so the map still shows the polygons. */
  private emptyMeasures(detail: boolean): MeasuresByLevel {
    const out = {} as MeasuresByLevel;
    for (const level of ADMIN_LEVELS) {
      const n = this.codes[level].length;
      const col = () => new Float64Array(n).fill(NaN);
      out[level] = {
        households: col(), people: col(), poor: col(), targetPoor: col(), poorNoCard: col(), rate: col(), headcountRatio: col(), intensity: col(), adjustedHeadcount: col(), villages: new Float64Array(n),
        ...(detail ? { targetPoorByDimension: new Float64Array(n * DIMENSION_COUNT).fill(NaN), targetPoorFailing: new Float64Array(n * INDICATOR_COUNT).fill(NaN) } : {}),
      };
    }
    return out;
  }
}
