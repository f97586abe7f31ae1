/**
 * The map legend of the targeting modes (a map control): the 2 × 2 bivariate key with each
 * quadrant named with its intervention family, or the named hot-spot clusters with counts —
 * labels, never colour alone — and the data's sources (synthetic said when it is).
 */
import { useApp } from '../../store/store';
import { useTargeting } from '../../store/targetingStore';
import { QUADRANTS, QUADRANT_IDS } from '../../domain/targeting/typology';
import { CLUSTER_COLOURS, CLUSTER_LABELS } from '../../domain/hotspots';
import { formatInt } from '../../text/i18n';
import { tg } from '../../text/targetingStrings';
import { SourceLine } from '../SourceLine';
import { classCodes, targetingClass } from '../../domain/targeting/needOnly';
import './targeting.css';

export function TargetingLegend() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const mode = useApp((s) => s.mapMode);
  const layers = useApp((s) => s.dataset?.layers);
  const answer = useTargeting((s) => s.answer);
  const hs = useTargeting((s) => s.hotspots);
  const level = useTargeting((s) => s.settings.level);
  if (mode !== 'targeting' && mode !== 'hotspots') return null;
  const synthetic = layers?.some((l) => l.synthetic);
  const source = <SourceLine layers={layers ?? []} lang={lang} thaiDigits={thaiDigits} label={tg('sourceLabel', lang)} synthetic={synthetic ? tg('synthetic', lang) : null} />;
  if (mode === 'targeting') {
    const counts = [0, 0, 0, 0];
    if (answer) for (const i of answer.order) counts[answer.quadrant[i]]++;
    if (answer?.settings.needOnly) {
      // Ranked by need alone: two need classes, the potential said to be unknown (needOnly.ts).
      return (
        <div className="tg-legend" data-testid="tg-legend" data-need-only="true">
          <strong>{tg('legendNeedOnly', lang)}</strong> <span className="muted">· {tg(level, lang)}</span>
          <ul>
            {classCodes(true).map((q) => {
              const info = targetingClass(q, true)!;
              return (
                <li key={q} data-class={q}>
                  <span className="swatch" style={{ background: info.colour }} />
                  <span>{lang === 'th' ? info.th : info.en} ({formatInt(counts[q], lang, thaiDigits)})</span>
                </li>
              );
            })}
            <li><span className="swatch nodata" />{tg('unranked', lang)}</li>
          </ul>
          <div className="muted small">{tg('needOnlyTitle', lang)}</div>
          {source}
        </div>
      );
    }
    return (
      <div className="tg-legend" data-testid="tg-legend">
        <strong>{tg('legendTargeting', lang)}</strong> <span className="muted">· {tg(level, lang)}</span>
        <div className="tg-legend-body">
          <div className="tg-biv" aria-hidden="true">
            {[2, 3, 0, 1].map((q) => <span key={q} style={{ background: QUADRANTS[QUADRANT_IDS[q]].colour }} />)}
          </div>
          <ul>
            {[3, 2, 1, 0].map((q) => {
              const info = QUADRANTS[QUADRANT_IDS[q]];
              return (
                <li key={q} data-quadrant={info.id} title={lang === 'th' ? info.familyTh : info.familyEn}>
                  <span className="swatch" style={{ background: info.colour }} />
                  <span>
                    {lang === 'th' ? info.th : info.en} ({formatInt(counts[q], lang, thaiDigits)})
                    <span className="tg-family"> — {lang === 'th' ? info.familyTh : info.familyEn}</span>
                  </span>
                </li>
              );
            })}
            <li><span className="swatch nodata" />{tg('unranked', lang)}</li>
          </ul>
        </div>
        <div className="muted small tg-axes">{lang === 'th' ? 'แนวตั้ง: ความต้องการ (สูง = บน) · แนวนอน: ศักยภาพ (สูง = ขวา)' : 'rows: need (high on top) · columns: potential (high on the right)'}</div>
        {source}
      </div>
    );
  }
  const counts = new Map<string, number>();
  if (hs) for (const c of hs.cluster) counts.set(CLUSTER_LABELS[c], (counts.get(CLUSTER_LABELS[c]) ?? 0) + 1);
  return (
    <div className="tg-legend" data-testid="hs-legend">
      <strong>{tg('legendHot', lang)} {hs ? tg(`m_${hs.settings.measure}`, lang) : ''}</strong>
      {hs && <div className="muted small">{tg(hs.settings.level, lang)} · {hs.weights} · {tg(hs.settings.correction, lang)} α = {hs.settings.alpha}</div>}
      <ul>
        {CLUSTER_LABELS.filter((c) => c !== 'no_data' || counts.get(c)).map((c) => (
          <li key={c} data-cluster={c}><span className="swatch" style={{ background: CLUSTER_COLOURS[c] }} />{tg(c, lang)}{hs ? ` (${formatInt(counts.get(c) ?? 0, lang, thaiDigits)})` : ''}</li>
        ))}
      </ul>
      {source}
    </div>
  );
}
