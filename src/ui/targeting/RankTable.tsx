/**
 * The ranking table at the current level: sortable, rate and count rankings side by side, each
 * row's score as a stacked bar of its parts (need + each potential input's contribution), filter
 * by quadrant, the scatter's brush, hover shared with the map and scatter; a click flies there.
 */
import { useMemo } from 'react';
import { QUADRANT_IDS } from '../../domain/targeting/typology';
import { classCodes, targetingClass } from '../../domain/targeting/needOnly';
import { inputDefinition, PILLARS } from '../../domain/targeting/inputs';
import { select } from '../../store/actions';
import { areaName } from '../../store/names';
import { useApp } from '../../store/store';
import { setBrushed, setHover, setSort, showMoreRows, toggleQuadrant, useTargeting, type SortKey } from '../../store/targetingStore';
import { formatInt, formatPercent } from '../../text/i18n';
import { tg } from '../../text/targetingStrings';

const PILLAR_COLOURS: Record<string, string[]> = {
  economy: ['#6a9fd8', '#8fb7e4', '#b4cfef'],
  services: ['#4f9a6e', '#73b08b', '#97c6a8', '#bbdcc5', '#5f8f7a', '#83a898'],
  infrastructure: ['#9b7bc1', '#b097cf', '#c5b3dd', '#dacfeb', '#8c6fae', '#a591c1'],
};
const NEED_COLOUR = '#e0803a';

export function inputColour(ids: readonly string[], j: number): string {
  const d = inputDefinition(ids[j]);
  const same = ids.filter((id) => inputDefinition(id).pillar === d.pillar);
  const pal = PILLAR_COLOURS[d.pillar];
  return pal[same.indexOf(ids[j]) % pal.length];
}

