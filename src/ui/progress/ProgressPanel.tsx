/**
 * The follow-up tab (issue 11): dates (as-of, start, deadline), the selected area's numbers,
 * its burn-up chart, the PDCA board, the areas furthest behind and the CSV export. Everything is
 * computed in the worker from the active workspace's own records and target poor
 * (store/progressStore.ts); this component only lays the answer out.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../../store/store';
import { importFiles, select } from '../../store/actions';
import { areaName } from '../../store/names';
import {
  effectiveAsOf,
  exportProgressCsv,
  resetDates,
  setAsOf,
  setBehindBy,
  setDeadline,
  setStart,
  setSuppressSmall,
  showProgressOnMap,
  useProgress,
} from '../../store/progressStore';
import { dayOfYmd, isoOfDay } from '../../domain/progress/days';
import { RECORD_DIMENSIONS, RECORD_STAGES } from '../../domain/progress/records';
import type { PdcaBoard } from '../../domain/progress/pdca';
import type { AdminLevel } from '../../domain/adminCodes';
import { formatInt, formatPercent, type Lang } from '../../text/i18n';
import { formatDay, tp } from '../../text/progressStrings';
import { BurnUpChart } from './BurnUpChart';
import './progress.css';

function parseIso(v: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const d = dayOfYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  return Number.isFinite(d) ? d : null;
}

/** An ISO date picker that shows the Buddhist-era date beside it. */
function DateField({ label, day, onCommit, testId, lang, thaiDigits, placeholder }: { label: string; day: number | null; onCommit: (d: number | null) => void; testId: string; lang: Lang; thaiDigits: boolean; placeholder?: string }) {
  const [text, setText] = useState(day === null ? '' : isoOfDay(day));
  useEffect(() => setText(day === null ? '' : isoOfDay(day)), [day]);
  const parsed = text === '' ? null : parseIso(text);
  return (
    <label className="pg-date">
      <span>{label}</span>
      <input
        type="date"
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const d = e.target.value === '' ? null : parseIso(e.target.value);
          if (e.target.value === '' || d !== null) onCommit(d);
        }}
      />
      <span className="small muted" data-testid={`${testId}-be`}>
        {text !== '' && parsed === null ? tp('badDate', lang) : day !== null ? formatDay(day, 'th', thaiDigits) : placeholder ?? ''}
      </span>
    </label>
  );
}

function Num({ id, label, value, lang, thaiDigits, kind = 'int', note }: { id: string; label: string; value: number | null; lang: Lang; thaiDigits: boolean; kind?: 'int' | 'pct'; note?: string }) {
  const text = value === null || !Number.isFinite(value) ? '–' : kind === 'pct' ? formatPercent(value, lang, thaiDigits, 1) : formatInt(value, lang, thaiDigits);
  return (
    <div className="stat">
      <div className="small muted">{label}</div>
      <div className="pg-num" data-testid={`pg-${id}`}>{text}</div>
      {note && <div className="small muted">{note}</div>}
    </div>
  );
}

function Board({ board, lang, thaiDigits, name }: { board: PdcaBoard; lang: Lang; thaiDigits: boolean; name: (c: string) => string }) {
  const fi = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : formatInt(x, lang, thaiDigits));
  return (
    <div className="pg-pdca" data-testid="pdca">
      <section data-testid="pdca-plan">
        <h4>{tp('plan', lang)}</h4>
        <div>{tp('targetGroup', lang)}: <b>{fi(board.plan.targetGroup)}</b></div>
        <div className="small muted">{tp('planByDim', lang)}</div>
        <ul>
          {RECORD_DIMENSIONS.filter((d) => d !== 'debt').map((d) => <li key={d}>{tp(d, lang)} <span className="num">{fi(board.plan.targetByDimension[d])}</span></li>)}
        </ul>
        <div className="small muted">{formatDay(Date.parse(board.plan.startIso) / 86_400_000, lang, thaiDigits)} → {formatDay(Date.parse(board.plan.deadlineIso) / 86_400_000, lang, thaiDigits)}</div>
      </section>
      <section data-testid="pdca-do">
        <h4>{tp('do', lang)}</h4>
        <div>{tp('visited', lang)}: <b data-testid="pdca-visited">{fi(board.do.visited)}</b></div>
        <div>{tp('helped', lang)}: <b data-testid="pdca-helped">{fi(board.do.helped)}</b></div>
        <div>{tp('inProgress', lang)}: <b>{fi(board.do.inProgress)}</b></div>
        <div className="small muted">{tp('recorded', lang)}: {fi(board.do.recorded)}</div>
      </section>
      <section data-testid="pdca-check">
        <h4>{tp('check', lang)}</h4>
        <div>{tp('resolved', lang)}: <b data-testid="pdca-resolved">{fi(board.check.resolved)}</b> ({board.check.resolutionRate === null ? '–' : formatPercent(board.check.resolutionRate, lang, thaiDigits, 1)})</div>
        <div className="small muted">{tp('stages', lang)}</div>
        <ul>
          {RECORD_STAGES.map((s) => <li key={s}>{tp(s, lang)} <span className="num">{fi(board.check.byStage[s])}</span></li>)}
        </ul>
        <div className={board.check.behind ? 'pg-behind' : 'pg-ontrack'} data-testid="pdca-status">{board.check.behind ? `⚠ ${tp('behind', lang)}` : `✓ ${tp('onTrack', lang)}`}</div>
      </section>
      <section data-testid="pdca-act">
        <h4>{tp('act', lang)}</h4>
        <div className="small muted">{tp('childrenBehind', lang)}</div>
        {board.act.childrenBehind.length ? (
          <ul>
            {board.act.childrenBehind.slice(0, 5).map((a) => (
              <li key={a.code}><button type="button" className="link" onClick={() => select(a.code)}>{name(a.code)}</button> <span className="num">−{fi(a.shortfallPeople)}</span></li>
            ))}
          </ul>
        ) : <div className="small">{tp('noneBehind', lang)}</div>}
        <div className="small muted">{tp('dimsBehind', lang)}</div>
        {board.act.dimensionsBehind.length ? (
          <ul>
            {board.act.dimensionsBehind.map((d) => <li key={d.dimension}>{tp(d.dimension, lang)} <span className="num">−{fi(d.shortfallPeople)}</span></li>)}
          </ul>
        ) : <div className="small">{tp('noneBehind', lang)}</div>}
      </section>
    </div>
  );
}

