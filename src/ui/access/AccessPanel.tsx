/**
 * The services-and-access tab (issue 5 items 1, 2 and 4): service layers and their legend, the
 * "villages farther than X km from a <class>" filter, access of the selected area (and of a
 * selected village), the access settings, and service-file import with its type-mapping step and
 * report. Everything shown is computed in the worker; this component only reads the stores.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/store';
import { select, setCentroidPlacement } from '../../store/actions';
import { areaName } from '../../store/names';
import {
  activateAccess,
  applyMapping,
  cancelMapping,
  LIST_LIMIT,
  setAccessSettings,
  setFilter,
  setHighlight,
  setLevelVisible,
  setServiceVisible,
  setSizeByCapacity,
  useAccess,
  type ImportRecord,
} from '../../store/accessStore';
import { FAR_VILLAGE_RGB, SERVICE_MIN_ZOOM, styleOf } from '../../theme/serviceStyle';
import type { TypeTarget } from '../../data/services/typeMapping';
import type { AreaAccessRow, MappingRequest } from '../../worker/accessApi';
import { formatInt, formatPercent, type Lang } from '../../text/i18n';
import { formatKm, formatNumber, tx } from '../../text/accessStrings';
import './access.css';
import { importServiceFile } from '../../store/accessStore';
import { missingLayerHint } from '../../text/workspaceStrings';
import { PlacementNote } from '../workspace/WorkspacePanel';

const TARGETS: TypeTarget[] = ['hospital', 'health_promoting_hospital', 'school', 'ignore'];

function clsLabel(type: string, lang: Lang): string {
  return tx(`cls_${type}`, lang, type);
}

/** The map symbol of a class drawn in CSS, so the legend matches the deck.gl circles. */
export function ServiceSymbol({ type }: { type: string }) {
  const st = styleOf(type);
  const rgba = (c: number[]) => `rgba(${c[0]},${c[1]},${c[2]},${c[3] / 255})`;
  const size = Math.round(st.radiusPx * 2.4);
  return (
    <span
      className="svc-sym"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        background: st.centreDot ? `radial-gradient(circle, #fff 0 32%, ${rgba(st.fill)} 34%)` : rgba(st.fill),
        border: `${Math.max(2, st.lineWidthPx)}px solid ${rgba(st.line)}`,
        boxShadow: type === 'school' ? 'none' : '0 0 0 1px rgba(0,0,0,0.25)',
      }}
    />
  );
}

/** Digits-only integer input that commits valid values (≥ 0) and keeps what the user types. */
function KmInput({ value, onCommit, testId, label }: { value: number; onCommit: (v: number) => void; testId: string; label: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText(String(value));
  }, [value]);
  return (
    <input
      type="number"
      min={0}
      step="any"
      className="km-input"
      aria-label={label}
      data-testid={testId}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= 0) onCommit(v);
      }}
    />
  );
}

export function AccessPanel() {
  useEffect(() => {
    activateAccess();
  }, []);
  const lang = useApp((s) => s.lang);
  const services = useAccess((s) => s.services);
  const computed = useAccess((s) => s.computed);
  return (
    <div className="panel access-panel" data-testid="access-panel">
      <UnlocatedNote />
      <PlacementNote />
      <ServiceToggles />
      {!services ? <p className="muted">{tx('waiting', lang)}</p> : !computed ? <p className="muted">{tx('computing', lang)}</p> : null}
      <FilterSection />
      <AreaSection />
      <VillageSection />
      <SettingsSection />
      <ImportSection />
    </div>
  );
}

/**
 * Villages without a location have no distance to any service (issue 14 item 9): say how many,
 * which file adds them, and offer the subdistrict-centroid placement (as the targeting panel
 * names its missing inputs), instead of showing access only for the located ones silently.
 */
