/**
 * A loaded dataset and what is derived from it, held where the heavy work runs (the compute
 * worker in the app; directly in Node for the CLI and bench). Profiles load and are prepared
 * lazily per year; every measure is computed by src/domain/mpi.
 */
import { ADMIN_LEVELS, type AdminLevel } from '../domain/adminCodes';
import { buildHierarchy, computeAreaDetail, computeMeasures, prepareProfiles, type AreaDetail, type Hierarchy, type MpiSettings, type PreparedProfiles } from '../domain/mpi';
import { readAreas, readManifest, readProfiles, readVillages, type ByteReader, type Villages } from '../data/dataset';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';

/** Numeric columns of one level, as the UI uses them (codes live with the dataset). */
export interface LevelColumns {
  households: Float64Array;
  people: Float64Array;
  poor: Float64Array;
  targetPoor: Float64Array;
  poorNoCard: Float64Array;
  rate: Float64Array;
  headcountRatio: Float64Array;
  intensity: Float64Array;
  adjustedHeadcount: Float64Array;
  villages: Float64Array;
  /** Per dimension ×5, row-major (only when detail was requested). */
  targetPoorByDimension?: Float64Array;
  /** Per indicator ×17, row-major (only when detail was requested). */
  targetPoorFailing?: Float64Array;
}

export type MeasuresByLevel = Record<AdminLevel, LevelColumns>;

export class DatasetSession {
  private prepared = new Map<number, Promise<PreparedProfiles>>();
  readonly hierarchy: Hierarchy;
  private villagesPerArea: Record<AdminLevel, Float64Array>;

  private constructor(
    readonly read: ByteReader,
    readonly manifest: DatasetManifest,
    readonly areas: AreaNames,
    readonly villages: Villages,
  ) {
    this.hierarchy = buildHierarchy(villages.code);
    this.villagesPerArea = {} as Record<AdminLevel, Float64Array>;
    for (const level of ADMIN_LEVELS) {
      const vs = this.hierarchy.levels[level].villageStart;
      this.villagesPerArea[level] = Float64Array.from({ length: vs.length - 1 }, (_, i) => vs[i + 1] - vs[i]);
    }
  }

  static async open(read: ByteReader): Promise<DatasetSession> {
    const manifest = await readManifest(read);
    const [areas, villages] = await Promise.all([readAreas(read, manifest), readVillages(read, manifest)]);
    return new DatasetSession(read, manifest, areas, villages);
  }

  levelCodes(level: AdminLevel): string[] {
    return this.hierarchy.levels[level].codes;
  }

  preparedFor(year: number): Promise<PreparedProfiles> {
    let p = this.prepared.get(year);
    if (!p) {
      p = readProfiles(this.read, this.manifest, year, this.villages.count).then((rows) => prepareProfiles(this.villages.code, rows));
      this.prepared.set(year, p);
      p.catch(() => this.prepared.delete(year));
    }
    return p;
  }

  /** Every measure at every level for one year and settings; arrays are fresh (safe to transfer). */
  async measures(year: number, settings: MpiSettings, detail = false): Promise<MeasuresByLevel> {
    const r = computeMeasures(await this.preparedFor(year), settings, { detail });
    const out = {} as MeasuresByLevel;
    for (const level of ADMIN_LEVELS) {
      const m = r.levels[level];
      out[level] = {
        households: m.households.slice(),
        people: m.people.slice(),
        poor: m.poor,
        targetPoor: m.targetPoor,
        poorNoCard: m.poorNoCard,
        rate: m.rate,
        headcountRatio: m.headcountRatio,
        intensity: m.intensity,
        adjustedHeadcount: m.adjustedHeadcount,
        villages: this.villagesPerArea[level].slice(),
        ...(m.detail ? { targetPoorByDimension: m.detail.targetPoorByDimension, targetPoorFailing: m.detail.targetPoorFailing } : {}),
      };
    }
    return out;
  }

  async areaDetail(year: number, settings: MpiSettings, code: string): Promise<AreaDetail> {
    return computeAreaDetail(await this.preparedFor(year), settings, code);
  }
}

/** Every transferable buffer of a measures result (for postMessage without copies). */
export function measureBuffers(m: MeasuresByLevel): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const cols of Object.values(m)) for (const a of Object.values(cols)) if (a) out.add((a as Float64Array).buffer as ArrayBuffer);
  return [...out];
}
