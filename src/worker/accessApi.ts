/**
 * Worker methods for services and access (issue 5), spread into the compute worker's comlink API
 * (compute.worker.ts). The worker holds the one services table (the dataset's services plus every
 * file imported since), the latest access result and any import waiting for its type mapping; the
 * main thread receives only what it draws or shows (typed arrays transferred, not copied).
 */
import { transfer } from 'comlink';
import type { WorkspaceSessionBase } from './datasetSession';
import { computeAccess, type AccessResult } from '../domain/access/accessMeasures';
import { accessByArea, type VillageGroups } from '../domain/access/areaAccess';
import { nearestServicesOfVillage, villagesFartherThan } from '../domain/access/queries';
import { importServiceTable, type ServiceImport } from '../data/services/importServices';
import { distinctValues, readServiceTable, type RawTable } from '../data/services/rawTable';
import { concatServices, emptyServices, type ServiceImportReport, type Services } from '../data/services/services';
import { detectColumns, normaliseHeader } from '../data/services/columns';
import { canonicalTypeMapper, gistdaLandmarkTypeMapper, tableTypeMapper, type TypeTarget } from '../data/services/typeMapping';
import { villageCodeString } from '../data/dataset';

/** The services table as the map draws it (a map/layers/serviceLayers ServiceTable). */
export interface ServicesForMap {
  version: number;
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  typeCode: Uint8Array;
  typeNames: string[];
  capacity: Float64Array;
  id: string[];
  nameTh: string[];
  nameEn: string[];
  level: string[];
  sizeClass: string[];
}

export interface AccessSettings {
  radiusKm: number;
  catchmentKm: number;
  /** Data year whose people are the 2SFCA demand and the "people beyond" counts. */
  year: number;
}

export interface MappingRequest {
  pendingId: number;
  source: string;
  typeColumn: string;
  /** Distinct values of the type column, most frequent first, with the class the app would guess. */
  values: { value: string; count: number; guess: TypeTarget | null }[];
  /** The file has GISTDA's landmark code column, so the GISTDA preset applies. */
  hasLmType: boolean;
  rows: number;
}

export type ImportOutcome =
  | { status: 'imported'; report: ServiceImportReport; services: ServicesForMap }
  | { status: 'needs-mapping'; request: MappingRequest };

export interface AccessQuery {
  /** 'TH' or a 2/4/6/8-digit DOPA code. */
  selection: string;
  filterType: string;
  filterKm: number;
  /** Longest list of far villages returned for the panel (all are returned for the map). */
  listLimit: number;
}

export interface AreaAccessRow {
  type: string;
  people: number;
  meanNearestKm: number;
  peopleBeyond: number;
  shareBeyond: number;
  villagesBeyond: number;
  meanTwoSfca: number;
}

export interface VillageNearest {
  type: string;
  serviceRow: number;
  id: string;
  name: string;
  distanceKm: number;
  lon: number;
  lat: number;
  capacity: number;
  withinRadius: number;
  twoSfca: number;
}

export interface AccessQueryResult {
  resultVersion: number;
  selection: string;
  /** The area the answer describes: the selection, or its nearest ancestor with villages. */
  scope: string;
  villageCount: number;
  area: AreaAccessRow[];
  village: { index: number; code: string; lon: number; lat: number; nearest: VillageNearest[] } | null;
  filter: {
    type: string;
    km: number;
    /** Far villages inside the selection (indices into the workspace's villages), ascending. */
    indices: Uint32Array;
    /** Their positions and codes (the active dataset on the main thread may be an import with other villages). */
    lon: Float32Array;
    lat: Float32Array;
    codes: Uint32Array;
    distanceKm: Float32Array;
    people: Float32Array;
    count: number;
    totalPeople: number;
    /** Farthest first, at most listLimit. */
    list: { index: number; code: string; distanceKm: number; people: number }[];
  };
  ms: number;
}

export interface RecomputeResult {
  resultVersion: number;
  types: string[];
  /** Access pass time in the worker (ms). */
  ms: number;
  villages: number;
  services: number;
}

function forMap(s: Services, version: number): ServicesForMap {
  return {
    version,
    count: s.count,
    lon: s.lon.slice(),
    lat: s.lat.slice(),
    typeCode: s.typeCode.slice(),
    typeNames: [...s.typeNames],
    capacity: s.capacity.slice(),
    id: s.id,
    nameTh: s.nameTh,
    nameEn: s.nameEn,
    level: s.level,
    sizeClass: s.sizeClass,
  };
}

