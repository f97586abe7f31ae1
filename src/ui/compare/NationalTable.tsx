/**
 * The national table (issue 10 §1): every province of the workspace with target poor, rate, M0
 * (household data only), each dimension's share, the change since the earlier data year with
 * its sign, and ranks; bars per column; sortable; tick 2–4 provinces to compare them.
 */
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import { DIMENSIONS } from '../../domain/indicators';
import { nationalRows, sortRows, type NationalRow, type SortKey } from '../../domain/compare/table';
import { compareStore, ensureYears, previousYear, setCompare, useCompare } from './compareStore';
import { formatters, tc } from './text';
import './compare.css';

function Bar({ value, max, tone = 'need' }: { value: number; max: number; tone?: 'need' | 'up' | 'down' }) {
  const w = Number.isFinite(value) && max > 0 ? Math.max(0, Math.min(1, Math.abs(value) / max)) : 0;
  return <span className={`cmp-bar ${tone}`} style={{ width: `${(w * 100).toFixed(1)}%` }} aria-hidden="true" />;
}

export function NationalTable() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const year = useApp((s) => s.year);
  const years = useCompare((s) => s.years);
  const picked = useCompare((s) => s.picked);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'targetPoor', dir: 'desc' });
  useEffect(() => {
    void ensureYears();
  }, [ds]);
  const prev = previousYear({ dataset: ds, year });
  const af = !!ds?.capabilities.af;
  const rows = useMemo(() => {
    if (!ds || !years?.byYear[year]) return null;
    return nationalRows(ds.levelCodes.province, years.byYear[year].province, prev ? years.byYear[prev]?.province ?? null : null, af);
  }, [ds, years, year, prev, af]);
  if (!ds) return null;
  if (!rows) return <div className="panel muted">{tc('loadingYears', lang)}</div>;
  const f = formatters(lang, thaiDigits, false);
  const sorted = sortRows(rows, sort.key, sort.dir);
  const max = (get: (r: NationalRow) => number) => Math.max(...rows.map(get).filter(Number.isFinite).map(Math.abs), 0);
  const maxTp = max((r) => r.targetPoor), maxRate = max((r) => r.rate), maxM0 = max((r) => r.adjustedHeadcount);
  const maxDim = Math.max(...rows.flatMap((r) => r.dimensionRate).filter(Number.isFinite), 0);
  const maxCh = max((r) => r.changeTargetPoor?.change ?? NaN);
  const head = (key: SortKey, label: string, title?: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} title={title}>
      <button type="button" className="cmp-sort" data-testid={`sort-${key}`} onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }))}>
        {label}{sort.key === key ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}
      </button>
    </th>
  );
  const toggle = (code: string) => compareStore.setState((s) => ({ picked: s.picked.includes(code) ? s.picked.filter((c) => c !== code) : s.picked.length < 4 ? [...s.picked, code] : s.picked }));
  return (
    <div className="panel cmp-national" data-testid="national-table">
      <h3>{tc('nationalTable', lang)} ({f.int(rows.length)})</h3>
      <div className="muted small">{f.year(year)}{prev ? ` · ${tc('change', lang)} ${tc('since', lang)} ${f.year(prev)}` : ''}</div>
      <div className="cmp-actions">
        <button type="button" disabled={picked.length < 2} data-testid="compare-picked" onClick={() => setCompare(picked)}>
          {tc('compareSelected', lang)} ({f.int(picked.length)})
        </button>
        <span className="muted small">{tc('pickHint', lang)}</span>
      </div>
      <table className="cmp-table">
        <thead>
          <tr>
            <th />
            {head('code', tc('province', lang))}
            {head('targetPoor', tc('targetPoor', lang))}
            {head('rate', tc('rate', lang))}
            {af && head('adjustedHeadcount', tc('m0', lang))}
            <th title={DIMENSIONS.map((d) => d[lang === 'th' ? 'shortTh' : 'shortEn']).join(' · ')}>{tc('profile', lang)}</th>
            {prev && head('changeTargetPoor', tc('change', lang), `${f.year(prev)} → ${f.year(year)}`)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code} data-testid={`nat-row-${r.code}`} className={picked.includes(r.code) ? 'picked' : ''}>
              <td><input type="checkbox" aria-label={areaName(ds, r.code, lang)} checked={picked.includes(r.code)} onChange={() => toggle(r.code)} data-testid={`pick-${r.code}`} /></td>
              <td className="cmp-name">{areaName(ds, r.code, lang)} <span className="muted small">#{f.int(r.rankTargetPoor)}</span></td>
              <td className="num"><span className="cmp-cell">{f.int(r.targetPoor)}<Bar value={r.targetPoor} max={maxTp} /></span></td>
              <td className="num"><span className="cmp-cell">{f.pct(r.rate, r.targetPoor, 1)}<Bar value={r.rate} max={maxRate} /></span></td>
              {af && <td className="num"><span className="cmp-cell">{f.dec(r.adjustedHeadcount)}<Bar value={r.adjustedHeadcount} max={maxM0} /></span></td>}
              <td>
                <span className="cmp-spark" role="img" aria-label={DIMENSIONS.map((d, k) => `${d[lang === 'th' ? 'shortTh' : 'shortEn']} ${f.pct(r.dimensionRate[k], r.targetPoorByDimension[k], 1)}`).join(', ')}>
                  {r.dimensionRate.map((v, k) => <span key={k} style={{ height: `${maxDim > 0 && Number.isFinite(v) ? Math.max(1, (v / maxDim) * 100) : 0}%` }} />)}
                </span>
              </td>
              {prev && (
                <td className={`num cmp-change ${r.changeTargetPoor?.direction ?? ''}`} data-testid={`nat-change-${r.code}`}>
                  <span className="cmp-cell">{f.signed(r.changeTargetPoor?.change ?? NaN)}<Bar value={r.changeTargetPoor?.change ?? NaN} max={maxCh} tone={(r.changeTargetPoor?.change ?? 0) > 0 ? 'up' : 'down'} /></span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
