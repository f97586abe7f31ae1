/**
 * Names-only boundary files at their true level (issue 14 item 8).
 *
 * 1. detectNameColumns: which properties hold names, and of which level. The level comes from
 *    the column's name (OCHA/HDX `ADM2_TH`, GADM `NAME_2`/`NL_NAME_2`, Thai GIS `AMP_NAM_T`,
 *    `AP_TN`, `tam_name_t`, `district_name`, `อำเภอ` …); the language from its values (Thai script
 *    or not), so a mislabelled column still reads. Columns whose values look like codes are not
 *    names. A plain `name`/`name_th` column has no level of its own ("generic").
 * 2. matchNames: each feature's name at the file's level is looked up in the gazetteer within
 *    its parent — a district within its province, a subdistrict within its district (or, when the
 *    district's name matches nothing, within its province) — the parent given by a code column
 *    or by its own name. Thai and English names are keyed by normaliseName; when both are given
 *    they must agree on one area, or the Thai one decides when it alone is unique (romanisations
 *    vary more than Thai spelling). A name that matches nothing, or more than one area, is not
 *    guessed: it is returned with its candidates for the import report.
 */
import type { Gazetteer, GazetteerEntry, NameLevel } from './gazetteer';
import { englishNameKey, isThai, thaiNameKey } from './normaliseName';

export const NAME_LEVELS: readonly NameLevel[] = ['province', 'district', 'subdistrict'];
const DIGITS: Record<NameLevel, number> = { province: 2, district: 4, subdistrict: 6 };

export interface NameColumns {
  /** Column whose values are mostly Thai script. */
  th: string | null;
  /** Column whose values are mostly Latin script. */
  en: string | null;
}

export interface NameLayout {
  byLevel: Partial<Record<NameLevel, NameColumns>>;
  /** Name columns that say no level (`name`, `name_th`, `ชื่อ` …). */
  generic: NameColumns | null;
  /** Finest level with a name column, if any. */
  finest: NameLevel | null;
}

/** What may follow the level word in a name column's key (and nothing else: `adm2_pcode` is not a name). */
const NAME_SUFFIX = '[_ ]?(th|en|tn|te|t|e|thai|eng|english|name|name_?th|name_?en|name_?t|name_?e|nam_?t|nam_?e|nam|nm_?t|nm_?e|ชื่อ)?$';
const LEVEL_TOKEN: [NameLevel, RegExp][] = [
  // Subdistrict first: "subdistrict" contains "district". Token and suffix in one pattern so the
  // alternatives backtrack (tambon_name is tambon + _name, not tam + bon_name).
  ['subdistrict', /adm_?3|admin_?3|tam|tambon|tambol|tumbon|tb|subdistrict|sub_?district|subdist|khwaeng|ตำบล|แขวง|ชื่อตำบล/],
  ['district', /adm_?2|admin_?2|amp|amphoe|amphur|amphor|ap|district|dist|khet|อำเภอ|เขต|ชื่ออำเภอ/],
  ['province', /adm_?1|admin_?1|prov|province|pv|pro|changwat|cwt|จังหวัด|ชื่อจังหวัด/],
].map(([level, token]) => [level as NameLevel, new RegExp(`^(${(token as RegExp).source})${NAME_SUFFIX}`)]);
const GADM = /^(nl_)?name_([123])$/;
const GENERIC = /^(name|name_?th|name_?en|name_?t|name_?e|nam_?t|nam_?e|th_?name|en_?name|thai_?name|eng_?name|ชื่อ|label)$/;
const CODE_LIKE = /^(th)?[\d\s.-]+$/i;
const LETTER = /[a-z\u0e01-\u0e4e]/i;

/** Level of a column from its key: a level, 'generic', or null (not a name column by its key). */
export function columnLevel(key: string): NameLevel | 'generic' | null {
  const k = key.trim().toLowerCase();
  const g = GADM.exec(k);
  if (g) return NAME_LEVELS[Number(g[2]) - 1];
  for (const [level, pattern] of LEVEL_TOKEN) if (pattern.test(k)) return level;
  return GENERIC.test(k) ? 'generic' : null;
}

