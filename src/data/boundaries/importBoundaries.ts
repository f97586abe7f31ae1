/**
 * Admin boundary import (issue 8 item 2): a GeoJSON FeatureCollection of Polygon/MultiPolygon
 * features at province, district or subdistrict level becomes polygons keyed by DOPA code with
 * Thai and English names.
 *
 * - CRS: GeoJSON (RFC 7946) is WGS 84 longitude/latitude. A legacy `crs` member naming anything
 *   but EPSG:4326 / OGC CRS84 is refused with its name; coordinates outside ±180/±90 without a
 *   `crs` are refused as projected (a UTM file would otherwise be drawn in the wrong place).
 * - Code field: detected (OCHA `adm1_pcode`/`adm2_pcode`/`adm3_pcode` = TH10/TH1001/TH100101,
 *   DOPA digits, ISO 3166-2 TH-10, numbers such as `pro_code` = 10) or named by the caller; the
 *   finest consistent field wins (OCHA adm3 files also carry adm1/adm2 codes). All codes are
 *   normalised to DOPA digits by normaliseAdminCode.
 * - Names: `<prefix>_th` / `<prefix>_en` of the code field's prefix, else any *_th / *_en field.
 * - A file with names but no codes (issue 14 item 8) is taken at the level of its finest name
 *   column (`ADM2_TH` → district, `ADM3_EN` → subdistrict; ../gazetteer/matchNames): districts and
 *   subdistricts are matched by name within their parent against the shipped DOPA code gazetteer
 *   (importBoundariesWithGazetteer loads it when needed), provinces by Thai or English province
 *   name. A file whose code column is coarser than its names (adm1_pcode + adm2_th) is matched
 *   the same way, the code giving the parent. Names that match nothing or several areas are
 *   listed, never guessed; a file whose level cannot be told is refused with the reason.
 * - Geometry repair, per feature, reported: non-finite positions and repeated consecutive points
 *   removed, unclosed rings closed, rings with fewer than 4 positions and empty parts dropped;
 *   self-intersections (turf kinks) split with turf unkinkPolygon where it can, else the part is
 *   skipped. A feature left with no polygon is skipped. Nothing throws on bad geometry.
 */
import kinks from '@turf/kinks';
import unkinkPolygon from '@turf/unkink-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { LEVEL_DIGITS, normaliseAdminCode } from '../../domain/adminCodes';
import { PROVINCES } from '../provinceTable';
import { loadGazetteer, type Gazetteer } from '../gazetteer/gazetteer';
import { describeNameIssue, detectNameColumns, matchNames, type NameIssue, type NameLayout } from '../gazetteer/matchNames';

export type BoundaryLevel = 'province' | 'district' | 'subdistrict';
export const BOUNDARY_LEVELS: readonly BoundaryLevel[] = ['province', 'district', 'subdistrict'];

export interface BoundaryOptions {
  /** Property holding the area code (default: detected). */
  codeField?: string;
  /** Level of the file (default: from the code length). */
  level?: BoundaryLevel;
  /** The DOPA code gazetteer, needed for a names-only district or subdistrict file. */
  gazetteer?: Gazetteer;
}

export interface FeatureProblem {
  /** 1-based feature number in the file. */
  feature: number;
  code?: string;
  message: string;
  /** repaired = kept after a fix; skipped = not imported. */
  outcome: 'repaired' | 'skipped';
}

export interface BoundaryReport {
  file: string;
  level: BoundaryLevel;
  codeField: string | null;
  nameFields: { th: string | null; en: string | null };
  features: number;
  imported: number;
  repaired: number;
  skipped: number;
  problems: FeatureProblem[];
  problemCount: number;
  /** Names that matched no area (names-only files), Thai / English. */
  unmatchedNames: string[];
  /** Names-only district/subdistrict files: how the names were matched, and what did not match. */
  nameMatch?: { by: string; byTh: string; matched: number; unmatched: NameIssue[]; ambiguous: NameIssue[]; withinProvinceOnly: number; sharedCodes: number };
  /** Codes that appear on more than one feature (their parts are merged into one MultiPolygon). */
  duplicateCodes: string[];
}

