/**
 * The national table (issue 10 §1): every province of the workspace with target poor, rate, M0
 * (household data only), each dimension's share, the change since the earlier data year with
 * its sign, the targeting potential and priority rank at province level (current targeting
 * settings; nationalPotential.ts), and ranks; bars per column; sortable; tick 2–4 provinces to
 * compare them. A workspace without the layers potential is made of says which ones are missing.
 */
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import { DIMENSIONS } from '../../domain/indicators';
import { nationalRows, sortRows, withTargeting, type NationalRow, type SortKey } from '../../domain/compare/table';
import { inputNoteText } from '../../text/targetingStrings';
import { followNationalPotential, useNationalPotential } from './nationalPotential';
import { ensureYears, togglePicked, previousYear, setCompare, useCompare } from './compareStore';
import { formatters, tc } from './text';
import './compare.css';

function Bar({ value, max, tone = 'need' }: { value: number; max: number; tone?: 'need' | 'up' | 'down' | 'pot' }) {
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
  // Potential is computed only while the table is shown (it asks the worker for a ranking).
  useEffect(() => followNationalPotential(), []);
  const pot = useNationalPotential((p) => p.value);
  const potComputing = useNationalPotential((p) => p.computing);
  const potError = useNationalPotential((p) => p.error);
  const prev = previousYear({ dataset: ds, year });
  const af = !!ds?.capabilities.af;
  const rows = useMemo(() => {
    if (!ds || !years?.byYear[year]) return null;
    const base = nationalRows(ds.levelCodes.province, years.byYear[year].province, prev ? years.byYear[prev]?.province ?? null : null, af);
    return pot ? withTargeting(base, pot.codes, pot.potential, pot.rank) : base;
  }, [ds, years, year, prev, af, pot]);
  if (!ds) return null;
  if (!rows) return <div className="panel muted">{tc('loadingYears', lang)}</div>;
  const f = formatters(lang, thaiDigits, false);
  const sorted = sortRows(rows, sort.key, sort.dir);
  const max = (get: (r: NationalRow) => number) => Math.max(...rows.map(get).filter(Number.isFinite).map(Math.abs), 0);
  const maxTp = max((r) => r.targetPoor), maxRate = max((r) => r.rate), maxM0 = max((r) => r.adjustedHeadcount);
  const maxDim = Math.max(...rows.flatMap((r) => r.dimensionRate).filter(Number.isFinite), 0);
  const maxCh = max((r) => r.changeTargetPoor?.change ?? NaN);
  const ranked = rows.filter((r) => Number.isFinite(r.priorityRank)).length;
  const potReady = !!pot?.potential;
  // Why potential is missing or partial: the layers the workspace lacks, and the file to import.
  const potNotes = pot?.notes.map((n) => inputNoteText(n, lang)) ?? [];
  const potStatus = potError ? potError : !pot ? (potComputing ? tc('potentialComputing', lang) : '') : !pot.potential ? `${tc('potentialMissing', lang)}: ${potNotes.join(' · ')}` : potNotes.length ? `${tc('potentialPartial', lang)}: ${potNotes.join(' · ')}` : '';
  const potCell = (r: NationalRow) => (potReady ? f.dec3(r.potential) : pot ? '–' : '…');
  const head = (key: SortKey, label: string, title?: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} title={title}>
      <button type="button" className="cmp-sort" data-testid={`sort-${key}`} onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 'desc' ? 'asc' : 'desc') : key === 'priorityRank' ? 'asc' : 'desc' }))}>
        {label}{sort.key === key ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}
      </button>
    </th>
  );
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
      {potStatus && <div className={`small ${pot && !pot.potential ? 'cmp-missing' : 'muted'}`} role="status" data-testid="nat-potential-note">{potStatus}</div>}
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
            {head('potential', tc('potential', lang), potReady ? tc('potentialTitle', lang) : potStatus || tc('potentialTitle', lang))}
            {head('priorityRank', tc('priorityRank', lang), potReady ? tc('priorityRankTitle', lang) : potStatus || tc('priorityRankTitle', lang))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code} data-testid={`nat-row-${r.code}`} className={picked.includes(r.code) ? 'picked' : ''}>
              <td><input type="checkbox" aria-label={areaName(ds, r.code, lang)} checked={picked.includes(r.code)} onChange={() => togglePicked(r.code)} data-testid={`pick-${r.code}`} /></td>
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
              <td className="num" data-testid={`nat-potential-${r.code}`} data-value={potReady ? String(r.potential) : undefined} title={potReady ? undefined : potStatus}>
                <span className="cmp-cell">{potCell(r)}{potReady && <Bar value={r.potential} max={1} tone="pot" />}</span>
              </td>
              <td className="num" data-testid={`nat-prank-${r.code}`} title={potReady ? undefined : potStatus}>
                <span className="cmp-cell">
                  {potReady ? (Number.isFinite(r.priorityRank) ? `#${f.int(r.priorityRank)}` : tc('unranked', lang)) : potCell(r)}
                  {potReady && Number.isFinite(r.priorityRank) && <Bar value={ranked - r.priorityRank + 1} max={ranked} tone="pot" />}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