/** Columns holding names, per level, with their language from their values. */
export function detectNameColumns(rows: Record<string, string>[], keys: string[]): NameLayout {
  const sample = rows.slice(0, 2000);
  const found: { key: string; level: NameLevel | 'generic'; thai: boolean; cover: number }[] = [];
  for (const key of keys) {
    const level = columnLevel(key);
    if (!level) continue;
    let filled = 0;
    let names = 0;
    let thai = 0;
    for (const r of sample) {
      const v = r[key];
      if (!v) continue;
      filled++;
      if (CODE_LIKE.test(v) || !LETTER.test(v)) continue;
      names++;
      if (isThai(v)) thai++;
    }
    // A name column: most of its values are words, not codes. Sparse columns still serve as names.
    if (names && names >= 0.5 * filled) found.push({ key, level, thai: thai >= 0.5 * names, cover: names / sample.length });
  }
  // Shorter keys first among equals: `adm2_th` before `adm2_alt_th`-like variants.
  found.sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key));
  const columns = (level: NameLevel | 'generic'): NameColumns | null => {
    const here = found.filter((f) => f.level === level);
    if (!here.length) return null;
    return { th: here.find((f) => f.thai)?.key ?? null, en: here.find((f) => !f.thai)?.key ?? null };
  };
  const byLevel: Partial<Record<NameLevel, NameColumns>> = {};
  for (const l of NAME_LEVELS) {
    const c = columns(l);
    if (c) byLevel[l] = c;
  }
  // The file's level: the finest level whose names cover at least half of the features.
  const cover = (l: NameLevel) => found.filter((f) => f.level === l).reduce((m, f) => Math.max(m, f.cover), 0);
  const finest = [...NAME_LEVELS].reverse().find((l) => cover(l) >= 0.5) ?? null;
  return { byLevel, generic: columns('generic'), finest };
}

export interface NameIssue {
  /** 1-based feature number. */
  feature: number;
  th: string;
  en: string;
  /** The parent the name was looked for in, as written in the file (or its code). */
  parent: string;
  /** Areas the name matched (two or more: ambiguous; none: unmatched). */
  candidates: GazetteerEntry[];
  reason: string;
}

export interface NameMatch {
  level: NameLevel;
  /** Code per feature, null when unmatched or ambiguous. */
  codes: (string | null)[];
  /** The gazetteer entry per matched feature (for names the file lacks). */
  entries: (GazetteerEntry | null)[];
  matched: number;
  unmatched: NameIssue[];
  ambiguous: NameIssue[];
  /** Subdistricts found within their province because their district's name matched nothing. */
  withinProvinceOnly: number;
}

type Index = Map<string, GazetteerEntry[]>;
interface LevelIndex {
  th: Index;
  en: Index;
  /** Thai names cut at the source's 16-character field width, per scope: matched as prefixes. */
  cut: Map<string, { key: string; entry: GazetteerEntry }[]>;
  /** Mueang districts per province, for a bare "เมือง"/"Mueang". */
  mueang: Map<string, GazetteerEntry[]>;
}

/** The source (OCHA COD-AB attribute tables) cuts Thai names at 16 characters. */
const CUT_LENGTH = 16;
const PROVINCE_ALIASES: Record<string, string> = {
  กรุงเทพ: '10', กทม: '10', กรุงเทพมหานคร: '10', bangkokmetropolis: '10', krungthepmahanakhon: '10', krungthep: '10', buriram: '31', burirum: '31', chonburi: '20', lopburi: '16', prachinburi: '25', phangnga: '82', nongbualamphu: '39', sisaket: '33', srisaket: '33', chainat: '18', ayutthaya: '14', phranakhonsiayudhya: '14', nakhonsithammarat: '80', kamphaengphet: '62', suphanburi: '72', ratchaburi: '70', kanchanaburi: '71', phetchaburi: '76', singburi: '17', uthaithani: '61',
};

