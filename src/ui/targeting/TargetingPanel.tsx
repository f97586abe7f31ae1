/**
 * The targeting tab (issue 9): settings with every choice shown beside the result (formula,
 * effective weights, normalisation, notes, missing layers and the file that would fill them),
 * the scatter, the ranking table, rank stability, shortlist and scenarios, exports, hot spots.
 * A thin shell: the store asks the worker, this only renders and calls actions.
 */
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/store';
import { areaName } from '../../store/names';
import {
  activateTargeting, cancelRuns, currentShortlist, deleteScenario, exportRanking, resetWeights, runHotspots, runStability, saveScenario, scenarioComparison,
  setCompare, setHotspotSettings, setInputWeight, setMapMode, setPillarWeight, setRule, setStabilitySettings, setTargeting, useTargeting, type RunProgress,
} from '../../store/targetingStore';
import { inputDefinition, PILLAR_LABELS, PILLARS } from '../../domain/targeting/inputs';
import { CLUSTER_COLOURS, CLUSTER_LABELS, MAX_PERMUTATIONS } from '../../domain/hotspots';
import { formatInt, formatPercent } from '../../text/i18n';
import { hotspotNoteText, inputNoteText, tg } from '../../text/targetingStrings';
import { Scatter } from './Scatter';
import { RankTable } from './RankTable';
import type { TargetingLevel } from '../../data/targetingInputs';
import './targeting.css';

const LEVEL_DIGITS: Record<TargetingLevel, number> = { province: 2, district: 4, subdistrict: 6, village: 8 };

function Choice<T extends string>({ label, value, options, onChange, testId }: { label: string; value: T; options: { v: T; l: string }[]; onChange: (v: T) => void; testId: string }) {
  return (
    <label className="tg-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map((o) => <option key={o.v} value={o.v}>{o.l}</option>)}
      </select>
    </label>
  );
}