export interface BoundaryImport {
  level: BoundaryLevel;
  /** Full geometry, properties {code, th, en}; sorted by code. */
  polygons: FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;
  report: BoundaryReport;
}

export interface BoundaryProperties {
  code: string;
  th: string;
  en: string;
}

export class BoundaryImportError extends Error {}
/** Thrown when a names-only district/subdistrict file needs the gazetteer and none was given. */
export class GazetteerNeeded extends Error {}

const MAX_LISTED = 200;
const ACCEPTED_CRS = /^(EPSG:4326|urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::4326|urn:ogc:def:crs:OGC::CRS84|CRS84|WGS ?84)$/i;
const LEVEL_OF_DIGITS: Record<number, BoundaryLevel> = { 2: 'province', 4: 'district', 6: 'subdistrict' };
/** Field names that say "code" (tried first, in this order of preference within a level). */
const CODE_NAME = /(^|_)(p?code|pcode|id|iso|iso_3166_2|hasc|code_\w+)$|^(pro|prov|amp|tam|tb|ad|adm\d)_?(code|id|c)$|code/i;

/** The parsed FeatureCollection (with any legacy `crs` member), or a BoundaryImportError naming the file. */
function readDoc(text: string | FeatureCollection, file: string): FeatureCollection & { crs?: { properties?: { name?: string } } } {
  let doc: { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  if (typeof text !== 'string') doc = text; // already read by a format reader (Shapefile, KML)
  else try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BoundaryImportError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) throw new BoundaryImportError(`${file}: not a GeoJSON FeatureCollection (type is ${JSON.stringify(doc?.type)})`);
  return doc as FeatureCollection;
}

function parseDoc(text: string | FeatureCollection, file: string): { features: unknown[]; crs?: string } {
  const doc = readDoc(text, file);
  return { features: doc.features, crs: doc.crs?.properties?.name };
}

function stringProps(f: unknown): Record<string, string> {
  const p = (f as { properties?: Record<string, unknown> | null })?.properties ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v).trim();
  return out;
}

/** Fields whose values normalise to DOPA codes of one length for ≥ 95 % of features, finest first. */
export function detectCodeFields(rows: Record<string, string>[]): { field: string; digits: number }[] {
  const keys = new Set<string>();
  for (const r of rows.slice(0, 2000)) for (const k of Object.keys(r)) keys.add(k);
  const sample = rows.slice(0, 2000);
  const found: { field: string; digits: number; named: boolean }[] = [];
  for (const k of keys) {
    const lengths = new Map<number, number>();
    for (const r of sample) {
      const c = r[k] === undefined ? null : normaliseAdminCode(r[k]);
      if (c && c.length <= 6) lengths.set(c.length, (lengths.get(c.length) ?? 0) + 1);
    }
    for (const [digits, n] of lengths) if (n >= 0.95 * sample.length) found.push({ field: k, digits, named: CODE_NAME.test(k) });
  }
  // Finest level first; among equals, a field whose name says it is a code.
  found.sort((a, b) => b.digits - a.digits || Number(b.named) - Number(a.named) || a.field.localeCompare(b.field));
  return found.map(({ field, digits }) => ({ field, digits }));
}

function nameFields(keys: string[], codeField: string | null): { th: string | null; en: string | null } {
  const prefix = codeField ? codeField.replace(/_?(p?code|pcode|id|iso)$/i, '') : '';
  const pick = (suffix: RegExp) => {
    const withPrefix = prefix ? keys.find((k) => k.toLowerCase().startsWith(prefix.toLowerCase()) && suffix.test(k)) : undefined;
    return withPrefix ?? keys.find((k) => suffix.test(k)) ?? null;
  };
  return { th: pick(/(_|^)(th|tha|name_?th|thai)$|_t$|^name_th/i), en: pick(/(_|^)(en|eng|name_?en|english)$|_e$|^name$|^name_en/i) };
}

/** Name columns of a file matched by code, or by province name. */
function nameFieldsFor(keys: string[], codeField: string | null, layout: NameLayout): { th: string | null; en: string | null } {
  if (codeField) return nameFields(keys, codeField);
  return layout.byLevel.province ?? layout.generic ?? nameFields(keys, null);
}

