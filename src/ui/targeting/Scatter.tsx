/**
 * Need × potential scatter (canvas points, SVG brush and thresholds): point area ∝ target poor,
 * colour = quadrant. Dragging selects the areas inside the rectangle (the table and the map show
 * the same selection); hovering a point highlights it in the table and on the map, and a row or a
 * map area hovered elsewhere is ringed here.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { QUADRANT_IDS, QUADRANTS } from '../../domain/targeting/typology';
import { setBrushed, setHover, useTargeting } from '../../store/targetingStore';
import { useApp } from '../../store/store';
import { tg } from '../../text/targetingStrings';

const W = 380, H = 300, PAD = { l: 40, r: 10, t: 10, b: 34 };

export function Scatter() {
  const lang = useApp((s) => s.lang);
  const answer = useTargeting((s) => s.answer);
  const prepared = useTargeting((s) => s.prepared);
  const brushed = useTargeting((s) => s.brushed);
  const hover = useTargeting((s) => s.hover);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);

  const geom = useMemo(() => {
    if (!answer) return null;
    const idx: number[] = Array.from(answer.order);
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, tmax = 0;
    for (const i of idx) {
      x0 = Math.min(x0, answer.potential[i]); x1 = Math.max(x1, answer.potential[i]);
      y0 = Math.min(y0, answer.need[i]); y1 = Math.max(y1, answer.need[i]);
      tmax = Math.max(tmax, answer.targetPoor[i] || 0);
    }
    if (!(x1 > x0)) { x0 -= 0.5; x1 += 0.5; }
    if (!(y1 > y0)) { y0 -= 0.5; y1 += 0.5; }
    const sx = (v: number) => PAD.l + ((v - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
    const sy = (v: number) => H - PAD.b - ((v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
    const rMax = idx.length > 5000 ? 4 : idx.length > 500 ? 7 : 11;
    const r = (tp: number) => Math.max(1.2, rMax * Math.sqrt((tp || 0) / (tmax || 1)));
    return { idx, x0, x1, y0, y1, sx, sy, r };
  }, [answer]);

  const brushedSet = useMemo(() => new Set(brushed), [brushed]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !geom || !answer || !prepared) return;
    const ctx = c.getContext('2d')!;
    ctx.clearRect(0, 0, W, H);
    const any = brushedSet.size > 0;
    // Largest first, so small points stay visible on top.
    const order = [...geom.idx].sort((a, b) => (answer.targetPoor[b] || 0) - (answer.targetPoor[a] || 0));
    for (const i of order) {
      const q = QUADRANT_IDS[answer.quadrant[i]];
      if (!q) continue;
      const on = !any || brushedSet.has(prepared.codes[i]);
      ctx.globalAlpha = on ? 0.85 : 0.15;
      ctx.fillStyle = QUADRANTS[q].colour;
      ctx.beginPath();
      ctx.arc(geom.sx(answer.potential[i]), geom.sy(answer.need[i]), geom.r(answer.targetPoor[i]), 0, 2 * Math.PI);
      ctx.fill();
      ctx.globalAlpha = on ? 0.9 : 0.2;
      ctx.strokeStyle = '#555';
      ctx.lineWidth = 0.5;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    const h = hover ? prepared.codes.indexOf(hover) : -1;
    if (h >= 0 && answer.rank[h] > 0) {
      ctx.strokeStyle = '#d6006f';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.arc(geom.sx(answer.potential[h]), geom.sy(answer.need[h]), geom.r(answer.targetPoor[h]) + 4, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }, [geom, answer, prepared, brushedSet, hover]);

  // Ranked by need alone there is no potential axis to plot against (needOnly.ts).
  if (!answer || !geom || !prepared || answer.settings.needOnly) return null;
  const local = (e: React.MouseEvent) => {
    const b = (e.currentTarget as SVGElement).getBoundingClientRect();
    return { x: ((e.clientX - b.left) / b.width) * W, y: ((e.clientY - b.top) / b.height) * H };
  };
  const nearest = (x: number, y: number): number => {
    let best = -1, bd = 64;
    for (const i of geom.idx) {
      const dx = geom.sx(answer.potential[i]) - x, dy = geom.sy(answer.need[i]) - y;
      const d = dx * dx + dy * dy;
      if (d < bd) { bd = d; best = i; }
    }
    return best;
  };
  const finish = (d: NonNullable<typeof drag>) => {
    const xa = Math.min(d.x0, d.x1), xb = Math.max(d.x0, d.x1), ya = Math.min(d.y0, d.y1), yb = Math.max(d.y0, d.y1);
    if (xb - xa < 3 && yb - ya < 3) { setBrushed([]); return; }
    const codes: string[] = [];
    for (const i of geom.idx) {
      const x = geom.sx(answer.potential[i]), y = geom.sy(answer.need[i]);
      if (x >= xa && x <= xb && y >= ya && y <= yb) codes.push(prepared.codes[i]);
    }
    setBrushed(codes);
  };
  const tx = geom.sx(answer.thresholds.potential), ty = geom.sy(answer.thresholds.need);
  const fmt = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2));
  return (
    <figure className="tg-scatter" data-testid="tg-scatter">
      <figcaption className="small">{tg('scatter', lang)} · <span className="muted">{tg('brushHint', lang)}</span></figcaption>
      <div className="tg-scatter-box" style={{ width: W, height: H }}>
        <canvas ref={canvas} width={W} height={H} />
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          data-testid="tg-scatter-svg"
          data-domain={[geom.x0, geom.x1, geom.y0, geom.y1].join(',')}
          data-plot={[PAD.l, PAD.t, W - PAD.r, H - PAD.b].join(',')}
          onMouseDown={(e) => { const p = local(e); setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y }); }}
          onMouseMove={(e) => {
            const p = local(e);
            if (drag) setDrag({ ...drag, x1: p.x, y1: p.y });
            else { const i = nearest(p.x, p.y); setHover(i >= 0 ? prepared.codes[i] : null); }
          }}
          onMouseUp={() => { if (drag) finish(drag); setDrag(null); }}
          onMouseLeave={() => { if (drag) finish(drag); setDrag(null); setHover(null); }}
        >
          <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#888" />
          <line x1={PAD.l} x2={PAD.l} y1={PAD.t} y2={H - PAD.b} stroke="#888" />
          <line x1={tx} x2={tx} y1={PAD.t} y2={H - PAD.b} stroke="#333" strokeDasharray="4 3" />
          <line x1={PAD.l} x2={W - PAD.r} y1={ty} y2={ty} stroke="#333" strokeDasharray="4 3" />
          <text x={(PAD.l + W - PAD.r) / 2} y={H - 6} textAnchor="middle" fontSize="12">{tg('potential', lang)} →</text>
          <text x={12} y={(PAD.t + H - PAD.b) / 2} textAnchor="middle" fontSize="12" transform={`rotate(-90 12 ${(PAD.t + H - PAD.b) / 2})`}>{tg('need', lang)} →</text>
          <text x={PAD.l} y={H - PAD.b + 13} fontSize="10" fill="#555">{fmt(geom.x0)}</text>
          <text x={W - PAD.r} y={H - PAD.b + 13} fontSize="10" fill="#555" textAnchor="end">{fmt(geom.x1)}</text>
          <text x={PAD.l - 3} y={H - PAD.b} fontSize="10" fill="#555" textAnchor="end">{fmt(geom.y0)}</text>
          <text x={PAD.l - 3} y={PAD.t + 8} fontSize="10" fill="#555" textAnchor="end">{fmt(geom.y1)}</text>
          {drag && <rect x={Math.min(drag.x0, drag.x1)} y={Math.min(drag.y0, drag.y1)} width={Math.abs(drag.x1 - drag.x0)} height={Math.abs(drag.y1 - drag.y0)} fill="rgba(214,0,111,0.08)" stroke="#d6006f" />}
        </svg>
      </div>
    </figure>
  );
}