export function RankTable() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const answer = useTargeting((s) => s.answer);
  const prepared = useTargeting((s) => s.prepared);
  const sort = useTargeting((s) => s.sort);
  const qf = useTargeting((s) => s.quadrantFilter);
  const brushed = useTargeting((s) => s.brushed);
  const hover = useTargeting((s) => s.hover);
  const limit = useTargeting((s) => s.rowLimit);
  const stability = useTargeting((s) => s.stability);
  const st = stability && answer && stability.key === answer.key ? stability : null;

  const rows = useMemo(() => {
    if (!answer || !prepared) return [];
    const b = new Set(brushed);
    let idx = Array.from(answer.order);
    if (qf.length) idx = idx.filter((i) => qf.includes(answer.quadrant[i]));
    if (b.size) idx = idx.filter((i) => b.has(prepared.codes[i]));
    const val = (i: number): number | string => {
      switch (sort.key) {
        case 'rank': return answer.rank[i];
        case 'rankOther': return answer.rankOther ? answer.rankOther[i] || Infinity : 0;
        case 'need': return answer.needRaw[i];
        case 'potential': return answer.potential[i];
        case 'score': return answer.score[i];
        case 'targetPoor': return answer.targetPoor[i];
        case 'name': return areaName(ds, prepared.codes[i], lang);
        case 'median': return st ? st.rankMedian[i] : 0;
        case 'band': return st ? st.rankQ95[i] - st.rankQ05[i] : 0;
        case 'flip': return st ? st.quadrantFlipShare[i] : 0;
      }
    };
    if (sort.key !== 'rank' || sort.dir !== 1) {
      idx.sort((a, c) => {
        const x = val(a), y = val(c);
        const d = typeof x === 'string' ? x.localeCompare(String(y), lang) : (x as number) - (y as number);
        return d * sort.dir || answer.rank[a] - answer.rank[c];
      });
    }
    return idx;
  }, [answer, prepared, sort, qf, brushed, st, ds, lang]);

  if (!answer || !prepared) return null;
  const k = answer.inputIds.length;
  const maxScore = Math.max(1e-9, ...Array.from(answer.order.subarray(0, Math.min(answer.order.length, 5000)), (i) => Math.max(0, answer.score[i])));
  const otherLabel = answer.settings.need.as === 'rate' ? tg('rankOtherCount', lang) : tg('rankOtherRate', lang);
  const needFmt = (i: number) => (answer.settings.need.as === 'rate' ? formatPercent(answer.needRaw[i], lang, thaiDigits) : formatInt(answer.needRaw[i], lang, thaiDigits));
  const head = (key: SortKey, label: string) => (
    <th onClick={() => setSort(key)} className="sortable" data-sort={sort.key === key ? (sort.dir > 0 ? 'asc' : 'desc') : undefined} data-testid={`tg-sort-${key}`}>
      {label}{sort.key === key ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''}
    </th>
  );
  const needOnly = answer.settings.needOnly === true;
  const potScale = answer.potentialName === 'potential' ? answer.settings.priorityWeights.potential : 0;
  return (
    <section className="tg-table" data-testid="tg-table">
      <h3>{tg('table', lang)}</h3>
      <div className="tg-qfilter small" data-testid="tg-qfilter">
        {tg('filterQuadrant', lang)}:{' '}
        {classCodes(needOnly).map((q) => {
          const info = targetingClass(q, needOnly)!;
          return (
            <label key={q} className="tg-qchip" title={lang === 'th' ? info.familyTh : info.familyEn}>
              <input type="checkbox" checked={qf.includes(q)} onChange={() => toggleQuadrant(q)} data-testid={`tg-qfilter-${needOnly ? `need-${q}` : QUADRANT_IDS[q]}`} />
              <span className="swatch" style={{ background: info.colour }} />
              {lang === 'th' ? info.th : info.en}
            </label>
          );
        })}
      </div>
      {brushed.length > 0 && (
        <div className="small tg-brushed" data-testid="tg-brushed" data-count={brushed.length}>
          {formatInt(brushed.length, lang, thaiDigits)} {tg('brushed', lang)} · <button type="button" onClick={() => setBrushed([])}>{tg('clearBrush', lang)}</button>
        </div>
      )}
      <ul className="stack-legend small">
        <li><span className="swatch" style={{ background: NEED_COLOUR }} />{tg('need', lang)}</li>
        {answer.potentialName === 'potential'
          ? answer.inputIds.map((id, j) => answer.settings.weights[id] > 0 && <li key={id}><span className="swatch" style={{ background: inputColour(answer.inputIds, j) }} />{inputDefinition(id)[lang]}</li>)
          : <li><span className="swatch" style={{ background: '#9b7bc1' }} />{tg('low_potential', lang)}</li>}
      </ul>
      <table className="data tg-rows" data-testid="tg-rows">
        <thead>
          <tr>
            {head('rank', tg('colRank', lang))}
            {head('name', tg('colName', lang))}
            {head('need', tg('need', lang))}
            {head('potential', tg('potential', lang))}
            {head('score', tg('colScore', lang))}
            {head('targetPoor', tg('colTargetPoor', lang))}
            {head('rankOther', otherLabel)}
            {st && head('median', tg('colMedian', lang))}
            {st && head('band', tg('colBand', lang))}
            {st && head('flip', tg('colFlip', lang))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((i) => {
            const code = prepared.codes[i];
            const q = targetingClass(answer.quadrant[i], needOnly);
            const parts: { w: number; c: string; label: string }[] = [{ w: Math.max(0, answer.partNeed[i]), c: NEED_COLOUR, label: `${tg('need', lang)} ${answer.partNeed[i].toFixed(3)}` }];
            if (potScale > 0) {
              for (let j = 0; j < k; j++) {
                const v = answer.potentialParts.length ? potScale * answer.potentialParts[i * k + j] : NaN;
                if (v > 0) parts.push({ w: v, c: inputColour(answer.inputIds, j), label: `${inputDefinition(answer.inputIds[j])[lang]} ${v.toFixed(3)}` });
              }
            } else parts.push({ w: Math.max(0, answer.partPotential[i]), c: '#9b7bc1', label: `${tg(answer.potentialName, lang)} ${answer.partPotential[i].toFixed(3)}` });
            return (
              <tr
                key={code}
                data-code={code}
                data-rank={answer.rank[i]}
                className={`${hover === code ? 'hover' : ''} ${brushed.length && brushed.includes(code) ? 'brushed' : ''}`}
                onMouseEnter={() => setHover(code)}
                onMouseLeave={() => setHover(null)}
                onClick={() => select(code)}
              >
                <td className="num">{formatInt(answer.rank[i], lang, thaiDigits)}</td>
                <td><span className="swatch" title={q ? q[lang === 'th' ? 'familyTh' : 'familyEn'] : ''} style={{ background: q ? q.colour : '#fff' }} /> {areaName(ds, code, lang)}</td>
                <td className="num">{needFmt(i)}</td>
                <td className="num">{Number.isFinite(answer.potential[i]) ? answer.potential[i].toFixed(3) : '—'}</td>
                <td>
                  <span className="tg-bar" title={`${answer.score[i].toFixed(4)} = ${parts.map((p) => p.label).join(' + ')}`}>
                    {parts.map((p, n) => <span key={n} style={{ width: `${(100 * p.w) / maxScore}%`, background: p.c }} />)}
                  </span>
                  <span className="small num">{answer.score[i].toFixed(3)}</span>
                </td>
                <td className="num">{formatInt(answer.targetPoor[i], lang, thaiDigits)}</td>
                <td className="num">{answer.rankOther?.[i] ? formatInt(answer.rankOther[i], lang, thaiDigits) : '–'}</td>
                {st && <td className="num">{formatInt(st.rankMedian[i], lang, thaiDigits)}</td>}
                {st && (
                  <td className="num" title={`${st.rankQ05[i]} – ${st.rankQ95[i]}`}>
                    {formatInt(st.rankQ05[i], lang, thaiDigits)}–{formatInt(st.rankQ95[i], lang, thaiDigits)}
                  </td>
                )}
                {st && <td className="num">{formatPercent(st.quadrantFlipShare[i], lang, thaiDigits, 0)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > limit && <button type="button" onClick={showMoreRows}>{tg('showMore', lang)} ({formatInt(rows.length - limit, lang, thaiDigits)})</button>}
    </section>
  );
}

export { PILLARS };