function mapTransfer(m: ServicesForMap): ArrayBuffer[] {
  return [m.lon.buffer, m.lat.buffer, m.typeCode.buffer, m.capacity.buffer] as ArrayBuffer[];
}

export function accessApi(session: () => WorkspaceSessionBase) {
  let services: Services | null = null;
  let servicesVersion = 0;
  let datasetReport: ServiceImportReport | null = null;
  let result: AccessResult | null = null;
  let resultVersion = 0;
  let resultPeople: Float64Array | null = null;
  let pending: { id: number; table: RawTable; typeColumn: string } | null = null;
  let pendingSeq = 0;

  async function loaded(): Promise<Services> {
    if (!services) {
      const imp: ServiceImport | null = await session().services();
      services = imp?.services ?? emptyServices();
      datasetReport = imp?.report ?? null;
      servicesVersion++;
    }
    return services;
  }

  async function add(imp: ServiceImport): Promise<ImportOutcome> {
    // Only an accepted import reaches here: a refused file threw before anything changed.
    services = concatServices(await loaded(), imp.services);
    servicesVersion++;
    result = null;
    const m = forMap(services, servicesVersion);
    return transfer({ status: 'imported' as const, report: imp.report, services: m }, mapTransfer(m));
  }

  return {
    /** Another workspace became active: its own services and villages from now on. */
    accessReset(): void {
      services = null;
      datasetReport = null;
      result = null;
      resultPeople = null;
      pending = null;
    },

    /** The services now loaded (the dataset's at start) and the dataset import's report. */
    async accessServices(): Promise<{ services: ServicesForMap; datasetReport: ServiceImportReport | null }> {
      const s = await loaded();
      const m = forMap(s, servicesVersion);
      return transfer({ services: m, datasetReport }, mapTransfer(m));
    },

    /**
     * Reads a dropped service file (CSV or GeoJSON). File-level problems (projected coordinates,
     * no coordinate or type column, not JSON …) throw with a message naming the file, before
     * anything loaded changes. When the type column holds values that are not already classes, or
     * the file is a GISTDA landmark list, the file waits for the user's mapping instead.
     */
    async accessImport(text: string, source: string): Promise<ImportOutcome> {
      const table = readServiceTable(text, source);
      const cols = detectColumns(table.columns, {}, source);
      // Probe the file-level checks with every row in one class: refuse bad files before the mapping step.
      importServiceTable(table, { mapper: () => 'probe' });
      const typeColumn = cols.type!;
      const values = distinctValues(table, typeColumn);
      const hasLmType = table.columns.some((c) => normaliseHeader(c) === 'lmtype');
      const allClasses = values.every((v) => v.value === '' || canonicalTypeMapper(v.value, {}) !== undefined);
      if (allClasses && !hasLmType) return add(importServiceTable(table, { mapper: canonicalTypeMapper }));
      pending = { id: ++pendingSeq, table, typeColumn };
      return {
        status: 'needs-mapping',
        request: {
          pendingId: pending.id,
          source,
          typeColumn,
          values: values.map((v) => ({ ...v, guess: (canonicalTypeMapper(v.value, {}) as TypeTarget | undefined) ?? null })),
          hasLmType,
          rows: table.rows.length,
        },
      };
    },

    /** Imports the file waiting for its mapping: value → class/ignore, or the GISTDA landmark preset. */
    async accessImportMapped(pendingId: number, mapping: Record<string, TypeTarget> | 'gistda'): Promise<ImportOutcome> {
      if (!pending || pending.id !== pendingId) throw new Error('no service file is waiting for a type mapping');
      const { table } = pending;
      const lmType = table.columns.find((c) => normaliseHeader(c) === 'lmtype');
      const imp =
        mapping === 'gistda'
          ? importServiceTable(table, { mapper: gistdaLandmarkTypeMapper, columns: lmType ? { type: lmType } : {} })
          : importServiceTable(table, { mapper: tableTypeMapper(mapping), columns: { type: pending.typeColumn } });
      pending = null;
      return add(imp);
    },

    async accessCancelImport(): Promise<void> {
      pending = null;
    },

    /** Nearest, within-radius and 2SFCA for every village and class; kept in the worker for queries. */
    async accessRecompute(settings: AccessSettings): Promise<RecomputeResult> {
      const s = session();
      const svc = await loaded();
      // The workspace's own people are the demand (its latest year when the asked one is absent).
      const people = await s.villagePeople(settings.year);
      const t0 = performance.now();
      // Every class with at least one service (typeNames lists SERVICE_TYPES first, then a file's own classes).
      result = computeAccess({ lon: s.villages.lon, lat: s.villages.lat, people }, svc, { radiusKm: settings.radiusKm, catchmentKm: settings.catchmentKm });
      resultPeople = people;
      resultVersion++;
      return { resultVersion, types: result.types, ms: performance.now() - t0, villages: result.villageCount, services: svc.count };
    },

    /** What the access panel and the map show for a selection, a filter class and a distance. */
    async accessQuery(q: AccessQuery): Promise<AccessQueryResult | null> {
      if (!result || !resultPeople || !services) return null;
      const t0 = performance.now();
      const s = session();
      const h = s.hierarchy;
      // The selection may name an area without villages (a polygon without data): use the
      // nearest ancestor that has some (the answer says which area it describes).
      let scope = q.selection;
      let found = scope === 'TH' ? { level: 'country' as const, index: 0 } : h.find(scope);
      while (!found) {
        scope = scope.length > 2 ? scope.slice(0, scope.length - 2) : 'TH';
        found = scope === 'TH' ? { level: 'country' as const, index: 0 } : h.find(scope);
      }
      const vs = h.levels[found.level].villageStart;
      const from = vs[found.index];
      const to = vs[found.index + 1];
      const people = resultPeople;

      // The selection as group 0 of two (inside / outside): accessByArea's sums over it.
      const groups: VillageGroups = { keys: ['in', 'out'], groupOf: new Uint32Array(result.villageCount).fill(1).fill(0, from, to) };
      const area: AreaAccessRow[] = result.types.map((type) => {
        const a = accessByArea(result!, type, people, groups, q.filterKm);
        return {
          type,
          people: a.people[0],
          meanNearestKm: a.meanNearestKm[0],
          peopleBeyond: a.peopleBeyond[0],
          shareBeyond: a.shareBeyond[0],
          villagesBeyond: a.villagesBeyond[0],
          meanTwoSfca: a.meanTwoSfca[0],
        };
      });

      let village: AccessQueryResult['village'] = null;
      if (found.level === 'village') {
        const i = from;
        const svc = services;
        village = {
          index: i,
          code: villageCodeString(s.villages.code[i]),
          lon: s.villages.lon[i],
          lat: s.villages.lat[i],
          nearest: nearestServicesOfVillage(result, svc, i).map((n) => ({
            ...n,
            id: svc.id[n.serviceRow],
            name: svc.nameTh[n.serviceRow] || svc.nameEn[n.serviceRow] || svc.id[n.serviceRow],
            capacity: svc.capacity[n.serviceRow],
            withinRadius: result!.byType[n.type].withinRadius[i],
            twoSfca: result!.byType[n.type].twoSfca[i],
          })),
        };
      }

      const type = result.types.includes(q.filterType) ? q.filterType : result.types[0];
      const all = type ? villagesFartherThan(result, type, q.filterKm) : new Uint32Array(0);
      let lo = 0;
      while (lo < all.length && all[lo] < from) lo++;
      let hi = lo;
      while (hi < all.length && all[hi] < to) hi++;
      const indices = all.slice(lo, hi);
      const d = type ? result.byType[type].nearestKm : new Float64Array(0);
      const distanceKm = Float32Array.from(indices, (i) => d[i]);
      const farPeople = Float32Array.from(indices, (i) => people[i]);
      const lon = Float32Array.from(indices, (i) => s.villages.lon[i]);
      const lat = Float32Array.from(indices, (i) => s.villages.lat[i]);
      const codes = Uint32Array.from(indices, (i) => s.villages.code[i]);
      let totalPeople = 0;
      for (const i of indices) totalPeople += people[i];
      const order = Array.from(indices).sort((a, b) => d[b] - d[a] || a - b).slice(0, q.listLimit);
      const list = order.map((i) => ({ index: i, code: villageCodeString(s.villages.code[i]), distanceKm: d[i], people: people[i] }));
      const out: AccessQueryResult = {
        resultVersion,
        selection: q.selection,
        scope,
        villageCount: to - from,
        area,
        village,
        filter: { type: type ?? q.filterType, km: q.filterKm, indices, lon, lat, codes, distanceKm, people: farPeople, count: indices.length, totalPeople, list },
        ms: performance.now() - t0,
      };
      return transfer(out, [indices.buffer, distanceKm.buffer, farPeople.buffer, lon.buffer, lat.buffer, codes.buffer] as ArrayBuffer[]);
    },
  };
}
