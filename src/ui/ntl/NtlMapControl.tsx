/**
 * The lights control on the map: on/off, opacity, and the legend of the colour ramp in
 * nW/cm²/sr (log(1 + x) scale, inferno) with the raster's name.
 */
import { useApp } from '../../store/store';
import { setNtlOpacity, setNtlVisible, useNtl } from '../../store/ntlStore';
import { DEFAULT_MAX_RADIANCE_NW, ntlColour, ntlLegendTicks } from '../../domain/raster/ntlColour';
import { formatSig } from '../../text/ntlFormat';
import { tn } from '../../text/ntlStrings';
import './ntl.css';

/** CSS gradient sampled along the ramp (24 stops, evenly in log(1 + x)). */
function rampGradient(maxNw: number): string {
  const stops: string[] = [];
  for (let k = 0; k <= 24; k++) {
    const t = k / 24;
    const v = Math.max(1e-6, Math.expm1(t * Math.log1p(maxNw)));
    const [r, g, b] = ntlColour(v, maxNw);
    stops.push(`rgb(${r}, ${g}, ${b}) ${(t * 100).toFixed(1)}%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

export function NtlMapControl() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const synthetic = useApp((s) => !!s.dataset?.manifest.synthetic);
  const demoName = useApp((s) => s.dataset?.manifest.files.ntl);
  const visible = useNtl((s) => s.visible);
  const opacity = useNtl((s) => s.opacity);
  const info = useNtl((s) => s.info);
  const loadingName = useNtl((s) => s.loadingName);
  if (!info && !loadingName) return null;
  const maxNw = info?.maxRadianceNw ?? DEFAULT_MAX_RADIANCE_NW;
  // Ticks at least 13 % of the bar apart, the ramp's top always shown.
  const all = ntlLegendTicks(maxNw);
  const ticks = all.filter((t, i) => i === all.length - 1 ? true : t.position < 0.8);
  const spaced: typeof all = [];
  for (const t of ticks) if (!spaced.length || t === ticks[ticks.length - 1] || t.position - spaced[spaced.length - 1].position >= 0.13) spaced.push(t);
  const isDemo = !!info && info.name === demoName;
  return (
    <div className="ntl-control" data-testid="ntl-control">
      <label className="ntl-toggle">
        <input type="checkbox" checked={visible} onChange={(e) => setNtlVisible(e.target.checked)} data-testid="ntl-toggle" />
        <span>{tn('layer', lang)}</span>
      </label>
      {visible && info && (
        <div className="ntl-legend" data-testid="ntl-legend">
          <label className="ntl-opacity">
            <span>{tn('opacity', lang)}</span>
            <input type="range" min={0} max={1} step={0.05} value={opacity} onChange={(e) => setNtlOpacity(Number(e.target.value))} data-testid="ntl-opacity" />
          </label>
          <div className="ntl-ramp" style={{ background: rampGradient(maxNw) }} />
          <div className="ntl-ticks">
            {spaced.map((t) => (
              <span key={t.radianceNw} style={{ left: `${t.position * 100}%` }}>{formatSig(t.radianceNw, lang, thaiDigits)}{t === spaced[spaced.length - 1] ? '+' : ''}</span>
            ))}
          </div>
          <div className="small muted">{tn('unit', lang)}</div>
          <div className="small ntl-name" data-testid="ntl-legend-name">
            {info.name}{info.bandCount > 1 ? ` · ${tn('band', lang)} ${info.band}${info.bandDescriptions[info.band - 1] ? ` (${info.bandDescriptions[info.band - 1]})` : ''}` : ''}
            {isDemo && synthetic && <span className="ntl-synthetic"> · {tn('synthetic', lang)}</span>}
          </div>
        </div>
      )}
      {loadingName && <div className="small muted">{tn('loading', lang)} {loadingName}</div>}
    </div>
  );
}
