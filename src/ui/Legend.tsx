import { useApp } from '../store/store';
import { fillLevelForZoom, rateClassed } from '../store/derived';
import { formatPercent, formatYear, t } from './i18n';

/** Legend of the choropleth at the level the map currently draws; states how classes were made. */
export function Legend() {
  const s = useApp((st) => st);
  const { dataset: ds, lang, thaiDigits, year } = s;
  const totals = s.totals[year];
  if (!ds || !totals) return null;
  const level = fillLevelForZoom(s.zoom);
  const c = rateClassed(totals, level, ds, year);
  const p = (x: number) => formatPercent(x, lang, thaiDigits, 1);
  const rows = c.palette.map((colour, k) => {
    const lo = k === 0 ? null : c.breaks[k - 1];
    const hi = k < c.breaks.length ? c.breaks[k] : null;
    const label = lo === null ? `< ${p(hi!)}` : hi === null ? `≥ ${p(lo)}` : `${p(lo)} – ${p(hi)}`;
    return { colour, label };
  });
  return (
    <div className="legend" data-testid="legend">
      <div className="legend-title">{t('legendTitle', lang)} · {formatYear(year, lang, thaiDigits)}</div>
      <div className="muted small">{t(level, lang)} · {t('legendBreaks', lang)}</div>
      <ul>
        {rows.map((r) => (
          <li key={r.label}><span className="swatch" style={{ background: r.colour }} />{r.label}</li>
        ))}
        <li><span className="swatch nodata" />{t('noData', lang)}</li>
      </ul>
      {ds.manifest.synthetic && <div className="legend-source small">{t('source', lang)}: {t('syntheticLong', lang)}</div>}
    </div>
  );
}