/** Name spellings → province code: Thai (with or without จังหวัด) and English (case, spaces, hyphens ignored). */
const provinceKey = (s: string) => s.toLowerCase().replace(/^จังหวัด|^changwat|province$/g, '').replace(/[\s\-_.'’]/g, '');

function provinceNameIndex(): Map<string, string> {
  const idx = new Map<string, string>();
  const key = provinceKey;
  for (const p of PROVINCES) {
    idx.set(key(p.th), p.code);
    idx.set(key(p.en), p.code);
  }
  // Spellings seen in the wild for Bangkok and a few romanisations.
  const extra: Record<string, string> = { bangkokmetropolis: '10', krungthepmahanakhon: '10', กรุงเทพ: '10', กทม: '10', buriram: '31', burirum: '31', chonburi: '20', lopburi: '16', prachinburi: '25', phangnga: '82', nongbualamphu: '39', sisaket: '33', srisaket: '33', chainat: '18', chachoengsao: '24', ayutthaya: '14', phranakhonsiayutthaya: '14', phranakhonsiayudhya: '14', nakhonsithammarat: '80', kamphaengphet: '62', suphanburi: '72', ratchaburi: '70', kanchanaburi: '71', phetchaburi: '76', singburi: '17', uthaithani: '61' };
  for (const [k, v] of Object.entries(extra)) if (!idx.has(k)) idx.set(k, v);
  return idx;
}

/** Repairs one ring; null when nothing usable is left. */
function repairRing(ring: unknown, notes: Set<string>): Position[] | null {
  if (!Array.isArray(ring)) return null;
  const out: Position[] = [];
  for (const p of ring) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      notes.add('non-numeric positions removed');
      continue;
    }
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) {
      notes.add('repeated points removed');
      continue;
    }
    out.push([p[0], p[1]]);
  }
  if (out.length >= 2) {
    const a = out[0];
    const b = out[out.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) {
      notes.add('unclosed ring closed');
      out.push([a[0], a[1]]);
    }
  }
  if (out.length < 4) {
    notes.add('degenerate ring (fewer than 4 positions) dropped');
    return null;
  }
  return out;
}

/** Repairs a Polygon's rings; null when its outer ring is unusable. */
function repairPolygon(rings: unknown, notes: Set<string>): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) {
    notes.add('empty part dropped');
    return null;
  }
  const outer = repairRing(rings[0], notes);
  if (!outer) return null;
  const holes = rings.slice(1).map((r) => repairRing(r, notes)).filter((r): r is Position[] => r !== null);
  return [outer, ...holes];
}

/** Self-intersections split into simple polygons (turf unkinkPolygon); null when that fails. */
function unkink(poly: Position[][], notes: Set<string>): Position[][][] | null {
  const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: poly } };
  let crossings = 0;
  try {
    crossings = kinks(f).features.length;
  } catch {
    crossings = 0;
  }
  if (crossings === 0) return [poly];
  try {
    const parts = unkinkPolygon(f).features.map((p) => p.geometry.coordinates);
    if (!parts.length) return null;
    notes.add(`self-intersection (${crossings} crossing${crossings > 1 ? 's' : ''}) split into ${parts.length} simple polygons`);
    return parts;
  } catch (e) {
    notes.add(`self-intersection (${crossings} crossing${crossings > 1 ? 's' : ''}) could not be repaired (${(e as Error).message}): part skipped`);
    return null;
  }
}

function assertGeographic(features: unknown[], file: string): void {
  for (let i = 0; i < features.length; i++) {
    const g = (features[i] as { geometry?: { coordinates?: unknown } })?.geometry;
    let c: unknown = g?.coordinates;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
        throw new BoundaryImportError(`${file}: feature ${i + 1}: coordinate (${c[0]}, ${c[1]}) is not longitude/latitude — the file looks projected (e.g. UTM 47N, EPSG:32647); reproject it to EPSG:4326 first (ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)`);
      }
      return;
    }
  }
}

