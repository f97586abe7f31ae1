/**
 * One import for the browser and the CLI (issue 8 item 7): files → a workspace (a dataset
 * directory, datasetFormat.ts), new or added to. Every file is classified by the one rule
 * (classify.ts), read by its own importer, and the workspace's files are rewritten so they stay
 * consistent: one sorted village list that every village-aligned file follows (profiles, basic
 * data), names from the boundary files, layers with their sources, and the join report.
 *
 * It returns the files to write (name → bytes) and the new manifest; the caller writes them all
 * at once (a directory in Node; one IndexedDB transaction in the browser), so a failure leaves
 * the previous workspace whole. Nothing here touches the DOM or the file system.
 */
import { tx } from '../../text/accessStrings';
import simplify from '@turf/simplify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LEVEL_DIGITS, villageCodeString } from '../../domain/adminCodes';
import type { ProfileRows } from '../../domain/mpi/prepare';
import { GAZETTEER_ATTRIBUTION } from '../gazetteer/gazetteer';
import { describeBoundaryReport, describeBoundaryReportTh, importBoundariesWithGazetteer, nestingProblems, type BoundaryLevel, type BoundaryReport } from '../boundaries/importBoundaries';
import { encodeColumnar } from '../columnar';
import { readAreas, readProfiles, readText, readVillages, readVillageBasic, type ByteReader } from '../dataset';
import { DATASET_FORMAT, DATASET_VERSION, VILLAGE_BASIC_FIELDS, type AreaName, type AreaNames, type DatasetManifest, type JoinReport, type JoinSide, type WorkspaceLayer } from '../datasetFormat';
import { gzip } from '../gzip';
import { describeHouseholdReport, householdsFromCsv } from '../households/householdCsv';
import { PROVINCES } from '../provinceTable';
import { importServicesText, importServiceTable, summariseReport } from '../services/importServices';
import { concatServices } from '../services/services';
import { parseTypeMapSpec } from '../services/typeMapping';
import { encodeTpmapCountsPacked, readTpmapCounts, type TpmapCounts } from '../tpmap/countsFile';
import { TpmapImporter, type TpmapImportReport } from '../tpmap/importTpmap';
import { readTpmapFiles } from '../tpmap/readTpmapFiles';
import { CountTable, presentCodes } from '../tpmap/countTable';
import { describeVillageLocations, importVillageLocations } from '../villages/villageLocations';
import { importVillageBasic, MISSING } from '../villages/villageBasic';
import { readInputs, type FileKind, type ReadItem } from './classify';
import type { InputFile } from '../formats/reader';
import { readGeoJsonTable, type RawTable } from '../services/rawTable';
import { HouseholdAccumulator } from '../households/householdCsv';
import { RecordsBuilder } from '../records/recordCsv';
import { layersOf, withLayers } from './layers';
import { openRaster } from '../geotiff/readRasterGrid';
import { describeRecordsReport, recordsFromCsv } from '../records/recordCsv';
import { encodeRecordsFile, RECORDS_FILE_NAME } from '../records/recordsFile';

export type { InputFile } from '../formats/reader';

/**
 * A layer to import: a file of a text format (read by its importer), or a layer a format reader
 * already read into the common form (features or a table; classify.ts readInputs).
 */
interface ImportItem extends InputFile {
  features?: FeatureCollection;
  table?: RawTable;
  /** How the reader read it (encoding, CRS, header row), for the report's details. */
  notes: string[];
  sources: InputFile[];
  /** The features' CRS before the reader converted them (a Shapefile's .prj). */
  sourceCrs?: string;
}

function importItem(r: ReadItem): ImportItem {
  const f = r.input;
  const first = r.sources[0];
  const unread = () => Promise.reject(new Error(`${r.name}: already read`));
  return {
    name: r.name,
    size: r.sources.reduce((s, x) => s + x.size, 0),
    text: f ? () => f.text() : unread,
    bytes: f ? () => f.bytes() : unread,
    head: f ? () => f.head() : unread,
    ...(f?.blob ? { blob: f.blob } : {}),
    ...(f?.chunks ? { chunks: () => f.chunks!() } : {}),
    ...(first?.attribution ? { attribution: first.attribution } : {}),
    ...(r.sources.some((x) => x.fromDemo) ? { fromDemo: true } : {}),
    features: r.features,
    table: r.table,
    notes: r.notes,
    sources: r.sources,
    ...(r.crs ? { sourceCrs: r.crs } : {}),
  };
}

/** The rows of a table as arrays of cells in column order (for the line-based CSV builders). */
function tableRecords(t: RawTable, header: (fields: string[], line: number) => void, row: (fields: string[], line: number) => void): void {
  header(t.columns, (t.rows[0]?.row ?? 2) - 1);
  for (const r of t.rows) row(t.columns.map((c) => r.values[c] ?? ''), r.row);
}

export interface WorkspaceImportOptions {
  title?: { th: string; en: string };
  /** Service type mapping: `gistda` or `CODE=CLASS,…` (default: GISTDA when lm_type is present). */
  typeMap?: string;
  /** Boundary level of boundary files (default: detected). */
  level?: BoundaryLevel;
  /** Code field of boundary / village files (default: detected). */
  codeField?: string;
  /** CRS of village x/y columns (default EPSG:4326; never guessed). */
  crs?: string;
  /** Data year of a household CSV (Buddhist era; default: latest poverty year, else 2565). */
  year?: number;
  /** Called between files (and while large ones stream): files done, total, current file, bytes read of the TPMAP files and their total. */
  onProgress?: (done: number, total: number, file: string, bytesDone?: number, bytesTotal?: number) => void;
  /** Checked between files; true stops the import (nothing is written). */
  cancelled?: () => boolean;
  now?: () => Date;
}

export interface ImportLine {
  kind: FileKind;
  /** One line, e.g. "TPMAP 2561 · 152 files · 84,090 records → 82,373 villages · all checks match". */
  summary: string;
  /** The same line in Thai where the report has one (shown when the app is in Thai). */
  summaryTh?: string;
  files: string[];
  ok: boolean;
  /** Details on demand (problems name the file and line). */
  details: string[];
  /**
   * The same details in Thai where the report builds them (checks, joins, nesting), line for line
   * with `details`; a reader's own message inside a line stays as the reader wrote it.
   */
  detailsTh?: string[];
}

