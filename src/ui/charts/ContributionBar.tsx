/** Alkire–Foster contributions of the dimensions to M0 as one stacked bar (they sum to 100 %). */
export interface Segment {
  label: string;
  share: number;
  colour: string;
}

export function ContributionBar({ segments, format }: { segments: Segment[]; format: (x: number) => string }) {
  return (
    <div data-testid="contribution-bar">
      <div className="stack">
        {segments.map((s) => (
          <span key={s.label} className="seg" style={{ width: `${Math.max(0, s.share) * 100}%`, background: s.colour }} title={`${s.label}: ${format(s.share)}`} />
        ))}
      </div>
      <ul className="stack-legend small">
        {segments.map((s) => (
          <li key={s.label}><span className="swatch" style={{ background: s.colour }} />{s.label} {format(s.share)}</li>
        ))}
      </ul>
    </div>
  );
}