/**
 * Import a boundary GeoJSON. Throws BoundaryImportError (naming the file and the reason) when the
 * file as a whole cannot be used; feature-level problems are repaired or skipped and reported.
 */
export function importBoundaries(text: string | FeatureCollection, file: string, options: BoundaryOptions = {}): BoundaryImport {
  const { features, crs } = parseDoc(text, file);
  if (crs && !ACCEPTED_CRS.test(crs.trim())) throw new BoundaryImportError(`${file}: coordinate reference system "${crs}" is not accepted; boundaries must be WGS 84 longitude/latitude (EPSG:4326 / CRS84) — reproject first`);
  if (features.length === 0) throw new BoundaryImportError(`${file}: the FeatureCollection has no features`);
  assertGeographic(features, file);
  const rows = features.map(stringProps);
  const keys = [...new Set(rows.slice(0, 2000).flatMap((r) => Object.keys(r)))];

  let codeField: string | null = null;
  let level: BoundaryLevel | undefined = options.level;
  const layout = detectNameColumns(rows, keys);
  /** Set when the names, not a code, say which area a feature is (names at a finer level than any code). */
  let byNames: { level: 'district' | 'subdistrict'; parentField: string | null } | null = null;
  if (options.codeField) {
    if (!keys.includes(options.codeField)) throw new BoundaryImportError(`${file}: no property "${options.codeField}" (properties: ${keys.join(', ')})`);
    codeField = options.codeField;
  } else {
    const candidates = detectCodeFields(rows);
    const wanted = level ? candidates.find((c) => LEVEL_OF_DIGITS[c.digits] === level) : candidates[0];
    if (wanted) codeField = wanted.field;
    // The level comes from the finest column, of codes or of names (issue 14 item 8).
    const codeDigits = wanted?.digits ?? 0;
    const nameLevel: BoundaryLevel | null = level ? ((layout.byLevel[level] || layout.generic) && !wanted ? level : null) : layout.finest;
    if (nameLevel && nameLevel !== 'province' && LEVEL_DIGITS[nameLevel] > codeDigits) {
      const parent = candidates.find((c) => c.digits < LEVEL_DIGITS[nameLevel]);
      byNames = { level: nameLevel, parentField: parent?.field ?? null };
      codeField = null;
    }
  }
  const names = byNames ? { th: (layout.byLevel[byNames.level] ?? layout.generic)?.th ?? null, en: (layout.byLevel[byNames.level] ?? layout.generic)?.en ?? null } : nameFieldsFor(keys, codeField, layout);
  const report: BoundaryReport = {
    file, level: level ?? 'province', codeField, nameFields: names, features: features.length, imported: 0, repaired: 0, skipped: 0, problems: [], problemCount: 0, unmatchedNames: [], duplicateCodes: [],
  };
  const problem = (p: FeatureProblem) => {
    report.problemCount++;
    if (report.problems.length < MAX_LISTED) report.problems.push(p);
  };

  // Codes per feature: from the code field, or from names.
  const codes: (string | null)[] = new Array(features.length).fill(null);
  const gazetteerNames: ({ th: string; en: string } | undefined)[] = new Array(features.length);
  if (codeField) {
    rows.forEach((r, i) => (codes[i] = normaliseAdminCode(r[codeField!] ?? '')));
    const lengths = new Map<number, number>();
    for (const c of codes) if (c) lengths.set(c.length, (lengths.get(c.length) ?? 0) + 1);
    const digits = level ? LEVEL_DIGITS[level] : [...lengths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!digits || !LEVEL_OF_DIGITS[digits]) throw new BoundaryImportError(`${file}: field "${codeField}" holds no province, district or subdistrict codes (e.g. "${rows[0][codeField] ?? ''}")`);
    level = LEVEL_OF_DIGITS[digits];
    codes.forEach((c, i) => {
      if (c && c.length === digits) return;
      codes[i] = null;
      problem({ feature: i + 1, message: `"${rows[i][codeField!] ?? ''}" in ${codeField} is not a ${level} code (${digits} DOPA digits, OCHA TH… or ISO TH-…)`, outcome: 'skipped' });
    });
  } else if (byNames) {
    level = byNames.level;
    if (!options.gazetteer) throw new GazetteerNeeded(`${file}: names-only ${level} file needs the code gazetteer`);
    const parentField = byNames.parentField;
    const parentCodes = parentField ? rows.map((r) => normaliseAdminCode(r[parentField] ?? '')) : undefined;
    const m = matchNames(rows, { level: byNames.level, layout, own: names, parentCodes }, options.gazetteer);
    const parents = [parentField, ...(level === 'subdistrict' ? [layout.byLevel.district?.th, layout.byLevel.district?.en] : []), layout.byLevel.province?.th, layout.byLevel.province?.en].filter(Boolean);
    const by = `${level} name${parents.length ? ` within ${level === 'subdistrict' ? 'district' : 'province'} (${parents.join(', ')})` : ' in the whole country'}`;
    const byTh = `ชื่อ${LEVEL_TH[level]}${parents.length ? `ภายใน${LEVEL_TH[level === 'subdistrict' ? 'district' : 'province']} (${parents.join(', ')})` : 'ทั้งประเทศ'}`;
    report.nameMatch = { by, byTh, matched: m.matched, unmatched: m.unmatched, ambiguous: m.ambiguous, withinProvinceOnly: m.withinProvinceOnly, sharedCodes: 0 };
    m.codes.forEach((c, i) => (codes[i] = c));
    m.entries.forEach((e, i) => {
      if (e) gazetteerNames[i] = e;
    });
    // Two features whose names find the same area: kept (parts merged, as for a repeated code) but listed.
    const firstOf = new Map<string, number>();
    m.codes.forEach((c, i) => {
      if (!c) return;
      const first = firstOf.get(c);
      if (first === undefined) return void firstOf.set(c, i);
      report.nameMatch!.sharedCodes++;
      const e = m.entries[i]!;
      const v = [names.th && rows[i][names.th], names.en && rows[i][names.en]].filter(Boolean).join(' / ');
      report.problemCount++;
      report.problems.push({ feature: i + 1, code: c, message: `"${v}" names the same ${level} as feature ${first + 1} (${c} ${e.th} / ${e.en}): parts merged into one polygon`, outcome: 'repaired' });
    });
    for (const n of [...m.unmatched, ...m.ambiguous].sort((a, b) => a.feature - b.feature)) {
      report.unmatchedNames.push([n.th, n.en].filter(Boolean).join(' / ') || `feature ${n.feature}`);
      // Every such name is listed (not capped like geometry problems): the user has to fix each one.
      report.problemCount++;
      report.problems.push({ feature: n.feature, message: describeNameIssue(n).replace(/^feature \d+: /, ''), outcome: 'skipped' });
    }
  } else {
    if (level && level !== 'province') throw new BoundaryImportError(`${file}: no code field and no ${level} name field found for a ${level} file (looked for adm3_pcode, tam_code, code, adm3_th, tam_nam_t … among ${keys.join(', ')}); name the field with --code-field / the code-field choice`);
    if (!names.th && !names.en) throw new BoundaryImportError(`${file}: no code field (adm1_pcode, pro_code, code, ISO TH-10 …) and no name field (*_th, *_en, name) among properties ${keys.join(', ') || '(none)'}; the file cannot be joined to areas`);
    level = 'province';
    // A plain `name` beside a province-name column may hold finer names: the level cannot be told.
    if (layout.generic && layout.byLevel.province && !options.level) {
      const g = layout.generic;
      const p = layout.byLevel.province;
      const differ = rows.filter((r) => provinceKey((g.th && r[g.th]) || (g.en && r[g.en]) || '') !== provinceKey((p.th && r[p.th]) || (p.en && r[p.en]) || '')).length;
      if (differ > 0.05 * rows.length) throw new BoundaryImportError(`${file}: the level cannot be told: ${[g.th, g.en].filter(Boolean).join(', ')} holds names other than the province names in ${[p.th, p.en].filter(Boolean).join(', ')} (${differ} of ${rows.length} features) and its name does not say district or subdistrict; rename it (e.g. adm2_th, adm3_th) or choose the level (ระดับขอบเขต / Boundary level in the import options, --level district|subdistrict in the CLI)`);
    }
    const idx = provinceNameIndex();
    rows.forEach((r, i) => {
      const th = names.th ? r[names.th] : undefined;
      const en = names.en ? r[names.en] : undefined;
      const code = (th && idx.get(provinceKey(th))) || (en && idx.get(provinceKey(en))) || null;
      codes[i] = code;
      if (!code) {
        const label = th || en || `feature ${i + 1}`;
        report.unmatchedNames.push(label);
        problem({ feature: i + 1, message: `name "${label}" matches no province (Thai or English)`, outcome: 'skipped' });
      }
    });
    // Names in a column that says no level, most of them no province: refuse rather than guess.
    const matched = codes.filter(Boolean).length;
    if (!layout.byLevel.province && !options.level && matched < 0.5 * rows.length) {
      const cols = [names.th, names.en].filter(Boolean).join(', ');
      throw new BoundaryImportError(`${file}: the level cannot be told: only ${matched} of ${rows.length} names in ${cols} are province names, and no column says district or subdistrict (adm2_th, adm3_en, amp_nam_t, tam_nam_t …); rename the name column or choose the level (ระดับขอบเขต / Boundary level in the import options, --level district|subdistrict in the CLI)`);
    }
  }
  report.level = level!;

  const byCode = new Map<string, { parts: Position[][][]; th: string; en: string }>();
  features.forEach((f, i) => {
    const code = codes[i];
    if (!code) {
      report.skipped++;
      return;
    }
    const g = (f as { geometry?: { type?: string; coordinates?: unknown } | null }).geometry;
    const notes = new Set<string>();
    let polys: unknown[] = [];
    if (g?.type === 'Polygon') polys = [g.coordinates];
    else if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates)) polys = g.coordinates;
    else {
      problem({ feature: i + 1, code, message: g ? `${g.type} geometry is not a Polygon or MultiPolygon` : 'no geometry', outcome: 'skipped' });
      report.skipped++;
      return;
    }
    const parts: Position[][][] = [];
    for (const p of polys) {
      const repaired = repairPolygon(p, notes);
      if (!repaired) continue;
      const simple = unkink(repaired, notes);
      if (simple) parts.push(...simple);
    }
    if (!parts.length) {
      problem({ feature: i + 1, code, message: `no usable polygon${notes.size ? ` (${[...notes].join('; ')})` : ''}`, outcome: 'skipped' });
      report.skipped++;
      return;
    }
    if (notes.size) {
      problem({ feature: i + 1, code, message: [...notes].join('; '), outcome: 'repaired' });
      report.repaired++;
    }
    const r = rows[i];
    const province = level === 'province' ? PROVINCES.find((p) => p.code === code) : undefined;
    const th = (names.th && r[names.th]) || province?.th || gazetteerNames[i]?.th || '';
    const en = (names.en && r[names.en]) || province?.en || gazetteerNames[i]?.en || '';
    const earlier = byCode.get(code);
    if (earlier) {
      earlier.parts.push(...parts);
      if (!report.duplicateCodes.includes(code)) report.duplicateCodes.push(code);
    } else byCode.set(code, { parts, th, en });
    report.imported++;
  });
  if (byCode.size === 0) throw new BoundaryImportError(`${file}: no feature could be imported (${report.problems.slice(0, 3).map((p) => `feature ${p.feature}: ${p.message}`).join('; ')})`);

  const out: Feature<Polygon | MultiPolygon, BoundaryProperties>[] = [...byCode.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([code, v]) => ({
      type: 'Feature',
      properties: { code, th: v.th, en: v.en },
      geometry: v.parts.length === 1 ? { type: 'Polygon', coordinates: v.parts[0] } : { type: 'MultiPolygon', coordinates: v.parts },
    }));
  return { level: level!, polygons: { type: 'FeatureCollection', features: out }, report };
}

