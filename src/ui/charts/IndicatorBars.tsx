/** The 17 indicators as paired bars: people failing vs target poor failing (TPMAP-style). */
export interface IndicatorRow {
  label: string;
  title: string;
  failing: number;
  targetFailing: number;
}

export function IndicatorBars({ rows, format, legend }: { rows: IndicatorRow[]; format: (n: number) => string; legend: [string, string] }) {
  const max = Math.max(1, ...rows.map((r) => r.failing));
  return (
    <div className="ind-bars" data-testid="indicator-bars">
      <div className="ind-legend small"><span className="sw fail" /> {legend[0]} <span className="sw target" /> {legend[1]}</div>
      {rows.map((r) => (
        <div className="ind-row" key={r.label} title={r.title}>
          <span className="ind-label">{r.label}</span>
          <span className="ind-track">
            <span className="bar fail" style={{ width: `${(100 * r.failing) / max}%` }} />
            <span className="bar target" style={{ width: `${(100 * r.targetFailing) / max}%` }} />
          </span>
          <span className="ind-num">{format(r.targetFailing)} / {format(r.failing)}</span>
        </div>
      ))}
    </div>
  );
}
