import { useEffect, useState } from 'react';
import { DIMENSIONS, INDICATORS, type DimensionId } from '../domain/indicators';
import { BASE_MEASURES, measureInfo, type MapMeasure } from '../domain/mapMeasures';
import { resolveSettings } from '../domain/mpi';
import type { ClassMethod } from '../domain/classify';
import { useApp } from '../store/store';
import { setClassification, setMapMeasure, setMpi } from '../store/actions';
import { formatPercent } from '../text/i18n';
import { AF_NEEDS_HOUSEHOLDS, dimensionSetKey } from '../data/tpmap/tpmapMeasures';
import { AF_NEEDS_HOUSEHOLDS_TH } from '../text/ruleLabel';

/**
 * The analyst's controls: what the map shows, the identification rule (TPMAP union or
 * Alkire–Foster with k), dimensions, welfare view, weights and legend classification.
 */
export function MeasurePanel() {
  const s = useApp((st) => st);
  const { lang, mpi } = s;
  const th = lang === 'th';
  const rs = resolveSettings(mpi);
  const caps = s.dataset?.capabilities;
  const afOk = caps?.af !== false;
  const kPct = Math.round(mpi.k * 100);
  const unionPct = rs.unionCutoff * 100;

  const measureOptions: { id: MapMeasure; label: string }[] = [
    ...BASE_MEASURES.map((m) => ({ id: m.id, label: m[lang] })),
    ...DIMENSIONS.map((d) => ({ id: `dimension:${d.id}` as MapMeasure, label: measureInfo(`dimension:${d.id}`)[lang] })),
    ...INDICATORS.map((ind) => ({ id: `indicator:${ind.id}` as MapMeasure, label: `${measureInfo(`indicator:${ind.id}`)[lang]} — ${th ? ind.th : ind.en}` })),
  ];

  const toggleDim = (d: DimensionId, on: boolean) => {
    const dims = on ? [...mpi.dimensions, d] : mpi.dimensions.filter((x) => x !== d);
    setMpi({ dimensions: DIMENSIONS.map((x) => x.id).filter((x) => dims.includes(x)) });
  };

  return (
    <details className="measure-panel" open data-testid="measure-panel">
      <summary>{th ? 'ตั้งค่าการวัดความยากจน' : 'Poverty measure settings'}</summary>
      <label className="field">
        <span>{th ? 'แผนที่แสดง' : 'Map shows'}</span>
        <select value={s.mapMeasure} onChange={(e) => setMapMeasure(e.target.value as MapMeasure)} data-testid="measure-select">
          {measureOptions.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </label>

      <fieldset className="field">
        <legend>{th ? 'เกณฑ์ระบุคนจน' : 'Who counts as poor'}</legend>
        <label><input type="radio" name="rule" checked={mpi.measure === 'tpmap'} onChange={() => setMpi({ measure: 'tpmap' })} data-testid="rule-tpmap" /> TPMAP ({th ? 'ตกเกณฑ์ตัวชี้วัดใดก็ได้' : 'any indicator'})</label>
        <label className={afOk ? '' : 'disabled'}><input type="radio" name="rule" disabled={!afOk} checked={mpi.measure === 'af'} onChange={() => setMpi({ measure: 'af' })} data-testid="rule-af" /> Alkire–Foster ({th ? 'ถ่วงน้ำหนัก, เกณฑ์ k' : 'weighted, cutoff k'})</label>
        {!afOk && <p className="small warn-text" data-testid="af-unavailable">{th ? AF_NEEDS_HOUSEHOLDS_TH : AF_NEEDS_HOUSEHOLDS}</p>}
      </fieldset>

      <div className={`field k-field ${mpi.measure === 'af' ? '' : 'disabled'}`}>
        <span>
          {th ? 'ยากจนเมื่อขาดแคลนอย่างน้อย ' : 'Poor when deprived in at least '}
          <strong data-testid="k-value">{formatPercent(mpi.k, lang, s.thaiDigits, 1)}</strong>
          {th ? ' ของตัวชี้วัดถ่วงน้ำหนัก' : ' of weighted indicators'}
        </span>
        <input
          type="range"
          min={1}
          max={100}
          step={1}
          value={kPct}
          disabled={mpi.measure !== 'af'}
          onChange={(e) => setMpi({ k: Number(e.target.value) / 100 })}
          data-testid="k-slider"
          aria-label="k"
          list="k-marks"
        />
        <datalist id="k-marks">
          <option value={Math.ceil(unionPct)} label="union" />
          <option value={100} label="intersection" />
        </datalist>
        <div className="k-ends small muted">
          <button type="button" className="link" disabled={mpi.measure !== 'af'} onClick={() => setMpi({ k: rs.unionCutoff })} data-testid="k-union">
            {th ? 'ยูเนียน' : 'union'} ({formatPercent(rs.unionCutoff, lang, s.thaiDigits, 1)})
          </button>
          <button type="button" className="link" disabled={mpi.measure !== 'af'} onClick={() => setMpi({ k: 1 / 3 })} data-testid="k-third">k = 1/3</button>
          <button type="button" className="link" disabled={mpi.measure !== 'af'} onClick={() => setMpi({ k: 1 })} data-testid="k-intersection">
            {th ? 'อินเตอร์เซกชัน' : 'intersection'} (100 %)
          </button>
        </div>
      </div>

      <fieldset className="field dims">
        <legend>{th ? 'มิติที่นับ' : 'Dimensions counted'}</legend>
        {caps?.dimensionSets ? (
          // Imported TPMAP tables: TPMAP exports one table per dimension subset (31 in a full
          // export). Five checkboxes pick the subset; a subset the import lacks is said, and the map
          // keeps the last subset it has (issue 15 item 6: not 31 radio buttons).
          <TpmapDimensionSets available={caps.dimensionSets} current={mpi.dimensions} th={th} />
        ) : (
          DIMENSIONS.map((d) => (
            <label key={d.id}>
              <input type="checkbox" checked={mpi.dimensions.includes(d.id)} onChange={(e) => toggleDim(d.id, e.target.checked)} data-testid={`dim-${d.id}`} /> {th ? d.shortTh : d.en}
            </label>
          ))
        )}
      </fieldset>

      <fieldset className="field">
        <legend>{th ? 'มุมมองบัตรสวัสดิการ' : 'Welfare-card view'}</legend>
        <label><input type="radio" name="welfare" checked={mpi.welfare === 'all'} onChange={() => setMpi({ welfare: 'all' })} /> {th ? 'คนจนเป้าหมายทั้งหมด (มีบัตร)' : 'All target poor (card holders)'}</label>
        <label><input type="radio" name="welfare" checked={mpi.welfare === 'nocard'} onChange={() => setMpi({ welfare: 'nocard' })} data-testid="welfare-nocard" /> {th ? 'คนจนที่ไม่มีบัตร (ตกหล่น)' : 'Poor with no card (exclusion error)'}</label>
      </fieldset>

      <WeightEditor />

      <div className="field row">
        <label>
          <span>{th ? 'การแบ่งช่วง' : 'Classes'}</span>
          <select value={s.classification.method} onChange={(e) => setClassification({ method: e.target.value as ClassMethod })} data-testid="class-method">
            <option value="quantile">{th ? 'ควอนไทล์' : 'Quantiles'}</option>
            <option value="ckmeans">{th ? 'ช่วงธรรมชาติ (ckmeans)' : 'Natural breaks (ckmeans)'}</option>
            <option value="equal">{th ? 'ช่วงเท่ากัน' : 'Equal interval'}</option>
            <option value="custom">{th ? 'กำหนดเอง' : 'Custom'}</option>
          </select>
        </label>
        <label>
          <span>{th ? 'เทียบกับ' : 'Breaks over'}</span>
          <select value={s.classification.scope} onChange={(e) => setClassification({ scope: e.target.value as 'national' | 'province' })} data-testid="class-scope">
            <option value="national">{th ? 'ทั้งประเทศ' : 'Whole country'}</option>
            <option value="province">{th ? 'จังหวัดที่เลือก' : 'Selected province'}</option>
          </select>
        </label>
      </div>
      {s.classification.method === 'custom' && <CustomBreaks />}
      {s.result && <p className="small muted" data-testid="compute-ms">{th ? 'คำนวณใหม่ทั้งประเทศ' : 'National recompute'}: {s.result.ms.toFixed(1)} ms</p>}
    </details>
  );
}

function CustomBreaks() {
  const s = useApp((st) => st);
  const unit = measureInfo(s.mapMeasure).unit;
  const [text, setText] = useState(s.classification.custom.map((b) => (unit === 'fraction' ? b * 100 : b)).join(', '));
  return (
    <label className="field">
      <span>{s.lang === 'th' ? 'จุดแบ่ง (คั่นด้วยจุลภาค' : 'Breaks (comma-separated'}{unit === 'fraction' ? ', %)' : ')'}</span>
      <input
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => setClassification({ custom: text.split(',').map((x) => Number(x.trim())).filter(Number.isFinite).map((x) => (unit === 'fraction' ? x / 100 : x)) })}
        data-testid="custom-breaks"
      />
    </label>
  );
}

