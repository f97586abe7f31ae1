/**
 * Worker methods for targeting and hot spots (issue 9), spread into the compute worker's comlink
 * API (compute.worker.ts). Everything reads the named workspace's own session (its poverty layer,
 * villages, services, raster, polygons, village basic data — src/data/targetingInputs.ts, the
 * same code `cli rank` runs), so a user workspace never borrows the demo's layers.
 *
 * Caches: the raw inputs per (workspace, level, year); the TargetingAreas per (workspace, level,
 * year, poverty settings) — rankAreas then caches its weight-independent preparation per areas
 * object, so a weight drag re-runs only the weighted sum, scores and one radix sort. Stability
 * runs with rankStabilityAsync and hot spots with computeHotspotsAsync: both hand the event loop
 * back every ~50 ms of work, because a worker busy in a loop never reads its message queue, so
 * without the yields `targetingCancel` would only land after the run. Each kind has its own flag,
 * so cancelling one does not stop the other.
 */
import { layersOf } from '../data/workspace/layers';
import type { ByteReader, Villages } from '../data/dataset';
import { readText } from '../data/dataset';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import { transfer } from 'comlink';
import type { AdminLevel } from '../domain/adminCodes';
import { villageCodeString } from '../domain/adminCodes';
import type { MpiSettings } from '../domain/mpi';
import type { FeatureCollection } from 'geojson';
import { hotspotWeights, targetingInputs, type TargetingInputNote, type TargetingLevel, type WeightsSpec } from '../data/targetingInputs';
import {
  CancelledError,
  inputDefinition,
  needColumnsFromMeasures,
  rankAreas,
  rankingCsv,
  rankingGeoJson,
  rankStabilityAsync,
  targetingRows,
  type InputDefinition,
  type RankOptions,
  type RankSettings,
  type StabilityResult,
  type TargetingAreas,
  type TargetingResult,
} from '../domain/targeting';
import { CLUSTER_LABELS, computeHotspotsAsync, type Correction, type HotspotNote, type SpatialWeights } from '../domain/hotspots';
import type { LevelColumns, MeasuresByLevel } from './datasetSession';

/** What the targeting API needs of a workspace session (DatasetSession and TpmapSession both fit). */
export interface TargetingSession {
  read: ByteReader;
  manifest: DatasetManifest;
  areas: AreaNames;
  villages: Villages;
  levelCodes(level: AdminLevel): string[];
  villagePeople(year: number): Promise<Float64Array>;
  measures(year: number, settings: MpiSettings, detail?: boolean): Promise<MeasuresByLevel>;
}

export interface TargetingRequest {
  id: string;
  level: TargetingLevel;
  year: number;
  mpi: MpiSettings;
}

export interface TargetingPrepared {
  key: string;
  codes: string[];
  /** Input ids the workspace has (with at least one value). */
  inputs: InputDefinition[];
  /** Input families the workspace lacks, and which file would fill them. */
  notes: TargetingInputNote[];
  needMeasures: string[];
  ms: number;
  stepsMs: Record<string, number>;
}

export interface TargetingAnswer {
  key: string;
  ms: number;
  formula: string;
  notes: string[];
  settings: RankSettings;
  inputIds: string[];
  needRaw: Float64Array;
  need: Float64Array;
  potential: Float64Array;
  /** n × k contributions of each input to the potential. */
  potentialParts: Float64Array;
  score: Float64Array;
  partNeed: Float64Array;
  partPotential: Float64Array;
  potentialName: 'potential' | 'low_potential';
  quadrant: Uint8Array;
  thresholds: { need: number; potential: number };
  rank: Int32Array;
  rankOther: Int32Array | null;
  order: Uint32Array;
  ranked: number;
  unranked: Uint8Array;
  targetPoor: Float64Array;
  people: Float64Array;
}

export interface StabilityAnswer {
  key: string;
  ms: number;
  draws: number;
  seed: number;
  concentration: number;
  varyNormalisation: boolean;
  rankMedian: Float64Array;
  rankQ05: Float64Array;
  rankQ95: Float64Array;
  quadrantFlipShare: Float64Array;
  methodCounts: Record<string, number>;
}