export interface WorkspaceImportReport {
  lines: ImportLine[];
  /** Files refused as a whole, with why (nothing of them was imported). */
  refused: { file: string; message: string }[];
  joins: JoinReport;
}

export interface WorkspaceWrite {
  manifest: DatasetManifest;
  /** Files to write (relative name → bytes), manifest.json included. */
  files: Map<string, Uint8Array>;
  /** Files of the previous workspace no longer referenced. */
  obsolete: string[];
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled; nothing was written');
  }
}

interface Base {
  manifest: DatasetManifest;
  read: ByteReader;
}

const enc = new TextEncoder();
const fmt = (n: number) => n.toLocaleString('en-US');
const SIMPLIFY_TOLERANCE_DEG: Record<BoundaryLevel, number> = { province: 0.004, district: 0.0015, subdistrict: 0.0006 };

/** Reads everything that the import rewrites from the previous workspace. */
async function loadBase(base: Base | null) {
  if (!base) return { areas: { provinces: [], districts: [], subdistricts: [] } as AreaNames, codes: new Uint32Array(0), lon: new Float32Array(0), lat: new Float32Array(0), profiles: new Map<number, ProfileRows>(), basic: null as Record<string, Uint8Array> | null, counts: new Map<number, TpmapCounts>() };
  const m = base.manifest;
  const [areas, villages] = await Promise.all([
    m.files.areas ? readAreas(base.read, m) : Promise.resolve({ provinces: [], districts: [], subdistricts: [] } as AreaNames),
    readVillages(base.read, m),
  ]);
  const profiles = new Map<number, ProfileRows>();
  for (const y of Object.keys(m.files.profiles ?? {})) profiles.set(Number(y), await readProfiles(base.read, m, Number(y), villages.count));
  const counts = new Map<number, TpmapCounts>();
  for (const y of Object.keys(m.files.tpmapCounts ?? {})) counts.set(Number(y), await readTpmapCounts(base.read, m, Number(y)));
  return { areas, codes: villages.code, lon: villages.lon, lat: villages.lat, profiles, basic: await readVillageBasic(base.read, m), counts };
}

/** Profile rows re-aligned from one sorted village list to another (villages absent get none). */
function realignProfiles(from: Uint32Array, to: Uint32Array, p: ProfileRows): ProfileRows {
  const villageStart = new Uint32Array(to.length + 1);
  const mask: number[] = [];
  const households: number[] = [];
  const persons: number[] = [];
  let j = 0;
  for (let i = 0; i < to.length; i++) {
    villageStart[i] = mask.length;
    while (j < from.length && from[j] < to[i]) j++;
    if (j < from.length && from[j] === to[i]) {
      for (let r = p.villageStart[j]; r < p.villageStart[j + 1]; r++) {
        mask.push(p.mask[r]);
        households.push(p.households[r]);
        persons.push(p.persons[r]);
      }
    }
  }
  villageStart[to.length] = mask.length;
  return { villageStart, mask: Uint32Array.from(mask), households: Uint32Array.from(households), persons: Uint32Array.from(persons) };
}

function mergeCounts(into: TpmapCounts | undefined, add: TpmapCounts): TpmapCounts {
  if (!into) return add;
  for (const [key, rows] of add.tables) {
    const t = into.tables.get(key) ?? new CountTable(rows.width);
    for (const [code, v] of rows) t.set(code, v);
    into.tables.set(key, t);
  }
  for (const [k, v] of add.villageNames) into.villageNames.set(k, v);
  for (const [k, v] of add.communities ?? []) (into.communities ??= new Map()).set(k, v);
  return into;
}

function side(codes: Iterable<string>): JoinSide {
  const all = [...codes].sort();
  return { count: all.length, examples: all.slice(0, 25) };
}

/** Codes of the poverty layers per level (published rows and the areas their villages imply). */
function povertyCodes(counts: Map<number, TpmapCounts>, profileVillages: Uint32Array | null): Record<BoundaryLevel, Set<string>> {
  const out: Record<BoundaryLevel, Set<string>> = { province: new Set(), district: new Set(), subdistrict: new Set() };
  const addCode = (code: string) => {
    for (const l of ['province', 'district', 'subdistrict'] as const) if (code.length >= LEVEL_DIGITS[l]) out[l].add(code.slice(0, LEVEL_DIGITS[l]));
  };
  for (const c of counts.values()) for (const code of presentCodes(c.tables.values())) addCode(code);
  if (profileVillages) for (const v of profileVillages) addCode(villageCodeString(v));
  return out;
}

export function computeJoins(poverty: Record<BoundaryLevel, Set<string>>, polygons: Partial<Record<BoundaryLevel, Set<string>>>, villagesWithPoverty: Iterable<string>, located: (code: string) => boolean): JoinReport {
  const joins: JoinReport = { poverty_without_polygon: {}, polygons_without_poverty: {}, municipal_subdistricts: side([...poverty.subdistrict].filter((c) => Number(c.slice(4, 6)) >= 51)), villages_without_location: side([...villagesWithPoverty].filter((c) => !located(c))) };
  const anyPoverty = BOUNDARY_LEVELS_LIST.some((l) => poverty[l].size > 0);
  for (const l of BOUNDARY_LEVELS_LIST) {
    const poly = polygons[l];
    if (!poly) continue;
    if (anyPoverty) {
      joins.poverty_without_polygon[l] = side([...poverty[l]].filter((c) => !poly.has(c)));
      joins.polygons_without_poverty[l] = side([...poly].filter((c) => !poverty[l].has(c)));
    }
  }
  return joins;
}
const BOUNDARY_LEVELS_LIST: BoundaryLevel[] = ['province', 'district', 'subdistrict'];

/**
 * Import files into a workspace (new when `base` is null). Files that cannot be used are refused
 * (reported, the rest still imported); if none could be used, throws with every reason.
 */