/** Weights by dimension (shares) and by indicator within it; normalised by the domain (settings.ts). */
function WeightEditor() {
  const mpi = useApp((st) => st.mpi);
  const lang = useApp((st) => st.lang);
  const th = lang === 'th';
  const [dimShare, setDimShare] = useState<number[]>(() => DIMENSIONS.map(() => 1));
  const [indWeight, setIndWeight] = useState<number[]>(() => INDICATORS.map(() => 1));
  useEffect(() => {
    if (mpi.weights === null) {
      setDimShare(DIMENSIONS.map(() => 1));
      setIndWeight(INDICATORS.map(() => 1));
    }
  }, [mpi.weights]);
  const apply = (ds: number[], iw: number[]) => {
    const w = INDICATORS.map((ind, j) => {
      const d = DIMENSIONS.findIndex((x) => x.id === ind.dimension);
      const within = INDICATORS.reduce((acc, x, k) => (x.dimension === ind.dimension ? acc + iw[k] : acc), 0);
      return within > 0 ? (ds[d] * iw[j]) / within : 0;
    });
    setMpi({ weights: w });
  };
  const eff = resolveSettings(mpi).weights;
  return (
    <details className="field weights" data-testid="weight-editor">
      <summary>{th ? 'น้ำหนักตัวชี้วัด' : 'Indicator weights'} {mpi.weights ? (th ? '(กำหนดเอง)' : '(custom)') : (th ? '(เท่ากันแบบซ้อน)' : '(nested equal)')}</summary>
      {DIMENSIONS.map((d, k) => (
        <div key={d.id} className="weight-dim">
          <label>
            <strong>{th ? d.shortTh : d.en}</strong>
            <input type="number" min={0} step={0.5} value={dimShare[k]} onChange={(e) => { const v = [...dimShare]; v[k] = Math.max(0, Number(e.target.value) || 0); setDimShare(v); apply(v, indWeight); }} data-testid={`wdim-${d.id}`} />
          </label>
          {INDICATORS.map((ind, j) => ind.dimension === d.id && (
            <label key={ind.id} className="weight-ind" title={th ? ind.th : ind.en}>
              {ind.bmn}
              <input type="number" min={0} step={0.5} value={indWeight[j]} onChange={(e) => { const v = [...indWeight]; v[j] = Math.max(0, Number(e.target.value) || 0); setIndWeight(v); apply(dimShare, v); }} />
              <span className="muted small">{(eff[j] * 100).toFixed(1)}%</span>
            </label>
          ))}
        </div>
      ))}
      <button type="button" onClick={() => setMpi({ weights: null })}>{th ? 'คืนค่าเริ่มต้น' : 'Reset'}</button>
    </details>
  );
}

