/**
 * Briefing mode (issue 10 §3): a projector theme over the whole window — title, map with numbered
 * classes and thick outlines, the legend, three to five key numbers and the source line, every
 * text ≥ 24 px at 1920 × 1080 with contrast ≥ 7 : 1. Keyboard: → ↓ Space PgDn next, ← ↑ PgUp
 * previous, Home/End, Esc leaves.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../../store/store';
import { compareStore, goToSlide, setBrief, useCompare } from '../compare/compareStore';
import { mapSlot } from '../compare/mapSlot';
import { tc } from '../compare/text';
import { briefContent } from './content';
import './briefing.css';

export function startBriefing(): void {
  // Full screen needs a user gesture; the overlay covers the window either way.
  document.documentElement.requestFullscreen?.().catch(() => undefined);
  setBrief(true);
}

function onKey(e: KeyboardEvent): void {
  const c = compareStore.getState();
  if (!c.brief) return;
  const tag = (e.target as HTMLElement | null)?.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
  const n = c.slides.length;
  let to: number | null = null;
  switch (e.key) {
    case 'ArrowRight': case 'ArrowDown': case ' ': case 'PageDown': to = c.slideIndex + 1; break;
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': to = c.slideIndex - 1; break;
    case 'Home': to = 0; break;
    case 'End': to = n - 1; break;
    case 'Escape': e.preventDefault(); setBrief(false); return;
    default: return;
  }
  e.preventDefault();
  if (n && to !== null && to >= 0 && to < n && to !== c.slideIndex) void goToSlide(to);
}

export function Briefing() {
  const brief = useCompare((c) => c.brief);
  const c = useCompare((x) => x);
  const s = useApp((x) => x);
  // One set of maps per layout (1 map, 2 side by side, …), kept for the whole briefing and
  // stacked in the same place, the inactive ones invisible but laid out: a slide switch never
  // resizes a map's canvas nor remounts it (issue 15 §4) — it only gives the maps of its layout
  // their new view, which each draws as a Canvas2D still (StillMap in map/MiniMap.tsx).
  const [layouts, setLayouts] = useState<number[]>([1]);
  useEffect(() => {
    if (!brief) return;
    document.body.classList.add('cheepao-briefing');
    window.addEventListener('keydown', onKey);
    // Leaving the browser's full screen (its own Esc) leaves briefing mode too.
    const onFs = () => { if (!document.fullscreenElement && compareStore.getState().brief && entered) setBrief(false); };
    let entered = !!document.fullscreenElement;
    const onFsEnter = () => { if (document.fullscreenElement) entered = true; else onFs(); };
    document.addEventListener('fullscreenchange', onFsEnter);
    return () => {
      document.body.classList.remove('cheepao-briefing');
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFsEnter);
    };
  }, [brief]);
  const slide = brief && c.slides.length ? c.slides[c.slideIndex] ?? null : null;
  const content = brief ? briefContent(s, c, slide) : null;
  const wanted = content?.maps.length ?? 0;
  useEffect(() => {
    if (wanted > 0 && !layouts.includes(wanted)) setLayouts([...layouts, wanted].sort((a, b) => a - b));
  }, [wanted, layouts]);
  if (!brief) return <ExportCover />;
  const lang = s.lang;
  return (
    <div className="brief" role="dialog" aria-label={tc('briefing', lang)} data-testid="briefing" data-applying={c.applying ? '1' : '0'} data-slide={c.slideIndex}>
      {!content ? (
        <div className="brief-loading">…</div>
      ) : (
        <>
          <header className="brief-head">
            <h1 data-testid="brief-title">{content.title}</h1>
            <div className="brief-nav">
              {c.slides.length > 0 && <span data-testid="brief-counter">{c.slideIndex + 1} / {c.slides.length}</span>}
              <button type="button" onClick={() => setBrief(false)} data-testid="brief-leave">{tc('leave', lang)}</button>
            </div>
          </header>
          <div className="brief-sub">{content.subtitle}</div>
          <main className="brief-body">
            <div className="brief-stack">
              {(layouts.includes(content.maps.length) ? layouts : [...layouts, content.maps.length]).map((n) => {
                const on = n === content.maps.length;
                return (
                  <div key={n} className={`brief-maps n${n}${on ? '' : ' off'}`} aria-hidden={on ? undefined : true}>
                    {Array.from({ length: n }, (_, i) => {
                      const m = on ? content.maps[i] : undefined;
                      return (
                        <figure key={i} className="brief-fig" style={{ borderColor: m?.colour ?? '#000' }}>
                          {n > 1 && <figcaption style={{ borderBottomColor: m?.colour }}>{m?.caption ?? '\u00a0'}</figcaption>}
                          <mapSlot.Map spec={m?.spec ?? null} testId={m ? `brief-map-${i}` : undefined} className="brief-map" still />
                        </figure>
                      );
                    })}
                  </div>
                );
              })}
            </div>
            <aside className="brief-side">
              <div className="brief-legend" data-testid="brief-legend">
                <div className="brief-legend-title">{content.legend.title}</div>
                <ul>
                  {content.legend.rows.map((r) => (
                    <li key={r.colour}><span className="brief-swatch" style={{ background: r.colour }}>{content.legend.numbered && <b>{r.klass}</b>}</span>{r.label}</li>
                  ))}
                  <li><span className="brief-swatch nodata" style={content.legend.noDataColour ? { background: content.legend.noDataColour } : undefined} />{content.legend.noData}</li>
                </ul>
                {content.legend.notes?.map((n) => <div key={n} className="brief-legend-note">{n}</div>)}
              </div>
              <dl className="brief-numbers">
                {content.numbers.map((k) => (
                  <div key={k.id} className="brief-num">
                    <dt>{k.label}</dt>
                    <dd data-testid={`brief-num-${k.id}`}>{k.value}</dd>
                    {k.detail && <dd className="brief-detail">{k.detail}</dd>}
                  </div>
                ))}
              </dl>
            </aside>
          </main>
          <footer className="brief-foot" data-testid="brief-footer">
            {content.footer.map((l, i) => <div key={i} className={i === 2 ? 'brief-synthetic' : ''}>{l}</div>)}
          </footer>
        </>
      )}
    </div>
  );
}

/** While a deck is exported outside briefing mode: the app is out of layout, this says how far it got. */
function ExportCover() {
  const step = useCompare((c) => c.busyStep);
  const lang = useApp((s) => s.lang);
  if (!step) return null;
  return (
    <div className="brief-export-cover" role="status" data-testid="export-cover">
      {tc('exporting', lang)} {step[0]} / {step[1]}
    </div>
  );
}