export async function importIntoWorkspace(base: Base | null, inputs: InputFile[], options: WorkspaceImportOptions = {}): Promise<{ write: WorkspaceWrite; report: WorkspaceImportReport }> {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const prev = await loadBase(base);
  const report: WorkspaceImportReport = { lines: [], refused: [], joins: emptyJoins() };
  const files = new Map<string, Uint8Array>();
  const added: WorkspaceLayer[] = [];
  const source = (fs: InputFile[]) => ({ files: fs.map((f) => ({ name: f.name, size: f.size })), importedAt: now, ...(fs[0]?.attribution ? { attribution: fs[0].attribution } : {}), ...(fs.some((f) => f.fromDemo) ? { fromDemo: true } : {}) });
  // Codes found by name come from the shipped gazetteer (OCHA COD-AB, CC BY-IGO): say so with the layer.
  const withGazetteer = (src: ReturnType<typeof source>, r: BoundaryReport) => (r.nameMatch ? { ...src, attribution: [src.attribution, GAZETTEER_ATTRIBUTION].filter(Boolean).join('; ') } : src);
  const manifestFiles: DatasetManifest['files'] = base ? structuredClone(base.manifest.files) : { areas: 'areas.json', villages: 'villages.bin.gz', profiles: {} };
  const check = () => {
    if (options.cancelled?.()) throw new ImportCancelled();
  };

  // 1. Read and classify every file by the one rule (the format readers' list, classify.ts):
  // Shapefile parts grouped, archives and workbooks opened, each layer's kind decided after reading.
  const groups = new Map<FileKind, ImportItem[]>();
  let done = 0;
  const read = await readInputs(inputs, { crs: options.crs, codeField: options.codeField });
  report.refused.push(...read.refused);
  for (const r of read.items) groups.set(r.kind, [...(groups.get(r.kind) ?? []), importItem(r)]);
  const total = read.items.length;
  const progress = (f: string) => options.onProgress?.(++done, total, f);

  // 2. Poverty: TPMAP tables, read ahead concurrently within a byte budget and parsed one after
  // another straight into the compact count tables (readTpmapFiles); no file's text is kept.
  const counts = prev.counts;
  const tpmapFiles = groups.get('tpmap') ?? [];
  if (tpmapFiles.length) {
    const importer = new TpmapImporter();
    // Files and bytes go to the page together, at most every 100 ms (7,000 files would be 7,000 messages).
    await readTpmapFiles(tpmapFiles, importer, { check, progress: () => void ++done, onBytes: (b, bt, f) => options.onProgress?.(done, total, f, b, bt) });
    const imported = importer.finish();
    if (imported.counts.size === 0) report.refused.push({ file: tpmapFiles.map((f) => f.name).join(', '), message: 'no TPMAP table recognised' });
    for (const [year, c] of imported.counts) {
      counts.set(year, mergeCounts(counts.get(year), c));
      added.push({ id: `poverty:${year}`, kind: 'poverty', year, files: [`tpmap-${year}.bin`], synthetic: false, source: source(tpmapFiles), summary: `TPMAP ${year}`, stats: { villages: imported.report.villages } });
    }
    report.lines.push(tpmapLine(imported.report, tpmapFiles.map((f) => f.name)));
  }

  // Households: profiles of one year.
  const householdProfiles: { year: number; codes: Uint32Array; rows: ProfileRows; files: InputFile[] }[] = [];
  for (const f of groups.get('households') ?? []) {
    check();
    const year = options.year ?? (Math.max(0, ...counts.keys(), ...prev.profiles.keys()) || 2565);
    let r: ReturnType<typeof householdsFromCsv>;
    if (f.table) {
      const acc = new HouseholdAccumulator(f.name, f.table.sheet);
      tableRecords(f.table, (c, l) => acc.record(c, l), (c, l) => acc.record(c, l));
      r = acc.finish(year);
    } else r = householdsFromCsv(await f.text(), f.name, year);
    progress(f.name);
    if (!r.villageCodes.length) {
      report.refused.push({ file: f.name, message: `${f.name}: no valid household rows (${describeHouseholdReport(r.report)})` });
      continue;
    }
    householdProfiles.push({ year, codes: r.villageCodes, rows: r.profiles, files: [f] });
    report.lines.push({ kind: 'households', summary: `${f.name} · household profiles ${year} · ${fmt(r.villageCodes.length)} villages`, summaryTh: `${f.name} · ข้อมูลครัวเรือน พ.ศ. ${year} · ${fmt(r.villageCodes.length)} หมู่บ้าน`, files: [f.name], ok: true, details: [...f.notes, ...describeHouseholdReport(r.report).split('\n')] });
  }

  // 3. Boundaries: full geometry for statistics, a simplified copy for drawing.
  const areas = prev.areas;
  const polygonCodes: Partial<Record<BoundaryLevel, Set<string>>> = {};
  for (const l of BOUNDARY_LEVELS_LIST) {
    const name = manifestFiles.boundaries?.[l];
    if (name && base) {
      const fc = JSON.parse(await readText(base.read, name)) as FeatureCollection;
      polygonCodes[l] = new Set(fc.features.map((x) => String(x.properties?.code)));
    }
  }
  const boundaryReports: BoundaryReport[] = [];
  for (const f of groups.get('boundaries') ?? []) {
    check();
    try {
      const b = await importBoundariesWithGazetteer(f.features ?? (await f.text()), f.name, { level: options.level, codeField: options.codeField });
      const full = `boundaries/${b.level}.geojson`;
      const display = `boundaries/${b.level}.display.geojson`;
      files.set(full, enc.encode(JSON.stringify(b.polygons)));
      files.set(display, enc.encode(JSON.stringify(simplifyForDisplay(b.polygons, SIMPLIFY_TOLERANCE_DEG[b.level]))));
      manifestFiles.boundaries = { ...manifestFiles.boundaries, [b.level]: full };
      manifestFiles.boundaryDisplay = { ...manifestFiles.boundaryDisplay, [b.level]: display };
      polygonCodes[b.level] = new Set(b.polygons.features.map((x) => x.properties.code));
      const list = b.polygons.features.map((x) => ({ code: x.properties.code, th: x.properties.th, en: x.properties.en }));
      if (b.level === 'district') areas.districts = mergeNames(areas.districts, list);
      if (b.level === 'subdistrict') areas.subdistricts = mergeNames(areas.subdistricts, list);
      boundaryReports.push(b.report);
      added.push({ id: `boundaries:${b.level}`, kind: 'boundaries', level: b.level, files: [full, display], synthetic: false, source: withGazetteer(source(f.sources), b.report), summary: `${fmt(b.polygons.features.length)} ${b.level} polygons`, stats: { polygons: b.polygons.features.length } });
      report.lines.push({
        kind: 'boundaries', summary: describeBoundaryReport(b.report), summaryTh: describeBoundaryReportTh(b.report), files: [f.name], ok: b.report.skipped === 0,
        details: [...f.notes, ...b.report.problems.map((p) => `${f.name}: feature ${p.feature}${p.code ? ` (${p.code})` : ''}: ${p.message} — ${p.outcome}`)],
      });
    } catch (e) {
      report.refused.push({ file: f.name, message: (e as Error).message });
    }
    progress(f.name);
  }
  const nesting = nestingProblems(Object.fromEntries(Object.entries(polygonCodes).map(([k, v]) => [k, [...v]])));
  if (nesting.length) {
    report.lines.push({ kind: 'boundaries', summary: `${fmt(nesting.length)} polygons whose parent has no polygon (nesting by code)`, summaryTh: `${fmt(nesting.length)} รูปแปลงที่พื้นที่แม่ไม่มีรูปแปลง (ซ้อนกันตามรหัส)`, files: [], ok: false, details: nesting.slice(0, 50).map((n) => `${n.level} ${n.code}: no polygon for ${n.missingParent}`), detailsTh: nesting.slice(0, 50).map((n) => `${LEVEL_TH[n.level]} ${n.code}: ไม่มีรูปแปลงของ ${n.missingParent}`) });
  }

  // 4. Village locations and basic data (joined by 8-digit code).
  // Several village files or sheets in one import all count (one layer, each named in its
  // source); a code in two of them keeps its first point, as within one file.
  const located = new Map<number, { lon: number; lat: number; name: string; from: string }>();
  const villageItems: ImportItem[] = [];
  for (const f of groups.get('villages') ?? []) {
    check();
    try {
      // Features are WGS 84 already (a Shapefile is reprojected by its reader); a sheet's x/y take the chosen CRS, as a CSV's.
      const v = importVillageLocations(f.features ? readGeoJsonTable(f.features, f.name) : f.table ?? (await f.text()), f.name, { crs: f.features ? undefined : options.crs, codeField: options.codeField });
      // The summary names the file's own CRS (a UTM Shapefile is not "EPSG:4326" to its owner).
      if (f.sourceCrs && f.sourceCrs !== 'EPSG:4326') v.report.crs = `${f.sourceCrs} → EPSG:4326`;
      const earlier: string[] = [];
      v.code.forEach((c, i) => {
        const had = located.get(c);
        if (had) earlier.push(`${villageCodeString(c)} (${had.from})`);
        else located.set(c, { lon: v.lon[i], lat: v.lat[i], name: v.name[i], from: f.name });
      });
      villageItems.push(f);
      const repeated = earlier.length ? [`${f.name}: ${fmt(earlier.length)} village codes already placed by an earlier file of this import, first point kept: ${earlier.slice(0, 20).join(', ')}${earlier.length > 20 ? ', …' : ''}`] : [];
      report.lines.push({ kind: 'villages', summary: describeVillageLocations(v.report), summaryTh: describeVillageLocations(v.report, 'th'), files: [f.name], ok: v.report.badRows.count === 0, details: [...f.notes, ...v.report.notes, ...repeated, ...v.report.badRows.examples.map((b) => `${f.name}: ${b.message}`)] });
    } catch (e) {
      report.refused.push({ file: f.name, message: (e as Error).message });
    }
    progress(f.name);
  }
  if (villageItems.length) added.push({ id: 'villages', kind: 'villages', files: ['villages.bin.gz'], synthetic: false, source: source(layerSources(villageItems)), summary: `${fmt(located.size)} village locations`, stats: { located: located.size } });
  // Several basic-data files or sheets: all imported, in order (a later one fills what the earlier left empty).
  const basicImports: ReturnType<typeof importVillageBasic>[] = [];
  const basicItems: ImportItem[] = [];
  for (const f of groups.get('village_data') ?? []) {
    check();
    try {
      const basicImport = importVillageBasic(f.table ?? (await f.text()), f.name, { codeField: options.codeField });
      basicImports.push(basicImport);
      basicItems.push(f);
      report.lines.push({ kind: 'village_data', summary: `${f.name} · basic data of ${fmt(basicImport.code.length)} villages · ${Object.keys(basicImport.report.fields).join(', ')}`, summaryTh: `${f.name} · ข้อมูลพื้นฐาน ${fmt(basicImport.code.length)} หมู่บ้าน · ${Object.keys(basicImport.report.fields).join(', ')}`, files: [f.name], ok: basicImport.report.badCells.count === 0, details: [...f.notes, ...basicImport.report.notes, ...basicImport.report.badCells.examples] });
    } catch (e) {
      report.refused.push({ file: f.name, message: (e as Error).message });
    }
    progress(f.name);
  }
  if (basicImports.length) {
    const villages = new Set(basicImports.flatMap((b) => Array.from(b.code))).size;
    added.push({ id: 'village_data', kind: 'village_data', files: ['village-basic.bin.gz'], synthetic: false, source: source(layerSources(basicItems)), summary: `basic data of ${fmt(villages)} villages`, stats: { villages } });
  }

  // 5. Services (written in the dataset's services CSV format). Several service files or sheets
  // in one import are one list (concatServices; a repeated id gets #2), each line naming its file.
  let importedServices: import('../services/services').Services | null = null;
  const serviceItems: ImportItem[] = [];
  for (const f of groups.get('services') ?? []) {
    check();
    try {
      const table = f.features ? readGeoJsonTable(f.features, f.name) : f.table;
      const text = table ? '' : await f.text();
      const hasLmType = table ? table.columns.some((c) => c.toLowerCase() === 'lm_type') : /"lm_type"|(^|[,;\t])"?lm_type"?([,;\t]|$)/m.test(text.slice(0, 65536));
      const spec = options.typeMap ?? (hasLmType ? 'gistda' : undefined);
      const { mapper, column } = parseTypeMapSpec(spec);
      const serviceOptions = { mapper, ...(column ? { columns: { type: column } } : {}) };
      const imp = table ? importServiceTable(table, serviceOptions) : importServicesText(text, f.name, serviceOptions);
      if (imp.report.unmappedTypes?.length) throw new Error(`${f.name}: service types not mapped to a class: ${imp.report.unmappedTypes.slice(0, 8).map((u) => `"${u.value}" (${u.count})`).join(', ')}; give a type map (gistda or CODE=CLASS,…), or use the access tab's mapping step`);
      if (!imp.services.count) throw new Error(`${f.name}: no service could be imported (${summariseReport(imp.report)})`);
      importedServices = importedServices ? concatServices(importedServices, imp.services) : imp.services;
      serviceItems.push(f);
      const byType = servicesByType(imp.services);
      report.lines.push({ kind: 'services', summary: `${f.name} · ${fmt(imp.services.count)} services${spec ? ` (type map ${spec})` : ''} · ${byType}`, summaryTh: `${f.name} · สถานบริการ ${fmt(imp.services.count)} แห่ง${spec ? ` (ตารางประเภท ${spec})` : ''} · ${servicesByType(imp.services, 'th')}`, files: [f.name], ok: imp.report.problemCount === 0, details: [...f.notes, summariseReport(imp.report)] });
    } catch (e) {
      report.refused.push({ file: f.name, message: (e as Error).message });
    }
    progress(f.name);
  }
  if (importedServices) {
    files.set('services.csv.gz', await gzip(enc.encode(servicesCsv(importedServices))));
    manifestFiles.services = 'services.csv.gz';
    added.push({ id: 'services', kind: 'services', files: ['services.csv.gz'], synthetic: false, source: source(layerSources(serviceItems)), summary: `${fmt(importedServices.count)} services (${servicesByType(importedServices)})`, stats: { services: importedServices.count } });
  }

  // 6. Nighttime lights: the GeoTIFF as given, checked by opening it (CRS, georeferencing).
  for (const f of groups.get('lights') ?? []) {
    check();
    try {
      const opened = await openRaster(f.blob ?? (await f.bytes()), f.name);
      const info = opened.info;
      files.set('ntl.tif', f.blob ? new Uint8Array(await f.blob.arrayBuffer()) : await f.bytes());
      manifestFiles.ntl = 'ntl.tif';
      added.push({ id: 'lights', kind: 'lights', files: ['ntl.tif'], synthetic: false, source: source(f.sources), summary: `${f.name} · ${info.width} × ${info.height} px, ${info.bandCount} band${info.bandCount > 1 ? 's' : ''}`, stats: { width: info.width, height: info.height, bands: info.bandCount } });
      report.lines.push({ kind: 'lights', summary: `${f.name} · nighttime lights ${info.width} × ${info.height} px · ${info.bandCount} band${info.bandCount > 1 ? 's' : ''}`, summaryTh: `${f.name} · ภาพแสงไฟยามค่ำคืน ${info.width} × ${info.height} จุดภาพ · ${info.bandCount} แบนด์`, files: [f.name], ok: true, details: [] });
    } catch (e) {
      report.refused.push({ file: f.name, message: (e as Error).message });
    }
    progress(f.name);
  }
  // 6b. Assistance records (issue 11): stored columnar as records.bin.gz, citizen ids withheld
  // (recordCsv.ts); one records file per workspace, a new one replaces the previous.
  for (const [k, f] of (groups.get('records') ?? []).entries()) {
    check();
    if (k > 0) {
      const first = groups.get('records')![0].name;
      report.refused.push({ file: f.name, message: `${f.name}: a second table of assistance records in one import; a workspace keeps one records table (${first} was imported) — put the records in one sheet or file, or import this one on its own to replace it` });
      progress(f.name);
      continue;
    }
    try {
      let imp: ReturnType<typeof recordsFromCsv>;
      if (f.table) {
        const b = new RecordsBuilder(f.name, f.table.sheet);
        tableRecords(f.table, (c, l) => b.record(c, l), (c, l) => b.record(c, l));
        imp = b.finish();
      } else imp = recordsFromCsv(await f.text(), f.name);
      const r = imp.report;
      if (!imp.records.count) throw new Error(`${f.name}: no valid assistance record (${describeRecordsReport(r).split('\n').slice(0, 4).join('; ')})`);
      files.set(RECORDS_FILE_NAME, await gzip(encodeRecordsFile({ records: imp.records, caseIds: imp.caseIds, source: f.name, synthetic: false })));
      manifestFiles.records = RECORDS_FILE_NAME;
      const summary = `${f.name} · ${fmt(r.records)} assistance records of ${fmt(r.cases)} cases in ${fmt(r.villages)} villages${r.firstDate ? ` · ${r.firstDate} … ${r.lastDate}` : ''}`;
      added.push({ id: 'records', kind: 'records', files: [RECORDS_FILE_NAME], synthetic: false, source: source(f.sources), summary, stats: { records: r.records, cases: r.cases, villages: r.villages } });
      const summaryTh = `${f.name} · บันทึกการช่วยเหลือ ${fmt(r.records)} รายการ ของ ${fmt(r.cases)} ราย ใน ${fmt(r.villages)} หมู่บ้าน${r.firstDate ? ` · ${r.firstDate} … ${r.lastDate}` : ''}`;
      report.lines.push({ kind: 'records', summary, summaryTh, files: [f.name], ok: r.badRowCount === 0, details: [...f.notes, ...describeRecordsReport(r).split('\n').slice(1).map((l) => l.trim())] });
    } catch (e) {
      report.refused.push({ file: f.name, message: (e as Error).message });
    }
    progress(f.name);
  }

  if (!added.length && !householdProfiles.length) throw new Error(report.refused.map((r) => r.message).join('\n') || 'no files to import');
  check();

  // 7. One sorted village list for every village-aligned file.
  const codeSet = new Set<number>(prev.codes);
  for (const c of counts.values()) for (const code of presentCodes(c.tables.values())) if (code.length === 8) codeSet.add(Number(code));
  for (const h of householdProfiles) for (const c of h.codes) codeSet.add(c);
  for (const c of located.keys()) codeSet.add(c);
  for (const b of basicImports) for (const c of b.code) codeSet.add(c);
  const codes = Uint32Array.from(codeSet).sort();
  const lon = new Float32Array(codes.length).fill(NaN);
  const lat = new Float32Array(codes.length).fill(NaN);
  {
    let j = 0;
    for (let i = 0; i < codes.length; i++) {
      while (j < prev.codes.length && prev.codes[j] < codes[i]) j++;
      if (j < prev.codes.length && prev.codes[j] === codes[i]) {
        lon[i] = prev.lon[j];
        lat[i] = prev.lat[j];
      }
      const p = located.get(codes[i]);
      if (p) {
        lon[i] = p.lon;
        lat[i] = p.lat;
      }
    }
  }
  files.set('villages.bin.gz', await gzip(encodeColumnar({ code: codes, lon, lat })));
  manifestFiles.villages = 'villages.bin.gz';
  if (located.size) {
    const names = new Map((areas.villages ?? []).map((a) => [a.code, a]));
    for (const [c, p] of located) if (p.name) names.set(villageCodeString(c), { code: villageCodeString(c), th: p.name, en: '' });
    areas.villages = [...names.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  const profileFiles: Record<string, string> = {};
  const aligned = new Map<number, ProfileRows>();
  for (const [year, p] of prev.profiles) aligned.set(year, codes.length === prev.codes.length ? p : realignProfiles(prev.codes, codes, p));
  for (const h of householdProfiles) {
    aligned.set(h.year, realignProfiles(h.codes, codes, h.rows));
    added.push({ id: `poverty:${h.year}`, kind: 'poverty', year: h.year, files: [`profiles-${h.year}.bin.gz`], synthetic: false, source: source(h.files), summary: `household profiles ${h.year}`, stats: { villages: h.codes.length } });
  }
  for (const [year, p] of aligned) {
    const name = `profiles-${year}.bin.gz`;
    profileFiles[String(year)] = name;
    files.set(name, await gzip(encodeColumnar({ villageStart: p.villageStart, mask: p.mask, households: p.households, persons: p.persons }, { year })));
  }
  manifestFiles.profiles = profileFiles;
  const tpmapFilesOut: Record<string, string> = {};
  for (const [year, c] of counts) {
    // Columnar and gzipped (countsFile.ts); a workspace saved with the earlier CSV form is
    // rewritten in this form whenever its counts are rewritten.
    const previous = base?.manifest.files.tpmapCounts?.[String(year)];
    const rewrite = tpmapFiles.length > 0 || codes.length !== prev.codes.length || !previous;
    const name = rewrite ? `tpmap-${year}.bin` : previous;
    tpmapFilesOut[String(year)] = name;
    if (rewrite) {
      check();
      // Packed: each table compressed on its own, inflated when first read (countsFile.ts).
      files.set(name, await encodeTpmapCountsPacked(c));
    }
  }
  if (Object.keys(tpmapFilesOut).length) manifestFiles.tpmapCounts = tpmapFilesOut;
  // Village names from TPMAP name lists.
  for (const c of counts.values()) if (c.villageNames.size || c.communities?.size) {
    const names = new Map((areas.villages ?? []).map((a) => [a.code, a]));
    for (const [code, th] of c.villageNames) if (!names.has(code)) names.set(code, { code, th, en: '' });
    // Letter-coded communities keep their own TPMAP id for display (importTpmap.ts assignCommunityCodes).
    for (const [code, tpmapId] of c.communities ?? []) {
      const given = c.villageNames.get(code);
      names.set(code, { code, th: given || `ชุมชน ${tpmapId}`, en: `community ${tpmapId}`, tpmapId });
    }
    areas.villages = [...names.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  // Basic data aligned to the village list (MISSING where a village has none).
  if (basicImports.length || prev.basic) {
    const cols = Object.fromEntries(VILLAGE_BASIC_FIELDS.map((f) => [f, new Uint8Array(codes.length).fill(MISSING)])) as Record<string, Uint8Array>;
    const fill = (from: Uint32Array, src: Record<string, Uint8Array>, keepKnown = false) => {
      let j = 0;
      for (let i = 0; i < codes.length; i++) {
        while (j < from.length && from[j] < codes[i]) j++;
        if (j < from.length && from[j] === codes[i]) for (const f of VILLAGE_BASIC_FIELDS) if (src[f] && !(keepKnown && src[f][j] === MISSING)) cols[f][i] = src[f][j];
      }
    };
    if (prev.basic) fill(prev.codes, prev.basic);
    basicImports.forEach((b, k) => fill(b.code, b.columns, k > 0));
    files.set('village-basic.bin.gz', await gzip(encodeColumnar(cols)));
    manifestFiles.villageBasic = 'village-basic.bin.gz';
  }

  // Province names always come from the DOPA table (src/data/provinceTable.ts).
  areas.provinces = PROVINCES.map((p) => ({ ...p }));
  files.set('areas.json', enc.encode(JSON.stringify(areas)));
  manifestFiles.areas = 'areas.json';

  // 8. Joins: what the map cannot place, and polygons without data (they stay visible).
  // Villages with household rows in any year.
  const withRows = codes.filter((_, i) => [...aligned.values()].some((p) => p.villageStart[i + 1] > p.villageStart[i]));
  const poverty = povertyCodes(counts, withRows);
  const locatedIndex = new Set<number>();
  codes.forEach((c, i) => Number.isFinite(lon[i]) && locatedIndex.add(c));
  const villagesWithPoverty = new Set<string>();
  for (const c of counts.values()) for (const code of presentCodes(c.tables.values())) if (code.length === 8) villagesWithPoverty.add(code);
  for (const c of withRows) villagesWithPoverty.add(villageCodeString(c));
  report.joins = computeJoins(poverty, polygonCodes, villagesWithPoverty, (c) => locatedIndex.has(Number(c)));
  report.lines.push(joinLine(report.joins));

  // A poverty layer names the counts file of its year as written now: a workspace saved with
  // `tpmap-YYYY.bin.gz` whose counts are rewritten packed (`.bin`) keeps its layer, and the old
  // file is then obsolete (deleted) rather than listed and missing.
  const countsFileOf = (l: WorkspaceLayer, f: string) => (l.kind === 'poverty' && l.year !== undefined && /^tpmap-\d+\./.test(f) ? tpmapFilesOut[String(l.year)] ?? f : f);
  const layers = withLayers(base ? layersOf(base.manifest) : [], added).map((l) => ({ ...l, files: l.files.map((f) => countsFileOf(l, f)) }));
  const years = [...new Set([...Object.keys(profileFiles), ...Object.keys(tpmapFilesOut)].map(Number))].sort();
  const title = options.title ?? base?.manifest.title ?? defaultTitle(layers, polygonCodes, villagesWithPoverty);
  const manifest: DatasetManifest = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    title,
    synthetic: layers.length > 0 && layers.every((l) => l.synthetic),
    source: [...new Set(layers.map((l) => l.source.attribution ?? l.source.files.map((f) => f.name).join(', ')))].filter(Boolean).join('; '),
    years,
    files: manifestFiles,
    layers,
    joins: report.joins,
    meta: { ...(base?.manifest.meta ?? {}), updatedAt: now, ...(base ? {} : { createdAt: now }) },
  };
  files.set('manifest.json', enc.encode(JSON.stringify(manifest, null, 2) + '\n'));
  const keep = new Set(files.keys());
  const referenced = new Set<string>(['manifest.json', manifestFiles.areas, manifestFiles.villages, ...Object.values(profileFiles), ...Object.values(tpmapFilesOut), ...layers.flatMap((l) => l.files)]);
  const obsolete = base ? layersOf(base.manifest).flatMap((l) => l.files).filter((f) => !referenced.has(f) && !keep.has(f)) : [];
  return { write: { manifest, files, obsolete }, report };
}

function emptyJoins(): JoinReport {
  return { poverty_without_polygon: {}, polygons_without_poverty: {}, municipal_subdistricts: { count: 0, examples: [] }, villages_without_location: { count: 0, examples: [] } };
}

function mergeNames(a: AreaName[], b: AreaName[]): AreaName[] {
  const m = new Map(a.map((x) => [x.code, x]));
  for (const x of b) m.set(x.code, x);
  return [...m.values()].sort((x, y) => (x.code < y.code ? -1 : 1));
}

function simplifyForDisplay(fc: FeatureCollection<Polygon | MultiPolygon>, toleranceDeg: number): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      try {
        return simplify(f as Feature<Polygon | MultiPolygon>, { tolerance: toleranceDeg, highQuality: false, mutate: false });
      } catch {
        return f;
      }
    }),
  };
}

