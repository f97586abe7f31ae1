import { useApp } from '../store/store';
import { classScope, fillLevelForZoom, measureClassed, pointLevelForZoom } from '../store/derived';
import { areaName } from '../store/names';
import { measureInfo } from '../domain/mapMeasures';
import { distinctDigits } from '../domain/classify';
import { formatMeasure } from '../text/format';
import { formatYear, t } from '../text/i18n';
import { ruleLabel } from '../text/ruleLabel';
import { SourceLine } from './SourceLine';

const METHOD = {
  quantile: { th: 'ควอนไทล์', en: 'quantiles' },
  ckmeans: { th: 'ช่วงธรรมชาติ (ckmeans)', en: 'natural breaks (ckmeans)' },
  equal: { th: 'ช่วงเท่ากัน', en: 'equal intervals' },
  custom: { th: 'กำหนดเอง', en: 'custom' },
} as const;

/** Legend of the choropleth at the level the map currently draws; states how classes were made. */
export function Legend() {
  const s = useApp((st) => st);
  const { dataset: ds, lang, thaiDigits, year } = s;
  if (!ds || !s.result || s.mapMode !== 'need') return null;
  // When points are drawn they are the subject (the areas beneath are faded context).
  const level = pointLevelForZoom(s.zoom) ?? fillLevelForZoom(s.zoom);
  const c = measureClassed(s, level);
  if (!c) return null;
  const info = measureInfo(s.mapMeasure);
  const digits = info.unit === 'fraction' ? distinctDigits(c.breaks, (x, d) => formatMeasure(x, s.mapMeasure, lang, false, d), 1, 4) : 2;
  const f = (x: number) => formatMeasure(x, s.mapMeasure, lang, thaiDigits, digits);
  const rows = c.palette.map((colour, k) => {
    const lo = k === 0 ? null : c.breaks[k - 1];
    const hi = k < c.breaks.length ? c.breaks[k] : null;
    const label = lo === null && hi === null ? '' : lo === null ? `< ${f(hi!)}` : hi === null ? `≥ ${f(lo)}` : `${f(lo)} – ${f(hi)}`;
    return { colour, label };
  });
  const scope = classScope(s);
  const scopeText = scope ? `${lang === 'th' ? 'ภายใน' : 'within'} ${areaName(ds, scope, lang)}` : lang === 'th' ? 'ทั้งประเทศ' : 'national';
  const rateTitle = s.mpi.welfare === 'nocard'
    ? (lang === 'th' ? 'อัตราคนจนที่ไม่มีบัตรสวัสดิการ (% ของคนที่สำรวจ)' : 'Poor-with-no-card rate (% of people surveyed)')
    : t('legendTitle', lang);
  return (
    <div className="legend" data-testid="legend">
      <div className="legend-title">{s.mapMeasure === 'rate' ? rateTitle : info[lang]} · {formatYear(year, lang, thaiDigits)}</div>
      <div className="muted small" data-testid="legend-rule">{ruleLabel(s.mpi, lang)}</div>
      <div className="muted small">{t(level, lang)} · {METHOD[s.classification.method][lang]}, {scopeText}</div>
      <ul data-testid="legend-classes">
        {rows.map((r) => (
          <li key={r.colour + r.label}><span className="swatch" style={{ background: r.colour }} />{r.label}</li>
        ))}
        <li><span className="swatch nodata" />{t('noData', lang)}</li>
      </ul>
      {/* The sources of what the legend describes: the poverty and boundary layers. */}
      <SourceLine
        layers={ds.layers.filter((l) => l.kind === 'poverty' || l.kind === 'boundaries')}
        lang={lang}
        thaiDigits={thaiDigits}
        label={t('source', lang)}
        synthetic={ds.layers.some((l) => l.synthetic && (l.kind === 'poverty' || l.kind === 'boundaries')) ? t('syntheticLong', lang) : null}
      />
    </div>
  );
}
