/**
 * What a briefing slide or an export shows, derived from the app state: title, subtitle, three
 * to five key numbers, the legend (numbered classes), the footer, and which maps to draw. One
 * function, so the screen, the PNG and the PowerPoint deck say the same thing.
 */
import type { AppState } from '../../store/store';
import { areaName } from '../../store/names';
import { areaRow, measureClassed } from '../../store/derived';
import { measureInfo } from '../../domain/mapMeasures';
import { keyNumbers } from '../../domain/compare/table';
import { levelOfCode } from '../../domain/adminCodes';
import type { Slide } from '../../domain/slides/slides';
import { ruleLabel } from '../../text/ruleLabel';
import { footerLines } from '../../export/footer';
import type { FrameLegend, FrameNumber } from '../../export/png';
import type { CompareState } from '../compare/compareStore';
import { previousYear } from '../compare/compareStore';
import { AREA_COLOURS } from '../compare/CompareView';
import type { MapSpec } from '../compare/mapSlot';
import { formatters, legendRows, tc } from '../compare/text';
import { targetingStore } from '../../store/targetingStore';
import { ntlStore } from '../../store/ntlStore';
import { accessStore } from '../../store/accessStore';
import { QUADRANTS, QUADRANT_IDS } from '../../domain/targeting/typology';
import { CLUSTER_COLOURS, CLUSTER_LABELS } from '../../domain/hotspots';
import { PROGRESS_BREAKS, PROGRESS_NO_DATA_HEX, PROGRESS_PALETTE } from '../../domain/progress/mapClasses';
import { formatInt, formatPercent } from '../../text/i18n';
import { tg } from '../../text/targetingStrings';
import { tp } from '../../text/progressStrings';

export interface BriefContent {
  title: string;
  subtitle: string;
  numbers: (FrameNumber & { id: string })[];
  legend: FrameLegend;
  footer: string[];
  maps: { spec: MapSpec; caption?: string; colour?: string }[];
}

/** The area a view's map shows: the country, a province, or a district (finer selections show their district). */
export function mapArea(selection: string): string {
  return selection === 'TH' ? 'TH' : selection.slice(0, Math.min(4, selection.length));
}

export function briefContent(s: AppState, c: Pick<CompareState, 'compare' | 'years' | 'suppress'>, slide: Slide | null, suppress = c.suppress): BriefContent | null {
  const ds = s.dataset;
  if (!ds || !s.result) return null;
  const lang = s.lang;
  const f = formatters(lang, s.thaiDigits, suppress);
  const prev = previousYear(s);
  const before = prev ? c.years?.byYear[prev] : undefined;
  const compare = c.compare.length >= 2 ? c.compare : [];
  const info = measureInfo(s.mapMeasure);
  const area = mapArea(s.selection);
  const level = compare.length || area !== 'TH' ? 'district' : 'province';
  const classed = measureClassed(s, level);
  const legend: FrameLegend = modeLegend(s) ?? {
    title: `${info[lang]} · ${tc('classWord', lang)} 1–${classed ? classed.palette.length : 0}`,
    rows: classed ? legendRows(classed, s.mapMeasure, lang, s.thaiDigits) : [],
    noData: tc('noData', lang),
    numbered: true,
  };
  const notes: string[] = [];
  if (ntlStore.getState().visible && ntlStore.getState().info) notes.push(tc('legendLights', lang));
  if (accessStore.getState().shown) notes.push(tc('legendServices', lang));
  if (notes.length) legend.notes = notes;
  const changeText = (code: string, tp: number): string | undefined => {
    const r = areaRow(s.result, ds, code);
    if (!before || !r) return undefined;
    const d = tp - before[r.level].targetPoor[r.i];
    const word = d > 0 ? tc('up', lang) : d < 0 ? tc('down', lang) : tc('same', lang);
    return `${f.signed(d)} ${word} ${tc('since', lang)} ${f.year(prev!)}`;
  };
  const numbers: BriefContent['numbers'] = [];
  if (compare.length) {
    for (const code of compare) {
      const r = areaRow(s.result, ds, code);
      if (!r) continue;
      const k = keyNumbers(r.cols, r.i);
      numbers.push({ id: `tp-${code}`, label: `${areaName(ds, code, lang)}: ${tc('targetPoor', lang)}`, value: f.int(k.targetPoor), detail: `${tc('rate', lang)} ${f.pct(k.rate, k.targetPoor)}${before ? ` · ${changeText(code, k.targetPoor)}` : ''}` });
    }
  } else {
    const r = areaRow(s.result, ds, s.selection);
    if (r) {
      const k = keyNumbers(r.cols, r.i, ds.capabilities.af);
      numbers.push({ id: 'tp', label: tc('targetPoor', lang), value: f.int(k.targetPoor), detail: changeText(s.selection, k.targetPoor) });
      numbers.push({ id: 'rate', label: `${tc('rate', lang)} (% ${tc('people', lang)})`, value: f.pct(k.rate, k.targetPoor) });
      numbers.push({ id: 'people', label: tc('people', lang), value: f.int(k.people) });
      if (s.mpi.measure === 'af' && ds.capabilities.af) numbers.push({ id: 'm0', label: 'M0 = H × A', value: f.dec(k.adjustedHeadcount) });
    }
  }
  const where = compare.length ? compare.map((x) => areaName(ds, x, lang)).join(' · ') : areaName(ds, s.selection, lang);
  const auto = `${s.mapMeasure === 'rate' ? tc('rateTitle', lang) : info[lang]} · ${where} · ${f.year(s.year)}`;
  return {
    title: slide?.title?.trim() || auto,
    subtitle: `${where} · ${ruleLabel(s.mpi, lang)} · ${f.year(s.year)}`,
    numbers: numbers.slice(0, 5),
    legend,
    footer: footerLines({ lang, source: ds.manifest.source, synthetic: ds.manifest.synthetic, year: s.year, compareYear: before ? prev : null, mpi: s.mpi }),
    maps: compare.length
      ? compare.map((code, i) => ({ spec: { code, labels: true, thick: true }, caption: areaName(ds, code, lang), colour: AREA_COLOURS[i] }))
      : [{ spec: { code: area, labels: true, thick: true } }],
  };
}

