/**
 * The "lights" tab: the selected area's light statistics beside its parent and the country,
 * its rank among its siblings, the brightest of its children, the buffer radius and lit
 * threshold, and what raster is loaded (name, size, overview shown, nodata, band).
 */
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/store';
import { select } from '../../store/actions';
import { areaName } from '../../store/names';
import { setNtlBand, setNtlRadius, setNtlThreshold, showNtlForTab, useNtl } from '../../store/ntlStore';
import { childLevel, lineage, levelOfCode, villageCodeString } from '../../domain/adminCodes';
import { formatPercent, formatInt, t, type Lang } from '../../text/i18n';
import { formatRadiance, formatSig } from '../../text/ntlFormat';
import { LIGHT_METRICS, childCodes, lightRow, rankAmong, siblingCodes, type LightContext, type LightMetric, type LightRow } from './lightStats';
import { tn } from '../../text/ntlStrings';
import './ntl.css';
import { openNtlFile } from '../../store/ntlStore';
import { missingLayerHint } from '../../text/workspaceStrings';
import { PlacementNote } from '../workspace/WorkspacePanel';

const COMPRESSION: Record<number, string> = { 1: 'none', 5: 'LZW', 7: 'JPEG', 8: 'Deflate', 32773: 'PackBits', 32946: 'Deflate', 34887: 'LERC', 50000: 'ZSTD', 50001: 'WebP' };
const LEVEL_WORD: Record<string, { th: string; en: string }> = {
  province: { th: 'จังหวัด', en: 'provinces' },
  district: { th: 'อำเภอ', en: 'districts' },
  subdistrict: { th: 'ตำบล', en: 'subdistricts' },
  village: { th: 'หมู่บ้าน', en: 'villages' },
};

function metricLabel(m: LightMetric, lang: Lang): string {
  return tn(m, lang);
}

function formatMetric(r: LightRow | null, m: LightMetric | 'validPixels', lang: Lang, thaiDigits: boolean): string {
  if (!r) return '–';
  if (m === 'litShare') return formatPercent(r.litShare, lang, thaiDigits, 1);
  if (m === 'validPixels') return formatInt(r.validPixels, lang, thaiDigits);
  if (m === 'mean') return formatRadiance(r.mean, lang, thaiDigits);
  return formatSig(r[m], lang, thaiDigits);
}

function useLightContext(): LightContext | null {
  const zonal = useNtl((s) => s.zonal);
  const zonalDatasetId = useNtl((s) => s.zonalDatasetId);
  const ds = useApp((s) => s.dataset);
  const result = useApp((s) => s.result);
  return useMemo(() => {
    // Village columns follow the dataset's village order: wait for the pass of a switched dataset.
    if (!zonal || !ds || zonalDatasetId?.split(":")[0] !== ds.id) return null;
    const villageCodes = Array.from(ds.villageCode, (c) => villageCodeString(c));
    const people = (code: string) => {
      if (!result) return NaN;
      if (code === 'TH') return result.levels.country.people[0];
      const i = ds.position.get(code);
      return i === undefined ? NaN : result.levels[levelOfCode(code)].people[i];
    };
    return { zonal, villageCodes, people };
  }, [zonal, zonalDatasetId, ds, result]);
}

