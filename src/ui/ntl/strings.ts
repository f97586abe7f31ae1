/** Thai and English text of the nighttime-lights feature. */
import type { Lang } from '../i18n';

const S = {
  tab: { th: 'แสงไฟ', en: 'Lights' },
  layer: { th: 'แสงไฟยามค่ำคืน', en: 'Nighttime lights' },
  opacity: { th: 'ความทึบ', en: 'Opacity' },
  unit: { th: 'nW/cm²/sr (สเกล log(1 + x))', en: 'nW/cm²/sr (log(1 + x) scale)' },
  panelTitle: { th: 'แสงไฟยามค่ำคืน (VIIRS)', en: 'Nighttime lights (VIIRS)' },
  loading: { th: 'กำลังอ่านภาพแสงไฟ…', en: 'Reading the lights raster…' },
  decoding: { th: 'กำลังอ่านความละเอียดเต็ม…', en: 'Decoding full resolution…' },
  computing: { th: 'กำลังคำนวณสถิติ…', en: 'Computing statistics…' },
  noRaster: { th: 'ยังไม่มีภาพแสงไฟ — ลากไฟล์ GeoTIFF (EPSG:4326) มาวาง', en: 'No lights raster yet — drop a GeoTIFF (EPSG:4326)' },
  sum: { th: 'ผลรวมแสง', en: 'Sum of lights' },
  sumUnit: { th: 'nW/cm²/sr × พิกเซล', en: 'nW/cm²/sr × pixels' },
  mean: { th: 'ค่าเฉลี่ย', en: 'Mean radiance' },
  litShare: { th: 'สัดส่วนพิกเซลที่มีแสง', en: 'Lit share' },
  perCapita: { th: 'ต่อคน', en: 'Per capita' },
  perKm2: { th: 'ต่อ ตร.กม.', en: 'Per km²' },
  validPixels: { th: 'พิกเซลที่มีข้อมูล', en: 'Valid pixels' },
  area: { th: 'พื้นที่', en: 'Area' },
  thisArea: { th: 'พื้นที่นี้', en: 'This area' },
  parent: { th: 'พื้นที่แม่', en: 'Parent' },
  country: { th: 'ทั้งประเทศ', en: 'Country' },
  rankBy: { th: 'จัดอันดับตาม', en: 'Rank by' },
  rank: { th: 'อันดับ', en: 'Rank' },
  of: { th: 'จาก', en: 'of' },
  in: { th: 'ใน', en: 'in' },
  brightest: { th: 'สว่างที่สุด', en: 'Brightest' },
  settings: { th: 'การคำนวณ', en: 'Computation' },
  radius: { th: 'รัศมีรอบหมู่บ้าน (กม.)', en: 'Village buffer radius (km)' },
  threshold: { th: 'เกณฑ์ "มีแสง" (nW/cm²/sr)', en: 'Lit threshold (nW/cm²/sr)' },
  raster: { th: 'ภาพแสงไฟ', en: 'Raster' },
  file: { th: 'ไฟล์', en: 'File' },
  size: { th: 'ขนาด', en: 'Size' },
  window: { th: 'ส่วนที่อ่าน (ประเทศไทย)', en: 'Window read (Thailand)' },
  pixel: { th: 'ขนาดพิกเซล', en: 'Pixel size' },
  band: { th: 'แบนด์', en: 'Band' },
  overview: { th: 'ภาพระดับประเทศ', en: 'National image' },
  noData: { th: 'ค่า nodata', en: 'Nodata' },
  none: { th: 'ไม่มี', en: 'none' },
  compression: { th: 'การบีบอัด', en: 'Compression' },
  rampTop: { th: 'ค่าสูงสุดของสเกลสี', en: 'Top of colour ramp' },
  timings: { th: 'เวลา', en: 'Timings' },
  synthetic: { th: 'ข้อมูลสังเคราะห์เพื่อการสาธิต', en: 'synthetic demonstration data' },
  dropHint: { th: 'ลากไฟล์ GeoTIFF ของ VIIRS (EPSG:4326) มาวางเพื่อแทนภาพนี้', en: 'Drop a VIIRS GeoTIFF (EPSG:4326) to replace this raster' },
  rules: {
    th: 'หมู่บ้าน: พิกเซลที่จุดศูนย์กลางอยู่ในรัศมี (haversine) · พื้นที่: จุดศูนย์กลางอยู่ในขอบเขต · nodata ไม่นับ · ต่อคน = ผลรวม ÷ คนที่สำรวจ',
    en: 'Villages: pixels whose centre is within the radius (haversine) · areas: centre inside the polygon · nodata never counts · per capita = sum ÷ people surveyed',
  },
} as const;

export type NtlStringKey = keyof typeof S;

export function tn(key: NtlStringKey, lang: Lang): string {
  return S[key][lang];
}
