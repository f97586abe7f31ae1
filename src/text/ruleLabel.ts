import { DIMENSIONS } from '../domain/indicators';
import type { MpiSettings } from '../domain/mpi';
import type { Lang } from './i18n';

/** One line saying which poverty rule the numbers follow, e.g. "TPMAP (union), 5 dimensions". */
export function ruleLabel(mpi: MpiSettings, lang: Lang): string {
  const dims = mpi.dimensions.length === 5
    ? (lang === 'th' ? 'ครบ 5 มิติ' : 'all 5 dimensions')
    : DIMENSIONS.filter((d) => mpi.dimensions.includes(d.id)).map((d) => (lang === 'th' ? d.shortTh : d.en)).join(', ');
  const rule = mpi.measure === 'tpmap'
    ? (lang === 'th' ? 'เกณฑ์ TPMAP (ตกเกณฑ์ตัวชี้วัดใดก็ได้)' : 'TPMAP rule (any indicator failed)')
    : `Alkire–Foster k = ${Math.round(mpi.k * 1000) / 10} %`;
  const custom = mpi.weights ? (lang === 'th' ? ' · น้ำหนักกำหนดเอง' : ' · custom weights') : '';
  return `${rule} · ${dims}${custom}`;
}

/** Thai of AF_NEEDS_HOUSEHOLDS (src/data/tpmap/tpmapMeasures.ts). */
export const AF_NEEDS_HOUSEHOLDS_TH =
  'การวัดแบบ Alkire–Foster (k, น้ำหนัก, H, A, M0) ต้องใช้ข้อมูลรายครัวเรือน — ตารางที่ TPMAP เผยแพร่มีเพียงจำนวนรายพื้นที่ จึงแสดงได้เฉพาะการนับคนจนตามเกณฑ์ TPMAP';
