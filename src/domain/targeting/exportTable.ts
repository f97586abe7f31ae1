/**
 * The ranked table as rows, CSV and GeoJSON (issue 9 item 9). One row builder serves the CLI's
 * JSON, the CSV export and the GeoJSON properties, so all three say the same thing.
 *
 * CSV: UTF-8 with a BOM (Excel opens Thai correctly), cells starting with = + - @ (or tab/CR)
 * neutralised with a leading apostrophe unless they are plain numbers (OWASP "CSV injection"; the
 * same rule as src/cli/io.ts toCsv, repeated here because the domain may not import the CLI), and
 * a header block of `# key: value` lines — settings, data year, sources — before the column row.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { RankSettings, TargetingResult } from './rankAreas';
import { UNRANKED_REASONS } from './rankAreas';
import type { StabilityResult } from './stability';
import { quadrantId, type QuadrantId } from './typology';
import { NEED_ONLY_HIGH, NEED_ONLY_LOW } from './needOnly';

export interface TargetingRow {
  code: string;
  name: string | null;
  /** Raw need (rate as a fraction, or a count of people). */
  need: number | null;
  need_normalised: number | null;
  potential: number | null;
  /** Raw value of each input (before transform and normalisation). */
  inputs: Record<string, number | null>;
  /** The need × potential quadrant; ranked by need alone (needOnly.ts), high_need or low_need. */
  quadrant: QuadrantId | 'high_need' | 'low_need' | null;
  score: number | null;
  rank: number | null;
  parts: Record<string, number | null>;
  target_poor: number | null;
  people: number | null;
  unranked_reason: string | null;
  rank_median?: number | null;
  rank_q05?: number | null;
  rank_q95?: number | null;
  quadrant_flip_share?: number | null;
}

const fin = (x: number, digits = 6): number | null => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** Rows of the areas in scope: ranked ones by rank, then the unranked by code. */
export function targetingRows(result: TargetingResult, stability?: StabilityResult | null): TargetingRow[] {
  const { areas } = result;
  const ids = result.inputs.map((d) => d.id);
  const pname = result.parts.potentialName;
  const unrankedIdx: number[] = [];
  for (let i = 0; i < areas.codes.length; i++) if (result.unranked[i] > 1) unrankedIdx.push(i);
  unrankedIdx.sort((a, b) => (areas.codes[a] < areas.codes[b] ? -1 : 1));
  return [...result.order, ...unrankedIdx].map((i) => {
    const row: TargetingRow = {
      code: areas.codes[i],
      name: areas.names?.[i] ?? null,
      need: fin(result.needRaw[i], 8),
      need_normalised: fin(result.need[i]),
      potential: fin(result.potential[i]),
      inputs: Object.fromEntries(ids.map((id) => [id, fin(Number(areas.inputs[id][i]))])),
      quadrant: result.settings.needOnly ? (result.quadrant[i] === NEED_ONLY_HIGH ? 'high_need' : result.quadrant[i] === NEED_ONLY_LOW ? 'low_need' : null) : quadrantId(result.quadrant[i]),
      score: fin(result.score[i]),
      rank: result.rank[i] || null,
      parts: { need: fin(result.parts.need[i]), [pname]: fin(result.parts.potential[i]) },
      target_poor: fin(Number(areas.targetPoor[i]), 3),
      people: fin(Number(areas.people[i]), 3),
      unranked_reason: result.unranked[i] ? UNRANKED_REASONS[result.unranked[i]] : null,
    };
    if (stability) {
      row.rank_median = fin(stability.rankMedian[i], 3);
      row.rank_q05 = fin(stability.rankQ05[i], 3);
      row.rank_q95 = fin(stability.rankQ95[i], 3);
      row.quadrant_flip_share = fin(stability.quadrantFlipShare[i], 4);
    }
    return row;
  });
}

