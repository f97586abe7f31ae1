/**
 * Text of the follow-up tab (issue 11), Thai (default) and English, and the date formats it
 * shows: Buddhist-era years in Thai, CE with the BE year beside it in English. Used by the
 * panel (ui/progress), the map legend and the map tooltip alike.
 */
import { ymdOfDay } from '../domain/progress/days';
import { locale, textLookup, type Lang } from './i18n';

const STRINGS = {
  tab: { th: 'ติดตามผล', en: 'Follow-up' },
  title: { th: 'ติดตามการแก้ไขปัญหากลุ่มเป้าหมาย', en: 'Follow-up of the target group' },
  noRecordsTitle: { th: 'พื้นที่ทำงานนี้ยังไม่มีข้อมูลบันทึกการช่วยเหลือ', en: 'This workspace has no assistance records yet' },
  noRecordsHelp: {
    th: 'ลากไฟล์ CSV บันทึกการช่วยเหลือรายครัวเรือน (เช่น ส่งออกจาก TPMAP Logbook) มาวาง หัวคอลัมน์: case_id, village_code, members, date, dimensions, status, stage, agency, debt_before, debt_after, outside_target',
    en: 'Drop an assistance-records CSV (one row per household case, e.g. exported from TPMAP Logbook). Header: case_id, village_code, members, date, dimensions, status, stage, agency, debt_before, debt_after, outside_target',
  },
  openRecords: { th: 'เปิดไฟล์บันทึกการช่วยเหลือ…', en: 'Open an assistance-records file…' },
  loading: { th: 'กำลังอ่านบันทึกการช่วยเหลือ…', en: 'Reading assistance records…' },
  computing: { th: 'กำลังคำนวณ…', en: 'Computing…' },
  synthetic: { th: 'ข้อมูลสังเคราะห์เพื่อการสาธิต (ไม่ใช่ข้อมูลจริง)', en: 'Synthetic demonstration data (not real data)' },
  recordsLine: { th: 'บันทึก', en: 'records' },
  casesLine: { th: 'กรณี (ครัวเรือน)', en: 'cases (households)' },
  asOf: { th: 'ณ วันที่', en: 'As of' },
  start: { th: 'เริ่มนับ', en: 'Start' },
  startAuto: { th: 'วันแรกที่มีบันทึก', en: 'first record date' },
  deadline: { th: 'กำหนดเสร็จ', en: 'Deadline' },
  resetDates: { th: 'ค่าเริ่มต้น', en: 'Defaults' },
  badDate: { th: 'วันที่ไม่ถูกต้อง', en: 'not a date' },
  suppress: { th: 'ซ่อนจำนวนที่น้อยกว่า 5 (PDPA) ในไฟล์ส่งออก', en: 'Suppress counts below 5 (PDPA) in exports' },
  targetRule: { th: 'กลุ่มเป้าหมาย = คนจนเป้าหมายของชั้นข้อมูลความยากจน', en: 'Target group = target poor of the poverty layer' },
  numbers: { th: 'ตัวเลขสำคัญ', en: 'Key numbers' },
  targetGroup: { th: 'กลุ่มเป้าหมาย (คน)', en: 'Target group (people)' },
  reached: { th: 'เข้าถึงแล้ว', en: 'Reached' },
  helped: { th: 'ได้รับความช่วยเหลือ', en: 'Helped' },
  resolved: { th: 'แก้ไขได้', en: 'Resolved' },
  inProgress: { th: 'อยู่ระหว่างดำเนินการ', en: 'In progress' },
  resolutionRate: { th: 'อัตราการแก้ไขได้', en: 'Resolution rate' },
  debtResolved: { th: 'หนี้ที่แก้ได้ (บาท)', en: 'Debt resolved (baht)' },
  outside: { th: 'พบนอกบัญชีเป้าหมาย (นับแยก)', en: 'Found outside the target list (counted apart)' },
  expected: { th: 'ควรแก้ได้ตามแผน ณ วันนี้', en: 'Expected by now' },
  onTrack: { th: 'ตามแผน', en: 'on track' },
  behind: { th: 'ล่าช้ากว่าแผน', en: 'behind schedule' },
  people: { th: 'คน', en: 'people' },
  burnUp: { th: 'ความก้าวหน้าสะสม (แก้ไขได้ต่อเดือน เทียบเส้นเป้าหมาย)', en: 'Burn-up: cumulative resolved per month against the target line' },
  burnResolved: { th: 'แก้ไขได้สะสม', en: 'resolved (cumulative)' },
  burnTarget: { th: 'เส้นเป้าหมาย', en: 'target line' },
  burnAsOf: { th: 'ณ วันที่เลือก', en: 'as of' },
  noTarget: { th: 'ไม่มีข้อมูลคนจนเป้าหมายของพื้นที่นี้', en: 'No target-poor figure for this area' },
  pdca: { th: 'วงจร PDCA', en: 'PDCA board' },
  plan: { th: 'Plan วางแผน', en: 'Plan' },
  do: { th: 'Do ปฏิบัติ', en: 'Do' },
  check: { th: 'Check ตรวจสอบ', en: 'Check' },
  act: { th: 'Act ปรับปรุง', en: 'Act' },
  planByDim: { th: 'กลุ่มเป้าหมายรายมิติ (ซ้อนกันได้)', en: 'Target group by dimension (overlapping)' },
  visited: { th: 'เยี่ยมบ้านแล้ว', en: 'Visited' },
  recorded: { th: 'มีบันทึก', en: 'With a record' },
  stages: { th: 'ระดับการพัฒนา', en: 'Stage reached' },
  childrenBehind: { th: 'พื้นที่ย่อยที่ล่าช้า', en: 'Child areas behind' },
  dimsBehind: { th: 'มิติที่ล่าช้า', en: 'Dimensions behind' },
  noneBehind: { th: 'ไม่มี', en: 'none' },
  shortfall: { th: 'ขาดอีก', en: 'short by' },
  furthestBehind: { th: 'พื้นที่ที่ล่าช้าที่สุด', en: 'Areas furthest behind' },
  byShortfall: { th: 'ตามจำนวนคนที่ขาด', en: 'by people short' },
  byRatio: { th: 'ตามสัดส่วนต่อแผน', en: 'by share of plan' },
  behindOf: { th: 'ล่าช้า', en: 'behind' },
  of: { th: 'จาก', en: 'of' },
  exportCsv: { th: 'ส่งออก CSV', en: 'Export CSV' },
  exportLevel: { th: 'ระดับ', en: 'Level' },
  mapMode: { th: 'แสดงความก้าวหน้าบนแผนที่', en: 'Show progress on the map' },
  legendTitle: { th: '% ของกลุ่มเป้าหมายที่แก้ไขได้', en: '% of the target group resolved' },
  legendBehind: { th: 'เส้นขอบหนา = ล่าช้ากว่าแผน', en: 'Thick outline = behind schedule' },
  backToNeed: { th: 'กลับไปแผนที่ความยากจน', en: 'Back to the poverty map' },
  computedIn: { th: 'คำนวณใน worker', en: 'computed in the worker in' },
  ms: { th: 'มิลลิวินาที', en: 'ms' },
  health: { th: 'สุขภาพ', en: 'health' },
  living: { th: 'ความเป็นอยู่', en: 'living' },
  education: { th: 'การศึกษา', en: 'education' },
  income: { th: 'รายได้', en: 'income' },
  access: { th: 'การเข้าถึงบริการรัฐ', en: 'access to services' },
  debt: { th: 'หนี้สิน', en: 'debt' },
  survival: { th: 'อยู่รอด', en: 'survival' },
  sufficiency: { th: 'พอเพียง', en: 'sufficiency' },
  sustainable: { th: 'ยั่งยืน', en: 'sustainable' },
  country: { th: 'ประเทศ', en: 'country' },
  province: { th: 'จังหวัด', en: 'provinces' },
  district: { th: 'อำเภอ', en: 'districts' },
  subdistrict: { th: 'ตำบล', en: 'subdistricts' },
  village: { th: 'หมู่บ้าน', en: 'villages' },
} as const;

