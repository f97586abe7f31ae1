/**
 * A loaded dataset and what is derived from it, held where the heavy work runs (the compute
 * worker in the app; directly in Node for the CLI and bench). Profiles load and are prepared
 * lazily per year; every measure is computed by src/domain/mpi.
 */
import { ADMIN_LEVELS, type AdminLevel } from '../domain/adminCodes';
import { buildHierarchy, computeAreaDetail, computeMeasures, prepareProfiles, type AreaDetail, type Hierarchy, type MpiSettings, type LevelMeasures, type PreparedProfiles, type ProfileRows } from '../domain/mpi';
import { readAreas, readManifest, readProfiles, readText, readVillages, type ByteReader, type Villages } from '../data/dataset';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import { readDatasetServices } from '../data/services/datasetServices';
import type { ServiceImport } from '../data/services/importServices';
import { buildAreaLocator } from '../domain/areaLocator';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import centroid from '@turf/centroid';

/**
 * Numeric columns of one level, as the UI uses them: the domain's LevelMeasures without the
 * codes (those live with the dataset on the main thread), plus villages per area and, when
 * requested, the two detail columns the map can colour by.
 */
export type LevelColumns = Pick<LevelMeasures, 'households' | 'people' | 'poor' | 'targetPoor' | 'poorNoCard' | 'rate' | 'headcountRatio' | 'intensity' | 'adjustedHeadcount'> & {
  villages: Float64Array;
  /** Per dimension ×5, row-major (only when detail was requested). */
  targetPoorByDimension?: Float64Array;
  /** Per indicator ×17, row-major (only when detail was requested). */
  targetPoorFailing?: Float64Array;
};

export type MeasuresByLevel = Record<AdminLevel, LevelColumns>;

/** Services per area: counts[level][i * typeNames.length + t] for area i and type t. */
export interface ServiceCounts {
  typeNames: readonly string[];
  counts: Record<Exclude<AdminLevel, 'village'>, Float64Array>;
  /** Services that fell inside no subdistrict polygon (counted only nationally). */
  unlocated: number;
}

/**
 * What every workspace session shares, whatever its poverty layer: villages in code order with
 * their hierarchy (every area a contiguous run of villages), services and boundaries read from
 * the workspace's own files, services counted per area.
 */
export abstract class WorkspaceSessionBase {
  readonly hierarchy: Hierarchy;

  constructor(
    readonly read: ByteReader,
    readonly manifest: DatasetManifest,
    readonly areas: AreaNames,
    readonly villages: Villages,
  ) {
    this.hierarchy = buildHierarchy(villages.code);
  }

  /** The file's own positions, kept while villages are placed at subdistrict centroids. */
  private ownPositions: { lon: Float32Array; lat: Float32Array } | null = null;
  /** Villages placed at their subdistrict's centroid (1) by the user's choice; null when off. */
  placed: Uint8Array | null = null;

  /**
   * Villages without a location placed at the centroid of their subdistrict polygon (turf's
   * centroid of the full geometry), only at the user's request (issue 8 item 3): access and light
   * statistics then include them, and every result says how many people were so placed. Off
   * restores the file's positions. Returns the number of villages placed.
   */
  async placeAtCentroids(on: boolean): Promise<number> {
    if (!this.ownPositions) this.ownPositions = { lon: this.villages.lon.slice(), lat: this.villages.lat.slice() };
    this.villages.lon.set(this.ownPositions.lon);
    this.villages.lat.set(this.ownPositions.lat);
    this.placed = null;
    if (!on) return 0;
    const fc = await this.boundaries('subdistrict');
    if (!fc) throw new Error('the workspace has no subdistrict polygons to place villages at (import subdistrict boundaries)');
    const centre = new Map<string, [number, number]>();
    for (const f of fc.features) if (f.geometry) centre.set(String(f.properties?.code), centroid(f as Feature<Polygon | MultiPolygon>).geometry.coordinates as [number, number]);
    const placed = new Uint8Array(this.villages.count);
    let n = 0;
    for (let i = 0; i < this.villages.count; i++) {
      if (Number.isFinite(this.villages.lon[i]) && Number.isFinite(this.villages.lat[i])) continue;
      const c = centre.get(String(this.villages.code[i]).padStart(8, '0').slice(0, 6));
      if (!c) continue;
      this.villages.lon[i] = c[0];
      this.villages.lat[i] = c[1];
      placed[i] = 1;
      n++;
    }
    this.placed = placed;
    return n;
  }