/** One CSV cell: formula-leading text neutralised, quoted when needed. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Flat columns of a row: inputs.<id> and parts.<name> spread out. */
export function flattenRow(r: TargetingRow): Record<string, unknown> {
  const { inputs, parts, ...rest } = r;
  const out: Record<string, unknown> = { ...rest };
  for (const [k, v] of Object.entries(inputs)) out[`inputs.${k}`] = v;
  for (const [k, v] of Object.entries(parts)) out[`parts.${k}`] = v;
  return out;
}

export interface ExportMeta {
  /** Dataset title and whether it is synthetic (said in the header). */
  dataset?: string;
  synthetic?: boolean;
  dataYear?: number | string;
  sources?: string[];
  /** Anything else worth a header line (e.g. stability settings). */
  extra?: Record<string, unknown>;
}

/** The `# key: value` header lines (without the BOM). */
export function headerLines(settings: RankSettings, formula: string, meta: ExportMeta = {}): string[] {
  const lines: [string, unknown][] = [
    ['cheepao', 'targeting ranking'],
    ['dataset', meta.dataset],
    ['synthetic', meta.synthetic],
    ['data_year', meta.dataYear],
    ['sources', meta.sources?.join(' | ')],
    ['level', settings.level],
    ['within', settings.within ?? 'country'],
    ['need', `${settings.need.measure} as ${settings.need.as}`],
    ['formula', formula],
    ['strategy', settings.strategy],
    ['normalise', settings.normalise],
    ['aggregate', settings.aggregate],
    ['missing', settings.missing],
    ['weights', settings.weights],
    ['pillar_weights', settings.pillarWeights],
    ['transforms', settings.transforms],
    ['winsorise', settings.winsorise],
    ['thresholds', settings.thresholds],
    ['unavailable_inputs', settings.unavailableInputs.length ? settings.unavailableInputs : null],
    ['steps', settings.steps],
    ...Object.entries(meta.extra ?? {}),
  ];
  return lines
    .filter(([, v]) => v !== undefined && v !== null)
    // Header values are text for people; newlines would break the block.
    .map(([k, v]) => `# ${k}: ${(typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/[\r\n]+/g, ' ')}`);
}

/** The ranked table as CSV: BOM, header block, column row, one row per area. */
export function rankingCsv(result: TargetingResult, rows: TargetingRow[], meta: ExportMeta = {}): string {
  const flat = rows.map(flattenRow);
  const cols = flat.length ? Object.keys(flat[0]) : ['code'];
  const body = [cols.join(','), ...flat.map((r) => cols.map((c) => csvCell(r[c])).join(','))];
  return '\uFEFF' + [...headerLines(result.settings, result.formula, meta), ...body].join('\n') + '\n';
}

/**
 * The ranked table as GeoJSON: one feature per row that has a geometry, properties = the row
 * (objects kept nested). Geometry from polygons keyed by code, or points (lon/lat by code).
 */
export function rankingGeoJson(
  rows: TargetingRow[],
  geometry: { polygons: FeatureCollection } | { points: { codes: readonly string[]; lon: ArrayLike<number>; lat: ArrayLike<number> } },
  settings?: RankSettings,
): FeatureCollection & { settings?: RankSettings } {
  const byCode = new Map<string, Geometry>();
  if ('polygons' in geometry) {
    for (const f of geometry.polygons.features) {
      const code = (f.properties as { code?: unknown } | null)?.code;
      if (code !== undefined && code !== null && f.geometry) byCode.set(String(code), f.geometry);
    }
  } else {
    const { codes, lon, lat } = geometry.points;
    for (let i = 0; i < codes.length; i++) if (Number.isFinite(lon[i]) && Number.isFinite(lat[i])) byCode.set(codes[i], { type: 'Point', coordinates: [Number(lon[i]), Number(lat[i])] });
  }
  const features: Feature[] = [];
  for (const r of rows) {
    const g = byCode.get(r.code);
    if (g) features.push({ type: 'Feature', id: r.code, geometry: g, properties: { ...r } });
  }
  return { type: 'FeatureCollection', features, ...(settings ? { settings } : {}) };
}