/**
 * The legend of the map modes other than the need choropleth, in the same words and colours as
 * their on-screen legends (TargetingLegend, ProgressMapControl): quadrants with their
 * intervention family and counts, named clusters, the fixed progress classes. Null for 'need'.
 */
export function modeLegend(s: AppState): FrameLegend | null {
  const lang = s.lang;
  const th = lang === 'th';
  if (s.mapMode === 'targeting') {
    const t = targetingStore.getState();
    const counts = [0, 0, 0, 0];
    if (t.answer) for (const i of t.answer.order) counts[t.answer.quadrant[i]]++;
    return {
      title: `${tg('legendTargeting', lang)} · ${tg(t.settings.level, lang)}`,
      rows: [3, 2, 1, 0].map((q) => {
        const info = QUADRANTS[QUADRANT_IDS[q]];
        return { colour: info.colour, label: `${th ? info.th : info.en} — ${th ? info.familyTh : info.familyEn} (${formatInt(counts[q], lang, s.thaiDigits)})`, klass: 0 };
      }),
      noData: tg('unranked', lang),
      numbered: false,
      noDataColour: '#f4f1ea',
    };
  }
  if (s.mapMode === 'hotspots') {
    const h = targetingStore.getState().hotspots;
    const counts = new Map<string, number>();
    if (h) for (const c of h.cluster) counts.set(CLUSTER_LABELS[c], (counts.get(CLUSTER_LABELS[c]) ?? 0) + 1);
    return {
      title: `${tg('legendHot', lang)} ${h ? tg(`m_${h.settings.measure}`, lang) : ''}${h ? ` · ${tg(h.settings.level, lang)}` : ''}`,
      rows: CLUSTER_LABELS.filter((c) => c !== 'no_data').map((c) => ({ colour: CLUSTER_COLOURS[c], label: `${tg(c, lang)}${h ? ` (${formatInt(counts.get(c) ?? 0, lang, s.thaiDigits)})` : ''}`, klass: 0 })),
      noData: tc('noData', lang),
      numbered: false,
      noDataColour: '#f4f1ea',
    };
  }
  if (s.mapMode === 'progress') {
    const f = (x: number) => formatPercent(x, lang, s.thaiDigits, 0);
    return {
      title: tp('legendTitle', lang),
      rows: PROGRESS_PALETTE.map((colour, k) => ({ colour, klass: k + 1, label: k === 0 ? `< ${f(PROGRESS_BREAKS[0])}` : k === PROGRESS_BREAKS.length ? `≥ ${f(PROGRESS_BREAKS[k - 1])}` : `${f(PROGRESS_BREAKS[k - 1])} – ${f(PROGRESS_BREAKS[k])}` })),
      noData: th ? 'ไม่มีข้อมูลกลุ่มเป้าหมาย' : 'no target group',
      numbered: false,
      noDataColour: PROGRESS_NO_DATA_HEX,
      notes: [tp('legendBehind', lang)],
    };
  }
  return null;
}

export function levelOfSpec(code: string): 'province' | 'district' {
  return code === 'TH' ? 'province' : levelOfCode(code) === 'province' || levelOfCode(code) === 'district' ? 'district' : 'district';
}