export interface HotspotRequest {
  id: string;
  level: 'subdistrict' | 'village';
  year: number;
  mpi: MpiSettings;
  measure: keyof typeof HOTSPOT_COLUMNS;
  weights: WeightsSpec;
  permutations: number;
  seed: number;
  alpha: number;
  correction: Correction;
  significanceFrom: 'local_moran' | 'gi_star';
}

export interface HotspotAnswer {
  codes: string[];
  value: Float64Array;
  localI: Float64Array;
  giStarZ: Float64Array;
  p: Float64Array;
  /** Index into CLUSTER_LABELS. */
  cluster: Uint8Array;
  neighbours: Uint32Array;
  globalMoranI: number;
  significant: number;
  notes: HotspotNote[];
  weights: string;
  ms: number;
  weightsMs: number;
  settings: HotspotRequest;
}

/** Hot-spot measure → poverty column (as `cli hotspots --measure`). */
export const HOTSPOT_COLUMNS = {
  rate: 'rate',
  target_poor: 'targetPoor',
  poor: 'poor',
  headcount_ratio: 'headcountRatio',
} as const satisfies Record<string, keyof LevelColumns>;

/** The distinct buffers behind an answer's typed arrays (a transfer list may name a buffer once). */
function answerBuffers(a: object): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(a)) if (ArrayBuffer.isView(v) && v.buffer.byteLength > 0) out.add(v.buffer as ArrayBuffer);
  return [...out];
}

