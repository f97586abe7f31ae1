/**
 * The slides tab (issue 10 §4–5): save the current view as a slide, rename, annotate, reorder,
 * delete; export/import the deck as JSON; export PNG (this view, every slide) and PowerPoint;
 * the PDPA small-count switch; start briefing. Each slide says what it holds (area, year,
 * measure, feature layers, map mode, compared areas) under its title.
 */
import { useRef } from 'react';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import { deleteSlide, moveSlide, updateSlide } from '../../domain/slides/slides';
import { measureInfo } from '../../domain/mapMeasures';
import { formatYear } from '../../text/i18n';
import { addSlide, compareStore, goToSlide, setSlides, useCompare } from '../compare/compareStore';
import { tc } from '../compare/text';
import { exportAllPng, exportCurrentPng, exportPptx, exportSlidesJson, importSlidesJson } from './exportActions';
import { startBriefing } from './Briefing';
import { slideSummary } from './slideSummary';

export function SlidesPanel() {
  const lang = useApp((s) => s.lang);
  const ds = useApp((s) => s.dataset);
  const selection = useApp((s) => s.selection);
  const year = useApp((s) => s.year);
  const mapMeasure = useApp((s) => s.mapMeasure);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const slides = useCompare((c) => c.slides);
  const busy = useCompare((c) => c.busy);
  const suppress = useCompare((c) => c.suppress);
  // Until the workspace's saved slides are read, adding one would be overwritten by them.
  const loaded = useCompare((c) => !!ds && c.slidesFor === ds.id);
  const file = useRef<HTMLInputElement>(null);
  const title = () => `${measureInfo(mapMeasure)[lang]} · ${areaName(ds, selection, lang)} · ${formatYear(year, lang, thaiDigits)}`;
  return (
    <div className="panel slides-panel" data-testid="slides-panel">
      <div className="cmp-actions">
        <button type="button" className="primary" disabled={!loaded} onClick={() => addSlide(title())} data-testid="slide-add">{tc('saveSlide', lang)}</button>
        <button type="button" onClick={startBriefing} data-testid="brief-start">{tc('startBriefing', lang)}</button>
      </div>
      <label className="check"><input type="checkbox" checked={suppress} onChange={(e) => compareStore.setState({ suppress: e.target.checked })} data-testid="suppress" /> {tc('suppress', lang)}</label>
      <h3>{tc('slides', lang)} ({slides.length})</h3>
      {slides.length === 0 && <p className="muted small">{tc('noSlides', lang)}</p>}
      <ol className="slide-list" data-testid="slide-list">
        {slides.map((sl, i) => {
          const sum = slideSummary(sl.view, lang, (c) => areaName(ds, c, lang), (y) => formatYear(y, lang, thaiDigits));
          return (
          <li key={sl.id} data-testid={`slide-${i}`}>
            <input aria-label={tc('title', lang)} value={sl.title} onChange={(e) => setSlides(updateSlide(slides, sl.id, { title: e.target.value }))} data-testid={`slide-title-${i}`} />
            <div className="slide-holds small" aria-label={tc('slideHolds', lang)} data-testid={`slide-holds-${i}`}>
              <span className="muted">{sum.where}</span>
              {sum.holds.map((h) => <span key={h} className="slide-tag">{h}</span>)}
            </div>
            <textarea aria-label={tc('note', lang)} placeholder={tc('note', lang)} rows={2} value={sl.note} onChange={(e) => setSlides(updateSlide(slides, sl.id, { note: e.target.value }))} />
            <div className="slide-buttons">
              <button type="button" onClick={() => void goToSlide(i)} data-testid={`slide-show-${i}`}>{tc('show', lang)}</button>
              <button type="button" aria-label={tc('moveUp', lang)} disabled={i === 0} onClick={() => setSlides(moveSlide(slides, i, i - 1))}>↑</button>
              <button type="button" aria-label={tc('moveDown', lang)} disabled={i === slides.length - 1} onClick={() => setSlides(moveSlide(slides, i, i + 1))}>↓</button>
              <button type="button" onClick={() => setSlides(deleteSlide(slides, sl.id))} data-testid={`slide-delete-${i}`}>{tc('remove', lang)}</button>
            </div>
          </li>
          );
        })}
      </ol>
      <div className="cmp-actions column">
        <button type="button" disabled={!!busy} onClick={() => void exportCurrentPng()} data-testid="export-png">{tc('exportPng', lang)}</button>
        <button type="button" disabled={!!busy || !slides.length} onClick={() => void exportAllPng()} data-testid="export-png-all">{tc('exportAllPng', lang)}</button>
        <button type="button" disabled={!!busy || !slides.length} onClick={() => void exportPptx()} data-testid="export-pptx">{tc('exportPptx', lang)}</button>
        <button type="button" disabled={!slides.length} onClick={exportSlidesJson} data-testid="export-json">{tc('exportJson', lang)}</button>
        <button type="button" onClick={() => file.current?.click()} data-testid="import-json">{tc('importJson', lang)}</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importSlidesJson(f); e.target.value = ''; }} data-testid="import-json-file" />
        {busy && <span className="muted small" role="status">{tc('exporting', lang)}</span>}
      </div>
    </div>
  );
}
