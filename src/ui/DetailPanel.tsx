import { useMemo } from 'react';
import { childLevel, levelOfCode } from '../domain/adminCodes';
import { useApp } from '../store/store';
import { select } from '../store/actions';
import { rateOf, totalsAt } from '../store/derived';
import { areaName } from '../store/names';
import { formatInt, formatPercent, formatYear, t } from './i18n';

/** Headline numbers of the selected area, and its sub-areas ranked by target-poor rate. */
export function DetailPanel() {
  const s = useApp((st) => st);
  const { dataset: ds, lang, thaiDigits, selection, year } = s;
  const totals = s.totals[year];
  const at = totalsAt(totals, ds, selection);

  const children = useMemo(() => {
    if (!ds || !totals) return [];
    const level = childLevel(levelOfCode(selection));
    if (!level || level === 'country') return [];
    const codes = level === 'village' ? null : ds.levelCodes[level];
    const t = totals[level];
    const out: { code: string; i: number }[] = [];
    if (codes) {
      codes.forEach((c, i) => { if (selection === 'TH' || c.startsWith(selection)) out.push({ code: c, i }); });
    } else {
      ds.villageCode.forEach((c, i) => {
        const code = String(c).padStart(8, '0');
        if (code.startsWith(selection)) out.push({ code, i });
      });
    }
    return out.map((o) => ({ ...o, rate: rateOf(t, o.i), targetPoor: t.targetPoor[o.i] })).sort((a, b) => b.rate - a.rate);
  }, [ds, totals, selection]);

  if (!ds || !at) return <div className="panel muted">{t('loading', lang)}</div>;
  const { level, t: tt, i } = at;
  const rate = rateOf(tt, i);
  const n = (x: number) => formatInt(x, lang, thaiDigits);
  const childKey = childLevel(level);

  return (
    <div className="panel" data-testid="detail-panel">
      <h2 data-testid="area-name">
        {areaName(ds, selection, lang)} <span className="muted small">{level !== 'country' && selection}</span>
      </h2>
      <p className="muted small">
        {level !== 'country' && <>{t(level as 'province', lang)} · </>}{formatYear(year, lang, thaiDigits)}
        {ds.manifest.synthetic && <> · <span className="synthetic-inline">{t('synthetic', lang)}</span></>}
      </p>
      <dl className="stats">
        <div className="stat big"><dt>{t('targetPoor', lang)}</dt><dd data-testid="stat-target-poor">{n(tt.targetPoor[i])}</dd></div>
        <div className="stat big"><dt>{t('targetPoorRate', lang)}</dt><dd data-testid="stat-rate">{formatPercent(rate, lang, thaiDigits)}</dd></div>
        <div className="stat"><dt>{t('peopleSurveyed', lang)}</dt><dd data-testid="stat-people">{n(tt.people[i])}</dd></div>
        <div className="stat"><dt>{t('householdsSurveyed', lang)}</dt><dd data-testid="stat-households">{n(tt.households[i])}</dd></div>
        <div className="stat"><dt>{t('poorNoCard', lang)}</dt><dd data-testid="stat-no-card">{n(tt.poorNoCard[i])}</dd></div>
        <div className="stat"><dt>{t('villages', lang)}</dt><dd data-testid="stat-villages">{n(tt.villages[i])}</dd></div>
      </dl>
      {childKey && children.length > 0 && (
        <div className="children">
          <h3>{t(childKey as 'province', lang)} ({n(children.length)})</h3>
          <table data-testid="children-table">
            <thead>
              <tr><th>{t(childKey as 'province', lang)}</th><th className="num">{t('targetPoor', lang)}</th><th className="num">%</th></tr>
            </thead>
            <tbody>
              {children.slice(0, 200).map((c) => (
                <tr key={c.code} onClick={() => select(c.code)} className="clickable">
                  <td>{areaName(ds, c.code, lang)}</td>
                  <td className="num">{n(c.targetPoor)}</td>
                  <td className="num">{formatPercent(c.rate, lang, thaiDigits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
