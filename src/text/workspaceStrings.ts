/** Names of workspace layers and what fills a missing one, Thai and English. */
import type { LayerKind } from '../data/datasetFormat';
import type { Lang } from './i18n';

const LABELS: Record<LayerKind, { th: string; en: string }> = {
  boundaries: { th: 'ขอบเขตการปกครอง', en: 'Admin boundaries' },
  villages: { th: 'ตำแหน่งหมู่บ้าน', en: 'Village locations' },
  poverty: { th: 'ความยากจน', en: 'Poverty' },
  services: { th: 'สถานบริการ', en: 'Services' },
  lights: { th: 'แสงไฟยามค่ำคืน', en: 'Nighttime lights' },
  village_data: { th: 'ข้อมูลพื้นฐานหมู่บ้าน (กชช.2ค)', en: 'Village basic data' },
  records: { th: 'บันทึกการช่วยเหลือ', en: 'Assistance records' },
};

const LEVELS: Record<string, { th: string; en: string }> = { province: { th: 'จังหวัด', en: 'province' }, district: { th: 'อำเภอ', en: 'district' }, subdistrict: { th: 'ตำบล', en: 'subdistrict' } };

export function layerLabel(kind: LayerKind, lang: Lang, level?: string, year?: number): string {
  const base = LABELS[kind][lang];
  if (level) return `${base} (${LEVELS[level]?.[lang] ?? level})`;
  if (year) return `${base} ${year}`;
  return base;
}

const HINTS: Record<LayerKind, { th: string; en: string }> = {
  boundaries: { th: 'วางไฟล์ GeoJSON ขอบเขตจังหวัด/อำเภอ/ตำบล (เช่น OCHA th_adm1–3)', en: 'drop province/district/subdistrict boundary GeoJSON (e.g. OCHA th_adm1–3)' },
  villages: { th: 'วางไฟล์จุดหมู่บ้านที่มีรหัสหมู่บ้าน 8 หลัก (CSV, Excel, GeoJSON, Shapefile .zip หรือ KML)', en: 'drop village points with 8-digit village codes (CSV, Excel, GeoJSON, zipped Shapefile or KML)' },
  poverty: { th: 'วางไฟล์ CSV ที่ส่งออกจาก TPMAP หรือข้อมูลรายครัวเรือน', en: 'drop TPMAP CSV exports or a household CSV' },
  services: { th: 'วางรายชื่อสถานบริการ (CSV/GeoJSON เช่นจุด GISTDA)', en: 'drop a service list (CSV/GeoJSON, e.g. GISTDA landmarks)' },
  lights: { th: 'วางไฟล์ GeoTIFF แสงไฟยามค่ำคืน (VIIRS, EPSG:4326)', en: 'drop a nighttime-light GeoTIFF (VIIRS, EPSG:4326)' },
  village_data: { th: 'วางไฟล์ CSV ข้อมูลพื้นฐานหมู่บ้าน (ถนน ไฟฟ้า ประปา …)', en: 'drop a village basic-data CSV (road, electricity, water …)' },
  records: { th: 'วางไฟล์บันทึกการช่วยเหลือครัวเรือน (CSV)', en: 'drop an assistance-records CSV' },
};

export function missingLayerHint(kind: LayerKind, lang: Lang): string {
  return HINTS[kind][lang];
}
