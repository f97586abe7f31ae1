/** Thai and English text of the targeting and hot-spot tab, legend and map (issue 9). */
import { textLookup, type Lang } from './i18n';
import type { TargetingInputNote } from '../data/targetingInputs';
import type { HotspotNote } from '../domain/hotspots';
import { MAX_PERMUTATIONS } from '../domain/hotspots/permutation';

const STRINGS = {
  tab: { th: 'ชี้เป้า', en: 'Targeting' },
  rankFailed: { th: 'จัดลำดับไม่ได้', en: 'Could not rank' },
  needOnlyTitle: { th: 'จัดลำดับตามความต้องการอย่างเดียว', en: 'Ranked by need alone' },
  needOnlyBody: {
    th: 'พื้นที่ทำงานนี้ยังไม่มีข้อมูลศักยภาพในขอบเขตที่เลือก จึงจัดลำดับตามความต้องการ (คะแนน = ความต้องการ) และแบ่งพื้นที่เป็นความต้องการสูง/ต่ำกว่ามัธยฐาน ไม่ใช่ 4 กลุ่มความต้องการ × ศักยภาพ — นำเข้าไฟล์ตามรายการด้านบนเพื่อเพิ่มศักยภาพ',
    en: 'This workspace has no potential data in the chosen scope, so areas are ranked by need (score = need) and split at the need median, not into the four need × potential groups — import the files listed above to add potential.',
  },
  needOnlySettings: {
    th: 'การตั้งค่าศักยภาพ (กลยุทธ์ น้ำหนักความต้องการ การปรับมาตรฐาน การรวม ค่าที่ขาด และน้ำหนักรายตัวชี้วัด) จะแสดงเมื่อมีข้อมูลศักยภาพ',
    en: 'Potential settings (strategy, need weight, normalisation, aggregation, missing values and input weights) appear once potential data is loaded.',
  },
  needOnlyMissing: { th: 'ข้อมูลศักยภาพที่ขาด', en: 'Missing potential inputs' },
  legendNeedOnly: { th: 'ความต้องการ (ยังไม่มีข้อมูลศักยภาพ)', en: 'Need (no potential data)' },
  title: { th: 'ชี้เป้าพื้นที่: ความต้องการ × ศักยภาพ', en: 'Targeting: need × potential' },
  level: { th: 'ระดับพื้นที่', en: 'Level' },
  village: { th: 'หมู่บ้าน', en: 'Village' },
  subdistrict: { th: 'ตำบล', en: 'Subdistrict' },
  district: { th: 'อำเภอ', en: 'District' },
  province: { th: 'จังหวัด', en: 'Province' },
  scope: { th: 'ขอบเขต', en: 'Scope' },
  country: { th: 'ทั้งประเทศ', en: 'Whole country' },
  withinSel: { th: 'ภายใน', en: 'Within' },
  need: { th: 'ความต้องการ', en: 'Need' },
  potential: { th: 'ศักยภาพ', en: 'Potential' },
  low_potential: { th: 'ศักยภาพต่ำ (1 − ศักยภาพ)', en: 'Low potential (1 − potential)' },
  asRate: { th: 'อัตรา', en: 'rate' },
  asCount: { th: 'จำนวนคน', en: 'count' },
  m_target_poor: { th: 'คนจนเป้าหมาย', en: 'Target poor' },
  m_poor: { th: 'คนจน', en: 'Poor' },
  m_poor_no_card: { th: 'คนจนที่ไม่มีบัตรสวัสดิการ', en: 'Poor without a welfare card' },
  m_headcount_ratio: { th: 'อัตราความยากจน (H)', en: 'Headcount ratio (H)' },
  m_adjusted_headcount: { th: 'ดัชนี M0', en: 'Adjusted headcount (M0)' },
  m_rate: { th: 'อัตราคนจนเป้าหมาย', en: 'Target-poor rate' },
  strategy: { th: 'กลยุทธ์', en: 'Strategy' },
  livelihoods: { th: 'เน้นอาชีพก่อน (ต้องการสูง ศักยภาพสูง)', en: 'Livelihoods first (high need, high potential)' },
  protection: { th: 'เน้นคุ้มครองก่อน (ต้องการสูง ศักยภาพต่ำ)', en: 'Protection first (high need, low potential)' },
  needWeight: { th: 'น้ำหนักความต้องการ', en: 'Need weight' },
  normalise: { th: 'การปรับมาตรฐาน', en: 'Normalisation' },
  minmax: { th: 'ต่ำสุด–สูงสุด (min–max)', en: 'min–max' },
  z: { th: 'ค่า z', en: 'z-score' },
  rank: { th: 'เปอร์เซ็นไทล์ (อันดับ)', en: 'percentile rank' },
  aggregate: { th: 'การรวม', en: 'Aggregation' },
  linear: { th: 'เชิงเส้น', en: 'linear' },
  geometric: { th: 'เรขาคณิต', en: 'geometric' },
  missing: { th: 'ข้อมูลขาด', en: 'Missing inputs' },
  renormalise: { th: 'ปรับน้ำหนักใหม่จากข้อมูลที่มี', en: 'renormalise over inputs present' },
  exclude: { th: 'ไม่จัดอันดับพื้นที่ที่ขาดข้อมูล', en: 'leave the area unranked' },
  thresholds: { th: 'เส้นแบ่งกลุ่ม', en: 'Thresholds' },
  medianAreas: { th: 'มัธยฐานตามจำนวนพื้นที่', en: 'median over areas' },
  medianPeople: { th: 'มัธยฐานตามจำนวนคน', en: 'median over people' },
  weights: { th: 'น้ำหนักศักยภาพ', en: 'Potential weights' },
  resetWeights: { th: 'น้ำหนักเท่ากัน', en: 'Equal weights' },
  formula: { th: 'สูตร', en: 'Formula' },
  effective: { th: 'น้ำหนักที่ใช้จริง', en: 'Effective weights' },
  missingLayers: { th: 'ข้อมูลที่ยังไม่มีในพื้นที่ทำงานนี้', en: 'Not in this workspace' },
  table: { th: 'ลำดับความสำคัญ', en: 'Priority ranking' },
  colRank: { th: 'อันดับ', en: 'Rank' },
  colRankOther: { th: 'อันดับ (อีกแบบ)', en: 'Rank (other)' },
  colName: { th: 'พื้นที่', en: 'Area' },
  colScore: { th: 'คะแนนและองค์ประกอบ', en: 'Score and its parts' },
  colTargetPoor: { th: 'คนจนเป้าหมาย', en: 'Target poor' },
  colMedian: { th: 'มัธยฐานอันดับ', en: 'Median rank' },
  colBand: { th: 'ช่วง 5–95 %', en: '5–95 % band' },
  colFlip: { th: 'เปลี่ยนกลุ่ม', en: 'Quadrant flips' },
  rankOtherRate: { th: 'อันดับตามอัตรา', en: 'Rank by rate' },
  rankOtherCount: { th: 'อันดับตามจำนวน', en: 'Rank by count' },
  showMore: { th: 'แสดงเพิ่ม', en: 'Show more' },
  ranked: { th: 'จัดอันดับแล้ว', en: 'ranked' },
  brushed: { th: 'เลือกจากแผนภาพ', en: 'brushed in the scatter' },
  clearBrush: { th: 'ล้างการเลือก', en: 'Clear selection' },
  filterQuadrant: { th: 'กรองตามกลุ่ม', en: 'Filter by quadrant' },
  scatter: { th: 'แผนภาพกระจาย ความต้องการ × ศักยภาพ (ขนาดจุด = จำนวนคนจนเป้าหมาย)', en: 'Need × potential (point size = target poor)' },
  brushHint: { th: 'ลากเพื่อเลือกพื้นที่', en: 'drag to select areas' },
  stability: { th: 'ความมั่นคงของอันดับ (มอนติคาร์โล)', en: 'Rank stability (Monte Carlo)' },
  draws: { th: 'จำนวนรอบ', en: 'Draws' },
  seed: { th: 'ค่าเริ่มสุ่ม', en: 'Seed' },
  concentration: { th: 'ความเข้มข้น Dirichlet', en: 'Dirichlet concentration' },
  varyNorm: { th: 'สุ่มวิธีปรับมาตรฐานด้วย', en: 'Vary normalisation too' },
  run: { th: 'คำนวณ', en: 'Run' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  cancelling: { th: 'กำลังยกเลิก…', en: 'Cancelling…' },
  stabilityDone: { th: 'เสร็จใน', en: 'done in' },
  flipping: { th: 'พื้นที่ที่เปลี่ยนกลุ่ม ≥ 20 % ของรอบ', en: 'areas whose quadrant flips in ≥ 20 % of draws' },
  shortlist: { th: 'รายชื่อพื้นที่เป้าหมาย', en: 'Shortlist' },
  ruleCount: { th: 'เลือก N พื้นที่แรก', en: 'Cover N areas' },
  ruleReach: { th: 'ให้ถึงคนจนเป้าหมายอย่างน้อย P คน', en: 'Reach at least P target poor' },
  ruleBudget: { th: 'ภายในงบประมาณ', en: 'Within a budget' },
  costPerArea: { th: 'ต้นทุนต่อพื้นที่', en: 'Cost per area' },
  costPerPerson: { th: 'ต้นทุนต่อคน', en: 'Cost per person' },
  areasChosen: { th: 'พื้นที่ที่เลือก', en: 'Areas chosen' },
  peopleReached: { th: 'ประชากรในพื้นที่', en: 'People reached' },
  tpReached: { th: 'คนจนเป้าหมายที่ถึง', en: 'Target poor reached' },
  share: { th: 'สัดส่วนของคนจนเป้าหมายทั้งหมด', en: 'Share of all target poor' },
  scenarioName: { th: 'ชื่อสถานการณ์', en: 'Scenario name' },
  save: { th: 'บันทึกสถานการณ์', en: 'Save scenario' },
  scenarios: { th: 'สถานการณ์ที่บันทึกไว้', en: 'Saved scenarios' },
  compare: { th: 'เปรียบเทียบ', en: 'Compare' },
  overlap: { th: 'พื้นที่ซ้ำกัน', en: 'Overlap' },
  onlyA: { th: 'เฉพาะ A', en: 'Only A' },
  onlyB: { th: 'เฉพาะ B', en: 'Only B' },
  either: { th: 'คนจนเป้าหมายรวม (ไม่นับซ้ำ)', en: 'Target poor, either (counted once)' },
  del: { th: 'ลบ', en: 'Delete' },
  exportCsv: { th: 'ส่งออก CSV', en: 'Export CSV' },
  exportGeo: { th: 'ส่งออก GeoJSON', en: 'Export GeoJSON' },
  mapShows: { th: 'แผนที่แสดง', en: 'Map shows' },
  modeNeed: { th: 'ความยากจน', en: 'Poverty' },
  modeTargeting: { th: 'กลุ่มความต้องการ × ศักยภาพ', en: 'Need × potential' },
  modeHotspots: { th: 'จุดร้อน', en: 'Hot spots' },
  hotspots: { th: 'จุดร้อน / จุดเย็น (Local Moran’s I, Gi*)', en: 'Hot and cold spots (Local Moran’s I, Gi*)' },
  measure: { th: 'ตัวชี้วัด', en: 'Measure' },
  permutations: { th: 'จำนวนการเรียงสับเปลี่ยน', en: 'Permutations' },
  alpha: { th: 'ระดับนัยสำคัญ α', en: 'Significance α' },
  correction: { th: 'การปรับการทดสอบหลายครั้ง', en: 'Multiple-testing correction' },
  fdr: { th: 'FDR (Benjamini–Hochberg)', en: 'FDR (Benjamini–Hochberg)' },
  bonferroni: { th: 'Bonferroni', en: 'Bonferroni' },
  none: { th: 'ไม่ปรับ', en: 'none' },
  sigFrom: { th: 'ค่า p จาก', en: 'p from' },
  local_moran: { th: 'Local Moran (เรียงสับเปลี่ยน)', en: 'Local Moran (permutations)' },
  gi_star: { th: 'ค่า z ของ Gi* (วิเคราะห์)', en: 'Gi* analytic z' },
  queen: { th: 'ตำบล: ติดกัน (queen)', en: 'Subdistricts: queen contiguity' },
  knn: { th: 'หมู่บ้าน: เพื่อนบ้านใกล้สุด 8 แห่ง', en: 'Villages: 8 nearest neighbours' },
  'high-high': { th: 'สูง–สูง (จุดร้อน)', en: 'High–high (hot spot)' },
  'low-low': { th: 'ต่ำ–ต่ำ (จุดเย็น)', en: 'Low–low (cold spot)' },
  'high-low': { th: 'สูง–ต่ำ (ค่าสูงล้อมด้วยต่ำ)', en: 'High–low (outlier)' },
  'low-high': { th: 'ต่ำ–สูง (ค่าต่ำล้อมด้วยสูง)', en: 'Low–high (outlier)' },
  not_significant: { th: 'ไม่มีนัยสำคัญ', en: 'Not significant' },
  isolated: { th: 'ไม่มีเพื่อนบ้าน', en: 'No neighbours (isolated)' },
  no_data: { th: 'ไม่มีข้อมูล', en: 'No data' },
  unranked: { th: 'ไม่ได้จัดอันดับ / นอกขอบเขต', en: 'Unranked / outside scope' },
  significant: { th: 'มีนัยสำคัญ', en: 'significant' },
  globalI: { th: 'Moran’s I รวม', en: 'Global Moran’s I' },
  useMore: { th: 'ใช้การเรียงสับเปลี่ยน', en: 'Use permutations:' },
  useGi: { th: 'ใช้ค่า z ของ Gi* (ไม่มีค่า p ต่ำสุด)', en: 'Use Gi*’s analytic z (no floor)' },
  legendTargeting: { th: 'กลุ่มความต้องการ × ศักยภาพ', en: 'Need × potential' },
  legendHot: { th: 'จุดร้อนของ', en: 'Hot spots of' },
  computing: { th: 'กำลังคำนวณ…', en: 'Computing…' },
  rerankMs: { th: 'จัดอันดับใหม่ในเวิร์กเกอร์', en: 'Re-ranked in the worker in' },
  synthetic: { th: 'ข้อมูลสังเคราะห์ ไม่ใช่ข้อมูลจริง', en: 'synthetic data, not real' },
  sourceLabel: { th: 'ที่มา', en: 'Sources' },
  steps: { th: 'ขั้นตอน', en: 'Steps' },
} as const;

export type TargetingKey = keyof typeof STRINGS;
export const tg = textLookup(STRINGS) as (key: TargetingKey | string, lang: Lang, fallback?: string) => string;

const FILE_NAME: Record<TargetingInputNote['file'], { th: string; en: string }> = {
  services: { th: 'รายชื่อสถานบริการ (CSV/GeoJSON มีพิกัด)', en: 'a service list (CSV/GeoJSON with coordinates)' },
  ntl: { th: 'ภาพแสงไฟยามค่ำคืน (GeoTIFF)', en: 'a nighttime-light raster (GeoTIFF)' },
  boundaries: { th: 'ขอบเขตการปกครอง (GeoJSON/Shapefile)', en: 'boundary polygons (GeoJSON/Shapefile)' },
  villageBasic: { th: 'ข้อมูลพื้นฐานหมู่บ้าน (กชช. 2ค)', en: 'village basic data (NRD2C)' },
  villages: { th: 'พิกัดหมู่บ้าน', en: 'village locations' },
};

/** A missing-layer note, naming the file that would fill it. */
export function inputNoteText(n: TargetingInputNote, lang: Lang): string {
  const f = FILE_NAME[n.file][lang];
  const th = lang === 'th';
  switch (n.kind) {
    case 'no_services': return th ? `ไม่มีสถานบริการ: ไม่ใช้ตัวชี้วัดการเข้าถึงบริการ — นำเข้า${f}` : `No services: access inputs left out — import ${f}`;
    case 'no_lights': return th ? `ไม่มีภาพแสงไฟ: ไม่ใช้ตัวชี้วัดแสงไฟ — นำเข้า${f}` : `No nighttime lights: lights inputs left out — import ${f}`;
    case 'no_boundaries': return th ? `ไม่มีขอบเขตระดับ${STRINGS[n.level].th}: ไม่ใช้ตัวชี้วัดแสงไฟ — นำเข้า${f}` : `No ${n.level} polygons: lights inputs left out — import ${f}`;
    case 'no_basic': return th ? `ไม่มีข้อมูลพื้นฐานหมู่บ้าน: ไม่ใช้ตัวชี้วัดโครงสร้างพื้นฐาน — นำเข้า${f}` : `No village basic data: infrastructure inputs left out — import ${f}`;
    case 'no_village_positions': return th ? `หมู่บ้าน ${n.unlocated.toLocaleString('th-TH')} จาก ${n.villages.toLocaleString('th-TH')} แห่งไม่มีพิกัด: ไม่มีค่าการเข้าถึงบริการของหมู่บ้านเหล่านั้น — นำเข้า${f}` : `${n.unlocated.toLocaleString('en-GB')} of ${n.villages.toLocaleString('en-GB')} villages have no location: their access values are missing — import ${f}`;
    case 'lights_unreadable': return th ? `อ่านภาพแสงไฟไม่ได้: ${n.message}` : `Lights unreadable: ${n.message}`;
  }
}

/** A hot-spot note in Thai or English (describeHotspotNote is the CLI's English). */
export function hotspotNoteText(n: HotspotNote, lang: Lang): string {
  const th = lang === 'th';
  const nf = (x: number) => x.toLocaleString(th ? 'th-TH' : 'en-GB');
  switch (n.kind) {
    case 'min_p_exceeds_fdr':
    case 'min_p_exceeds_bonferroni': {
      const R = Math.round(1 / n.minP - 1);
      if (th) {
        const rule = n.kind === 'min_p_exceeds_fdr'
          ? `FDR (Benjamini–Hochberg) ที่ α = ${n.alpha} จะผ่านได้ก็ต่อเมื่อมีพื้นที่อย่างน้อย ${nf(n.areasNeededAtMinP)} แห่งที่ได้ค่า p ต่ำสุดนี้พร้อมกัน`
          : `Bonferroni ที่ α = ${n.alpha} ต้องการ p ≤ ${(n.alpha / n.n).toExponential(2)} ซึ่งไม่มีพื้นที่ใดทำได้`;
        const more = n.reachable ? `การเรียงสับเปลี่ยน ${nf(n.permutationsNeeded)} ครั้งจะทำให้พื้นที่เดียวผ่านได้` : `พื้นที่เดียวจะต้องใช้ ${nf(n.permutationsNeeded)} ครั้ง เกินขีดจำกัด ${nf(MAX_PERMUTATIONS)} ครั้ง`;
        return `ด้วยการเรียงสับเปลี่ยน ${nf(R)} ครั้ง ค่า p ต่ำสุดที่เป็นไปได้คือ ${n.minP.toPrecision(3)}: จากพื้นที่ ${nf(n.n)} แห่ง ${rule} (ผ่าน ${nf(n.kept)} แห่ง) เพิ่มจำนวนการเรียงสับเปลี่ยนเพื่อลดค่าต่ำสุดนี้ (${more}) หรือใช้ค่า z ของ Gi* ซึ่งไม่มีค่าต่ำสุด`;
      }
      const rule = n.kind === 'min_p_exceeds_fdr'
        ? `Benjamini–Hochberg FDR at ${n.alpha} keeps areas only in groups of at least ${nf(n.areasNeededAtMinP)} that all reach it`
        : `Bonferroni at ${n.alpha} needs p ≤ ${(n.alpha / n.n).toExponential(2)}, which no area can reach`;
      const more = n.reachable ? `${nf(n.permutationsNeeded)} permutations would let a single area pass` : `a single area would need ${nf(n.permutationsNeeded)} permutations, beyond the ${nf(MAX_PERMUTATIONS)} allowed`;
      return `With ${nf(R)} permutations the smallest possible p is ${n.minP.toPrecision(3)}: over ${nf(n.n)} areas ${rule} (kept: ${nf(n.kept)}). More permutations lower that floor (${more}); Gi*'s analytic z has no floor.`;
    }
    case 'islands': return th ? `พื้นที่ ${nf(n.count)} แห่งไม่มีเพื่อนบ้าน: แสดงเป็น "ไม่มีเพื่อนบ้าน" (ยังนับในค่าเฉลี่ยและส่วนเบี่ยงเบน)` : `${nf(n.count)} area(s) have no neighbours: listed as isolated (kept in the mean and standard deviation).`;
    case 'without_polygon': return th ? `พื้นที่ ${nf(n.count)} แห่งไม่มีรูปแปลงขอบเขต (เช่น เขตเทศบาลของ TPMAP): ไม่รวมในการวิเคราะห์จุดร้อน แต่ยังอยู่ในตาราง` : `${nf(n.count)} area(s) have no polygon (e.g. TPMAP's municipal areas): left out of the hot-spot analysis, still in the tables.`;
    case 'without_position': return th ? `พื้นที่ ${nf(n.count)} แห่งไม่มีหมู่บ้านที่มีพิกัด จึงหาเพื่อนบ้านใกล้ที่สุดไม่ได้: ไม่รวมในการวิเคราะห์จุดร้อน แต่ยังอยู่ในตาราง (นำเข้าไฟล์จุดหมู่บ้านเพื่อรวม)` : `${nf(n.count)} area(s) have no located village, so no nearest neighbours: left out of the hot-spot analysis, still in the tables (import village points to include them).`;
    case 'missing_values': return th ? `พื้นที่ ${nf(n.count)} แห่งไม่มีค่าตัวชี้วัด: ไม่รวมในการวิเคราะห์` : `${nf(n.count)} area(s) have no value: left out of the analysis.`;
    case 'no_variation': return th ? 'ตัวชี้วัดมีค่าเท่ากันทุกพื้นที่: ไม่มีรูปแบบเชิงพื้นที่ให้ทดสอบ' : 'The measure is the same everywhere: no spatial pattern to test.';
  }
}