export function NtlPanel() {
  const lang = useApp((s) => s.lang);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const selection = useApp((s) => s.selection);
  const ds = useApp((s) => s.dataset);
  const n = useNtl((s) => s);
  const ctx = useLightContext();
  const [metric, setMetric] = useState<LightMetric>('sum');
  useEffect(() => {
    showNtlForTab();
  }, []);

  const chain = lineage(selection);
  const parent = chain.length >= 2 ? chain[chain.length - 2] : null;
  const cols: { code: string; label: string }[] = [{ code: selection, label: tn('thisArea', lang) }];
  if (parent && parent !== 'TH') cols.push({ code: parent, label: areaName(ds, parent, lang) });
  if (selection !== 'TH') cols.push({ code: 'TH', label: tn('country', lang) });
  const rows = cols.map((c) => (ctx ? lightRow(ctx, c.code) : null));
  const level = levelOfCode(selection);
  const rank = ctx && selection !== 'TH' ? rankAmong(ctx, selection, siblingCodes(ctx, selection), metric) : null;
  const childLvl = childLevel(level);
  const children = useMemo(() => {
    if (!ctx || !childLvl) return [];
    return childCodes(ctx, selection)
      .map((c) => lightRow(ctx, c))
      .filter((r): r is LightRow => !!r && Number.isFinite(r[metric]))
      .sort((a, b) => b[metric] - a[metric])
      .slice(0, 10);
  }, [ctx, childLvl, selection, metric]);

  const info = n.info;
  const status = n.loadingName ? tn('loading', lang) : info && !n.grid ? tn('decoding', lang) : n.computing ? tn('computing', lang) : null;

  return (
    <div className="panel ntl-panel" data-testid="ntl-panel">
      <PlacementNote />
      <h2>{areaName(ds, selection, lang)}</h2>
      <div className="muted small">{tn('panelTitle', lang)}{info ? ` · ${info.name}` : ''}</div>
      {n.lastError && <div className="ntl-error" role="alert" data-testid="ntl-error">{n.lastError}</div>}
      {!info && !n.loadingName && <p className="muted">{tn('noRaster', lang)}</p>}
      {status && <div className="small muted" data-testid="ntl-status">{status}</div>}

      {info && (
        <table className="compare" data-testid="ntl-compare">
          <thead>
            <tr><th />{cols.map((c) => <th key={c.code} className="num">{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {(['sum', 'mean', 'litShare', 'perCapita', 'perKm2', 'validPixels'] as const).map((m) => (
              <tr key={m}>
                <th>{tn(m, lang)}{m === 'sum' ? <div className="small muted">{tn('sumUnit', lang)}</div> : m === 'mean' ? <div className="small muted">nW/cm²/sr</div> : null}</th>
                {rows.map((r, k) => (
                  <td key={cols[k].code} className="num" data-testid={k === 0 ? `ntl-stat-${m}` : undefined}>{formatMetric(r, m, lang, thaiDigits)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {info && selection !== 'TH' && (
        <div className="ntl-rank" data-testid="ntl-rank">
          {rank
            ? lang === 'th'
              ? `อันดับ ${formatInt(rank.rank, lang, thaiDigits)} จาก ${formatInt(rank.of, lang, thaiDigits)} ${LEVEL_WORD[level].th}${parent && parent !== 'TH' ? ` ใน${areaName(ds, parent, lang)}` : ''}`
              : `Rank ${rank.rank} of ${rank.of} ${LEVEL_WORD[level].en}${parent && parent !== 'TH' ? ` in ${areaName(ds, parent, lang)}` : ''}`
            : '–'}
        </div>
      )}
      {info && (
        <label className="small muted">
          {tn('rankBy', lang)}{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as LightMetric)} data-testid="ntl-metric">
            {LIGHT_METRICS.map((m) => <option key={m} value={m}>{metricLabel(m, lang)}</option>)}
          </select>
        </label>
      )}

      {children.length > 0 && childLvl && (
        <>
          <h3>{tn('brightest', lang)}: {LEVEL_WORD[childLvl][lang]} ({metricLabel(metric, lang)})</h3>
          <table data-testid="ntl-children">
            <tbody>
              {children.map((r, i) => (
                <tr key={r.code} className="clickable" onClick={() => select(r.code)}>
                  <td className="num">{formatInt(i + 1, lang, thaiDigits)}</td>
                  <td>{areaName(ds, r.code, lang)}</td>
                  <td className="num">{formatMetric(r, metric, lang, thaiDigits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>{tn('settings', lang)}</h3>
      <div className="ntl-fields">
        <NumberField label={tn('radius', lang)} value={n.radiusKm} min={0.5} max={20} step={0.5} onCommit={setNtlRadius} testId="ntl-radius" />
        <NumberField label={tn('threshold', lang)} value={n.thresholdNw} min={0} max={100} step={0.1} onCommit={setNtlThreshold} testId="ntl-threshold" />
      </div>
      <div className="small muted">{tn('rules', lang)}</div>

      {!ds?.manifest.files.ntl && !info && <p className="missing-layer" data-testid="ntl-missing">{missingLayerHint('lights', lang)}</p>}
      <label className="file-button small">
        {lang === 'th' ? 'เปิดภาพแสงไฟอื่น (เฉพาะรอบนี้ ไม่บันทึก)…' : 'Open another raster (this session, not saved)…'}
        <input type="file" hidden accept=".tif,.tiff" data-testid="ntl-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void openNtlFile(f); e.target.value = ''; }} />
      </label>
      {info && (
        <>
          <h3>{tn('raster', lang)}</h3>
          <dl className="ntl-info" data-testid="ntl-info">
            <dt>{tn('file', lang)}</dt>
            <dd data-testid="ntl-info-name">{info.name}{info.name === ds?.manifest.files.ntl && ds?.manifest.synthetic ? ` (${tn('synthetic', lang)})` : ''}</dd>
            <dt>{tn('size', lang)}</dt>
            <dd data-testid="ntl-info-size">{formatInt(info.width, lang, thaiDigits)} × {formatInt(info.height, lang, thaiDigits)} px · {(info.bytes / 1e6).toFixed(1)} MB</dd>
            <dt>{tn('window', lang)}</dt>
            <dd>{formatInt(info.windowWidth, lang, thaiDigits)} × {formatInt(info.windowHeight, lang, thaiDigits)} px</dd>
            <dt>{tn('pixel', lang)}</dt>
            <dd>{formatSig(info.pixelArcSec, lang, thaiDigits)}″</dd>
            <dt>{tn('band', lang)}</dt>
            <dd>
              {info.bandCount > 1 ? (
                <select value={info.band} onChange={(e) => setNtlBand(Number(e.target.value))} data-testid="ntl-band">
                  {info.bandDescriptions.map((d, i) => <option key={i} value={i + 1}>{i + 1}{d ? ` — ${d}` : ''}</option>)}
                </select>
              ) : (
                <>1 / 1{info.bandDescriptions[0] ? ` — ${info.bandDescriptions[0]}` : ''}</>
              )}
            </dd>
            <dt>{tn('overview', lang)}</dt>
            <dd data-testid="ntl-info-overview">
              {info.display.width} × {info.display.height} px ·{' '}
              {info.display.computedFactor > 1
                ? lang === 'th' ? `เฉลี่ย ${info.display.computedFactor}×${info.display.computedFactor} พิกเซล (ไฟล์ไม่มี overview)` : `${info.display.computedFactor}×${info.display.computedFactor} block mean (no overviews in file)`
                : info.display.level > 0
                  ? lang === 'th' ? `overview ระดับ ${info.display.level} จาก ${info.overviewCount}` : `overview level ${info.display.level} of ${info.overviewCount}`
                  : lang === 'th' ? 'ความละเอียดเต็ม' : 'full resolution'}
              {lang === 'th' ? ' · ความละเอียดเต็มเมื่อซูม' : ' · full resolution when zoomed in'}
            </dd>
            <dt>{tn('noData', lang)}</dt>
            <dd data-testid="ntl-info-nodata">{info.noData === null ? tn('none', lang) : String(info.noData)}</dd>
            <dt>{tn('compression', lang)}</dt>
            <dd>{COMPRESSION[info.compression] ?? info.compression}</dd>
            <dt>{tn('rampTop', lang)}</dt>
            <dd>{formatRadiance(info.maxRadianceNw, lang, thaiDigits)} nW/cm²/sr</dd>
            <dt>{tn('timings', lang)}</dt>
            <dd className="small" data-testid="ntl-timings">
              {[
                n.timings.displayMs !== undefined && `${lang === 'th' ? 'ภาพประเทศ' : 'national image'} ${Math.round(n.timings.displayMs)} ms`,
                n.timings.firstShownMs !== undefined && `${lang === 'th' ? 'แสดงครั้งแรกหลังเปิดแอป' : 'first shown after start'} ${Math.round(n.timings.firstShownMs)} ms`,
                n.timings.decodeMs !== undefined && `${lang === 'th' ? 'อ่านเต็ม' : 'full decode'} +${Math.round(n.timings.decodeMs)} ms`,
                n.timings.villagesMs !== undefined && `${lang === 'th' ? 'หมู่บ้าน' : 'villages'} ${Math.round(n.timings.villagesMs)} ms`,
                n.timings.polygonsMs !== undefined && `${lang === 'th' ? 'พื้นที่' : 'areas'} ${Math.round(n.timings.polygonsMs)} ms`,
              ].filter(Boolean).join(' · ')}
            </dd>
          </dl>
          <p className="small muted">{tn('dropHint', lang)}</p>
        </>
      )}
    </div>
  );
}

/** A number input that keeps what is typed ("0.", "") and commits only numbers within [min, max]. */
function NumberField(p: { label: string; value: number; min: number; max: number; step: number; onCommit: (v: number) => void; testId: string }) {
  const [text, setText] = useState(String(p.value));
  useEffect(() => {
    setText((t) => (Number(t) === p.value ? t : String(p.value)));
  }, [p.value]);
  const v = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(v) && v >= p.min && v <= p.max;
  return (
    <label>
      {p.label}
      <input
        type="number"
        min={p.min}
        max={p.max}
        step={p.step}
        value={text}
        aria-invalid={!valid}
        onChange={(e) => {
          setText(e.target.value);
          const x = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(x) && x >= p.min && x <= p.max) p.onCommit(x);
        }}
        data-testid={p.testId}
      />
    </label>
  );
}
