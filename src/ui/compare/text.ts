/** Bilingual strings and number formats of the compare, briefing and slides feature (issue 10). */
import { formatInt, formatPercent, formatYear, textLookup, type Lang } from '../../text/i18n';
import { formatDecimal, formatMeasure } from '../../text/format';
import { suppressCount, suppressDerived } from '../../domain/slides/suppress';
import { classOf } from '../../domain/classify';
import type { MapMeasure } from '../../domain/mapMeasures';

export const tc = textLookup({
  tabCompare: { th: 'เปรียบเทียบ', en: 'Compare' },
  tabSlides: { th: 'สไลด์', en: 'Slides' },
  nationalTable: { th: 'ตารางระดับประเทศ: ทุกจังหวัด', en: 'National table: all provinces' },
  province: { th: 'จังหวัด', en: 'Province' },
  targetPoor: { th: 'คนจนเป้าหมาย', en: 'Target poor' },
  rate: { th: 'อัตรา', en: 'Rate' },
  rateTitle: { th: 'อัตราคนจนเป้าหมาย', en: 'Target-poor rate' },
  m0: { th: 'M0', en: 'M0' },
  profile: { th: '5 มิติ', en: '5 dims' },
  change: { th: 'เปลี่ยนแปลง', en: 'Change' },
  rank: { th: 'อันดับ', en: 'Rank' },
  compareSelected: { th: 'เปรียบเทียบที่เลือก', en: 'Compare selected' },
  pickHint: { th: 'เลือก 2–4 จังหวัด (หรืออำเภอจากปุ่มบนแผนที่) เพื่อเปรียบเทียบ', en: 'Tick 2–4 provinces (or add districts with the button over the map) to compare' },
  compareTitle: { th: 'เปรียบเทียบพื้นที่', en: 'Compare areas' },
  close: { th: 'ปิด', en: 'Close' },
  sharedLegend: { th: 'คำอธิบายสัญลักษณ์ (ใช้ร่วมกันทุกแผนที่)', en: 'Legend (shared by every map)' },
  dimProfile: { th: 'คนจนเป้าหมายรายมิติ (% ของคนที่สำรวจ, มาตราส่วนเดียวกัน)', en: 'Target poor by dimension (% of people surveyed, one common scale)' },
  distribution: { th: 'การกระจายของอัตราคนจนเป้าหมายรายตำบล (แกนเดียวกัน)', en: 'Target-poor rate across subdistricts (one axis)' },
  yoy: { th: 'การเปลี่ยนแปลงคนจนเป้าหมายรายมิติ', en: 'Change in target poor by dimension' },
  keyNumbers: { th: 'ตัวเลขสำคัญ', en: 'Key numbers' },
  people: { th: 'คนที่สำรวจ', en: 'People surveyed' },
  households: { th: 'ครัวเรือนที่สำรวจ', en: 'Households surveyed' },
  up: { th: 'เพิ่มขึ้น', en: 'up' },
  down: { th: 'ลดลง', en: 'down' },
  same: { th: 'เท่าเดิม', en: 'unchanged' },
  loadingYears: { th: 'กำลังคำนวณทุกปีข้อมูล…', en: 'Computing every data year…' },
  briefing: { th: 'โหมดบรรยาย', en: 'Briefing mode' },
  saveSlide: { th: 'บันทึกมุมมองนี้เป็นสไลด์', en: 'Save this view as a slide' },
  slides: { th: 'สไลด์', en: 'Slides' },
  noSlides: { th: 'ยังไม่มีสไลด์ — บันทึกมุมมองปัจจุบันเพื่อเริ่ม', en: 'No slides yet — save the current view to start' },
  title: { th: 'ชื่อสไลด์', en: 'Title' },
  note: { th: 'บันทึกผู้บรรยาย', en: 'Speaker note' },
  moveUp: { th: 'เลื่อนขึ้น', en: 'Move up' },
  moveDown: { th: 'เลื่อนลง', en: 'Move down' },
  remove: { th: 'ลบ', en: 'Delete' },
  show: { th: 'แสดง', en: 'Show' },
  exportJson: { th: 'ส่งออกสไลด์ (JSON)', en: 'Export slides (JSON)' },
  importJson: { th: 'นำเข้าสไลด์ (JSON)', en: 'Import slides (JSON)' },
  exportPng: { th: 'ส่งออกภาพ PNG (มุมมองนี้)', en: 'Export PNG (this view)' },
  exportAllPng: { th: 'ส่งออก PNG ทุกสไลด์', en: 'Export PNG of every slide' },
  exportPptx: { th: 'ส่งออก PowerPoint (.pptx)', en: 'Export PowerPoint (.pptx)' },
  suppress: { th: 'ซ่อนจำนวนที่น้อยกว่า 5 (PDPA) ในโหมดบรรยายและการส่งออก', en: 'Suppress counts below 5 (PDPA) in briefing and exports' },
  startBriefing: { th: 'เริ่มบรรยาย (เต็มจอ)', en: 'Start briefing (full screen)' },
  leave: { th: 'ออก (Esc)', en: 'Leave (Esc)' },
  keysHint: { th: '→ ถัดไป · ← ก่อนหน้า · Esc ออก', en: '→ next · ← previous · Esc leaves' },
  classWord: { th: 'ระดับ', en: 'Class' },
  noData: { th: 'ไม่มีข้อมูล', en: 'No data' },
  exporting: { th: 'กำลังส่งออก…', en: 'Exporting…' },
  since: { th: 'เทียบกับ', en: 'since' },
  imported: { th: 'นำเข้าสไลด์แล้ว', en: 'Slides imported' },
  holdsLights: { th: 'ไฟกลางคืน', en: 'Night lights' },
  legendLights: { th: 'ซ้อนด้วยแสงไฟยามค่ำคืน (VIIRS, nW/cm²/sr)', en: 'Overlaid: night lights (VIIRS, nW/cm²/sr)' },
  legendServices: { th: 'สัญลักษณ์: โรงพยาบาล รพ.สต. โรงเรียน', en: 'Symbols: hospitals, health stations, schools' },
  holdsServices: { th: 'บริการ', en: 'Services' },
  holdsCompare: { th: 'เปรียบเทียบ', en: 'Compare' },
  modeTargeting: { th: 'แผนที่จัดลำดับเป้าหมาย', en: 'Targeting map' },
  modeHotspots: { th: 'แผนที่จุดร้อน', en: 'Hot-spot map' },
  modeProgress: { th: 'แผนที่ความก้าวหน้า', en: 'Progress map' },
  levelVillage: { th: 'หมู่บ้าน', en: 'village' },
  levelSubdistrict: { th: 'ตำบล', en: 'subdistrict' },
  levelDistrict: { th: 'อำเภอ', en: 'district' },
  levelProvince: { th: 'จังหวัด', en: 'province' },
  slideHolds: { th: 'สไลด์นี้เก็บ', en: 'This slide holds' },
  potential: { th: 'ศักยภาพ', en: 'Potential' },
  potentialTitle: { th: 'คะแนนศักยภาพเชิงพื้นที่ระดับจังหวัด (0–1) ตามการตั้งค่าการจัดลำดับเป้าหมายปัจจุบัน', en: 'Physical potential score at province level (0–1), with the current targeting settings' },
  priorityRank: { th: 'ลำดับ', en: 'Priority' },
  priorityRankTitle: { th: 'ลำดับความสำคัญระดับจังหวัด (1 = มาก่อน) ตามการตั้งค่าการจัดลำดับเป้าหมายปัจจุบัน', en: 'Priority rank at province level (1 = first), with the current targeting settings' },
  potentialComputing: { th: 'กำลังคำนวณศักยภาพ…', en: 'Computing potential…' },
  potentialMissing: { th: 'ไม่มีคะแนนศักยภาพ', en: 'No potential score' },
  potentialPartial: { th: 'ศักยภาพคำนวณโดยไม่มี', en: 'Potential computed without' },
  unranked: { th: 'ไม่จัดลำดับ', en: 'unranked' },
  addToCompare: { th: 'เพิ่มในการเปรียบเทียบ', en: 'Add to compare' },
  removeFromCompare: { th: 'นำออกจากการเปรียบเทียบ', en: 'Remove from compare' },
  openCompare: { th: 'เปรียบเทียบ', en: 'Compare' },
  clearPicked: { th: 'ล้าง', en: 'Clear' },
  pickedAreas: { th: 'พื้นที่ที่เลือกไว้', en: 'Picked areas' },
});

