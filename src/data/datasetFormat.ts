/**
 * The dataset directory format (version 1): what the demo generator and every import command
 * write, and what the app, the worker and the CLI read. See data/README.md for the field list.
 *
 *   manifest.json            DatasetManifest
 *   areas.json               AreaNames (names of provinces, districts, subdistricts)
 *   villages.bin.gz          columnar: code u32 (8-digit DOPA), lon f32, lat f32 (sorted by code)
 *   profiles-<year>.bin.gz   columnar, villages in villages.bin order:
 *                              villageStart u32 [nVillages+1] (row range of village v),
 *                              mask u32 (bits 0..16 = INDICATORS, bit 17 = welfare card),
 *                              households u32, persons u32
 *   services.csv.gz          CSV: id,type,level,size_class,name_th,name_en,lon,lat,capacity
 *   village-basic.bin.gz     columnar aligned to villages: one u8 column per VILLAGE_BASIC_FIELDS
 *   ntl.tif                  nighttime-light GeoTIFF (EPSG:4326, nW/cm²/sr)
 *   boundaries/<level>.geojson  polygons with properties {code, th, en} (full geometry: statistics)
 *   boundaries/<level>.display.geojson  the same simplified for drawing (optional)
 *
 * A dataset directory is a workspace (DESIGN.md §3): `layers` lists what it holds, each with its
 * source and a synthetic flag, so every panel and export can say where a number comes from and
 * label what is made up. Manifests written before layers existed (the demo) get theirs derived
 * by layersOf() (src/data/workspace/layers.ts).
 */
import type { AdminLevel } from '../domain/adminCodes';

export const DATASET_FORMAT = 'cheepao-dataset';
export const DATASET_VERSION = 1;

export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  version: number;
  title: { th: string; en: string };
  /** True for generated demonstration data: the UI says so wherever it is shown. */
  synthetic: boolean;
  source: string;
  /** Buddhist-era data years with profiles, e.g. [2562, 2565]. */
  years: number[];
  files: {
    areas: string;
    villages: string;
    profiles: Record<string, string>;
    services?: string;
    villageBasic?: string;
    ntl?: string;
    boundaries?: Partial<Record<Exclude<AdminLevel, 'country' | 'village'>, string>>;
    /** Simplified copies of `boundaries` for drawing; statistics always read the full ones. */
    boundaryDisplay?: Partial<Record<Exclude<AdminLevel, 'country' | 'village'>, string>>;
    /** Assistance records (issue 11). */
    records?: string;
    /**
     * TPMAP aggregate counts (imports of TPMAP's public CSV exports, no household profiles):
     * year → `tpmap-YYYY.bin`, columnar with each table compressed on its own (layout at
     * encodeTpmapCountsBinary and encodeTpmapCountsPacked in src/data/tpmap/countsFile.ts); in
     * workspaces saved before it, `tpmap-YYYY.bin.gz` (the same columns, one gzip) or a gzip CSV
     * `tpmap-YYYY.csv.gz` of the same fields, one row per (code, table):
     *   code        DOPA code, 2/4/6/8 digits (province … village)
     *   table       'common' (surveyed population) or a dimension set: 5 digits health,living,
     *               education,income,access, 1 = counted (TPMAP file suffix, e.g. 11111, 10000)
     *   common rows: households, people, card_registered_people, card_people (MOF_REG/MOF_VAL_CNT),
     *               failing_<id> (people failing each of the 17 indicators, BMN indicator<n>.CNT),
     *               name (village name when known)
     *   table rows: poor_households, poor (poor.JPT.CNT), poor_card_registered (MOFreg),
     *               target_poor (poor.JPT.MOFval.CNT), target_poor_<dimension> ×5,
     *               target_poor_<id> ×17 (poor.JPT.MOFval.ind<bmn>.CNT)
     * Cells a row kind does not use are empty. Only union measures follow from these (no AF).
     */
    tpmapCounts?: Record<string, string>;
  };
  /** Free-form facts the generator records (seed, counts, generation time). */
  meta?: Record<string, unknown>;
  /** The workspace's layers (absent in version-1 manifests: derived from `files`). */
  layers?: WorkspaceLayer[];
  /** How the poverty codes joined the polygons (written by the workspace import). */
  joins?: JoinReport;
}

export type LayerKind = 'boundaries' | 'villages' | 'poverty' | 'services' | 'lights' | 'village_data' | 'records';
export const LAYER_KINDS: readonly LayerKind[] = ['boundaries', 'villages', 'poverty', 'services', 'lights', 'village_data', 'records'];

export interface LayerSource {
  /** The user's files (name and size in bytes) this layer was made from. */
  files: { name: string; size: number }[];
  /** ISO time of the import. */
  importedAt: string;
  /** Attribution text from the file or the user (e.g. "OCHA COD-AB, RTSD 2019, CC BY-IGO"). */
  attribution?: string;
  /** Taken from the demo workspace at the user's request. */
  fromDemo?: boolean;
}

export interface WorkspaceLayer {
  /** Stable within the workspace: kind plus level or year, e.g. boundaries:district, poverty:2561. */
  id: string;
  kind: LayerKind;
  level?: 'province' | 'district' | 'subdistrict';
  year?: number;
  /** Files of the dataset directory holding this layer. */
  files: string[];
  synthetic: boolean;
  source: LayerSource;
  /** One line for the layer list, e.g. "928 district polygons". */
  summary: string;
  /** Counts for `cli summary` and the panels. */
  stats?: Record<string, number>;
}

export interface JoinSide {
  count: number;
  examples: string[];
}

/** Poverty codes without a polygon and polygons without poverty, per level (issue 8 item 2). */
export interface JoinReport {
  poverty_without_polygon: Partial<Record<'province' | 'district' | 'subdistrict', JoinSide>>;
  polygons_without_poverty: Partial<Record<'province' | 'district' | 'subdistrict', JoinSide>>;
  /** TPMAP municipal pseudo-subdistricts (digits 5–6 ≥ 51) among the poverty codes. */
  municipal_subdistricts: JoinSide;
  /** Villages with poverty data but no location. */
  villages_without_location: JoinSide;
}

export type Region = 'north' | 'northeast' | 'central' | 'east' | 'west' | 'south' | 'bangkok';

export interface AreaName {
  code: string;
  th: string;
  en: string;
  /** A TPMAP community's own id (`901151A001`) when its village code was given by the import. */
  tpmapId?: string;
}
export interface ProvinceName extends AreaName {
  region: Region;
}

export interface AreaNames {
  provinces: ProvinceName[];
  districts: AreaName[];
  subdistricts: AreaName[];
  /** Village names when a file gave them (village points, TPMAP name lists). */
  villages?: AreaName[];
}

/** Service classes used for access measures (DESIGN.md §2.4). */
export type ServiceType = 'hospital' | 'health_promoting_hospital' | 'school';
export const SERVICE_TYPES: readonly ServiceType[] = ['hospital', 'health_promoting_hospital', 'school'];

export const VILLAGE_BASIC_FIELDS = [
  'all_season_road',
  'electricity',
  'piped_water',
  'irrigation',
  'market',
  'internet',
  'community_enterprise',
] as const;
export type VillageBasicField = (typeof VILLAGE_BASIC_FIELDS)[number];
