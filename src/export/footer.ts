/**
 * The footer every export carries (issue 10): sources, data years, the measure settings (rule,
 * k, weights, dimensions, welfare view) and, for generated data, the synthetic-data notice in
 * both languages. Pure text, shared by the PNG compositor, the PowerPoint deck and briefing mode.
 */
import { DIMENSIONS, INDICATORS } from '../domain/indicators';
import type { Lang } from '../text/i18n';

export const SYNTHETIC_NOTICE = 'ข้อมูลสังเคราะห์เพื่อการสาธิต · synthetic demonstration data';

export interface FooterInput {
  lang: Lang;
  source: string;
  synthetic: boolean;
  /** Year shown and, when the view shows a change, the year compared with (Buddhist era). */
  year: number;
  compareYear?: number | null;
  mpi: { measure: 'tpmap' | 'af'; dimensions: readonly string[]; k: number; weights?: unknown; welfare: 'all' | 'nocard' };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Custom weights as text: dimension shares or indicator weights normalised to sum 1, as the CLI reads them. */
export function weightsText(weights: unknown, lang: Lang): string {
  if (weights == null) return lang === 'th' ? 'น้ำหนักเท่ากัน (มิติละ 1/5 แบ่งเท่ากันในมิติ)' : 'equal nested weights (1/5 per dimension)';
  let entries: [string, number][] = [];
  if (Array.isArray(weights) || ArrayBuffer.isView(weights)) {
    const w = Array.from(weights as ArrayLike<number>);
    entries = INDICATORS.map((ind, i) => [ind.id, Number(w[i] ?? 0)]);
  } else if (typeof weights === 'object') {
    entries = Object.entries(weights as Record<string, number>).map(([k, v]) => [k, Number(v)]);
  }
  const total = entries.reduce((a, [, v]) => a + (Number.isFinite(v) ? v : 0), 0);
  const parts = entries.filter(([, v]) => v > 0).map(([k, v]) => `${k} ${pct(v / (total || 1))}`);
  return `${lang === 'th' ? 'น้ำหนักกำหนดเอง' : 'custom weights'}: ${parts.join(', ')}`;
}

/** Footer lines, most important first. */
export function footerLines(f: FooterInput): string[] {
  const th = f.lang === 'th';
  const dims = DIMENSIONS.filter((d) => f.mpi.dimensions.includes(d.id)).map((d) => (th ? d.shortTh : d.shortEn));
  const rule = f.mpi.measure === 'af'
    ? `Alkire–Foster k = ${pct(f.mpi.k)} · ${weightsText(f.mpi.weights, f.lang)}`
    : th ? 'เกณฑ์ TPMAP (ตกเกณฑ์ตัวชี้วัดใดก็ได้ในมิติที่เลือก)' : 'TPMAP rule (any indicator of a selected dimension failed)';
  const welfare = f.mpi.welfare === 'nocard' ? (th ? 'คนจนที่ไม่มีบัตรสวัสดิการ' : 'poor with no welfare card') : (th ? 'คนจนเป้าหมาย (มีบัตรสวัสดิการ)' : 'target poor (welfare card)');
  const years = f.compareYear ? `${th ? 'ข้อมูลปี พ.ศ.' : 'data years BE'} ${f.year} (${th ? 'เทียบกับ' : 'vs'} ${f.compareYear})` : `${th ? 'ข้อมูลปี พ.ศ.' : 'data year BE'} ${f.year}`;
  const lines = [
    `${years} · ${th ? 'ที่มา' : 'Source'}: ${f.source}${/natural earth/i.test(f.source) ? '' : ` · ${th ? 'ขอบเขตจังหวัด' : 'province boundaries'} Natural Earth`}`,
    `${th ? 'การวัด' : 'Measure'}: ${rule} · ${th ? 'มิติ' : 'dimensions'}: ${dims.join(', ')} · ${welfare}`,
  ];
  if (f.synthetic) lines.push(SYNTHETIC_NOTICE);
  return lines;
}
