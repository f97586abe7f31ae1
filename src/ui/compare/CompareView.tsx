/**
 * The compare view (issue 10 §2): 2–4 provinces or districts side by side — small-multiple maps
 * with one shared legend and synchronised zoom, the 5-dimension profile on one common scale, the
 * distribution of the need measure across subdistricts on one axis, the change since the earlier
 * data year by dimension, and the key numbers in one aligned table.
 */
import { useEffect, useMemo } from 'react';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import { measureClassed } from '../../store/derived';
import { DIMENSIONS } from '../../domain/indicators';
import { changeByDimension, distribution, keyNumbers, type KeyNumbers } from '../../domain/compare/table';
import { levelOfCode } from '../../domain/adminCodes';
import { measureInfo } from '../../domain/mapMeasures';
import { addSlide, previousYear, setCompare, useCompare } from './compareStore';
import { mapSlot } from './mapSlot';
import { formatters, legendRows, tc } from './text';

/** Colour-blind-safe categorical colours for the compared areas (Okabe & Ito 2008). */
export const AREA_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

export function SharedLegend({ testId = 'cmp-legend' }: { testId?: string }) {
  const s = useApp((st) => st);
  const c = measureClassed(s, 'district');
  if (!c) return null;
  const rows = legendRows(c, s.mapMeasure, s.lang, s.thaiDigits);
  const info = measureInfo(s.mapMeasure);
  return (
    <div className="cmp-legend" data-testid={testId}>
      <div className="cmp-legend-title">{tc('sharedLegend', s.lang)}: {info[s.lang]} · {tc('classWord', s.lang)} 1–{rows.length}</div>
      <ul>
        {rows.map((r) => (
          <li key={r.klass}><span className="cmp-swatch" style={{ background: r.colour }}>{r.klass}</span>{r.label}</li>
        ))}
        <li><span className="cmp-swatch nodata" />{tc('noData', s.lang)}</li>
      </ul>
    </div>
  );
}