/**
 * importBoundaries, loading the DOPA code gazetteer first when the file turns out to be a
 * names-only district or subdistrict file (the gazetteer is a lazily loaded chunk: files with
 * codes never fetch it).
 */
export async function importBoundariesWithGazetteer(text: string | FeatureCollection, file: string, options: BoundaryOptions = {}): Promise<BoundaryImport> {
  const fc = readDoc(text, file); // parsed once, used by both attempts
  try {
    return importBoundaries(fc, file, options);
  } catch (e) {
    if (!(e instanceof GazetteerNeeded)) throw e;
    return importBoundaries(fc, file, { ...options, gazetteer: await loadGazetteer() });
  }
}

/**
 * Nesting by code: areas whose parent (district of a subdistrict, province of a district) has no
 * polygon among the finer-or-coarser layers given. Returns the orphan codes per level.
 */
export function nestingProblems(layers: Partial<Record<BoundaryLevel, Iterable<string>>>): { level: BoundaryLevel; code: string; missingParent: string }[] {
  const out: { level: BoundaryLevel; code: string; missingParent: string }[] = [];
  const pairs: [BoundaryLevel, BoundaryLevel][] = [['district', 'province'], ['subdistrict', 'district']];
  for (const [fine, coarse] of pairs) {
    const f = layers[fine];
    const c = layers[coarse];
    if (!f || !c) continue;
    const parents = new Set(c);
    for (const code of f) {
      const p = code.slice(0, LEVEL_DIGITS[coarse]);
      if (!parents.has(p)) out.push({ level: fine, code, missingParent: p });
    }
  }
  return out;
}

