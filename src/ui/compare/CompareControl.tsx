/**
 * Over the map: the briefing button, "save as slide", and "add to compare" for the selected
 * province or district (a finer selection offers its district) — the way to compare districts
 * without writing `compare=` by hand; the picks are the national table's ticks, so provinces
 * ticked there and areas added here make one list. Also the two full-window views this feature
 * owns (compare, briefing), mounted through a portal so the app shell needs no change.
 */
import { createPortal } from 'react-dom';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import { measureInfo } from '../../domain/mapMeasures';
import { formatYear } from '../../text/i18n';
import { addSlide, compareStore, setCompare, togglePicked, useCompare } from './compareStore';
import { CompareView } from './CompareView';
import { Briefing, startBriefing } from '../briefing/Briefing';
import { tc } from './text';

/** The area "add to compare" offers for a selection: the province, or the district of anything finer. */
export function compareCandidate(selection: string): string | null {
  if (!/^\d{2,8}$/.test(selection)) return null;
  return selection.length === 2 ? selection : selection.slice(0, 4);
}

export function CompareControl() {
  const lang = useApp((s) => s.lang);
  const ds = useApp((s) => s.dataset);
  const selection = useApp((s) => s.selection);
  const year = useApp((s) => s.year);
  const mapMeasure = useApp((s) => s.mapMeasure);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const n = useCompare((c) => c.slides.length);
  // Briefing shows compare slides itself; the compare view would only draw hidden maps behind it.
  // Nor while a deck is exported: a compare slide would build (and the next one destroy) its maps.
  const compare = useCompare((c) => c.compare.length >= 2 && !c.brief && !c.busyStep);
  const picked = useCompare((c) => c.picked);
  const title = `${measureInfo(mapMeasure)[lang]} · ${areaName(ds, selection, lang)} · ${formatYear(year, lang, thaiDigits)}`;
  const candidate = compareCandidate(selection);
  const isPicked = !!candidate && picked.includes(candidate);
  return (
    <>
      <div className="cmp-control">
        <button type="button" onClick={startBriefing} data-testid="brief-button">{tc('briefing', lang)}</button>
        <button type="button" onClick={() => addSlide(title)} data-testid="slide-add-map">+ {tc('saveSlide', lang)} ({n})</button>
      </div>
      {(candidate || picked.length > 0) && (
        <div className="cmp-control cmp-pick" data-testid="compare-pick">
          {candidate && (
            <button type="button" disabled={!isPicked && picked.length >= 4} onClick={() => togglePicked(candidate)} data-testid="compare-add" aria-pressed={isPicked}>
              {isPicked ? `− ${tc('removeFromCompare', lang)}` : `+ ${tc('addToCompare', lang)}`}: {areaName(ds, candidate, lang)}
            </button>
          )}
          {picked.length > 0 && (
            <>
              <span className="cmp-picked" aria-label={tc('pickedAreas', lang)} data-testid="compare-picked-list">{picked.map((c) => areaName(ds, c, lang)).join(' · ')}</span>
              <button type="button" disabled={picked.length < 2} onClick={() => setCompare(picked)} data-testid="compare-open">{tc('openCompare', lang)} ({picked.length})</button>
              <button type="button" onClick={() => compareStore.setState({ picked: [] })} data-testid="compare-clear">{tc('clearPicked', lang)}</button>
            </>
          )}
        </div>
      )}
      {compare && createPortal(<CompareView />, document.body)}
      {createPortal(<Briefing />, document.body)}
    </>
  );
}