export function targetingApi(sessionById: (id: string) => TargetingSession) {
  const inputsCache = new Map<string, Promise<{ inputs: Record<string, Float64Array>; notes: TargetingInputNote[]; ms: Record<string, number> }>>();
  const areasCache = new Map<string, Promise<TargetingAreas>>();
  const weightsCache = new Map<string, Promise<{ w: SpatialWeights; ms: number }>>();
  /**
   * The last ranking's request: its result's arrays went to the page (transferred), so an export
   * ranks again from these (deterministic: the same areas and options give the same ranking).
   */
  let last: { key: string; areas: TargetingAreas; options: RankOptions; stability: StabilityResult | null; year: number; id: string } | null = null;
  const lastResult = (l: NonNullable<typeof last>): TargetingResult => rankAreas(l.areas, { ...l.options, bothRankings: true });
  /** Set by targetingCancel (a message handled between slices), read by the running pass. */
  const cancel = { stability: false, hotspots: false };

  const areasKey = (r: TargetingRequest) => JSON.stringify([r.id, r.level, r.year, r.mpi]);

  function inputsOf(r: TargetingRequest, s: TargetingSession, codes: string[]) {
    const k = JSON.stringify([r.id, r.level, r.year]);
    let p = inputsCache.get(k);
    if (!p) {
      p = s.villagePeople(r.year).then((people) => targetingInputs(s.read, s.manifest, s.villages, people, r.level, codes));
      inputsCache.set(k, p);
      p.catch(() => inputsCache.delete(k));
    }
    return p;
  }

  function areasOf(r: TargetingRequest): Promise<TargetingAreas> {
    const k = areasKey(r);
    let p = areasCache.get(k);
    if (!p) {
      p = (async () => {
        const s = sessionById(r.id);
        const codes = r.level === 'village' ? Array.from(s.villages.code, (c) => villageCodeString(c)) : s.levelCodes(r.level);
        const [m, inp] = await Promise.all([s.measures(r.year, r.mpi, false), inputsOf(r, s, codes)]);
        const cols = m[r.level];
        if (cols.people.length !== codes.length) throw new Error(`targeting: ${cols.people.length} measure rows for ${codes.length} ${r.level} areas`);
        const names: (string | null)[] = codes.map(() => null);
        const nameOf = new Map<string, string>();
        for (const list of [s.areas.provinces, s.areas.districts, s.areas.subdistricts]) for (const a of list ?? []) nameOf.set(a.code, a.th || a.en);
        codes.forEach((c, i) => (names[i] = nameOf.get(c) ?? null));
        return { level: r.level, codes, names, people: cols.people, targetPoor: cols.targetPoor, inputs: inp.inputs, needColumns: needColumnsFromMeasures({ ...cols, detail: undefined } as never) };
      })();
      areasCache.set(k, p);
      p.catch(() => areasCache.delete(k));
    }
    return p;
  }

  function metaOf(id: string, year: number) {
    const s = sessionById(id);
    const layers = layersOf(s.manifest);
    const synthetic = s.manifest.synthetic || layers.some((l) => l.synthetic);
    const sources = layers.map((l) => {
      const what = l.source.attribution ?? (l.source.files.map((f) => f.name).join(', ') || l.files.join(', '));
      return `${l.id}: ${what}${l.synthetic ? ' (synthetic / ข้อมูลสังเคราะห์)' : ''}`;
    });
    return { dataset: s.manifest.title.en || s.manifest.title.th, synthetic, dataYear: year, sources: [...new Set(sources)], workspace: id };
  }

  return {
    /** Builds (once) the level's areas and says which inputs exist and which files are missing. */
    async targetingPrepare(r: TargetingRequest): Promise<TargetingPrepared> {
      const t0 = performance.now();
      const areas = await areasOf(r);
      const s = sessionById(r.id);
      const inp = await inputsOf(r, s, areas.codes as string[]);
      const ids = Object.keys(areas.inputs).filter((id) => Array.prototype.some.call(areas.inputs[id], (v: number) => Number.isFinite(v)));
      return { key: areasKey(r), codes: areas.codes as string[], inputs: ids.map(inputDefinition), notes: inp.notes, needMeasures: areas.needColumns.map((c) => c.id), ms: performance.now() - t0, stepsMs: inp.ms };
    },

    /** One ranking for the settings (the page calls it latest-wins on every change). */
    async targetingRank(r: TargetingRequest, options: RankOptions): Promise<TargetingAnswer> {
      const areas = await areasOf(r);
      const t0 = performance.now();
      const result = rankAreas(areas, { ...options, bothRankings: true });
      const ms = performance.now() - t0;
      const key = areasKey(r);
      last = { key, areas, options, stability: last && last.key === key && JSON.stringify(last.options) === JSON.stringify(options) ? last.stability : null, year: r.year, id: r.id };
      // No copy of the raw inputs (n × k, 9 MB for the national villages) rides along: nothing on
      // the page reads them, and building and cloning them cost every re-rank ~10 ms (issue 16.4).
      // The arrays are the result's own (fresh per call, none cached) and are transferred, not
      // cloned: Chromium's postMessage copied the ~7 MB of a national village answer in 50–120 ms
      // (headless, this machine), longer than the ranking itself.
      const answer: TargetingAnswer = {
        key,
        ms,
        formula: result.formula,
        notes: result.notes,
        settings: result.settings,
        inputIds: result.inputs.map((d) => d.id),
        needRaw: result.needRaw,
        need: result.need,
        potential: result.potential,
        potentialParts: result.potentialParts,
        score: result.score,
        partNeed: result.parts.need,
        partPotential: result.parts.potential,
        potentialName: result.parts.potentialName,
        quadrant: result.quadrant,
        thresholds: result.thresholds,
        rank: result.rank,
        rankOther: result.rankOther ?? null,
        order: result.order,
        ranked: result.ranked,
        unranked: result.unranked,
        targetPoor: Float64Array.from(areas.targetPoor),
        people: Float64Array.from(areas.people),
      };
      return transfer(answer, answerBuffers(answer));
    },

    /** Monte Carlo rank stability of the last ranking; progress through the callback; cancellable. */
    async targetingStability(r: TargetingRequest, options: RankOptions, mc: { draws: number; seed: number; concentration: number; varyNormalisation: boolean }, onProgress?: (done: number, total: number) => void): Promise<StabilityAnswer> {
      cancel.stability = false;
      const areas = await areasOf(r);
      const t0 = performance.now();
      const nominal = rankAreas(areas, { ...options, bothRankings: true });
      const st = await rankStabilityAsync(areas, options, { ...mc, onProgress: onProgress ? (d, t) => void onProgress(d, t) : undefined, shouldCancel: () => cancel.stability, sliceMs: 60 }, nominal);
      const key = areasKey(r);
      if (last && last.key === key) last.stability = st;
      return { key, ms: performance.now() - t0, draws: st.draws, seed: st.seed, concentration: st.concentration, varyNormalisation: st.varyNormalisation, rankMedian: st.rankMedian, rankQ05: st.rankQ05, rankQ95: st.rankQ95, quadrantFlipShare: st.quadrantFlipShare, methodCounts: st.methodCounts };
    },

    /** Stops a running stability or hot-spot pass, or both (it throws CancelledError, nothing partial is kept). */
    async targetingCancel(what?: 'stability' | 'hotspots'): Promise<void> {
      if (what !== 'hotspots') cancel.stability = true;
      if (what !== 'stability') cancel.hotspots = true;
    },

    /** Local Moran's I and Gi* of a poverty measure with the workspace's own weights. */
    async targetingHotspots(r: HotspotRequest, onProgress?: (done: number, total: number) => void): Promise<HotspotAnswer> {
      cancel.hotspots = false;
      const s = sessionById(r.id);
      const codes = r.level === 'village' ? Array.from(s.villages.code, (c) => villageCodeString(c)) : s.levelCodes(r.level);
      const wk = JSON.stringify([r.id, r.level, r.weights]);
      let wp = weightsCache.get(wk);
      if (!wp) {
        const t0 = performance.now();
        wp = hotspotWeights(s.read, s.manifest, s.villages, r.level, codes, r.weights).then((w) => ({ w, ms: performance.now() - t0 }));
        weightsCache.set(wk, wp);
        wp.catch(() => weightsCache.delete(wk));
      }
      const { w, ms: weightsMs } = await wp;
      const m = (await s.measures(r.year, r.mpi, false))[r.level];
      const values = m[HOTSPOT_COLUMNS[r.measure]] as Float64Array;
      await new Promise((res) => setTimeout(res, 0)); // let a cancel sent while the weights were built arrive
      if (cancel.hotspots) throw new CancelledError();
      const t0 = performance.now();
      const h = await computeHotspotsAsync(values, w, { permutations: r.permutations, seed: r.seed, alpha: r.alpha, correction: r.correction, significanceFrom: r.significanceFrom, onProgress: onProgress ? (d, t) => void onProgress(d, t) : undefined, shouldCancel: () => cancel.hotspots, sliceMs: 50 });
      const ms = performance.now() - t0;
      const cluster = Uint8Array.from(h.cluster, (c) => CLUSTER_LABELS.indexOf(c));
      let significant = 0;
      for (const x of h.significant) significant += x;
      return { codes, value: h.value, localI: h.localI, giStarZ: h.giStarZ, p: h.p, cluster, neighbours: h.neighbours, globalMoranI: h.globalMoranI, significant, notes: h.notes, weights: w.description, ms, weightsMs, settings: r };
    },

    /** The last ranking as CSV (BOM, header block with settings, data year, layer sources) or GeoJSON. */
    async targetingExport(kind: 'csv' | 'geojson', extra: Record<string, unknown> = {}): Promise<string> {
      if (!last) throw new Error('nothing ranked yet');
      const result = lastResult(last);
      const rows = targetingRows(result, last.stability);
      const meta = metaOf(last.id, last.year);
      if (kind === 'csv') {
        const st = last.stability;
        return rankingCsv(result, rows, {
          dataset: meta.dataset,
          synthetic: meta.synthetic,
          dataYear: meta.dataYear,
          sources: meta.sources,
          extra: { workspace: meta.workspace, notes: result.notes.join(' '), ...(st ? { stability: { draws: st.draws, seed: st.seed, concentration: st.concentration, vary_normalisation: st.varyNormalisation } } : {}), ...extra },
        });
      }
      const s = sessionById(last.id);
      const level = last.areas.level as TargetingLevel;
      let geo: Parameters<typeof rankingGeoJson>[1];
      if (level === 'village') {
        const v = s.villages;
        geo = { points: { codes: last.areas.codes, lon: v.lon, lat: v.lat } };
      } else {
        const name = s.manifest.files.boundaryDisplay?.[level] ?? s.manifest.files.boundaries?.[level];
        if (!name) throw new Error(`the workspace has no ${level} boundaries: no GeoJSON geometry to export (import ${level} polygons)`);
        geo = { polygons: JSON.parse(await readText(s.read, name)) as FeatureCollection };
      }
      const fc = rankingGeoJson(rows, geo, result.settings);
      return JSON.stringify({ ...fc, meta: { ...meta, formula: result.formula, notes: result.notes } });
    },
  };
}
