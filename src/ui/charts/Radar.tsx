/**
 * Radar of the 5 TPMAP dimensions: target poor in each dimension per 100 people surveyed, for the
 * area and the country (TPMAP's dimension chart, made comparable across area sizes).
 */
export interface RadarSeries {
  label: string;
  values: number[];
  colour: string;
}

export function Radar({ axes, series, size = 220 }: { axes: string[]; series: RadarSeries[]; size?: number }) {
  // Labels sit outside the web: leave ~50 px each side so Thai labels are never clipped.
  const cx = size / 2, cy = size / 2 + 4, r = size / 2 - 52;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const pt = (k: number, v: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * k) / axes.length;
    return [cx + Math.cos(a) * r * v, cy + Math.sin(a) * r * v];
  };
  return (
    <svg width={size} height={size} role="img" aria-label="radar" data-testid="radar">
      {[0.25, 0.5, 0.75, 1].map((g) => (
        <polygon key={g} points={axes.map((_, k) => pt(k, g).join(',')).join(' ')} fill="none" stroke="#d5dbe3" />
      ))}
      {axes.map((a, k) => {
        const [x, y] = pt(k, 1);
        const [lx, ly] = pt(k, 1.22);
        return (
          <g key={a}>
            <line x1={cx} y1={cy} x2={x} y2={y} stroke="#d5dbe3" />
            <text x={lx} y={ly} fontSize="11" textAnchor="middle" dominantBaseline="middle">{a}</text>
          </g>
        );
      })}
      {series.map((s) => (
        <polygon key={s.label} points={s.values.map((v, k) => pt(k, Number.isFinite(v) ? v / max : 0).join(',')).join(' ')} fill={s.colour} fillOpacity={0.25} stroke={s.colour} strokeWidth={2} />
      ))}
    </svg>
  );
}
