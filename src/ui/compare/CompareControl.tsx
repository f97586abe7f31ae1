/**
 * Over the map: the briefing button and "save as slide"; and the two full-window views this
 * feature owns (compare, briefing), mounted through a portal so the app shell needs no change.
 */
import { createPortal } from 'react-dom';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import { measureInfo } from '../../domain/mapMeasures';
import { formatYear } from '../../text/i18n';
import { addSlide, useCompare } from './compareStore';
import { CompareView } from './CompareView';
import { Briefing, startBriefing } from '../briefing/Briefing';
import { tc } from './text';

export function CompareControl() {
  const lang = useApp((s) => s.lang);
  const ds = useApp((s) => s.dataset);
  const selection = useApp((s) => s.selection);
  const year = useApp((s) => s.year);
  const mapMeasure = useApp((s) => s.mapMeasure);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const n = useCompare((c) => c.slides.length);
  // Briefing shows compare slides itself; the compare view would only draw hidden maps behind it.
  const compare = useCompare((c) => c.compare.length >= 2 && !c.brief);
  const title = `${measureInfo(mapMeasure)[lang]} · ${areaName(ds, selection, lang)} · ${formatYear(year, lang, thaiDigits)}`;
  return (
    <>
      <div className="cmp-control">
        <button type="button" onClick={startBriefing} data-testid="brief-button">{tc('briefing', lang)}</button>
        <button type="button" onClick={() => addSlide(title)} data-testid="slide-add-map">+ {tc('saveSlide', lang)} ({n})</button>
      </div>
      {compare && createPortal(<CompareView />, document.body)}
      {createPortal(<Briefing />, document.body)}
    </>
  );
}