export function TargetingPanel() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const selection = useApp((s) => s.selection);
  const mapMode = useApp((s) => s.mapMode);
  // Field by field, not the whole state: a running pass updates its progress many times a second,
  // and re-rendering the panel (the scatter's thousands of points, the table) on each update
  // starves the main thread.
  const s = useTargeting((x) => x.settings);
  const a = useTargeting((x) => x.answer);
  const p = useTargeting((x) => x.prepared);
  const error = useTargeting((x) => x.error);
  const computing = useTargeting((x) => x.computing);
  useEffect(() => activateTargeting(), []);
  const L = (k: string) => tg(k, lang);
  const nf = (x: number) => formatInt(x, lang, thaiDigits);
  const needOnly = a?.settings.needOnly === true;
  const selWithin = selection !== 'TH' && selection.length < LEVEL_DIGITS[s.level] ? selection : null;

  return (
    <div className="panel tg-panel" data-testid="targeting-panel">
      <h2>{L('title')}</h2>
      <div className="tg-modes small" role="group" aria-label={L('mapShows')} data-testid="tg-modes">
        {L('mapShows')}:{' '}
        {(['need', 'targeting', 'hotspots'] as const).map((m) => (
          <button key={m} type="button" className={mapMode === m ? 'on' : ''} onClick={() => setMapMode(m)} data-testid={`tg-mode-${m}`}>
            {L(m === 'need' ? 'modeNeed' : m === 'targeting' ? 'modeTargeting' : 'modeHotspots')}
          </button>
        ))}
      </div>

      <section className="tg-settings" data-testid="tg-settings">
        <Choice label={L('level')} value={s.level} testId="tg-level" onChange={(level) => setTargeting({ level, within: s.within && s.within.length < LEVEL_DIGITS[level] ? s.within : null })}
          options={(['province', 'district', 'subdistrict', 'village'] as const).map((v) => ({ v, l: L(v) }))} />
        <div className="tg-field">
          <span>{L('scope')}</span>
          <span data-testid="tg-scope">{s.within ? `${L('withinSel')} ${areaName(ds, s.within, lang)}` : L('country')}</span>
          {selWithin && selWithin !== s.within && <button type="button" onClick={() => setTargeting({ within: selWithin })} data-testid="tg-scope-selection">{L('withinSel')} {areaName(ds, selWithin, lang)}</button>}
          {s.within && <button type="button" onClick={() => setTargeting({ within: null })}>{L('country')}</button>}
        </div>
        <Choice label={L('need')} value={s.needMeasure} testId="tg-need" onChange={(needMeasure) => setTargeting({ needMeasure })}
          options={(p?.needMeasures ?? ['target_poor']).map((v) => ({ v, l: L(`m_${v}`, ) }))} />
        <Choice label="" value={s.needAs} testId="tg-need-as" onChange={(needAs) => setTargeting({ needAs })} options={[{ v: 'rate', l: L('asRate') }, { v: 'count', l: L('asCount') }]} />
        {/* Ranked by need alone, the potential's strategy, weight, normalisation, aggregation and missing-value
            rule act on nothing (needOnly.ts): they are not offered, and a note says why. */}
        {needOnly ? <div className="muted small" data-testid="tg-potential-settings-hidden">{L('needOnlySettings')}</div> : <>
        <Choice label={L('strategy')} value={s.strategy} testId="tg-strategy" onChange={(strategy) => setTargeting({ strategy })} options={[{ v: 'livelihoods', l: L('livelihoods') }, { v: 'protection', l: L('protection') }]} />
        <label className="tg-field">
          <span>{L('needWeight')} {s.needWeight.toFixed(2)}</span>
          <input type="range" min={0} max={1} step={0.05} value={s.needWeight} onChange={(e) => setTargeting({ needWeight: Number(e.target.value) })} data-testid="tg-need-weight" />
        </label>
        <Choice label={L('normalise')} value={s.normalise} testId="tg-normalise" onChange={(normalise) => setTargeting({ normalise })} options={(['minmax', 'z', 'rank'] as const).map((v) => ({ v, l: L(v) }))} />
        <Choice label={L('aggregate')} value={s.aggregate} testId="tg-aggregate" onChange={(aggregate) => setTargeting({ aggregate })} options={(['linear', 'geometric'] as const).map((v) => ({ v, l: L(v) }))} />
        <Choice label={L('missing')} value={s.missing} testId="tg-missing" onChange={(missing) => setTargeting({ missing })} options={(['renormalise', 'exclude'] as const).map((v) => ({ v, l: L(v) }))} />
        </>}
        <Choice label={L('thresholds')} value={s.thresholdWeighting} testId="tg-thresholds" onChange={(thresholdWeighting) => setTargeting({ thresholdWeighting })} options={[{ v: 'areas', l: L('medianAreas') }, { v: 'people', l: L('medianPeople') }]} />
      </section>

      {p && (
        <section className="tg-weights" data-testid="tg-weights">
          {!needOnly && <h3>{L('weights')} <button type="button" onClick={resetWeights} className="small">{L('resetWeights')}</button></h3>}
          {!needOnly && PILLARS.map((pl) => {
            const ins = p.inputs.filter((d) => d.pillar === pl);
            if (!ins.length) return null;
            return (
              <fieldset key={pl} className="tg-pillar">
                <legend>
                  {PILLAR_LABELS[pl][lang]}{' '}
                  <input type="number" min={0} step={0.5} value={s.pillarWeights[pl]} onChange={(e) => setPillarWeight(pl, Number(e.target.value))} data-testid={`tg-pillar-${pl}`} />
                  {a && <span className="muted small"> → {formatPercent(a.settings.pillarWeights[pl] ?? 0, lang, thaiDigits, 0)}</span>}
                </legend>
                {ins.map((d) => (
                  <label key={d.id} className="tg-input small">
                    <input type="number" min={0} step={0.5} value={s.inputWeights[d.id] ?? 1} onChange={(e) => setInputWeight(d.id, Number(e.target.value))} data-testid={`tg-w-${d.id}`} />
                    {d[lang]} <span className="muted">({d.unit}{d.direction < 0 ? (lang === 'th' ? ', ยิ่งไกลยิ่งน้อย' : ', farther = less') : ''}{d.defaultTransform === 'log1p' ? ', log(1+x)' : ''})</span>
                    {a && <span className="muted"> = {formatPercent(a.settings.weights[d.id] ?? 0, lang, thaiDigits, 1)}</span>}
                  </label>
                ))}
              </fieldset>
            );
          })}
          {p.notes.length > 0 && (
            <div className="tg-missing-layers" data-testid="tg-missing-layers">
              <strong className="small">{L('missingLayers')}</strong>
              <ul className="small">{p.notes.map((n, i) => <li key={i} data-kind={n.kind}>{inputNoteText(n, lang)}</li>)}</ul>
            </div>
          )}
        </section>
      )}

      {error && <div className="load-error small" role="alert" data-testid="tg-error">{tg('rankFailed', lang)}: {error}</div>}
      {a?.settings.needOnly && (
        <div className="tg-need-only small" role="status" data-testid="tg-need-only">
          <strong>{L('needOnlyTitle')}</strong> {L('needOnlyBody')}
          {a.settings.unavailableInputs.length > 0 && (
            <> {L('needOnlyMissing')}: {a.settings.unavailableInputs.map((id) => inputDefinition(id)[lang]).join(', ')}.</>
          )}
        </div>
      )}
      {a && (
        <section className="tg-explain small" data-testid="tg-explain">
          <div><strong>{L('formula')}:</strong> <code data-testid="tg-formula">{a.formula}</code></div>
          <div>{L('need')}: {L(`m_${a.settings.need.measure}`)} ({L(a.settings.need.as === 'rate' ? 'asRate' : 'asCount')}) · {!needOnly && <>{L('normalise')}: {L(a.settings.normalise)} · {L('aggregate')}: {L(a.settings.aggregate)} · {L('missing')}: {L(a.settings.missing)} · </>}{L('thresholds')}: {L(s.thresholdWeighting === 'areas' ? 'medianAreas' : 'medianPeople')} ({L('need')} {a.thresholds.need.toFixed(3)}{needOnly ? '' : `, ${L('potential')} ${a.thresholds.potential.toFixed(3)}`})</div>
          <div className="muted">{L('steps')}: {a.settings.steps}</div>
          {/* Ranked by need alone, the first note says so in English only: the banner above says it in the user's language. */}
          <ul>{(a.settings.needOnly ? a.notes.slice(1) : a.notes).map((n, i) => <li key={i}>{n}</li>)}</ul>
          <div className="muted" data-testid="tg-rerank-ms" data-ms={a.ms.toFixed(2)}>
            {nf(a.ranked)} {L('ranked')} · {L('rerankMs')} {a.ms.toFixed(1)} ms{computing ? ` · ${L('computing')}` : ''}
          </div>
        </section>
      )}
      {!a && <div className="muted small">{L('computing')}</div>}

      <Scatter />
      <RankTable />
      <Stability />
      <ShortlistSection />
      {a && (
        <section className="tg-export">
          <button type="button" onClick={() => void exportRanking('csv')} data-testid="tg-export-csv">{L('exportCsv')}</button>{' '}
          <button type="button" onClick={() => void exportRanking('geojson')} data-testid="tg-export-geojson">{L('exportGeo')}</button>
        </section>
      )}
      <Hotspots />
    </div>
  );
}

