/**
 * The view in the URL (selection, year, language, Thai digits, poverty rule, k, dimensions,

 * welfare view, map measure, workspace) so a reload or a shared link restores it. Query parameters,
 * replaced in place (no history entry per click). Custom weights are not in the URL.
 */
import type { Lang } from '../text/i18n';
import { DIMENSION_IDS, type DimensionId } from '../domain/indicators';
import { isMapMeasure, type MapMeasure } from '../domain/mapMeasures';

export interface UrlView {
  /** Workspace id ('demo' or a stored workspace). */
  workspace?: string;
  selection?: string;
  year?: number;
  lang?: Lang;
  thaiDigits?: boolean;
  rule?: 'tpmap' | 'af';
  k?: number;
  dimensions?: DimensionId[];
  welfare?: 'all' | 'nocard';
  mapMeasure?: MapMeasure;
  /** Which feature owns the map ('need' unless a feature's mode is on). */
  mapMode?: string;
}

export function parseUrlView(search: string): UrlView {
  const q = new URLSearchParams(search);
  const out: UrlView = {};
  const ws = q.get('ws');
  if (ws && /^(demo|ws-[a-z0-9-]+)$/.test(ws)) out.workspace = ws;
  const sel = q.get('area');
  if (sel && /^(TH|\d{2}|\d{4}|\d{6}|\d{8})$/.test(sel)) out.selection = sel;
  const year = Number(q.get('year'));
  if (Number.isInteger(year) && year > 2500 && year < 2700) out.year = year;
  const lang = q.get('lang');
  if (lang === 'th' || lang === 'en') out.lang = lang;
  if (q.get('digits') === 'thai') out.thaiDigits = true;
  const rule = q.get('rule');
  if (rule === 'tpmap' || rule === 'af') out.rule = rule;
  const k = Number(q.get('k'));
  if (q.has('k') && k > 0 && k <= 1) out.k = k;
  const dims = q.get('dims')?.split(',').filter((d): d is DimensionId => (DIMENSION_IDS as readonly string[]).includes(d));
  if (dims && dims.length) out.dimensions = DIMENSION_IDS.filter((d) => dims.includes(d));
  const welfare = q.get('welfare');
  if (welfare === 'all' || welfare === 'nocard') out.welfare = welfare;
  const mode = q.get('mode');
  if (mode && /^[a-z][a-z_-]{0,30}$/.test(mode)) out.mapMode = mode;
  const map = q.get('map');
  if (map && isMapMeasure(map)) out.mapMeasure = map;
  return out;
}

export function formatUrlView(v: Required<Omit<UrlView, 'k' | 'workspace' | 'mapMode'>> & { k: number; workspace?: string; mapMode?: string }): string {
  // Parameters other features keep in the URL (compare, brief …) are carried over untouched.
  const q = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  for (const k of ['ws', 'area', 'year', 'lang', 'digits', 'rule', 'k', 'dims', 'welfare', 'map', 'mode']) q.delete(k);
  if (v.workspace && v.workspace !== 'demo') q.set('ws', v.workspace);
  if (v.selection !== 'TH') q.set('area', v.selection);
  q.set('year', String(v.year));
  q.set('lang', v.lang);
  if (v.thaiDigits) q.set('digits', 'thai');
  if (v.rule !== 'tpmap') {
    q.set('rule', v.rule);
    q.set('k', String(Math.round(v.k * 1e6) / 1e6));
  }
  if (v.dimensions.length !== DIMENSION_IDS.length) q.set('dims', v.dimensions.join(','));
  if (v.welfare !== 'all') q.set('welfare', v.welfare);
  if (v.mapMeasure !== 'rate') q.set('map', v.mapMeasure);
  if (v.mapMode && v.mapMode !== 'need') q.set('mode', v.mapMode);
  return `?${q.toString()}`;
}