/** A layer's sources: the files it came from; an Excel sheet by its own name (`book.xlsx › บริการ`). */
function layerSources(items: ImportItem[]): InputFile[] {
  return items.flatMap((f) => (f.table?.sheet !== undefined ? [f] : f.sources));
}

function servicesByType(s: import('../services/services').Services, lang: 'en' | 'th' = 'en'): string {
  // Thai class names where the class is one of the app's (a user's own class keeps its name).
  return s.typeNames.map((t, k) => `${Array.from(s.typeCode).filter((c) => c === k).length} ${lang === 'th' ? tx(`cls_${t}`, 'th', t) : t}`).join(', ');
}

function servicesCsv(s: import('../services/services').Services): string {
  const q = (v: string | number) => {
    const t = String(v);
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = ['id,type,level,size_class,name_th,name_en,lon,lat,capacity'];
  for (let i = 0; i < s.count; i++) {
    lines.push([s.id[i], s.typeNames[s.typeCode[i]], s.level[i], s.sizeClass[i], s.nameTh[i], s.nameEn[i], s.lon[i].toFixed(6), s.lat[i].toFixed(6), Number.isFinite(s.capacity[i]) ? s.capacity[i] : ''].map(q).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Thai names of the administrative levels, for the Thai report lines. */
const LEVEL_TH: Record<BoundaryLevel, string> = { province: 'จังหวัด', district: 'อำเภอ', subdistrict: 'ตำบล' };
const LEVEL_TH_ANY: Record<string, string> = { ...LEVEL_TH, village: 'หมู่บ้าน', country: 'ประเทศ' };

function tpmapLine(r: TpmapImportReport, names: string[]): ImportLine {
  const villageFiles = r.files.filter((f) => f.level === 'village' && f.table === (r.files.some((x) => x.table === '11111' && x.level === 'village') ? '11111' : f.table));
  const records = villageFiles.reduce((s, f) => s + f.records, 0);
  const rows = villageFiles.reduce((s, f) => s + f.rows, 0);
  const allMatch = r.checks.every((c) => c.matched === c.compared);
  // English and Thai side by side, fact by fact (the Thai line is shown in the Thai app).
  const parts = [`TPMAP ${r.years.join(', ')}`, `${fmt(names.length)} file${names.length > 1 ? 's' : ''}`];
  const th = [`TPMAP พ.ศ. ${r.years.join(', ')}`, `${fmt(names.length)} ไฟล์`];
  if (records) {
    parts.push(`${fmt(records)} records → ${fmt(rows)} villages`);
    th.push(`${fmt(records)} ระเบียน → ${fmt(rows)} หมู่บ้าน`);
  }
  const split = villageFiles.reduce((s, f) => s + f.split.villages, 0);
  if (split) {
    parts.push(`${fmt(split)} split villages summed`);
    th.push(`รวมหมู่บ้านที่แยกแถว ${fmt(split)} หมู่บ้าน`);
  }
  const differ = r.checks.filter((c) => c.matched !== c.compared).length;
  parts.push(r.checks.length ? (allMatch ? 'all checks match' : `${differ} checks differ`) : 'no published totals to check');
  th.push(r.checks.length ? (allMatch ? 'ตรงกับยอดที่เผยแพร่ทุกรายการ' : `${differ} รายการไม่ตรงกับยอดที่เผยแพร่`) : 'ไม่มียอดที่เผยแพร่ให้ตรวจ');
  if (r.problemCount) {
    parts.push(`${fmt(r.problemCount)} row problems`);
    th.push(`ปัญหาในแถว ${fmt(r.problemCount)} แถว`);
  }
  const details: string[] = [];
  const detailsTh: string[] = [];
  for (const p of r.problems) {
    details.push(`${p.file}: line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
    detailsTh.push(`${p.file}: บรรทัด ${p.line}${p.column ? ` คอลัมน์ ${p.column}` : ''}: ${p.message}`);
  }
  for (const f of r.ignoredFiles) {
    details.push(`${f.file}: ignored (${f.reason})`);
    detailsTh.push(`${f.file}: ไม่ได้นำเข้า (${f.reason})`);
  }
  for (const c of r.checks) {
    const m = c.mismatches[0];
    details.push(`check ${c.year} ${c.table}: ${c.level} vs Σ ${c.summedLevel}: ${c.matched}/${c.compared} match${m ? ` (e.g. ${m.code} ${m.field}: published ${m.published}, sum ${m.summed})` : ''}`);
    detailsTh.push(`ตรวจ พ.ศ. ${c.year} ตาราง ${c.table}: ${LEVEL_TH_ANY[c.level] ?? c.level} เทียบกับผลรวมจาก${LEVEL_TH_ANY[c.summedLevel] ?? c.summedLevel}: ตรงกัน ${c.matched}/${c.compared}${m ? ` (เช่น ${m.code} ${m.field}: ยอดที่เผยแพร่ ${m.published}, ผลรวม ${m.summed})` : ''}`);
  }
  for (const u of r.unmatched) {
    details.push(`${u.code}: ${u.reason}`);
    detailsTh.push(`${u.code}: ${u.reason}`);
  }
  if (r.communities.length) {
    parts.push(`${fmt(r.communities.length)} letter-coded communit${r.communities.length > 1 ? 'ies' : 'y'} kept in their subdistrict`);
    th.push(`ชุมชนรหัสตัวอักษร ${fmt(r.communities.length)} แห่ง อยู่ในตำบลของตน`);
    for (const k of r.communities) {
      details.push(`community ${k.id} (${k.year}) → village ${k.code ?? '— no free moo number, left out'} of subdistrict ${k.id.slice(0, 6)}`);
      detailsTh.push(`ชุมชน ${k.id} (พ.ศ. ${k.year}) → ${k.code ? `หมู่บ้าน ${k.code}` : 'ไม่มีเลขหมู่ว่าง จึงไม่ได้นำเข้า'} ของตำบล ${k.id.slice(0, 6)}`);
    }
  }
  return { kind: 'tpmap', summary: parts.join(' · '), summaryTh: th.join(' · '), files: names, ok: allMatch && r.problemCount === 0, details, detailsTh };
}

function joinLine(j: JoinReport): ImportLine {
  const parts: string[] = [];
  const th: string[] = [];
  const details: string[] = [];
  const detailsTh: string[] = [];
  for (const l of BOUNDARY_LEVELS_LIST) {
    const a = j.poverty_without_polygon[l];
    const b = j.polygons_without_poverty[l];
    if (a?.count) {
      parts.push(`${fmt(a.count)} ${l} codes without polygon`);
      th.push(`รหัส${LEVEL_TH[l]} ${fmt(a.count)} รหัสไม่มีรูปแปลง`);
      details.push(`${l} codes with poverty data but no polygon (${a.count}): ${a.examples.join(', ')}${a.count > a.examples.length ? ', …' : ''}`);
      detailsTh.push(`รหัส${LEVEL_TH[l]}ที่มีข้อมูลความยากจนแต่ไม่มีรูปแปลง (${a.count}): ${a.examples.join(', ')}${a.count > a.examples.length ? ', …' : ''}`);
    }
    if (b?.count) {
      parts.push(`${fmt(b.count)} ${l} polygons without poverty data`);
      th.push(`รูปแปลง${LEVEL_TH[l]} ${fmt(b.count)} รูปไม่มีข้อมูลความยากจน`);
      details.push(`${l} polygons without poverty data (${b.count}): ${b.examples.join(', ')}${b.count > b.examples.length ? ', …' : ''}`);
      detailsTh.push(`รูปแปลง${LEVEL_TH[l]}ที่ไม่มีข้อมูลความยากจน (${b.count}): ${b.examples.join(', ')}${b.count > b.examples.length ? ', …' : ''}`);
    }
  }
  if (j.municipal_subdistricts.count) {
    details.push(`${j.municipal_subdistricts.count} TPMAP municipal pseudo-subdistricts (digits 5–6 ≥ 51; no OCHA polygon): ${j.municipal_subdistricts.examples.join(', ')}`);
    detailsTh.push(`ตำบลสมมุติของเทศบาลใน TPMAP ${j.municipal_subdistricts.count} รหัส (หลักที่ 5–6 ≥ 51; ไม่มีรูปแปลงของ OCHA): ${j.municipal_subdistricts.examples.join(', ')}`);
  }
  if (j.villages_without_location.count) {
    parts.push(`${fmt(j.villages_without_location.count)} villages without location`);
    th.push(`${fmt(j.villages_without_location.count)} หมู่บ้านไม่มีพิกัด`);
    details.push(`villages with poverty data but no location (${j.villages_without_location.count}): ${j.villages_without_location.examples.join(', ')}${j.villages_without_location.count > 25 ? ', …' : ''} — they stay in the tables and their areas' totals`);
    detailsTh.push(`หมู่บ้านที่มีข้อมูลความยากจนแต่ไม่มีพิกัด (${j.villages_without_location.count}): ${j.villages_without_location.examples.join(', ')}${j.villages_without_location.count > 25 ? ', …' : ''} — ยังอยู่ในตารางและในยอดรวมของพื้นที่`);
  }
  return { kind: 'unknown', summary: parts.length ? `joins: ${parts.join(' · ')}` : 'joins: every poverty code has a polygon', summaryTh: th.length ? `การเชื่อมข้อมูล: ${th.join(' · ')}` : 'การเชื่อมข้อมูล: ทุกรหัสความยากจนมีรูปแปลง', files: [], ok: parts.length === 0, details, detailsTh };
}

/** Named by the province of its villages' poverty data, else by its polygons. */
function defaultTitle(layers: WorkspaceLayer[], polygons: Partial<Record<BoundaryLevel, Set<string>>>, villages: Set<string>): { th: string; en: string } {
  const fromVillages = new Set([...villages].map((c) => c.slice(0, 2)));
  const provinces = [...(fromVillages.size ? fromVillages : new Set(polygons.province ?? []))];
  const named = provinces.length === 1 ? PROVINCES.find((p) => p.code === provinces[0]) : undefined;
  const kinds = [...new Set(layers.map((l) => l.kind))].length;
  if (named) return { th: `พื้นที่ทำงาน ${named.th}`, en: `${named.en} workspace` };
  if (provinces.length > 1) return { th: `พื้นที่ทำงาน ${provinces.length} จังหวัด`, en: `Workspace of ${provinces.length} provinces` };
  return { th: `พื้นที่ทำงานใหม่ (${kinds} ชั้นข้อมูล)`, en: `New workspace (${kinds} layers)` };
}