export type Fmt = ReturnType<typeof formatters>;

/** Number formats for one language/digit setting, with PDPA suppression when `suppress`. */
export function formatters(lang: Lang, thaiDigits: boolean, suppress: boolean) {
  return {
    int: (n: number) => suppressCount(n, suppress, (x) => formatInt(x, lang, thaiDigits)),
    pct: (v: number, count: number, digits = 2) => suppressDerived(v, count, suppress, (x) => formatPercent(x, lang, thaiDigits, digits)),
    dec: (v: number) => formatDecimal(v, lang, thaiDigits),
    dec3: (v: number) => formatDecimal(v, lang, thaiDigits, 3),
    year: (y: number) => formatYear(y, lang, thaiDigits),
    /** "+1,234" / "−1,234" with an arrow, words for screen readers and for colour-blind readers. */
    signed: (n: number) => {
      if (!Number.isFinite(n)) return '–';
      const abs = suppressCount(Math.abs(n), suppress, (x) => formatInt(x, lang, thaiDigits));
      return n > 0 ? `▲ +${abs}` : n < 0 ? `▼ −${abs}` : `= 0`;
    },
    signedPoints: (v: number) => {
      if (!Number.isFinite(v)) return '–';
      const s = new Intl.NumberFormat(lang === 'th' ? (thaiDigits ? 'th-TH-u-nu-thai' : 'th-TH') : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(v * 100));
      return v > 0 ? `▲ +${s}` : v < 0 ? `▼ −${s}` : '= 0';
    },
  };
}

export interface LegendRow { colour: string; label: string; klass: number }

/** Legend rows of a classed measure (class numbers 1 = lowest, as drawn on the maps). */
export function legendRows(c: { breaks: number[]; palette: string[] }, measure: MapMeasure, lang: Lang, thaiDigits: boolean): LegendRow[] {
  const f = (x: number) => formatMeasure(x, measure, lang, thaiDigits, 1);
  return c.palette.map((colour, k) => {
    const lo = k === 0 ? null : c.breaks[k - 1];
    const hi = k < c.breaks.length ? c.breaks[k] : null;
    const label = lo === null && hi === null ? '' : lo === null ? `< ${f(hi!)}` : hi === null ? `≥ ${f(lo)}` : `${f(lo)} – ${f(hi)}`;
    return { colour, label, klass: k + 1 };
  });
}

export function classNumber(v: number, breaks: number[]): number {
  const k = classOf(v, breaks);
  return k < 0 ? 0 : k + 1;
}