export function ProgressPanel() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const mapMode = useApp((s) => s.mapMode);
  const p = useProgress((s) => s);
  const [exportLevel, setExportLevel] = useState<AdminLevel>('province');

  useEffect(() => {
    showProgressOnMap(true);
    return () => showProgressOnMap(false);
  }, []);

  if (!ds) return null;
  const name = (c: string) => areaName(ds, c, lang);
  const info = p.info && p.info.datasetId === ds.id ? p.info : null;
  const fi = (x: number) => formatInt(x, lang, thaiDigits);
  if (!info) return <div className="pg-panel muted" data-testid="progress-panel">{tp('loading', lang)}</div>;
  const recordsLayer = ds.layers.find((l) => l.kind === 'records');
  if (!info.hasRecords) {
    return (
      <div className="pg-panel" data-testid="progress-panel">
        <h3>{tp('title', lang)}</h3>
        <p data-testid="progress-missing"><b>{tp('noRecordsTitle', lang)}</b></p>
        <p className="small">{tp('noRecordsHelp', lang)}</p>
        <label className="file-button">
          {tp('openRecords', lang)}
          <input type="file" accept=".csv,.txt,text/csv" hidden data-testid="progress-open" onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFiles([{ name: f.name, file: f }]);
            e.target.value = '';
          }} />
        </label>
      </div>
    );
  }
  const a = p.answer;
  const asOf = effectiveAsOf(p);
  const board = a?.board ?? null;
  const synthetic = recordsLayer?.synthetic ?? info.synthetic;
  return (
    <div className="pg-panel" data-testid="progress-panel">
      <h3>{tp('title', lang)}</h3>
      {synthetic && <div className="synthetic-badge" data-testid="progress-synthetic">{tp('synthetic', lang)}</div>}
      <div className="small muted" data-testid="progress-records">
        {fi(info.records)} {tp('recordsLine', lang)} · {fi(info.cases)} {tp('casesLine', lang)} · {formatDay(info.firstDay, lang, thaiDigits)} – {formatDay(info.lastDay, lang, thaiDigits)}
        {recordsLayer?.source.files.length ? ` · ${recordsLayer.source.files.map((f) => f.name).join(', ')}` : ''}
      </div>
      <label className="check">
        <input type="checkbox" checked={mapMode === 'progress'} onChange={(e) => showProgressOnMap(e.target.checked)} data-testid="progress-map-toggle" />
        {tp('mapMode', lang)}
      </label>

      <fieldset className="pg-dates">
        <DateField label={tp('asOf', lang)} day={asOf} onCommit={(d) => setAsOf(d)} testId="progress-asof" lang={lang} thaiDigits={thaiDigits} />
        {Number.isFinite(info.firstDay) && (
          <input
            type="range"
            className="pg-slider"
            min={info.firstDay}
            max={Math.max(info.lastDay, p.deadlineDay)}
            step={1}
            value={asOf ?? info.lastDay}
            onChange={(e) => setAsOf(Number(e.target.value))}
            aria-label={tp('asOf', lang)}
            data-testid="progress-asof-slider"
          />
        )}
        <DateField label={tp('start', lang)} day={p.startDay} onCommit={(d) => setStart(d)} testId="progress-start" lang={lang} thaiDigits={thaiDigits} placeholder={`${tp('startAuto', lang)}: ${a ? formatDay(a.schedule.startDay, 'th', thaiDigits) : ''}`} />
        <DateField label={tp('deadline', lang)} day={p.deadlineDay} onCommit={(d) => d !== null && setDeadline(d)} testId="progress-deadline" lang={lang} thaiDigits={thaiDigits} />
        <button type="button" className="link" onClick={resetDates}>{tp('resetDates', lang)}</button>
      </fieldset>

      {a && board ? (
        <>
          <h4 className="pg-area" data-testid="progress-scope">{name(a.scope)}</h4>
          <div className="small muted">{tp('targetRule', lang)}</div>
          <div className="stats pg-stats">
            <Num id="target" label={tp('targetGroup', lang)} value={board.plan.targetGroup} lang={lang} thaiDigits={thaiDigits} />
            <Num id="reached" label={tp('reached', lang)} value={board.do.visited} lang={lang} thaiDigits={thaiDigits} />
            <Num id="helped" label={tp('helped', lang)} value={board.do.helped} lang={lang} thaiDigits={thaiDigits} />
            <Num id="resolved" label={tp('resolved', lang)} value={board.check.resolved} lang={lang} thaiDigits={thaiDigits} />
            <Num id="in-progress" label={tp('inProgress', lang)} value={board.do.inProgress} lang={lang} thaiDigits={thaiDigits} />
            <Num id="rate" label={tp('resolutionRate', lang)} value={board.check.resolutionRate} lang={lang} thaiDigits={thaiDigits} kind="pct" />
            <Num id="debt" label={tp('debtResolved', lang)} value={board.check.debtResolvedBaht} lang={lang} thaiDigits={thaiDigits} />
            <Num id="outside" label={tp('outside', lang)} value={board.check.foundOutsideTarget} lang={lang} thaiDigits={thaiDigits} />
            <Num id="expected" label={tp('expected', lang)} value={board.check.expectedByNow} lang={lang} thaiDigits={thaiDigits} note={formatPercent(a.schedule.expectedFraction, lang, thaiDigits, 1)} />
            <div className="stat">
              <div className="small muted">{tp('asOf', lang)} {asOf !== null ? formatDay(asOf, lang, thaiDigits) : ''}</div>
              <div className={board.check.behind ? 'pg-behind' : 'pg-ontrack'} data-testid="pg-status">{board.check.behind ? `⚠ ${tp('behind', lang)}` : `✓ ${tp('onTrack', lang)}`}</div>
            </div>
          </div>

          <h4>{tp('burnUp', lang)}</h4>
          <BurnUpChart burnUp={a.burnUp} lang={lang} thaiDigits={thaiDigits} />

          <h4>{tp('pdca', lang)}</h4>
          <Board board={board} lang={lang} thaiDigits={thaiDigits} name={name} />

          <h4>{tp('furthestBehind', lang)} {a.behind.level ? `(${tp(a.behind.level, lang)})` : ''}</h4>
          <div className="segmented small">
            <button type="button" className={p.behindBy === 'shortfall' ? 'on' : ''} onClick={() => setBehindBy('shortfall')}>{tp('byShortfall', lang)}</button>
            <button type="button" className={p.behindBy === 'ratio' ? 'on' : ''} onClick={() => setBehindBy('ratio')}>{tp('byRatio', lang)}</button>
          </div>
          <div className="small muted" data-testid="behind-total">{tp('behindOf', lang)} {fi(a.behind.total)}</div>
          <ol className="pg-behind-list" data-testid="behind-list">
            {a.behind.areas.map((x) => (
              <li key={x.code} data-code={x.code}>
                <button type="button" className="link" onClick={() => select(x.code)}>{name(x.code)}</button>
                <span className="num small">{fi(x.resolved)} / {fi(x.expectedByNow)} · −{fi(x.shortfallPeople)}</span>
              </li>
            ))}
          </ol>

          <fieldset className="pg-export">
            <label className="check">
              <input type="checkbox" checked={p.suppressSmall} onChange={(e) => setSuppressSmall(e.target.checked)} data-testid="progress-suppress" />
              {tp('suppress', lang)}
            </label>
            <label className="small">
              {tp('exportLevel', lang)}{' '}
              <select value={exportLevel} onChange={(e) => setExportLevel(e.target.value as AdminLevel)} data-testid="progress-export-level">
                {(['country', 'province', 'district', 'subdistrict', 'village'] as AdminLevel[]).map((l) => <option key={l} value={l}>{tp(l, lang)}</option>)}
              </select>
            </label>
            <button type="button" className="file-button" onClick={() => void exportProgressCsv(exportLevel)} data-testid="progress-export">{tp('exportCsv', lang)}</button>
          </fieldset>
          <div className="small muted" data-testid="progress-ms">
            {tp('computedIn', lang)} {p.computeMs !== null ? p.computeMs.toFixed(1) : '–'} {tp('ms', lang)}{p.roundTripMs !== null ? ` (round trip ${p.roundTripMs.toFixed(0)} ms)` : ''}
          </div>
        </>
      ) : (
        <div className="muted" data-testid="progress-computing">{p.computing ? tp('computing', lang) : p.error ?? ''}</div>
      )}
    </div>
  );
}
