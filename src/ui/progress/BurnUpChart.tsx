/**
 * Burn-up chart of one area (SVG): cumulative people resolved per month (each case by its latest
 * record at each month end) against the straight target line from start to deadline, with the
 * as-of date marked. Pure presentation of the worker's BurnUp series.
 */
import type { BurnUp } from '../../domain/progress/compute';
import { ymdOfDay } from '../../domain/progress/days';
import { formatInt, type Lang } from '../../text/i18n';
import { formatDay, formatMonth, tp } from '../../text/progressStrings';

const W = 340, H = 190, L = 46, R = 8, T = 10, B = 34;

export function BurnUpChart({ burnUp, lang, thaiDigits }: { burnUp: BurnUp; lang: Lang; thaiDigits: boolean }) {
  const pts = burnUp.points;
  if (pts.length < 2) return null;
  const d0 = pts[0].day, d1 = pts[pts.length - 1].day;
  let yMax = burnUp.targetGroup ?? 0;
  for (const p of pts) yMax = Math.max(yMax, p.resolved ?? 0, p.expected ?? 0);
  if (!(yMax > 0)) yMax = 1;
  const x = (d: number) => L + ((d - d0) / Math.max(1, d1 - d0)) * (W - L - R);
  const y = (v: number) => T + (1 - v / yMax) * (H - T - B);
  const resolved = pts.filter((p) => p.resolved !== null);
  const resolvedPath = resolved.map((p, i) => `${i ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.resolved!).toFixed(1)}`).join('');
  const expected = pts.filter((p) => p.expected !== null);
  const expectedPath = expected.map((p, i) => `${i ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.expected!).toFixed(1)}`).join('');
  const asOf = burnUp.schedule.asOfDay;
  const deadline = burnUp.schedule.deadlineDay;
  // Month ticks: every month when the span is short, else every third (Jan, Apr, Jul, Oct).
  const ticks = pts.filter((p) => {
    const { month, day } = ymdOfDay(p.day);
    return day >= 28 && (pts.length <= 8 || month % 3 === 0);
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const last = resolved[resolved.length - 1];
  return (
    <figure className="pg-chart" data-testid="burnup">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={tp('burnUp', lang)}>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#e3e7ee" />
            <text x={L - 4} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#5a6270">{formatInt(v, lang, thaiDigits)}</text>
          </g>
        ))}
        {ticks.map((p) => (
          <text key={p.day} x={x(p.day)} y={H - B + 14} textAnchor="middle" fontSize="10" fill="#5a6270">{formatMonth(p.day, lang, thaiDigits)}</text>
        ))}
        {deadline >= d0 && deadline <= d1 && <line x1={x(deadline)} x2={x(deadline)} y1={T} y2={H - B} stroke="#8a94a6" strokeDasharray="2 3" />}
        {expectedPath && <path d={expectedPath} fill="none" stroke="#8a4b00" strokeWidth="1.5" strokeDasharray="6 4" data-testid="burnup-target" />}
        {resolvedPath && <path d={resolvedPath} fill="none" stroke="#2c7fb8" strokeWidth="2.5" data-testid="burnup-resolved" data-last={last?.resolved ?? ''} />}
        {last && <circle cx={x(last.day)} cy={y(last.resolved!)} r="3.5" fill="#2c7fb8" />}
        <line x1={x(asOf)} x2={x(asOf)} y1={T} y2={H - B} stroke="#0b3d91" strokeWidth="1.5" data-testid="burnup-asof" />
        <line x1={L} x2={W - R} y1={H - B} y2={H - B} stroke="#5a6270" />
      </svg>
      <figcaption className="small muted">
        <span className="pg-key"><span className="pg-line solid" /> {tp('burnResolved', lang)}</span>
        <span className="pg-key"><span className="pg-line dashed" /> {tp('burnTarget', lang)}{burnUp.targetGroup !== null ? ` (${formatInt(burnUp.targetGroup, lang, thaiDigits)} ${tp('people', lang)}, ${tp('deadline', lang)} ${formatDay(deadline, lang, thaiDigits)})` : ''}</span>
        <span className="pg-key"><span className="pg-line asof" /> {tp('burnAsOf', lang)} {formatDay(asOf, lang, thaiDigits)}</span>
      </figcaption>
    </figure>
  );
}
