/**
 * The "data" tab (issue 8): which workspace is on screen and what it holds — each layer with its
 * source and synthetic flag, what is missing and which file fills it — the import choices the app
 * never guesses (CRS of x/y, code field, boundary level, service type map), import progress with
 * cancel, one line per import with details on demand, and the list of stored workspaces.
 */
import { useState } from 'react';
import { useApp, appStore } from '../../store/store';
import { activateDataset, cancelImport, deleteWorkspace, renameWorkspace, adoptDemoProvinceOutlines, setCentroidPlacement } from '../../store/actions';
import { DEMO_BASE } from '../../store/boot';
import { formatInt } from '../../text/i18n';
import { LAYER_KINDS, type LayerKind } from '../../data/datasetFormat';
import { PROJECTED_CRS } from '../../data/villages/villageLocations';
import { openFiles } from '../DropZone';
import { layerLabel, missingLayerHint } from '../../text/workspaceStrings';
import './workspace.css';

export function WorkspacePanel() {
  const lang = useApp((s) => s.lang);
  const th = lang === 'th';
  const ds = useApp((s) => s.dataset);
  const importing = useApp((s) => s.importing);
  const imports = useApp((s) => s.imports);
  const newOnDrop = useApp((s) => s.newWorkspaceOnDrop);
  const opts = useApp((s) => s.importOptions);
  const digits = useApp((s) => s.thaiDigits);
  if (!ds) return null;
  const isDemo = ds.id === 'demo';
  const setOpt = (patch: Partial<typeof opts>) => appStore.setState((s) => ({ importOptions: { ...s.importOptions, ...patch } }));
  const present = new Set(ds.layers.map((l) => l.kind));
  const hasProvincePolygons = ds.layers.some((l) => l.kind === 'boundaries' && l.level === 'province');
  const mine = imports.filter((i) => i.workspaceId === ds.id || i.workspaceId === '');
  return (
    <div className="workspace-panel" data-testid="workspace-panel">
      <h3>{ds.manifest.title[lang]}</h3>
      <p className="small muted">{isDemo ? (th ? 'พื้นที่ทำงานสาธิต (อ่านอย่างเดียว): ไฟล์ที่วางจะเริ่มพื้นที่ทำงานใหม่' : 'Demo workspace (read-only): dropped files start a new workspace') : (th ? 'ไฟล์ที่วางจะเพิ่มเข้าพื้นที่ทำงานนี้' : 'Dropped files are added to this workspace')}</p>

      <h4>{th ? 'ชั้นข้อมูล' : 'Layers'}</h4>
      <ul className="layer-list" data-testid="layer-list">
        {ds.layers.map((l) => (
          <li key={l.id} data-testid={`layer-${l.id}`} className={l.synthetic ? 'synthetic' : ''}>
            <b>{layerLabel(l.kind, lang, l.level, l.year)}</b> · {l.summary}
            {l.synthetic && <span className="synthetic-tag">{th ? 'ข้อมูลสังเคราะห์' : 'synthetic'}</span>}
            <div className="small muted">
              {l.source.files.length ? l.source.files.map((f) => `${f.name} (${formatInt(Math.round(f.size / 1024), lang, digits)} KB)`).join(', ') : ''}
              {l.source.attribution ? ` ${l.source.attribution}` : ''}
              {l.source.fromDemo ? (th ? ' · นำมาจากชุดสาธิตตามที่ผู้ใช้ขอ' : ' · taken from the demo at the user’s request') : ''}
              {l.source.importedAt ? ` · ${new Date(l.source.importedAt).toLocaleString(th ? 'th-TH' : 'en-GB')}` : ''}
            </div>
          </li>
        ))}
        {LAYER_KINDS.filter((k) => !present.has(k) && k !== 'records').map((k: LayerKind) => (
          <li key={k} className="missing" data-testid={`missing-${k}`}>
            <b>{layerLabel(k, lang)}</b> · {th ? 'ยังไม่มี' : 'missing'} — {missingLayerHint(k, lang)}
          </li>
        ))}
      </ul>
      {ds.joins && ds.joins.villages_without_location.count > 0 && (
        <label className="check" data-testid="centroid-placement">
          <input type="checkbox" checked={!!ds.placement} onChange={(e) => void setCentroidPlacement(e.target.checked)} data-testid="centroid-toggle" />{' '}
          {th
            ? `วางหมู่บ้านที่ไม่มีพิกัด ${formatInt(ds.joins.villages_without_location.count, lang, digits)} แห่ง ที่จุดกึ่งกลางตำบล (สำหรับการเข้าถึงบริการและแสงไฟ)`
            : `Place the ${formatInt(ds.joins.villages_without_location.count, lang, digits)} villages without a location at their subdistrict's centroid (for access and lights)`}
        </label>
      )}
      <PlacementNote />
      {!isDemo && !hasProvincePolygons && (
        <button type="button" onClick={() => void adoptDemoProvinceOutlines(DEMO_BASE)} data-testid="use-demo-provinces">
          {th ? 'ใช้ขอบเขตจังหวัดจริง (Natural Earth) จากชุดสาธิต' : 'Use the real province outlines (Natural Earth) from the demo'}
        </button>
      )}

      <h4>{th ? 'นำเข้าไฟล์' : 'Import files'}</h4>
      <div className="import-row">
        <span className="small muted">{th ? 'วางไฟล์ลงบนแผนที่ หรือใช้ปุ่ม “เปิดไฟล์…” ด้านบน' : 'Drop files on the map, or use “Open files…” above'}</span>
        <label className="folder-button">
          {th ? 'เปิดทั้งโฟลเดอร์…' : 'Open a folder…'}
          <input type="file" hidden multiple {...({ webkitdirectory: '' } as Record<string, string>)} onChange={(e) => { void openFiles(Array.from(e.target.files ?? []), lang); e.target.value = ''; }} />
        </label>
      </div>
      {!isDemo && (
        <label className="check">
          <input type="checkbox" checked={newOnDrop} onChange={(e) => appStore.setState({ newWorkspaceOnDrop: e.target.checked })} data-testid="new-workspace" /> {th ? 'ไฟล์ถัดไปเริ่มพื้นที่ทำงานใหม่' : 'Next files start a new workspace'}
        </label>
      )}
      <div className="import-options">
        <label>
          <span>{th ? 'ระบบพิกัดของ x/y หมู่บ้าน' : 'CRS of village x/y'}</span>
          <select value={opts.crs} onChange={(e) => setOpt({ crs: e.target.value })} data-testid="import-crs">
            <option value="">{th ? 'ตามไฟล์ (.prj) / lon/lat' : 'from the file (.prj) / lon/lat'}</option>
            <option value="EPSG:4326">EPSG:4326 (lon/lat)</option>
            {Object.keys(PROJECTED_CRS).map((c) => <option key={c} value={c}>{c}{c.endsWith('47') ? ' (UTM 47N)' : ' (UTM 48N)'}</option>)}
          </select>
        </label>
        <label>
          <span>{th ? 'ระดับขอบเขต' : 'Boundary level'}</span>
          <select value={opts.level} onChange={(e) => setOpt({ level: e.target.value as typeof opts.level })} data-testid="import-level">
            <option value="">{th ? 'ตรวจหาเอง' : 'detect'}</option>
            <option value="province">{th ? 'จังหวัด' : 'province'}</option>
            <option value="district">{th ? 'อำเภอ' : 'district'}</option>
            <option value="subdistrict">{th ? 'ตำบล' : 'subdistrict'}</option>
          </select>
        </label>
        <label>
          <span>{th ? 'ช่องรหัสพื้นที่' : 'Code field'}</span>
          <input type="text" value={opts.codeField} placeholder={th ? 'ตรวจหาเอง' : 'detect'} onChange={(e) => setOpt({ codeField: e.target.value.trim() })} data-testid="import-code-field" />
        </label>
        <label>
          <span>{th ? 'ประเภทสถานบริการ' : 'Service types'}</span>
          <select value={opts.typeMap} onChange={(e) => setOpt({ typeMap: e.target.value })} data-testid="import-type-map">
            <option value="">{th ? 'ตามไฟล์ (GISTDA เมื่อมี lm_type)' : 'as in the file (GISTDA when lm_type)'}</option>
            <option value="gistda">GISTDA lm_type</option>
          </select>
        </label>
      </div>
      {importing && (
        <div className="import-progress" role="status" data-testid="import-progress">
          <progress max={importing.total} value={importing.done} data-testid="import-progress-files" /> {formatInt(importing.done, lang, digits)}/{formatInt(importing.total, lang, digits)} {th ? 'ไฟล์' : 'files'} {importing.file}
          {importing.bytesTotal ? (
            <div className="small">
              <progress max={importing.bytesTotal} value={importing.bytesDone ?? 0} data-testid="import-progress-bytes" /> {formatInt(Math.round((importing.bytesDone ?? 0) / 1e6), lang, digits)}/{formatInt(Math.round(importing.bytesTotal / 1e6), lang, digits)} MB
            </div>
          ) : null}
          <button type="button" onClick={cancelImport} data-testid="import-cancel">{th ? 'ยกเลิก' : 'Cancel'}</button>
        </div>
      )}

      {mine.length > 0 && <h4>{th ? 'รายงานการนำเข้า' : 'Import report'}</h4>}
      <ul className="import-report" data-testid="import-report">
        {mine.map((rec) => (
          <li key={rec.id}>
            {rec.refused.map((r, i) => <div key={`r${i}`} className="problem" data-testid="import-refused">{r.message}</div>)}
            {rec.lines.map((l, i) => (
              <details key={i} className={l.ok ? '' : 'has-problems'}>
                <summary data-testid="import-line" title={th && l.summaryTh ? l.summary : undefined}>{th && l.summaryTh ? l.summaryTh : l.summary}</summary>
                {l.details.slice(0, 200).map((d, j) => {
                  const dTh = th ? l.detailsTh?.[j] : undefined;
                  return <div key={j} className="small" data-testid="import-detail" title={dTh ? d : undefined}>{dTh ?? d}</div>;
                })}
              </details>
            ))}
            {rec.ms > 0 && <div className="small muted">{(rec.ms / 1000).toFixed(1)} s</div>}
          </li>
        ))}
      </ul>
      <WorkspaceList />
    </div>
  );
}