function UnlocatedNote() {
  const lang = useApp((s) => s.lang);
  const digits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const unlocated = useMemo(() => {
    if (!ds) return 0;
    let n = 0;
    for (let i = 0; i < ds.lon.length; i++) if (!Number.isFinite(ds.lon[i])) n++;
    return n;
  }, [ds?.lon]);
  const withoutLocation = ds?.joins?.villages_without_location.count ?? 0;
  if (!ds || (!unlocated && !ds.placement)) return null;
  const total = ds.villageCode.length;
  const th = lang === 'th';
  const n = formatInt(unlocated, lang, digits);
  const of = formatInt(total, lang, digits);
  return (
    <div className="missing-layer" data-testid="access-unlocated" data-unlocated={unlocated} data-villages={total}>
      {unlocated > 0 && (
        <p>
          {th
            ? `หมู่บ้าน ${n} จาก ${of} แห่งไม่มีพิกัด จึงไม่มีระยะทางถึงบริการ — ${missingLayerHint('villages', lang)}`
            : `${n} of ${of} villages have no location, so they have no distance to services — ${missingLayerHint('villages', lang)}`}
        </p>
      )}
      {(withoutLocation > 0 || ds.placement) && (
        <label className="check small">
          <input type="checkbox" checked={!!ds.placement} onChange={(e) => void setCentroidPlacement(e.target.checked)} data-testid="access-centroid-toggle" />{' '}
          {th ? 'วางหมู่บ้านที่ไม่มีพิกัดที่จุดกึ่งกลางตำบล (ระยะทางเป็นค่าประมาณ)' : 'Place villages without a location at their subdistrict’s centroid (approximate distances)'}
        </label>
      )}
    </div>
  );
}

function ServiceToggles() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const zoom = useApp((s) => s.zoom);
  const services = useAccess((s) => s.services);
  const visible = useAccess((s) => s.visible);
  const highlight = useAccess((s) => s.highlight);
  const sizeByCapacity = useAccess((s) => s.sizeByCapacity);
  const hiddenLevels = useAccess((s) => s.hiddenLevels);
  const counts = useMemo(() => {
    if (!services) return [];
    const n = services.typeNames.map(() => 0);
    const levels = services.typeNames.map(() => new Map<string, number>());
    for (let i = 0; i < services.count; i++) {
      const k = services.typeCode[i];
      n[k]++;
      const lv = services.level[i] ?? '';
      levels[k].set(lv, (levels[k].get(lv) ?? 0) + 1);
    }
    return services.typeNames
      .map((type, k) => ({ type, count: n[k], levels: [...levels[k]].sort((a, b) => b[1] - a[1]) }))
      .filter((x) => x.count > 0);
  }, [services]);
  const far = `rgb(${FAR_VILLAGE_RGB.join(',')})`;
  return (
    <section data-testid="service-legend">
      <h3>{tx('servicesTitle', lang)}</h3>
      {!services || counts.length === 0 ? <p className="muted">{services ? tx('noServices', lang) : ''}</p> : null}
      <ul className="svc-list">
        {counts.map(({ type, count, levels }) => {
          const minZoom = SERVICE_MIN_ZOOM[type] ?? 6.8;
          const hidden = hiddenLevels[type] ?? [];
          return (
            <li key={type} className="svc-class">
              <label className="svc-row">
                <input type="checkbox" checked={visible[type] !== false} onChange={(e) => setServiceVisible(type, e.target.checked)} data-testid={`service-toggle-${type}`} />
                <ServiceSymbol type={type} />
                <span className="svc-name">{clsLabel(type, lang)}</span>
                <span className="svc-count" data-testid={`service-count-${type}`} data-count={count}>
                  {formatInt(count, lang, thaiDigits)}
                </span>
              </label>
              {visible[type] !== false && zoom < minZoom && <span className="muted small svc-zoom">({tx('zoomToSee', lang)})</span>}
              {visible[type] !== false && levels.length > 1 && (
                <div className="svc-levels">
                  {levels.map(([level, c]) => (
                    <label key={level} className="check small">
                      <input type="checkbox" checked={!hidden.includes(level)} onChange={(e) => setLevelVisible(type, level, e.target.checked)} data-testid={`service-level-${type}-${level || 'none'}`} />
                      {tx(`level_${level}`, lang, level)} {formatInt(c, lang, thaiDigits)}
                    </label>
                  ))}
                </div>
              )}
            </li>
          );
        })}
        <li>
          <label className="svc-row">
            <input type="checkbox" checked={highlight} onChange={(e) => setHighlight(e.target.checked)} data-testid="access-highlight-toggle" />
            <span className="svc-sym" aria-hidden="true" style={{ width: 10, height: 10, background: far, border: '1.5px solid #fff', boxShadow: '0 0 0 1px rgba(0,0,0,0.35)' }} />
            <span className="svc-name">{tx('farLegend', lang)}</span>
          </label>
        </li>
      </ul>
      <label className="check small">
        <input type="checkbox" checked={sizeByCapacity} onChange={(e) => setSizeByCapacity(e.target.checked)} data-testid="access-size-by-capacity" />
        {tx('sizeByCapacity', lang)}
      </label>
    </section>
  );
}