export type ProgressStringKey = keyof typeof STRINGS;
export const tp = textLookup(STRINGS);

const TH_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function digits(n: number, lang: Lang, thaiDigits: boolean): string {
  return new Intl.NumberFormat(locale(lang, thaiDigits), { useGrouping: false }).format(n);
}

/** "30 ก.ย. 2565" in Thai; "30 Sep 2022 (BE 2565)" in English. */
export function formatDay(day: number, lang: Lang, thaiDigits = false): string {
  if (!Number.isFinite(day)) return '–';
  const { yearCe, month, day: d } = ymdOfDay(day);
  return lang === 'th' ? `${digits(d, lang, thaiDigits)} ${TH_MONTHS[month - 1]} ${digits(yearCe + 543, lang, thaiDigits)}` : `${d} ${EN_MONTHS[month - 1]} ${yearCe} (BE ${yearCe + 543})`;
}

/** A month tick of the burn-up chart: "ก.ย. 65" / "Sep 22". */
export function formatMonth(day: number, lang: Lang, thaiDigits = false): string {
  const { yearCe, month } = ymdOfDay(day);
  return lang === 'th' ? `${TH_MONTHS[month - 1]} ${digits((yearCe + 543) % 100, lang, thaiDigits).padStart(2, '0')}` : `${EN_MONTHS[month - 1]} ${String(yearCe % 100).padStart(2, '0')}`;
}
