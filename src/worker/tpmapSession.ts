/**
 * A dataset imported from TPMAP's published aggregate tables (no household profiles): the union
 * measures those tables allow, in the same column layout as DatasetSession so the map, panel and
 * legend use one path. Alkire–Foster is unavailable and says why (AF_NEEDS_HOUSEHOLDS).
 */
import { ADMIN_LEVELS, LEVEL_DIGITS, type AdminLevel, villageCodeString } from '../domain/adminCodes';
import { DIMENSION_COUNT, type AreaDetail, type MpiSettings } from '../domain/mpi';
import { INDICATOR_COUNT } from '../domain/indicators';
import type { Villages } from '../data/dataset';
import { DATASET_FORMAT, DATASET_VERSION, type AreaNames, type DatasetManifest } from '../data/datasetFormat';
import type { TpmapImport } from '../data/tpmap/importTpmap';
import { tpmapMeasures } from '../data/tpmap/tpmapMeasures';
import type { LevelColumns, MeasuresByLevel } from './datasetSession';

export class TpmapSession {
  readonly capabilities: { af: false; dimensionSets: string[] };
  readonly manifest: DatasetManifest;
  readonly villages: Villages;
  private readonly codes: Record<AdminLevel, string[]>;
  private readonly index: Record<AdminLevel, Map<string, number>>;

  constructor(readonly imported: TpmapImport, readonly areas: AreaNames, title: string) {
    const years = [...imported.counts.keys()].sort();
    const sets = new Set<string>();
    const all = new Set<string>();
    for (const c of imported.counts.values()) {
      for (const [key, rows] of c.tables) {
        if (key !== 'common') sets.add(key);
        for (const code of rows.keys()) all.add(code);
      }
    }
    for (const v of imported.villageCodes) all.add(villageCodeString(v));
    this.capabilities = { af: false, dimensionSets: [...sets].sort() };
    this.codes = {} as Record<AdminLevel, string[]>;
    this.index = {} as Record<AdminLevel, Map<string, number>>;
    for (const level of ADMIN_LEVELS) {
      const list = level === 'country' ? ['TH'] : level === 'village'
        ? Array.from(imported.villageCodes, (v) => villageCodeString(v))
        : [...new Set([...all].filter((c) => c.length >= LEVEL_DIGITS[level]).map((c) => c.slice(0, LEVEL_DIGITS[level])))].sort();
      this.codes[level] = list;
      this.index[level] = new Map(list.map((c, i) => [c, i]));
    }
    const n = imported.villageCodes.length;
    this.villages = { count: n, code: imported.villageCodes, lon: new Float32Array(n).fill(NaN), lat: new Float32Array(n).fill(NaN) };
    this.manifest = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      title: { th: title, en: title },
      synthetic: false,
      source: 'TPMAP public CSV export',
      years,
      files: { areas: '', villages: '', profiles: {} },
    };
  }

  levelCodes(level: AdminLevel): string[] {
    return this.codes[level];
  }

  /** The union measures for the imported dimension-set table; columns aligned with levelCodes. */
  async measures(year: number, settings: MpiSettings, detail = false): Promise<MeasuresByLevel> {
    const counts = this.imported.counts.get(year);
    if (!counts) throw new Error(`no TPMAP tables for year ${year} (have ${[...this.imported.counts.keys()].join(', ')})`);
    const r = tpmapMeasures(counts, settings);
    const out = {} as MeasuresByLevel;
    for (const level of ADMIN_LEVELS) {
      const m = r.levels[level];
      const target = this.index[level];
      const n = this.codes[level].length;
      const col = () => new Float64Array(n).fill(NaN);
      const c: LevelColumns = {
        households: col(), people: col(), poor: col(), targetPoor: col(), poorNoCard: col(), rate: col(),
        headcountRatio: col(), intensity: col(), adjustedHeadcount: col(), villages: new Float64Array(n),
        ...(detail ? { targetPoorByDimension: new Float64Array(n * DIMENSION_COUNT).fill(NaN), targetPoorFailing: new Float64Array(n * INDICATOR_COUNT).fill(NaN) } : {}),
      };
      m.codes.forEach((code, i) => {
        const k = target.get(code);
        if (k === undefined) return;
        for (const key of ['households', 'people', 'poor', 'targetPoor', 'poorNoCard', 'rate', 'headcountRatio', 'intensity', 'adjustedHeadcount'] as const) c[key][k] = m[key][i];
        if (detail && m.detail) {
          for (let d = 0; d < DIMENSION_COUNT; d++) c.targetPoorByDimension![k * DIMENSION_COUNT + d] = m.detail.targetPoorByDimension[i * DIMENSION_COUNT + d];
          for (let j = 0; j < INDICATOR_COUNT; j++) c.targetPoorFailing![k * INDICATOR_COUNT + j] = m.detail.targetPoorFailing[i * INDICATOR_COUNT + j];
        }
      });
      // Villages per area from the imported village codes (a TPMAP table has no such count).
      if (level === 'village') c.villages.fill(1);
      else for (const v of this.codes.village) {
        const k = level === 'country' ? 0 : target.get(v.slice(0, LEVEL_DIGITS[level]));
        if (k !== undefined) c.villages[k]++;
      }
      out[level] = c;
    }
    return out;
  }

  async areaDetail(year: number, settings: MpiSettings, code: string): Promise<AreaDetail> {
    const counts = this.imported.counts.get(year);
    if (!counts) throw new Error(`no TPMAP tables for year ${year}`);
    const r = tpmapMeasures(counts, settings);
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

  async serviceCounts(): Promise<null> {
    return null;
  }
}
