/**
 * Text of the services-and-access tab, Thai (default) and English, in the style of ui/i18n.ts.
 * Kept beside the feature so the shared table stays small; numbers go through Intl like the rest.
 */
import { locale, textLookup, type Lang } from './i18n';

const STRINGS = {
  tab: { th: 'บริการและการเข้าถึง', en: 'Services & access' },
  servicesTitle: { th: 'สถานบริการบนแผนที่', en: 'Services on the map' },
  zoomToSee: { th: 'ซูมเข้าเพื่อดู', en: 'zoom in to see' },
  sizeByCapacity: { th: 'ขนาดสัญลักษณ์ตามความจุ (เตียง นักเรียน)', en: 'Symbol size by capacity (beds, students)' },
  farLegend: { th: 'หมู่บ้านที่อยู่ไกลตามตัวกรอง', en: 'Villages beyond the filter distance' },
  cls_hospital: { th: 'โรงพยาบาล', en: 'Hospital' },
  cls_health_promoting_hospital: { th: 'รพ.สต.', en: 'Health-promoting hospital' },
  cls_school: { th: 'โรงเรียน', en: 'School' },
  level_community: { th: 'รพ.ชุมชน', en: 'Community' },
  level_general: { th: 'รพ.ทั่วไป', en: 'General' },
  level_regional: { th: 'รพ.ศูนย์', en: 'Regional' },
  level_primary: { th: 'ประถมศึกษา', en: 'Primary' },
  level_opportunity_expansion: { th: 'ขยายโอกาส', en: 'Opportunity expansion' },
  level_secondary: { th: 'มัธยมศึกษา', en: 'Secondary' },
  level_: { th: 'ไม่ระบุระดับ', en: 'Level not given' },
  settingsTitle: { th: 'การตั้งค่าการเข้าถึง', en: 'Access settings' },
  radiusKm: { th: 'รัศมีนับจำนวนบริการ (กม.)', en: 'Radius for counting services (km)' },
  catchmentKm: { th: 'ระยะรับบริการ 2SFCA (กม.)', en: '2SFCA catchment (km)' },
  computing: { th: 'กำลังคำนวณ…', en: 'Computing…' },
  computedIn: { th: 'คำนวณใน worker', en: 'computed in the worker in' },
  ms: { th: 'มิลลิวินาที', en: 'ms' },
  villagesServices: { th: 'หมู่บ้าน × สถานบริการ', en: 'villages × services' },
  areaTitle: { th: 'การเข้าถึงบริการ', en: 'Access to services' },
  cls: { th: 'ประเภท', en: 'Class' },
  meanNearest: { th: 'ระยะเฉลี่ยถึงแห่งที่ใกล้สุด*', en: 'Mean distance to the nearest*' },
  peopleBeyond: { th: 'คนที่อยู่ไกลเกิน', en: 'People beyond' },
  villagesBeyond: { th: 'หมู่บ้านที่ไกลเกิน', en: 'Villages beyond' },
  share: { th: 'สัดส่วนคนที่อยู่ไกล', en: 'Share of people beyond' },
  twoSfca: { th: '2SFCA ต่อ 1,000 คน', en: '2SFCA per 1,000 people' },
  weightedNote: { th: '* ถ่วงน้ำหนักด้วยจำนวนคนที่สำรวจ ระยะทางเป็นเส้นตรงบนผิวโลก (haversine)', en: '* weighted by people surveyed; great-circle (haversine) distances' },
  villageTitle: { th: 'สถานบริการที่ใกล้ที่สุดของหมู่บ้านนี้', en: 'Nearest services of this village' },
  within: { th: 'ในรัศมี', en: 'within' },
  linesNote: { th: 'เส้นบนแผนที่ลากจากหมู่บ้านไปยังสถานบริการเหล่านี้', en: 'Lines on the map lead from the village to these services' },
  filterTitle: { th: 'ตัวกรอง: หมู่บ้านที่อยู่ห่างไกล', en: 'Filter: remote villages' },
  filterFrom: { th: 'หมู่บ้านที่อยู่ห่างจาก', en: 'Villages farther than' },
  filterKmFrom: { th: 'กม. จาก', en: 'km from a' },
  filterMore: { th: 'เกิน', en: '' },
  highlightOnMap: { th: 'ไฮไลต์บนแผนที่', en: 'Highlight on the map' },
  villagesFound: { th: 'หมู่บ้าน', en: 'villages' },
  peopleIn: { th: 'คน', en: 'people' },
  scopeNational: { th: 'ทั้งประเทศ', en: 'whole country' },
  scopeIn: { th: 'เฉพาะในพื้นที่', en: 'only within' },
  listNote: { th: 'เรียงจากไกลที่สุด คลิกเพื่อเลือก', en: 'Farthest first; click to select' },
  listShown: { th: 'แสดง', en: 'showing' },
  code: { th: 'รหัส', en: 'Code' },
  name: { th: 'ชื่อ', en: 'Name' },
  distance: { th: 'ระยะ', en: 'Distance' },
  people: { th: 'คน', en: 'People' },
  nearestOf: { th: 'ห่างจาก', en: 'nearest' },
  importTitle: { th: 'นำเข้ารายชื่อสถานบริการ', en: 'Import service lists' },
  importHint: {
    th: 'ลากไฟล์ CSV (มีคอลัมน์ละติจูด/ลองจิจูดและประเภท) หรือ GeoJSON จุด มาวาง หรือกด "เปิดไฟล์…" ข้อมูลที่โหลดไว้แล้วจะไม่หาย',
    en: 'Drop a CSV (latitude/longitude and type columns) or GeoJSON points, or use "Open file…". Nothing already loaded is lost.',
  },
  importing: { th: 'กำลังนำเข้า…', en: 'Importing…' },
  mappingTitle: { th: 'จับคู่ประเภทสถานบริการ', en: 'Map service types' },
  mappingIntro: { th: 'ค่าในคอลัมน์', en: 'Values of column' },
  mappingIntro2: { th: 'ยังไม่ใช่ประเภทที่แอปรู้จัก เลือกประเภทให้แต่ละค่า', en: 'are not classes the app knows; choose a class for each' },
  value: { th: 'ค่า', en: 'Value' },
  rows: { th: 'แถว', en: 'Rows' },
  mapTo: { th: 'เป็น', en: 'Class' },
  ignore: { th: 'ไม่นำเข้า', en: 'ignore' },
  gistdaPreset: { th: 'ใช้ชุดจับคู่ GISTDA (lm_type 04104 การศึกษา, 04105 สถานพยาบาล)', en: 'Use the GISTDA preset (lm_type 04104 education, 04105 health)' },
  importMapped: { th: 'นำเข้าตามที่เลือก', en: 'Import with this mapping' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  reportTitle: { th: 'รายงานการนำเข้า', en: 'Import report' },
  datasetList: { th: 'ชุดข้อมูล', en: 'dataset' },
  accepted: { th: 'นำเข้า', en: 'accepted' },
  of: { th: 'จาก', en: 'of' },
  ignoredByMapping: { th: 'ไม่นำเข้าตามการจับคู่ประเภท', en: 'ignored by the type mapping' },
  problems: { th: 'ปัญหา', en: 'problems' },
  moreProblems: { th: 'รายการ (แสดงบางส่วน)', en: 'listed (first ones only)' },
  'kind_bad-coordinates': { th: 'พิกัดไม่ถูกต้อง', en: 'bad coordinates' },
  'kind_outside-thailand': { th: 'อยู่นอกประเทศไทย', en: 'outside Thailand' },
  'kind_swapped-coordinates': { th: 'สลับละติจูด/ลองจิจูด (แก้ให้แล้ว)', en: 'lat/lon swapped (fixed)' },
  'kind_missing-type': { th: 'ไม่มีประเภท', en: 'no type' },
  'kind_unmapped-type': { th: 'ประเภทที่ไม่ได้จับคู่', en: 'unmapped type' },
  'kind_duplicate-id': { th: 'รหัสซ้ำ', en: 'duplicate id' },
  'kind_near-duplicate': { th: 'จุดซ้ำ (ห่างกันไม่เกิน 5 ม.)', en: 'near-duplicate (within 5 m)' },
  'kind_bad-capacity': { th: 'ความจุไม่ใช่ตัวเลข', en: 'capacity not a number' },
  'kind_bad-geometry': { th: 'รูปทรงไม่ใช่จุด', en: 'geometry not a point' },
  notes: { th: 'หมายเหตุ', en: 'Notes' },
  refused: { th: 'ไฟล์ที่ไม่ได้นำเข้า', en: 'File refused' },
  noServices: { th: 'ยังไม่มีสถานบริการ', en: 'No services loaded' },
  waiting: { th: 'เปิดแท็บนี้แล้ว กำลังเตรียมข้อมูล…', en: 'Preparing…' },
  km: { th: 'กม.', en: 'km' },
} as const;

export type AccessStringKey = keyof typeof STRINGS;

/** Text for a key; unknown keys (e.g. a class a user's file brought) give `fallback`. */
export const tx = textLookup<string>(STRINGS as Record<string, { th: string; en: string }>);


/** Distance in km with one decimal (two below 1 km), e.g. "12.3 กม.". */
export function formatKm(km: number, lang: Lang, thaiDigits = false): string {
  if (!Number.isFinite(km)) return '–';
  const d = km < 1 ? 2 : 1;
  return `${new Intl.NumberFormat(locale(lang, thaiDigits), { minimumFractionDigits: d, maximumFractionDigits: d }).format(km)} ${tx('km', lang)}`;
}

/** A plain number with up to `digits` decimals. */
export function formatNumber(x: number, lang: Lang, thaiDigits = false, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locale(lang, thaiDigits), { maximumFractionDigits: digits }).format(x);
}