function Stability() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ms = useTargeting((s) => s.stabilitySettings);
  const prog = useTargeting((s) => s.stabilityProgress);
  const res = useTargeting((s) => s.stability);
  const answer = useTargeting((s) => s.answer);
  const L = (k: string) => tg(k, lang);
  if (!answer) return null;
  // Ranked by need alone there are no potential weights or normalisations to vary.
  if (answer.settings.needOnly) return null;
  const cur = res && res.key === answer.key ? res : null;
  let flips = 0, width = 0, m = 0;
  if (cur) for (const i of answer.order) { m++; width += cur.rankQ95[i] - cur.rankQ05[i]; if (cur.quadrantFlipShare[i] >= 0.2) flips++; }
  return (
    <section className="tg-stability" data-testid="tg-stability">
      <h3>{L('stability')}</h3>
      <div className="tg-row small">
        <label>{L('draws')} <input type="number" min={10} max={10000} value={ms.draws} onChange={(e) => setStabilitySettings({ draws: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} data-testid="tg-draws" /></label>
        <label>{L('seed')} <input type="number" min={0} value={ms.seed} onChange={(e) => setStabilitySettings({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} /></label>
        <label>{L('concentration')} <input type="number" min={1} value={ms.concentration} onChange={(e) => setStabilitySettings({ concentration: Math.max(0.01, Number(e.target.value) || 50) })} /></label>
        <label><input type="checkbox" checked={ms.varyNormalisation} onChange={(e) => setStabilitySettings({ varyNormalisation: e.target.checked })} /> {L('varyNorm')}</label>
        {prog ? <CancelButton what="stability" cancelling={!!prog.cancelling} label={L(prog.cancelling ? 'cancelling' : 'cancel')} testId="tg-stability-cancel" /> : <button type="button" onClick={() => void runStability()} data-testid="tg-stability-run">{L('run')}</button>}
      </div>
      {prog && <RunProgressBar prog={prog} testId="tg-stability-progress" />}
      {cur && (
        <div className="small" data-testid="tg-stability-result" data-ms={cur.ms.toFixed(0)}>
          {formatInt(cur.draws, lang, thaiDigits)} {L('draws')} · {L('seed')} {cur.seed} · α {cur.concentration} · {L('stabilityDone')} {formatInt(cur.ms, lang, thaiDigits)} ms ·
          {' '}{L('colBand')} {lang === 'th' ? 'เฉลี่ย' : 'mean'} {m ? (width / m).toFixed(1) : '–'} · {formatInt(flips, lang, thaiDigits)} {L('flipping')}
          {' '}({Object.entries(cur.methodCounts).map(([k, v]) => `${k} ${v}`).join(', ')})
        </div>
      )}
    </section>
  );
}

function ShortlistSection() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const answer = useTargeting((s) => s.answer);
  const prepared = useTargeting((s) => s.prepared);
  const rule = useTargeting((s) => s.rule);
  const scenarios = useTargeting((s) => s.scenarios);
  const compare = useTargeting((s) => s.compare);
  const [name, setName] = useState('');
  const L = (k: string) => tg(k, lang);
  const nf = (x: number) => formatInt(x, lang, thaiDigits);
  if (!answer) return null;
  const list = currentShortlist({ answer, prepared, rule });
  const cmp = scenarioComparison({ scenarios, compare });
  return (
    <section className="tg-shortlist" data-testid="tg-shortlist">
      <h3>{L('shortlist')}</h3>
      <div className="tg-row small">
        <select value={rule.mode} onChange={(e) => setRule(e.target.value === 'count' ? { mode: 'count', areas: 20 } : e.target.value === 'reach' ? { mode: 'reach', targetPoor: 1000 } : { mode: 'budget', budget: 1_000_000, costPerArea: 100_000 })} data-testid="tg-rule-mode">
          <option value="count">{L('ruleCount')}</option>
          <option value="reach">{L('ruleReach')}</option>
          <option value="budget">{L('ruleBudget')}</option>
        </select>
        {rule.mode === 'count' && <input type="number" min={0} value={rule.areas} onChange={(e) => setRule({ mode: 'count', areas: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} data-testid="tg-rule-n" />}
        {rule.mode === 'reach' && <input type="number" min={0} value={rule.targetPoor} onChange={(e) => setRule({ mode: 'reach', targetPoor: Math.max(0, Number(e.target.value) || 0) })} data-testid="tg-rule-p" />}
        {rule.mode === 'budget' && (
          <>
            <input type="number" min={0} value={rule.budget} onChange={(e) => setRule({ ...rule, budget: Math.max(0, Number(e.target.value) || 0) })} data-testid="tg-rule-budget" />
            <label>{L('costPerArea')} <input type="number" min={0} value={rule.costPerArea ?? 0} onChange={(e) => setRule({ ...rule, costPerArea: Math.max(0, Number(e.target.value) || 0) })} data-testid="tg-rule-cost-area" /></label>
            <label>{L('costPerPerson')} <input type="number" min={0} value={rule.costPerPerson ?? 0} onChange={(e) => setRule({ ...rule, costPerPerson: Math.max(0, Number(e.target.value) || 0) })} data-testid="tg-rule-cost-person" /></label>
          </>
        )}
      </div>
      {list && (
        <div className="small" data-testid="tg-shortlist-result" data-areas={list.chosen.length} data-target-poor={list.targetPoorReached}>
          {L('areasChosen')} {nf(list.chosen.length)} · {L('tpReached')} {nf(list.targetPoorReached)} · {L('peopleReached')} {nf(list.peopleReached)} · {L('share')} {formatPercent(list.shareOfTargetPoor, lang, thaiDigits, 1)}
          {list.cost !== null && ` · ${nf(list.cost)}`}
          <div className="muted">{list.notes.join(' ')}</div>
          <div className="muted">{list.codes.slice(0, 12).map((c) => areaName(ds, c, lang)).join(', ')}{list.codes.length > 12 ? ' …' : ''}</div>
        </div>
      )}
      <div className="tg-row small">
        <input type="text" placeholder={L('scenarioName')} value={name} onChange={(e) => setName(e.target.value)} data-testid="tg-scenario-name" />
        <button type="button" disabled={!list} onClick={() => { void saveScenario(name); setName(''); }} data-testid="tg-scenario-save">{L('save')}</button>
      </div>
      {scenarios.length > 0 && (
        <>
          <h3>{L('scenarios')}</h3>
          <ul className="small tg-scenarios" data-testid="tg-scenarios">
            {scenarios.map((sc) => (
              <li key={sc.id} data-name={sc.name}>
                <strong>{sc.name}</strong> · {nf(sc.codes.length)} {L(sc.settings.ranking.level)} · {L('tpReached')} {nf(sc.targetPoor.reduce((x, y) => x + y, 0))} <span className="muted">({new Date(sc.createdAt).toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB')})</span>{' '}
                <button type="button" onClick={() => void deleteScenario(sc.id)}>{L('del')}</button>
              </li>
            ))}
          </ul>
          <div className="tg-row small">
            {L('compare')}:{' '}
            {([0, 1] as const).map((k) => (
              <select key={k} value={compare[k] ?? ''} onChange={(e) => setCompare(k, e.target.value || null)} data-testid={`tg-compare-${k}`}>
                <option value="">{k === 0 ? 'A' : 'B'}…</option>
                {scenarios.map((sc) => <option key={sc.id} value={sc.id}>{sc.name}</option>)}
              </select>
            ))}
          </div>
          {cmp && (
            <div className="small" data-testid="tg-compare-result" data-overlap={cmp.c.overlap}>
              {L('overlap')} {nf(cmp.c.overlap)} · {L('onlyA')} {nf(cmp.c.onlyA.length)} · {L('onlyB')} {nf(cmp.c.onlyB.length)} · {L('tpReached')} A {nf(cmp.c.targetPoorA)}, B {nf(cmp.c.targetPoorB)} · {L('either')} {nf(cmp.c.targetPoorEither)}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Stops the run in the worker; disabled once asked, until the worker says it has stopped. */
function CancelButton({ what, cancelling, label, testId }: { what: 'stability' | 'hotspots'; cancelling: boolean; label: string; testId: string }) {
  return <button type="button" onClick={() => cancelRuns(what)} disabled={cancelling} data-testid={testId}>{label}</button>;
}

/** The draws done of a running pass; the numbers ride along as data attributes for the e2e. */
function RunProgressBar({ prog, testId }: { prog: RunProgress; testId: string }) {
  return <progress max={prog.total} value={prog.done} data-testid={testId} data-done={prog.done} data-total={prog.total} />;
}

function Hotspots() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const hs = useTargeting((s) => s.hotspotSettings);
  const res = useTargeting((s) => s.hotspots);
  const prog = useTargeting((s) => s.hotspotProgress);
  const L = (k: string) => tg(k, lang);
  const nf = (x: number) => formatInt(x, lang, thaiDigits);
  // Per result, not per render: the progress of the next run re-renders this section often.
  const { counts, members } = useMemo(() => {
    const counts = new Map<string, number>();
    const members = new Map<string, string[]>();
    if (res)
      res.cluster.forEach((c, i) => {
        const label = CLUSTER_LABELS[c];
        counts.set(label, (counts.get(label) ?? 0) + 1);
        if (label !== 'not_significant' && label !== 'isolated' && label !== 'no_data') (members.get(label) ?? members.set(label, []).get(label)!).push(res.codes[i]);
      });
    return { counts, members };
  }, [res]);
  const floor = res?.notes.find((n) => n.kind === 'min_p_exceeds_fdr' || n.kind === 'min_p_exceeds_bonferroni');
  return (
    <section className="tg-hotspots" data-testid="tg-hotspots">
      <h3>{L('hotspots')}</h3>
      <div className="tg-row small">
        <select value={hs.level} onChange={(e) => setHotspotSettings({ level: e.target.value as 'subdistrict' | 'village' })} data-testid="hs-level">
          <option value="subdistrict">{L('queen')}</option>
          <option value="village">{L('knn')}</option>
        </select>
        <label>{L('measure')} <select value={hs.measure} onChange={(e) => setHotspotSettings({ measure: e.target.value as typeof hs.measure })} data-testid="hs-measure">
          {(['rate', 'target_poor', 'poor', 'headcount_ratio'] as const).map((m) => <option key={m} value={m}>{L(`m_${m}`)}</option>)}
        </select></label>
        <label>{L('permutations')} <input type="number" min={1} max={MAX_PERMUTATIONS} value={hs.permutations} onChange={(e) => setHotspotSettings({ permutations: Math.min(MAX_PERMUTATIONS, Math.max(1, Math.floor(Number(e.target.value) || 999))) })} data-testid="hs-permutations" /></label>
        <label>{L('alpha')} <input type="number" min={0.0001} max={0.5} step={0.01} value={hs.alpha} onChange={(e) => setHotspotSettings({ alpha: Math.min(0.5, Math.max(1e-6, Number(e.target.value) || 0.05)) })} /></label>
        <label>{L('correction')} <select value={hs.correction} onChange={(e) => setHotspotSettings({ correction: e.target.value as typeof hs.correction })} data-testid="hs-correction">
          {(['fdr', 'bonferroni', 'none'] as const).map((c) => <option key={c} value={c}>{L(c)}</option>)}
        </select></label>
        <label>{L('sigFrom')} <select value={hs.significanceFrom} onChange={(e) => setHotspotSettings({ significanceFrom: e.target.value as typeof hs.significanceFrom })} data-testid="hs-sig">
          <option value="local_moran">{L('local_moran')}</option>
          <option value="gi_star">{L('gi_star')}</option>
        </select></label>
        {prog ? <CancelButton what="hotspots" cancelling={!!prog.cancelling} label={L(prog.cancelling ? 'cancelling' : 'cancel')} testId="hs-cancel" /> : <button type="button" onClick={() => void runHotspots()} data-testid="hs-run">{L('run')}</button>}
      </div>
      {prog && <RunProgressBar prog={prog} testId="hs-progress" />}
      {res && (
        <div className="small" data-testid="hs-result" data-ms={res.ms.toFixed(0)} data-significant={res.significant} data-level={res.settings.level} data-permutations={res.settings.permutations}>
          <div>{nf(res.codes.length)} {L(res.settings.level)} · {res.weights} · {nf(res.settings.permutations)} {L('permutations')} · {L('globalI')} {res.globalMoranI.toFixed(3)} · {nf(res.significant)} {L('significant')} · {nf(res.ms)} ms</div>
          <ul className="tg-cluster-counts">
            {CLUSTER_LABELS.filter((c) => counts.get(c)).map((c) => <li key={c} data-cluster={c}><span className="swatch" style={{ background: CLUSTER_COLOURS[c] }} />{L(c)}: {nf(counts.get(c)!)}</li>)}
          </ul>
          {res.notes.map((n, i) => <p key={i} className="tg-note" data-kind={n.kind}>{hotspotNoteText(n, lang)}</p>)}
          {floor && (
            <div className="tg-row">
              {floor.kind !== 'islands' && 'permutationsNeeded' in floor && (
                <button type="button" onClick={() => { setHotspotSettings({ permutations: Math.min(MAX_PERMUTATIONS, floor.permutationsNeeded) }); void runHotspots(); }} data-testid="hs-more">
                  {L('useMore')} {nf(Math.min(MAX_PERMUTATIONS, floor.permutationsNeeded))}
                </button>
              )}
              <button type="button" onClick={() => { setHotspotSettings({ significanceFrom: 'gi_star' }); void runHotspots(); }} data-testid="hs-gi">{L('useGi')}</button>
            </div>
          )}
          {(['high-high', 'low-low', 'high-low', 'low-high'] as const).map((c) => {
            const list = members.get(c) ?? [];
            if (!list.length) return null;
            return (
              <details key={c} data-testid={`hs-list-${c}`}>
                <summary><span className="swatch" style={{ background: CLUSTER_COLOURS[c] }} />{L(c)} ({nf(list.length)})</summary>
                <p>{list.slice(0, 60).map((code) => areaName(ds, code, lang)).join(', ')}{list.length > 60 ? ' …' : ''}</p>
              </details>
            );
          })}
        </div>
      )}
    </section>
  );
}

export { inputDefinition };
