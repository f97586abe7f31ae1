import { useMemo } from 'react';
import { childLevel, levelOfCode, type AdminLevel, villageCodeString, parentCode as parentCodeOf } from '../domain/adminCodes';
import type { ServiceCounts } from '../worker/datasetSession';
import { DIMENSIONS, INDICATORS } from '../domain/indicators';
import type { AreaDetail } from '../domain/mpi';
import { useApp } from '../store/store';
import { select } from '../store/actions';
import { areaRow } from '../store/derived';
import { areaName } from '../store/names';
import { formatInt, formatPercent, formatYear, t } from '../text/i18n';
import { Radar } from './charts/Radar';
import { IndicatorBars } from './charts/IndicatorBars';
import { ContributionBar } from './charts/ContributionBar';
import { ruleLabel } from '../text/ruleLabel';
import { formatDecimal } from '../text/format';
import { AF_NEEDS_HOUSEHOLDS } from '../data/tpmap/tpmapMeasures';
import { AF_NEEDS_HOUSEHOLDS_TH } from '../text/ruleLabel';

const DIM_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e'];

/** Headline numbers of the selected area, its profile beside parent and country, and its sub-areas. */
export function DetailPanel() {
  const s = useApp((st) => st);
  const { dataset: ds, lang, thaiDigits, selection, year, result, detail } = s;
  const at = areaRow(result, ds, selection);

  const children = useMemo(() => {
    if (!ds || !result) return [];
    const level = childLevel(levelOfCode(selection));
    if (!level || level === 'country') return [];
    const cols = result.levels[level];
    const out: { code: string; i: number }[] = [];
    if (level === 'village') {
      ds.villageCode.forEach((c, i) => {
        const code = villageCodeString(c);
        if (code.startsWith(selection)) out.push({ code, i });
      });
    } else {
      ds.levelCodes[level].forEach((c, i) => { if (selection === 'TH' || c.startsWith(selection)) out.push({ code: c, i }); });
    }
    return out.map((o) => ({ ...o, rate: cols.rate[o.i], count: s.mpi.welfare === 'nocard' ? cols.poorNoCard[o.i] : cols.targetPoor[o.i] }))
      // Highest rate first; areas without a rate (no people surveyed) last.
      .sort((a, b) => (Number.isFinite(b.rate) ? b.rate : -1) - (Number.isFinite(a.rate) ? a.rate : -1) || (b.count || 0) - (a.count || 0));
  }, [ds, result, selection, s.mpi.welfare]);

  if (!ds || !at) return <div className="panel muted">{t('loading', lang)}</div>;
  const { level, cols, i } = at;
  const n = (x: number) => formatInt(x, lang, thaiDigits);
  const p = (x: number, d = 2) => formatPercent(x, lang, thaiDigits, d);
  const childKey = childLevel(level);
  const details = detail?.areas ?? [];
  const own = details.find((d) => d.code === selection);
  const parentCode = selection === 'TH' ? null : parentCodeOf(selection);
  const parent = parentCode ? details.find((d) => d.code === parentCode) : undefined;
  const country = details.find((d) => d.code === 'TH');
  const af = s.mpi.measure === 'af';

  return (
    <div className="panel" data-testid="detail-panel">
      <h2 data-testid="area-name">
        {areaName(ds, selection, lang)} <span className="muted small">{level !== 'country' && selection}</span>
      </h2>
      <p className="muted small">
        {level !== 'country' && <>{t(level as 'province', lang)} · </>}{formatYear(year, lang, thaiDigits)}
        {ds.manifest.synthetic && <> · <span className="synthetic-inline">{t('synthetic', lang)}</span></>}
        <br />{ruleLabel(s.mpi, lang)}
      </p>
      <dl className="stats">
        <div className="stat big"><dt>{t('targetPoor', lang)}</dt><dd data-testid="stat-target-poor">{n(cols.targetPoor[i])}</dd></div>
        <div className="stat big"><dt>{s.mpi.welfare === 'nocard' ? (lang === 'th' ? 'อัตราคนจนไม่มีบัตร' : 'No-card poor rate') : t('targetPoorRate', lang)}</dt><dd data-testid="stat-rate">{p(cols.rate[i])}</dd></div>
        <div className="stat"><dt>{t('peopleSurveyed', lang)}</dt><dd data-testid="stat-people">{n(cols.people[i])}</dd></div>
        <div className="stat"><dt>{t('householdsSurveyed', lang)}</dt><dd data-testid="stat-households">{n(cols.households[i])}</dd></div>
        <div className="stat"><dt>{t('poorNoCard', lang)}</dt><dd data-testid="stat-no-card">{n(cols.poorNoCard[i])}</dd></div>
        <div className="stat"><dt>{t('villages', lang)}</dt><dd data-testid="stat-villages">{n(cols.villages[i])}</dd></div>
        {level !== 'village' && s.serviceCounts && <ServiceStat counts={s.serviceCounts} level={level} i={i} lang={lang} n={n} />}
        {af && (
          <>
            <div className="stat"><dt>{lang === 'th' ? 'คนจน (AF)' : 'Poor (AF)'}</dt><dd data-testid="stat-poor">{n(cols.poor[i])}</dd></div>
            <div className="stat"><dt>H · A · M0</dt><dd data-testid="stat-af">{p(cols.headcountRatio[i], 1)} · {p(cols.intensity[i], 1)} · <span data-testid="stat-m0">{formatDecimal(cols.adjustedHeadcount[i], lang, thaiDigits)}</span></dd></div>
          </>
        )}
      </dl>

      {own && <Comparison own={own} parent={parent} country={country} parentName={parentCode ? areaName(ds, parentCode, lang) : ''} lang={lang} p={p} n={n} thaiDigits={thaiDigits} />}

      {own && country && (
        <>
          <h3>{lang === 'th' ? 'คนจนเป้าหมายรายมิติ (ต่อ 100 คนที่สำรวจ)' : 'Target poor by dimension (per 100 people surveyed)'}</h3>
          <div className="radar-wrap">
            <Radar
              axes={DIMENSIONS.map((d) => (lang === 'th' ? d.shortTh : d.shortEn))}
              series={[
                { label: 'country', colour: '#7f8c8d', values: Array.from(country.targetPoorByDimension, (v) => (100 * v) / country.people) },
                ...(own.code !== 'TH' ? [{ label: 'area', colour: '#c0392b', values: Array.from(own.targetPoorByDimension, (v) => (100 * v) / own.people) }] : []),
              ]}
            />
            <div className="radar-key">
              {own.code !== 'TH' && <div><span style={{ background: '#c0392b' }} />{areaName(ds, own.code, lang)}</div>}
              <div><span style={{ background: '#7f8c8d' }} />{t('country', lang)}</div>
              <table className="compare">
                <tbody>
                  {DIMENSIONS.map((d, k) => (
                    <tr key={d.id}><td>{lang === 'th' ? d.shortTh : d.en}</td><td className="num">{n(own.targetPoorByDimension[k])}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <h3>{lang === 'th' ? '17 ตัวชี้วัด: คนจนเป้าหมายที่ไม่ผ่าน / คนที่ไม่ผ่านทั้งหมด' : '17 indicators: target poor failing / all people failing'}</h3>
          <IndicatorBars
            rows={INDICATORS.map((ind, j) => ({ label: `${ind.bmn}`, title: `${ind.id} · จปฐ. ${ind.bmn} · ${lang === 'th' ? ind.th : ind.en}`, failing: own.failing[j], targetFailing: own.targetPoorFailing[j] }))}
            format={n}
            legend={lang === 'th' ? ['คนที่ไม่ผ่าน', 'คนจนเป้าหมายที่ไม่ผ่าน'] : ['people failing', 'target poor failing']}
          />

          <h3>{lang === 'th' ? 'สัดส่วนที่แต่ละมิติมีส่วนต่อ M0 (Alkire–Foster)' : 'Contribution of each dimension to M0 (Alkire–Foster)'}</h3>
          {s.dataset?.capabilities.af === false ? (
            <p className="muted small">{lang === 'th' ? AF_NEEDS_HOUSEHOLDS_TH : AF_NEEDS_HOUSEHOLDS}</p>
          ) : own.adjustedHeadcount > 0 ? (
            <ContributionBar
              segments={DIMENSIONS.map((d, k) => ({ label: lang === 'th' ? d.shortTh : d.en, share: own.contributionByDimension[k], colour: DIM_COLOURS[k] })).filter((x) => Number.isFinite(x.share))}
              format={(x) => p(x, 1)}
            />
          ) : (
            <p className="muted small">{lang === 'th' ? 'ไม่มีคนจนตามเกณฑ์นี้ในพื้นที่' : 'Nobody is poor under this rule here.'}</p>
          )}
        </>
      )}

      {childKey && children.length > 0 && (
        <div className="children">
          <h3>{t(childKey as 'province', lang)} ({n(children.length)})</h3>
          <table data-testid="children-table">
            <thead>
              <tr><th>{t(childKey as 'province', lang)}</th><th className="num">{s.mpi.welfare === 'nocard' ? t('poorNoCard', lang) : t('targetPoor', lang)}</th><th className="num">%</th></tr>
            </thead>
            <tbody>
              {children.slice(0, 200).map((c) => (
                <tr key={c.code} onClick={() => select(c.code)} className="clickable">
                  <td>{areaName(ds, c.code, lang)}</td>
                  <td className="num">{n(c.count)}</td>
                  <td className="num">{p(c.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {children.length > 200 && <p className="muted small">{lang === 'th' ? `แสดง 200 จาก ${n(children.length)}` : `showing 200 of ${n(children.length)}`}</p>}
        </div>
      )}
    </div>
  );
}


function Comparison(props: { own: AreaDetail; parent?: AreaDetail; country?: AreaDetail; parentName: string; lang: 'th' | 'en'; thaiDigits: boolean; p: (x: number, d?: number) => string; n: (x: number) => string }) {
  const { own, parent, country, lang, p, n, thaiDigits } = props;
  const cols = [own, ...(parent && parent.code !== own.code ? [parent] : []), ...(country && country.code !== own.code && country.code !== parent?.code ? [country] : [])];
  const head = (d: AreaDetail) => (d === own ? (lang === 'th' ? 'พื้นที่นี้' : 'this area') : d === country ? t('country', lang) : props.parentName);
  const rows: [string, (d: AreaDetail) => string][] = [
    [lang === 'th' ? 'อัตรา' : 'Rate', (d) => p(d.rate)],
    [t('targetPoor', lang), (d) => n(d.targetPoor)],
    ['H', (d) => p(d.headcountRatio, 1)],
    ['A', (d) => p(d.intensity, 1)],
    ['M0', (d) => formatDecimal(d.adjustedHeadcount, lang, thaiDigits)],
  ];
  return (
    <table className="compare" data-testid="compare-table">
      <thead><tr><th />{cols.map((d) => <th key={d.code} className="num">{head(d)}</th>)}</tr></thead>
      <tbody>
        {rows.map(([label, f]) => (
          <tr key={label}><td>{label}</td>{cols.map((d) => <td key={d.code} className="num">{f(d)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

function ServiceStat({ counts, level, i, lang, n }: { counts: ServiceCounts; level: Exclude<AdminLevel, 'village'>; i: number; lang: 'th' | 'en'; n: (x: number) => string }) {
  const T = counts.typeNames.length;
  const row = counts.counts[level];
  const known = ['hospital', 'health_promoting_hospital', 'school'] as const;
  return (
    <div className="stat wide" data-testid="stat-services">
      <dt>{t('services', lang)}</dt>
      <dd className="services-line">
        {counts.typeNames.map((name, k) => (
          <span key={name} data-testid={`stat-services-${name}`}>
            {(known as readonly string[]).includes(name) ? t(name as (typeof known)[number], lang) : name} <b>{n(row[i * T + k])}</b>
          </span>
        ))}
      </dd>
    </div>
  );
}