function TpmapDimensionSets({ available, current, th }: { available: readonly string[]; current: readonly DimensionId[]; th: boolean }) {
  const [draft, setDraft] = useState<DimensionId[] | null>(null);
  const shown = draft ?? [...current];
  const key = dimensionSetKey(shown);
  const missing = key !== dimensionSetKey(current) && !available.includes(key);
  const toggle = (d: DimensionId, on: boolean) => {
    const dims = DIMENSIONS.map((x) => x.id).filter((x) => (x === d ? on : shown.includes(x)));
    const k = dimensionSetKey(dims);
    if (available.includes(k)) {
      setDraft(null);
      setMpi({ dimensions: dims });
    } else setDraft(dims);
  };
  return (
    <div data-testid="tpmap-dimsets" data-available={available.length}>
      {DIMENSIONS.map((d) => (
        <label key={d.id}>
          <input type="checkbox" checked={shown.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} data-testid={`dim-${d.id}`} /> {th ? d.shortTh : d.en}
        </label>
      ))}
      {missing && (
        <p className="small warn-text" role="status" data-testid="dimset-missing">
          {key === '00000'
            ? th ? 'เลือกอย่างน้อยหนึ่งมิติ' : 'Choose at least one dimension'
            : th ? `ตาราง TPMAP ที่นำเข้าไม่มีชุดมิตินี้ (มี ${available.length} ชุด) — แผนที่ยังแสดงชุดเดิม` : `The imported TPMAP tables have no table for this subset (${available.length} available) — the map keeps the previous one`}
        </p>
      )}
      {available.length < 31 && !missing && (
        <p className="small muted">{th ? `ตาราง TPMAP ที่นำเข้ามี ${available.length} จาก 31 ชุดมิติ` : `The imported TPMAP tables cover ${available.length} of the 31 subsets`}</p>
      )}
    </div>
  );
}