/** One line per import for the app's report list. */
const LEVEL_TH: Record<BoundaryLevel, string> = { province: 'จังหวัด', district: 'อำเภอ', subdistrict: 'ตำบล' };

/**
 * The import report's line in Thai: the same facts as describeBoundaryReport, for a planner who
 * reads the report in the app's default language (field names and the names themselves as in the file).
 */
export function describeBoundaryReportTh(r: BoundaryReport): string {
  const n = (x: number) => x.toLocaleString('th-TH');
  const parts = [`${r.file}: รูปแปลง${LEVEL_TH[r.level]} ${n(r.imported)} รูป`];
  if (r.codeField) parts.push(`รหัสจาก ${r.codeField}`);
  else if (r.nameMatch) parts.push(`จับคู่ด้วย${r.nameMatch.byTh} กับทะเบียนรหัส DOPA: ตรง ${n(r.nameMatch.matched)} จาก ${n(r.features)} ชื่อ`);
  else parts.push('จับคู่ด้วยชื่อจังหวัด');
  if (r.nameMatch?.ambiguous.length) parts.push(`${n(r.nameMatch.ambiguous.length)} ชื่อตรงกับมากกว่าหนึ่งพื้นที่`);
  if (r.nameMatch?.sharedCodes) parts.push(`${n(r.nameMatch.sharedCodes)} ชื่อตรงกับพื้นที่ที่รูปแปลงอื่นจับคู่แล้ว (รวมเป็นรูปเดียว)`);
  if (r.repaired) parts.push(`ซ่อม ${n(r.repaired)} รูป`);
  if (r.skipped) parts.push(`ข้าม ${n(r.skipped)} รูป`);
  if (r.unmatchedNames.length) parts.push(`ชื่อที่ไม่พบ: ${r.unmatchedNames.slice(0, 10).join(', ')}`);
  return parts.join(' · ');
}

export function describeBoundaryReport(r: BoundaryReport): string {
  const parts = [`${r.file}: ${r.imported} ${r.level} polygons`];
  if (r.codeField) parts.push(`codes from ${r.codeField}`);
  else if (r.nameMatch) parts.push(`matched by ${r.nameMatch.by} against the DOPA code gazetteer: ${r.nameMatch.matched} of ${r.features} names`);
  else parts.push('matched by province name');
  if (r.nameMatch?.ambiguous.length) parts.push(`${r.nameMatch.ambiguous.length} names match more than one area`);
  if (r.nameMatch?.sharedCodes) parts.push(`${r.nameMatch.sharedCodes} names match an area another feature matched (parts merged)`);
  if (r.repaired) parts.push(`${r.repaired} repaired`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  if (r.unmatchedNames.length) parts.push(`unmatched names: ${r.unmatchedNames.slice(0, 10).join(', ')}`);
  return parts.join(' · ');
}