const indexes = new WeakMap<Gazetteer, Record<NameLevel, LevelIndex>>();
function indexOf(g: Gazetteer): Record<NameLevel, LevelIndex> {
  let idx = indexes.get(g);
  if (idx) return idx;
  const build = (level: NameLevel): LevelIndex => {
    const li: LevelIndex = { th: new Map(), en: new Map(), cut: new Map(), mueang: new Map() };
    const add = (m: Index, k: string, e: GazetteerEntry) => {
      const list = m.get(k);
      if (!list) m.set(k, [e]);
      else if (!list.includes(e)) list.push(e);
    };
    for (const e of g[level]) {
      // Scopes: the whole country, the province and (for a subdistrict) the district.
      const scopes = ['', e.code.slice(0, 2), ...(level === 'subdistrict' ? [e.code.slice(0, 4)] : [])].filter((s) => s.length < e.code.length);
      const th = e.th ? thaiNameKey(e.th, level) : '';
      const en = e.en ? englishNameKey(e.en, level) : '';
      for (const s of scopes) {
        if (th) add(li.th, `${s}|${th}`, e);
        if (en) add(li.en, `${s}|${en}`, e);
        if ([...e.th].length >= CUT_LENGTH) li.cut.set(s, [...(li.cut.get(s) ?? []), { key: th, entry: e }]);
        if (level === 'district' && (th.startsWith('เมือง') || en.startsWith('mueang'))) li.mueang.set(s, [...(li.mueang.get(s) ?? []), e]);
      }
    }
    return li;
  };
  idx = { province: build('province'), district: build('district'), subdistrict: build('subdistrict') };
  for (const [k, code] of Object.entries(PROVINCE_ALIASES)) {
    const e = g.province.find((p) => p.code === code);
    const m = isThai(k) ? idx.province.th : idx.province.en;
    if (e && !m.has(`|${k}`)) m.set(`|${k}`, [e]);
  }
  indexes.set(g, idx);
  return idx;
}

/** Areas of a level within a scope (a code prefix, '' for the country) whose name has this spelling. */
function lookup(g: Gazetteer, level: NameLevel, scope: string, name: string): GazetteerEntry[] {
  const li = indexOf(g)[level];
  if (!name) return [];
  if (isThai(name)) {
    const key = thaiNameKey(name, level);
    const exact = li.th.get(`${scope}|${key}`) ?? [];
    const cut = (li.cut.get(scope) ?? []).filter((c) => key.length > c.key.length && key.startsWith(c.key)).map((c) => c.entry);
    const all = [...new Set([...exact, ...cut])];
    if (!all.length && level === 'district' && key === 'เมือง') return li.mueang.get(scope) ?? [];
    return all;
  }
  const key = englishNameKey(name, level);
  const exact = li.en.get(`${scope}|${key}`) ?? [];
  if (!exact.length && level === 'district' && key === 'mueang') return li.mueang.get(scope) ?? [];
  return exact;
}

/** One area from a Thai and an English spelling: both agree on one, or the Thai alone is unique. */
function resolve(g: Gazetteer, level: NameLevel, scope: string, th: string, en: string): GazetteerEntry[] {
  const a = lookup(g, level, scope, th);
  const b = lookup(g, level, scope, en);
  if (!a.length) return b;
  if (!b.length) return a;
  const both = a.filter((e) => b.includes(e));
  if (both.length) return both;
  // They disagree: the Thai spelling decides when it names one area (romanisations vary).
  return isThai(th) && a.length === 1 ? a : [...new Set([...a, ...b])];
}

export interface MatchSpec {
  level: Exclude<NameLevel, 'province'>;
  layout: NameLayout;
  /** Columns of the level's own names (default: layout.byLevel[level], else the generic ones). */
  own?: NameColumns;
  /** A parent code per feature from a code column (2 or 4 DOPA digits), when the file has one. */
  parentCodes?: (string | null)[];
}

const value = (r: Record<string, string>, c: NameColumns | null | undefined) => ({ th: (c?.th && r[c.th]) || '', en: (c?.en && r[c.en]) || '' });
const label = (v: { th: string; en: string }) => [v.th, v.en].filter(Boolean).join(' / ');