  abstract levelCodes(level: AdminLevel): string[];
  /** Index of an area within levelCodes(level) (undefined when the poverty layer lacks it). */
  abstract indexOf(level: AdminLevel, code: string): number | undefined;
  /** People per village (workspace village order) in a data year: access demand, per-capita lights. */
  abstract villagePeople(year: number): Promise<Float64Array>;

  protected servicesPromise: Promise<ServiceImport | null> | null = null;
  services(): Promise<ServiceImport | null> {
    return (this.servicesPromise ??= readDatasetServices(this.read, this.manifest));
  }

  /** Full-geometry polygons of a level (statistics); null when the workspace has none. */
  async boundaries(level: 'province' | 'district' | 'subdistrict'): Promise<FeatureCollection | null> {
    const name = this.manifest.files.boundaries?.[level];
    if (!name) return null;
    return JSON.parse(await readText(this.read, name)) as FeatureCollection;
  }

  /**
   * Services per area, located by point-in-polygon against the finest boundaries available
   * (subdistrict, else district, else province), so imported lists need no area codes.
   */
  private serviceCountsPromise: Promise<ServiceCounts | null> | null = null;
  serviceCounts(): Promise<ServiceCounts | null> {
    return (this.serviceCountsPromise ??= this.countServices());
  }

  private async countServices(): Promise<ServiceCounts | null> {
    const imp = await this.services();
    if (!imp) return null;
    const sv = imp.services;
    const T = sv.typeNames.length;
    const levels = ['country', 'province', 'district', 'subdistrict'] as const;
    const counts = Object.fromEntries(levels.map((l) => [l, new Float64Array(this.levelCodes(l).length * T)])) as ServiceCounts['counts'];
    let fc: FeatureCollection | null = null;
    for (const l of ['subdistrict', 'district', 'province'] as const) if (!fc) fc = await this.boundaries(l);
    const locator = fc ? buildAreaLocator(fc) : null;
    let unlocated = 0;
    for (let i = 0; i < sv.count; i++) {
      const t = sv.typeCode[i];
      counts.country[t]++;
      const code = locator?.locate(sv.lon[i], sv.lat[i]);
      if (!code) {
        unlocated++;
        continue;
      }
      for (const l of ['province', 'district', 'subdistrict'] as const) {
        const digits = l === 'province' ? 2 : l === 'district' ? 4 : 6;
        if (code.length < digits) continue;
        const k = this.indexOf(l, code.slice(0, digits));
        if (k !== undefined) counts[l][k * T + t]++;
      }
    }
    return { typeNames: sv.typeNames, counts, unlocated };
  }

}

export class DatasetSession extends WorkspaceSessionBase {
  private prepared = new Map<number, Promise<PreparedProfiles>>();
  private villagesPerArea: Record<AdminLevel, Float64Array>;

  /** What this dataset supports: Alkire–Foster needs household profiles (DESIGN.md §2.3). */
  readonly capabilities = { af: true, dimensionSets: null as string[] | null };

  private constructor(read: ByteReader, manifest: DatasetManifest, areas: AreaNames, villages: Villages) {
    super(read, manifest, areas, villages);
    this.villagesPerArea = {} as Record<AdminLevel, Float64Array>;
    for (const level of ADMIN_LEVELS) {
      const vs = this.hierarchy.levels[level].villageStart;
      this.villagesPerArea[level] = Float64Array.from({ length: vs.length - 1 }, (_, i) => vs[i + 1] - vs[i]);
    }
  }

  static async open(read: ByteReader, known?: DatasetManifest): Promise<DatasetSession> {
    const manifest = known ?? (await readManifest(read));
    const [areas, villages] = await Promise.all([readAreas(read, manifest), readVillages(read, manifest)]);
    return new DatasetSession(read, manifest, areas, villages);
  }

  /**
   * A dataset held in memory (a household CSV ingested in the browser): profiles given, villages
   * without coordinates unless `positions` knows them, no services, boundaries from `read`.
   */
  static fromMemory(read: ByteReader, manifest: DatasetManifest, areas: AreaNames, villages: Villages, year: number, rows: ProfileRows): DatasetSession {
    const s = new DatasetSession(read, manifest, areas, villages);
    s.prepared.set(year, Promise.resolve(prepareProfiles(villages.code, rows)));
    return s;
  }

  levelCodes(level: AdminLevel): string[] {
    return this.hierarchy.levels[level].codes;
  }

  indexOf(level: AdminLevel, code: string): number | undefined {
    const f = level === 'country' ? { level, index: 0 } : this.hierarchy.find(code);
    return f && f.level === level ? f.index : undefined;
  }

  async villagePeople(year: number): Promise<Float64Array> {
    const years = this.manifest.years;
    return (await this.preparedFor(years.includes(year) ? year : Math.max(...years))).people.village;
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