export function CompareView() {
  const codes = useCompare((c) => c.compare);
  const years = useCompare((c) => c.years);
  const ds = useApp((s) => s.dataset);
  const year = useApp((s) => s.year);
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const group = useMemo(() => mapSlot.newGroup(), [codes.join(',')]);
  // The view covers the window: the main map is taken out of layout so it stops drawing frames
  // behind it (software WebGL and projector laptops alike).
  const open = codes.length >= 2;
  useEffect(() => {
    if (!open) return;
    document.body.classList.add('cheepao-compare');
    return () => document.body.classList.remove('cheepao-compare');
  }, [open]);
  // Under the briefing (which draws its own maps) the view is not built at all: its maps,
  // hidden but laid out, made a WebGL context each and drew frames in the GPU process that held
  // back every briefing frame (a compare slide switch waited 0.5–1 s on an idle main thread,
  // issue 15 §4). Leaving the briefing builds it again.
  const brief = useCompare((c) => c.brief);
  if (codes.length < 2 || !ds || brief) return null;
  const f = formatters(lang, thaiDigits, false);
  const prev = previousYear({ dataset: ds, year });
  const cur = years?.byYear[year];
  const before = prev ? years?.byYear[prev] : undefined;
  const areas = codes.map((code, k) => {
    const level = levelOfCode(code) as 'province' | 'district';
    const i = ds.position.get(code);
    const k0: KeyNumbers | null = cur && i !== undefined ? keyNumbers(cur[level], i, ds.capabilities.af) : null;
    const ch = cur && before && i !== undefined ? changeByDimension(cur[level], before[level], i) : null;
    const tpChange = cur && before && i !== undefined ? cur[level].targetPoor[i] - before[level].targetPoor[i] : NaN;
    const dist = cur ? distribution(ds.levelCodes.subdistrict, cur.subdistrict.rate, cur.subdistrict.people, code) : null;
    return { code, colour: AREA_COLOURS[k], name: areaName(ds, code, lang), k: k0, ch, tpChange, dist };
  });
  const dimMax = Math.max(...areas.flatMap((a) => a.k?.dimensionRate ?? []).filter(Number.isFinite), 0);
  const distMax = Math.max(...areas.flatMap((a) => a.dist?.values ?? []), 0) || 1;
  const cols = `repeat(${codes.length}, minmax(0, 1fr))`;
  const rowsSpec: { id: string; label: string; cell: (a: (typeof areas)[number]) => string }[] = [
    { id: 'tp', label: tc('targetPoor', lang), cell: (a) => (a.k ? f.int(a.k.targetPoor) : '…') },
    { id: 'rate', label: tc('rate', lang), cell: (a) => (a.k ? f.pct(a.k.rate, a.k.targetPoor) : '…') },
    { id: 'people', label: tc('people', lang), cell: (a) => (a.k ? f.int(a.k.people) : '…') },
    { id: 'households', label: tc('households', lang), cell: (a) => (a.k ? f.int(a.k.households) : '…') },
    ...(ds.capabilities.af ? [{ id: 'm0', label: tc('m0', lang), cell: (a: (typeof areas)[number]) => (a.k ? f.dec(a.k.adjustedHeadcount) : '…') }] : []),
    ...(prev ? [{ id: 'change', label: `${tc('change', lang)} ${f.year(prev)} → ${f.year(year)}`, cell: (a: (typeof areas)[number]) => f.signed(a.tpChange) }] : []),
  ];
  return (
    <div className="cmp-overlay" role="dialog" aria-label={tc('compareTitle', lang)} data-testid="compare-view">
      <div className="cmp-head">
        <h2>{tc('compareTitle', lang)}: {areas.map((a) => a.name).join(' · ')} · {f.year(year)}</h2>
        <button type="button" onClick={() => addSlide(`${tc('compareTitle', lang)}: ${areas.map((a) => a.name).join(' · ')}`)} data-testid="compare-save-slide">{tc('saveSlide', lang)}</button>
        <button type="button" onClick={() => setCompare([])} data-testid="compare-close">{tc('close', lang)}</button>
      </div>
      <SharedLegend />
      <div className="cmp-grid" style={{ gridTemplateColumns: cols }}>
        {areas.map((a) => (
          <div key={a.code} className="cmp-col">
            <h3 style={{ borderColor: a.colour }} data-testid={`cmp-name-${a.code}`}>{a.name}</h3>
            <mapSlot.Map spec={{ code: a.code, labels: true }} group={group} testId={`cmp-map-${a.code}`} className="cmp-map" />
          </div>
        ))}
      </div>
      {!cur && <div className="muted">{tc('loadingYears', lang)}</div>}
      <h3>{tc('keyNumbers', lang)}</h3>
      <table className="cmp-keys" data-testid="cmp-keys">
        <thead><tr><th />{areas.map((a) => <th key={a.code} style={{ borderBottomColor: a.colour }}>{a.name}</th>)}</tr></thead>
        <tbody>
          {rowsSpec.map((r) => (
            <tr key={r.id}><th scope="row">{r.label}</th>{areas.map((a) => <td key={a.code} className="num" data-testid={`cmp-${r.id}-${a.code}`}>{r.cell(a)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <div className="cmp-two">
        <section>
          <h3>{tc('dimProfile', lang)}</h3>
          <div className="cmp-profile" data-testid="cmp-profile">
            {DIMENSIONS.map((d, k) => (
              <div key={d.id} className="cmp-prof-row">
                <span className="cmp-prof-label">{lang === 'th' ? d.shortTh : d.shortEn}</span>
                <span className="cmp-prof-bars">
                  {areas.map((a) => {
                    const v = a.k?.dimensionRate[k] ?? NaN;
                    return (
                      <span key={a.code} className="cmp-prof-bar">
                        <span style={{ width: `${dimMax > 0 && Number.isFinite(v) ? (v / dimMax) * 100 : 0}%`, background: a.colour }} />
                        <em>{a.k ? f.pct(v, a.k.targetPoorByDimension[k], 1) : '…'}</em>
                      </span>
                    );
                  })}
                </span>
              </div>
            ))}
            <div className="cmp-key-line">{areas.map((a) => <span key={a.code}><i style={{ background: a.colour }} />{a.name}</span>)}</div>
          </div>
        </section>
        <section>
          <h3>{tc('distribution', lang)}</h3>
          <svg className="cmp-dist" viewBox={`0 0 520 ${40 + areas.length * 44}`} role="img" aria-label={tc('distribution', lang)} data-testid="cmp-distribution">
            {[0, 0.25, 0.5, 0.75, 1].map((t) => (
              <g key={t}>
                <line x1={110 + t * 390} x2={110 + t * 390} y1={8} y2={16 + areas.length * 44} stroke="#c9ced6" />
                <text x={110 + t * 390} y={32 + areas.length * 44} textAnchor="middle" fontSize="13">{f.pct(t * distMax, 99, 0)}</text>
              </g>
            ))}
            {areas.map((a, r) => {
              const y = 30 + r * 44;
              const x = (v: number) => 110 + (v / distMax) * 390;
              const q = a.dist?.quantiles ?? [];
              return (
                <g key={a.code}>
                  <text x={4} y={y + 5} fontSize="14">{a.name}</text>
                  {a.dist?.values.map((v, i) => <circle key={i} cx={x(v)} cy={y + ((i * 7919) % 17) - 8} r={2.5} fill={a.colour} fillOpacity={0.55} />)}
                  {q.length === 5 && Number.isFinite(q[2]) && (
                    <g stroke="#111" strokeWidth={2} fill="none">
                      <line x1={x(q[0])} x2={x(q[4])} y1={y + 14} y2={y + 14} />
                      <rect x={x(q[1])} y={y + 9} width={Math.max(1, x(q[3]) - x(q[1]))} height={10} fill="#fff" />
                      <line x1={x(q[2])} x2={x(q[2])} y1={y + 7} y2={y + 21} strokeWidth={3} />
                    </g>
                  )}
                </g>
              );
            })}
          </svg>
        </section>
      </div>
      {prev && (
        <>
          <h3>{tc('yoy', lang)} {f.year(prev)} → {f.year(year)}</h3>
          <table className="cmp-keys" data-testid="cmp-yoy">
            <thead><tr><th />{areas.map((a) => <th key={a.code} style={{ borderBottomColor: a.colour }}>{a.name}</th>)}</tr></thead>
            <tbody>
              {DIMENSIONS.map((d, k) => (
                <tr key={d.id}>
                  <th scope="row">{lang === 'th' ? d.shortTh : d.shortEn}</th>
                  {areas.map((a) => {
                    const c = a.ch?.[k].change;
                    return (
                      <td key={a.code} className={`num cmp-change ${c?.direction ?? ''}`} data-testid={`cmp-yoy-${d.id}-${a.code}`}>
                        {c ? `${f.signed(c.change)} ${c.direction === 'up' ? tc('up', lang) : c.direction === 'down' ? tc('down', lang) : tc('same', lang)}` : '…'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