function FilterSection() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const selection = useApp((s) => s.selection);
  const filterKm = useAccess((s) => s.filterKm);
  const filterType = useAccess((s) => s.filterType);
  const computed = useAccess((s) => s.computed);
  const query = useAccess((s) => s.query);
  const types = computed?.types ?? [];
  const f = query?.filter;
  const current = f && f.type === filterType && f.km === filterKm && query.selection === selection && query.resultVersion === computed?.resultVersion;
  return (
    <section className="access-filter" data-testid="access-filter">
      <h3>{tx('filterTitle', lang)}</h3>
      <div className="filter-line">
        <span>{tx('filterFrom', lang)}</span>
        {lang === 'th' ? (
          <>
            <select value={filterType} onChange={(e) => setFilter({ filterType: e.target.value })} data-testid="access-filter-type" aria-label={tx('cls', lang)}>
              {types.map((t) => (
                <option key={t} value={t}>{clsLabel(t, lang)}</option>
              ))}
            </select>
            <span>{tx('filterMore', lang)}</span>
            <KmInput value={filterKm} onCommit={(v) => setFilter({ filterKm: v })} testId="access-filter-km" label={tx('km', lang)} />
            <span>{tx('km', lang)}</span>
          </>
        ) : (
          <>
            <KmInput value={filterKm} onCommit={(v) => setFilter({ filterKm: v })} testId="access-filter-km" label={tx('km', lang)} />
            <span>{tx('filterKmFrom', lang)}</span>
            <select value={filterType} onChange={(e) => setFilter({ filterType: e.target.value })} data-testid="access-filter-type" aria-label={tx('cls', lang)}>
              {types.map((t) => (
                <option key={t} value={t}>{clsLabel(t, lang)}</option>
              ))}
            </select>
          </>
        )}
      </div>
      <p className="muted small" data-testid="access-filter-scope">
        {(query?.scope ?? selection) === 'TH' ? tx('scopeNational', lang) : `${tx('scopeIn', lang)} ${areaName(ds, query?.scope ?? selection, lang)}`}
      </p>
      {f && (
        <div className={`filter-result${current ? '' : ' stale'}`} data-stale={current ? '0' : '1'}>
          <span className="filter-count" data-testid="access-filter-count" data-count={f.count}>
            {formatInt(f.count, lang, thaiDigits)}
          </span>{' '}
          {tx('villagesFound', lang)} · {formatInt(f.totalPeople, lang, thaiDigits)} {tx('peopleIn', lang)}
        </div>
      )}
      {f && f.list.length > 0 && (
        <>
          <p className="muted small">
            {tx('listNote', lang)}
            {f.count > f.list.length ? ` (${tx('listShown', lang)} ${formatInt(Math.min(LIST_LIMIT, f.list.length), lang, thaiDigits)} ${tx('of', lang)} ${formatInt(f.count, lang, thaiDigits)})` : ''}
          </p>
          <div className="far-list">
            <table data-testid="access-far-list">
              <thead>
                <tr>
                  <th>{tx('code', lang)}</th>
                  <th>{tx('name', lang)}</th>
                  <th className="num">{tx('distance', lang)}</th>
                  <th className="num">{tx('people', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {f.list.map((v) => (
                  <tr key={v.index} className="clickable" onClick={() => select(v.code)} data-code={v.code}>
                    <td className="code">{v.code}</td>
                    <td>{areaName(ds, v.code, lang)}</td>
                    <td className="num">{formatKm(v.distanceKm, lang, thaiDigits)}</td>
                    <td className="num">{formatInt(v.people, lang, thaiDigits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function AreaSection() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const ds = useApp((s) => s.dataset);
  const query = useAccess((s) => s.query);
  const filterKm = useAccess((s) => s.filterKm);
  if (!query) return null;
  // Classes as columns, measures as rows: three classes fit the side panel's width.
  const rows: { key: string; label: string; cell: (r: AreaAccessRow) => string }[] = [
    { key: 'mean', label: tx('meanNearest', lang), cell: (r) => formatKm(r.meanNearestKm, lang, thaiDigits) },
    { key: 'beyond', label: `${tx('peopleBeyond', lang)} ${formatKm(filterKm, lang, thaiDigits)}`, cell: (r) => formatInt(r.peopleBeyond, lang, thaiDigits) },
    { key: 'share', label: tx('share', lang), cell: (r) => formatPercent(r.shareBeyond, lang, thaiDigits, 1) },
    { key: 'villages', label: `${tx('villagesBeyond', lang)} ${formatKm(filterKm, lang, thaiDigits)}`, cell: (r) => formatInt(r.villagesBeyond, lang, thaiDigits) },
    { key: 'twosfca', label: tx('twoSfca', lang), cell: (r) => formatNumber(r.meanTwoSfca, lang, thaiDigits, 2) },
  ];
  return (
    <section data-testid="access-area">
      <h3>
        {tx('areaTitle', lang)} · {areaName(ds, query.scope, lang)}
      </h3>
      <table className="access-table">
        <thead>
          <tr>
            <th />
            {query.area.map((r) => (
              <th key={r.type} className="num cls-head">
                <ServiceSymbol type={r.type} />
                <br />
                {clsLabel(r.type, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`access-area-${row.key}`}>
              <th className="row-head">{row.label}</th>
              {query.area.map((r) => (
                <td key={r.type} className="num" data-type={r.type}>
                  {row.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{tx('weightedNote', lang)}</p>
    </section>
  );
}

function VillageSection() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const v = useAccess((s) => s.query?.village);
  const radiusKm = useAccess((s) => s.radiusKm);
  if (!v) return null;
  return (
    <section data-testid="access-village">
      <h3>{tx('villageTitle', lang)}</h3>
      <ul className="nearest-list">
        {v.nearest.map((n) => (
          <li key={n.type} data-testid={`access-nearest-${n.type}`}>
            <ServiceSymbol type={n.type} />
            <span className="nearest-text">
              <strong>{clsLabel(n.type, lang)}</strong> {n.name}
              <br />
              <span className="nearest-km">{formatKm(n.distanceKm, lang, thaiDigits)}</span>
              <span className="muted small">
                {' · '}
                {tx('within', lang)} {formatKm(radiusKm, lang, thaiDigits)}: {formatInt(n.withinRadius, lang, thaiDigits)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">{tx('linesNote', lang)}</p>
    </section>
  );
}

function SettingsSection() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const radiusKm = useAccess((s) => s.radiusKm);
  const catchmentKm = useAccess((s) => s.catchmentKm);
  const computing = useAccess((s) => s.computing);
  const computed = useAccess((s) => s.computed);
  return (
    <section data-testid="access-settings">
      <h3>{tx('settingsTitle', lang)}</h3>
      <div className="settings-grid">
        <label>
          {tx('radiusKm', lang)}
          <KmInput value={radiusKm} onCommit={(v) => setAccessSettings({ radiusKm: v })} testId="access-radius-km" label={tx('radiusKm', lang)} />
        </label>
        <label>
          {tx('catchmentKm', lang)}
          <KmInput value={catchmentKm} onCommit={(v) => setAccessSettings({ catchmentKm: v })} testId="access-catchment-km" label={tx('catchmentKm', lang)} />
        </label>
      </div>
      <p className="muted small" data-testid="access-compute-ms" data-ms={computed ? Math.round(computed.ms) : ''}>
        {computing
          ? tx('computing', lang)
          : computed
            ? `${tx('computedIn', lang)} ${formatInt(computed.ms, lang, thaiDigits)} ${tx('ms', lang)} · ${formatInt(computed.villages, lang, thaiDigits)} ${tx('villagesServices', lang)} ${formatInt(computed.services, lang, thaiDigits)}`
            : ''}
      </p>
    </section>
  );
}

function ImportSection() {
  const lang = useApp((s) => s.lang);
  const hasServices = useApp((s) => s.dataset?.layers.some((l) => l.kind === 'services') ?? false);
  const imports = useAccess((s) => s.imports);
  const pending = useAccess((s) => s.pending);
  const importing = useAccess((s) => s.importing);
  const lastError = useAccess((s) => s.lastError);
  return (
    <section data-testid="access-import">
      <h3>{tx('importTitle', lang)}</h3>
      {!hasServices && <p className="missing-layer" data-testid="access-missing">{missingLayerHint('services', lang)}</p>}
      <p className="muted small">{tx('importHint', lang)}</p>
      <label className="file-button small">
        {lang === 'th' ? 'เพิ่มสถานบริการ (เฉพาะรอบนี้ ไม่บันทึก)…' : 'Add services (this session, not saved)…'}
        <input type="file" hidden accept=".csv,.tsv,.txt,.geojson,.json" data-testid="access-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importServiceFile(f); e.target.value = ''; }} />
      </label>
      {importing && <p className="muted">{tx('importing', lang)}</p>}
      {pending && <MappingStep key={pending.pendingId} request={pending} />}
      {lastError && (
        <p className="import-error" role="alert" data-testid="access-import-error">
          <strong>{tx('refused', lang)}:</strong> {lastError}
        </p>
      )}
      {[...imports].reverse().map((r, k) => (
        <ImportReportView key={`${r.report.source}-${imports.length - k}`} record={r} />
      ))}
    </section>
  );
}

function MappingStep({ request }: { request: MappingRequest }) {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const [choice, setChoice] = useState<Record<string, TypeTarget>>(() => Object.fromEntries(request.values.map((v) => [v.value, v.guess ?? 'ignore'])));
  const box = useRef<HTMLDivElement>(null);
  // The step waits for the user: bring it into view (the tab may be scrolled to the filter).
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="mapping" data-testid="access-mapping" ref={box}>
      <h4>
        {tx('mappingTitle', lang)}: {request.source}
      </h4>
      <p className="small">
        {tx('mappingIntro', lang)} “{request.typeColumn}” {tx('mappingIntro2', lang)}
      </p>
      {request.hasLmType && (
        <button type="button" className="primary" onClick={() => void applyMapping('gistda')} data-testid="access-mapping-gistda">
          {tx('gistdaPreset', lang)}
        </button>
      )}
      <div className="mapping-table">
        <table>
          <thead>
            <tr>
              <th>{tx('value', lang)}</th>
              <th className="num">{tx('rows', lang)}</th>
              <th>{tx('mapTo', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {request.values.map((v) => (
              <tr key={v.value}>
                <td className="code">{v.value || '∅'}</td>
                <td className="num">{formatInt(v.count, lang, thaiDigits)}</td>
                <td>
                  <select value={choice[v.value]} onChange={(e) => setChoice({ ...choice, [v.value]: e.target.value as TypeTarget })} data-testid={`access-map-${v.value}`}>
                    {TARGETS.map((t) => (
                      <option key={t} value={t}>{t === 'ignore' ? tx('ignore', lang) : clsLabel(t, lang)}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mapping-actions">
        <button type="button" className="primary" onClick={() => void applyMapping(choice)} data-testid="access-mapping-apply">
          {tx('importMapped', lang)}
        </button>
        <button type="button" onClick={cancelMapping}>
          {tx('cancel', lang)}
        </button>
      </div>
    </div>
  );
}

function ImportReportView({ record }: { record: ImportRecord }) {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const r = record.report;
  const n = (x: number) => formatInt(x, lang, thaiDigits);
  const ignored = Object.values(r.ignored).reduce((a, b) => a + b, 0);
  return (
    <div className="import-report" data-testid={record.fromDataset ? 'access-dataset-report' : 'access-import-report'} data-accepted={r.accepted} data-source={r.source}>
      <div className="report-head">
        <strong>{r.source}</strong>
        {record.fromDataset && <span className="muted small"> ({tx('datasetList', lang)})</span>}
      </div>
      <div>
        {tx('accepted', lang)} <strong>{n(r.accepted)}</strong> {tx('of', lang)} {n(r.rows)} {tx('rows', lang)}
        {' · '}
        {Object.entries(r.countsByType)
          .map(([t, c]) => `${clsLabel(t, lang)} ${n(c)}`)
          .join(', ')}
      </div>
      {ignored > 0 && (
        <div className="small">
          {tx('ignoredByMapping', lang)}: {n(ignored)}
        </div>
      )}
      {r.problemCount > 0 && (
        <ul className="problem-kinds small">
          {Object.entries(r.countsByKind).map(([kind, c]) => (
            <li key={kind} data-kind={kind}>
              {tx(`kind_${kind}`, lang, kind)}: {n(c)}
            </li>
          ))}
        </ul>
      )}
      {r.problems.length > 0 && (
        <details className="small">
          <summary>
            {tx('problems', lang)} ({n(r.problemCount)}
            {r.problemCount > r.problems.length ? `, ${n(r.problems.length)} ${tx('moreProblems', lang)}` : ''})
          </summary>
          <ol className="problem-list">
            {r.problems.map((p, k) => (
              <li key={k} className={p.severity}>
                {p.message}
              </li>
            ))}
          </ol>
        </details>
      )}
      {r.notes.length > 0 && (
        <div className="small">
          {tx('notes', lang)}: {r.notes.join('; ')}
        </div>
      )}
    </div>
  );
}
