/**
 * The DOPA code gazetteer that names-only boundary files are matched against (issue 14 item 8):
 * the 77 provinces, 928 districts and 7,425 subdistricts of OCHA COD-AB Thailand with Thai and
 * English names (th-admin-gazetteer.json, written by scripts/generate-gazetteer.ts; CC BY-IGO 3.0,
 * OCHA and the Royal Thai Survey Department — see README.md beside it).
 *
 * ~400 KB of JSON (~110 KB gzip), so it is loaded on first need by a dynamic import: Vite puts it
 * in a chunk of its own and the app's main bundle does not grow; a file with codes never loads it.
 */
/** Credit line for a layer whose codes came from the gazetteer (CC BY-IGO 3.0 asks for it). */
export const GAZETTEER_ATTRIBUTION = 'DOPA codes by name from OCHA COD-AB Thailand (CC BY-IGO 3.0, © OCHA, Royal Thai Survey Department)';

export type NameLevel = 'province' | 'district' | 'subdistrict';

export interface GazetteerEntry {
  /** DOPA digits: 2 (province), 4 (district), 6 (subdistrict); the parent is the code's prefix. */
  code: string;
  th: string;
  en: string;
}

export type Gazetteer = Record<NameLevel, readonly GazetteerEntry[]>;

type Rows = [string, string, string][];
export interface GazetteerJson {
  provinces: Rows;
  districts: Rows;
  subdistricts: Rows;
}

export function gazetteerFromJson(j: GazetteerJson): Gazetteer {
  const list = (rows: Rows) => rows.map(([code, th, en]) => ({ code, th, en }));
  return { province: list(j.provinces), district: list(j.districts), subdistrict: list(j.subdistricts) };
}

let loading: Promise<Gazetteer> | null = null;

/** The shipped gazetteer, loaded once. */
export function loadGazetteer(): Promise<Gazetteer> {
  loading ??= import('./th-admin-gazetteer.json').then((m) => gazetteerFromJson((m.default ?? m) as unknown as GazetteerJson));
  return loading;
}