/** Match every feature's name at the spec's level; see the file comment. */
export function matchNames(rows: Record<string, string>[], spec: MatchSpec, g: Gazetteer): NameMatch {
  const { level, layout } = spec;
  const own = spec.own ?? layout.byLevel[level] ?? layout.generic;
  const out: NameMatch = { level, codes: [], entries: [], matched: 0, unmatched: [], ambiguous: [], withinProvinceOnly: 0 };
  const scopeCache = new Map<string, { scope: string; parent: string; problem?: string; provinceOnly?: boolean }>();

  /** The code prefix to search in for this row, from a parent code or the parents' names. */
  const scopeOf = (r: Record<string, string>, i: number) => {
    const pc = spec.parentCodes?.[i];
    const prov = value(r, layout.byLevel.province);
    const dist = level === 'subdistrict' ? value(r, layout.byLevel.district) : { th: '', en: '' };
    const cacheKey = `${pc ?? ''}|${prov.th}|${prov.en}|${dist.th}|${dist.en}`;
    const hit = scopeCache.get(cacheKey);
    if (hit) return hit;
    let res: { scope: string; parent: string; problem?: string; provinceOnly?: boolean };
    if (pc && (pc.length === 4 || (pc.length === 2 && !label(dist)))) res = { scope: pc, parent: pc };
    else {
      let province = pc && pc.length === 2 ? pc : '';
      let problem: string | undefined;
      if (!province && label(prov)) {
        const p = resolve(g, 'province', '', prov.th, prov.en);
        if (p.length === 1) province = p[0].code;
        else problem = `province "${label(prov)}" ${p.length ? 'matches several provinces' : 'matches no province'}`;
      }
      res = { scope: province, parent: label(prov) || province, problem };
      if (!problem && level === 'subdistrict' && label(dist)) {
        const d = resolve(g, 'district', province, dist.th, dist.en);
        const where = `${label(dist)}${label(prov) ? `, ${label(prov)}` : ''}`;
        if (d.length === 1) res = { scope: d[0].code, parent: where };
        else if (province) res = { scope: province, parent: where, provinceOnly: true };
        else res = { scope: '', parent: where, problem: `district "${label(dist)}" ${d.length ? 'matches several districts' : 'matches no district'} and no province is given` };
      }
    }
    scopeCache.set(cacheKey, res);
    return res;
  };

  rows.forEach((r, i) => {
    const v = value(r, own);
    const { scope, parent, problem, provinceOnly } = scopeOf(r, i);
    const issue = (candidates: GazetteerEntry[], reason: string): NameIssue => ({ feature: i + 1, th: v.th, en: v.en, parent, candidates, reason });
    out.codes.push(null);
    out.entries.push(null);
    if (!label(v)) {
      out.unmatched.push(issue([], `no ${level} name`));
      return;
    }
    if (problem) {
      out.unmatched.push(issue([], problem));
      return;
    }
    const found = resolve(g, level, scope, v.th, v.en);
    const where = parent ? ` in ${parent}` : ' in the whole country (no parent column)';
    if (found.length === 1) {
      out.codes[i] = found[0].code;
      out.entries[i] = found[0];
      out.matched++;
      if (provinceOnly) out.withinProvinceOnly++;
    } else if (found.length === 0) out.unmatched.push(issue([], `matches no ${level}${where}`));
    else out.ambiguous.push(issue(found, `matches ${found.length} ${level === 'district' ? 'districts' : 'subdistricts'}${where}: ${found.map((e) => `${e.code} ${e.th} / ${e.en}`).join('; ')}`));
  });
  return out;
}

/** One line for a name that matched nothing or more than one area, Thai and English. */
export const describeNameIssue = (n: NameIssue) => `feature ${n.feature}: "${label(n)}" ${n.reason}`;

/** The code prefix length of a level (re-exported for callers that check parent codes). */
export const digitsOf = (level: NameLevel) => DIGITS[level];
