/**
 * Legend of the progress map (shown while the map mode is 'progress'): the five fixed classes of
 * "% of the target group resolved", no data, and — in words as well as the swatch — the thick
 * outline that marks areas behind schedule; the as-of date, and the records' synthetic label.
 */
import { useApp } from '../../store/store';
import { effectiveAsOf, showProgressOnMap, useProgress } from '../../store/progressStore';
import { BEHIND_OUTLINE_HEX, PROGRESS_BREAKS, PROGRESS_NO_DATA_HEX, PROGRESS_PALETTE } from '../../domain/progress/mapClasses';
import { formatPercent } from '../../text/i18n';
import { formatDay, tp } from '../../text/progressStrings';
import './progress.css';

export function ProgressMapControl() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const mapMode = useApp((s) => s.mapMode);
  const ds = useApp((s) => s.dataset);
  const p = useProgress((s) => s);
  if (mapMode !== 'progress' || !ds) return null;
  const f = (x: number) => formatPercent(x, lang, thaiDigits, 0);
  const rows = PROGRESS_PALETTE.map((colour, k) => ({
    colour,
    label: k === 0 ? `< ${f(PROGRESS_BREAKS[0])}` : k === PROGRESS_BREAKS.length ? `≥ ${f(PROGRESS_BREAKS[k - 1])}` : `${f(PROGRESS_BREAKS[k - 1])} – ${f(PROGRESS_BREAKS[k])}`,
  }));
  const asOf = effectiveAsOf(p);
  const records = ds.layers.find((l) => l.kind === 'records');
  const noRecords = p.info?.datasetId === ds.id && !p.info.hasRecords;
  return (
    <div className="legend pg-legend" data-testid="progress-legend">
      <div className="legend-title">{tp('legendTitle', lang)}</div>
      {asOf !== null && <div className="small muted" data-testid="progress-legend-asof">{tp('asOf', lang)} {formatDay(asOf, lang, thaiDigits)}</div>}
      {noRecords ? (
        <div className="small">{tp('noRecordsTitle', lang)}</div>
      ) : (
        <ul data-testid="progress-legend-classes">
          {rows.map((r) => <li key={r.colour}><span className="swatch" style={{ background: r.colour }} />{r.label}</li>)}
          <li><span className="swatch" style={{ background: PROGRESS_NO_DATA_HEX }} />{lang === 'th' ? 'ไม่มีข้อมูลกลุ่มเป้าหมาย' : 'no target group'}</li>
          <li data-testid="progress-legend-behind"><span className="swatch pg-outline-swatch" style={{ borderColor: BEHIND_OUTLINE_HEX }} />{tp('legendBehind', lang)}</li>
        </ul>
      )}
      {records?.synthetic && <div className="legend-source small">{tp('synthetic', lang)}</div>}
      <button type="button" className="link small" onClick={() => showProgressOnMap(false)} data-testid="progress-legend-back">{tp('backToNeed', lang)}</button>
    </div>
  );
}
