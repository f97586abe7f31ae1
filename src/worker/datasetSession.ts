/**
 * A loaded dataset and what is derived from it, held where the heavy work runs (the compute
 * worker in the app; directly in Node for the CLI). Profiles load lazily per year.
 */
import { buildAreaIndex, sumByArea, AGGREGATE_LEVELS, type AggregateLevel, type AreaIndex } from '../domain/areaIndex';
import { villageTotals, type VillageTotals } from '../domain/areaTotals';
import { readAreas, readManifest, readProfiles, readVillages, type ByteReader, type Profiles, type Villages } from '../data/dataset';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';

export interface LevelTotals {
  households: Float64Array;
  people: Float64Array;
  targetPoor: Float64Array;
  poorNoCard: Float64Array;
  villages: Float64Array;
}

export type TotalsByLevel = Record<AggregateLevel | 'village', LevelTotals>;

export class DatasetSession {
  private profiles = new Map<number, Promise<Profiles>>();
  private totalsCache = new Map<number, TotalsByLevel>();

  private constructor(
    readonly read: ByteReader,
    readonly manifest: DatasetManifest,
    readonly areas: AreaNames,
    readonly villages: Villages,
    readonly index: AreaIndex,
  ) {}

  static async open(read: ByteReader): Promise<DatasetSession> {
    const manifest = await readManifest(read);
    const [areas, villages] = await Promise.all([readAreas(read, manifest), readVillages(read, manifest)]);
    return new DatasetSession(read, manifest, areas, villages, buildAreaIndex(villages.code));
  }

  profilesFor(year: number): Promise<Profiles> {
    let p = this.profiles.get(year);
    if (!p) {
      p = readProfiles(this.read, this.manifest, year, this.villages.count);
      this.profiles.set(year, p);
      p.catch(() => this.profiles.delete(year));
    }
    return p;
  }

  async totals(year: number): Promise<TotalsByLevel> {
    const cached = this.totalsCache.get(year);
    if (cached) return cached;
    const v: VillageTotals = villageTotals(await this.profilesFor(year));
    const ones = new Float64Array(this.villages.count).fill(1);
    const out = {
      village: { ...v, villages: ones },
    } as TotalsByLevel;
    for (const level of AGGREGATE_LEVELS) {
      out[level] = {
        households: sumByArea(this.index, level, v.households),
        people: sumByArea(this.index, level, v.people),
        targetPoor: sumByArea(this.index, level, v.targetPoor),
        poorNoCard: sumByArea(this.index, level, v.poorNoCard),
        villages: sumByArea(this.index, level, ones),
      };
    }
    this.totalsCache.set(year, out);
    return out;
  }
}