function WorkspaceList() {
  const lang = useApp((s) => s.lang);
  const th = lang === 'th';
  const list = useApp((s) => s.workspaces);
  const activeId = useApp((s) => s.dataset?.id);
  const digits = useApp((s) => s.thaiDigits);
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  return (
    <>
      <h4>{th ? 'พื้นที่ทำงานในเบราว์เซอร์นี้' : 'Workspaces in this browser'}</h4>
      <ul className="workspace-list" data-testid="workspace-list">
        <li className={activeId === 'demo' ? 'on' : ''}>
          <button type="button" onClick={() => void activateDataset('demo')} data-testid="open-demo">{th ? 'ข้อมูลสาธิต (สังเคราะห์)' : 'Demo (synthetic)'}</button>
        </li>
        {list.map((w) => (
          <li key={w.id} className={activeId === w.id ? 'on' : ''} data-testid={`workspace-${w.id}`}>
            {editing === w.id ? (
              <form onSubmit={(e) => { e.preventDefault(); setEditing(null); void renameWorkspace(w.id, name); }}>
                <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="rename-input" />
                <button type="submit">{th ? 'บันทึก' : 'Save'}</button>
              </form>
            ) : (
              <>
                <button type="button" onClick={() => void activateDataset(w.id)} data-testid="open-workspace">{w.title[lang]}</button>
                <span className="small muted"> {formatInt(Math.round(w.bytes / 1024), lang, digits)} KB · {w.layers} {th ? 'ชั้น' : 'layers'}</span>
                <button type="button" className="link" onClick={() => { setEditing(w.id); setName(w.title[lang]); }}>{th ? 'เปลี่ยนชื่อ' : 'Rename'}</button>
                <button type="button" className="link danger" onClick={() => { if (confirm(th ? `ลบ "${w.title.th}"?` : `Delete "${w.title.en}"?`)) void deleteWorkspace(w.id); }} data-testid="delete-workspace">{th ? 'ลบ' : 'Delete'}</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Beside every result that uses placed villages: how many people were placed at centroids. */
export function PlacementNote() {
  const lang = useApp((s) => s.lang);
  const digits = useApp((s) => s.thaiDigits);
  const p = useApp((s) => s.dataset?.placement);
  if (!p) return null;
  const pct = `${(p.share * 100).toFixed(1)} %`;
  return (
    <p className="placement-note small" data-testid="placement-note">
      {lang === 'th'
        ? `หมู่บ้าน ${formatInt(p.villages, lang, digits)} แห่ง (${pct} ของประชากร) วางที่จุดกึ่งกลางตำบล ไม่ใช่ที่ตั้งจริง`
        : `${formatInt(p.villages, lang, digits)} villages (${pct} of people) placed at subdistrict centroids, not their real locations`}
    </p>
  );
}
