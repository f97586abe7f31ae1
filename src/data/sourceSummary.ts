/**
 * One line for a legend's sources (issue 15 item 6): "21 ไฟล์ · TPMAP 2561, OCHA, VIIRS" instead
 * of every file name. A national TPMAP folder is 7,360 CSVs; a legend that lists them covers the
 * map on a 1024 × 768 projector. Each layer is named by its publisher where the file says who it
 * is (the layer's attribution, or a publisher's well-known file-name pattern — OCHA COD-AB
 * `tha_admbnda_*`/`th_adm*`, VIIRS `VNL_*`/`SVDNB_*`, GISTDA, DOPA), else by what kind of data
 * it is, so the line is never wrong about a source it cannot tell. The full list stays one click
 * away (SourceLine.tsx).
 */
import type { LayerKind, WorkspaceLayer } from './datasetFormat';

export interface SourceSummary {
  /** Distinct file names over the layers (for the expanded list). */
  files: string[];
  /** Short source names, in layer order, de-duplicated. */
  names: string[];
}

const PUBLISHERS: { re: RegExp; name: string }[] = [
  { re: /\bocha\b|tha_adm|\bth_adm|cod[-_]?ab|humdata/i, name: 'OCHA' },
  { re: /viirs|\bvnl|svdnb|npp_|_npp|blackmarble|vnp46/i, name: 'VIIRS' },
  { re: /gistda/i, name: 'GISTDA' },
  { re: /dopa|กรมการปกครอง/i, name: 'DOPA' },
  { re: /tpmap/i, name: 'TPMAP' },
  { re: /\bldd\b|พัฒนาที่ดิน/i, name: 'LDD' },
  { re: /osm|openstreetmap/i, name: 'OpenStreetMap' },
];

const KIND_NAME: Record<LayerKind, { th: string; en: string }> = {
  boundaries: { th: 'ขอบเขต', en: 'boundaries' },
  villages: { th: 'จุดหมู่บ้าน', en: 'village points' },
  poverty: { th: 'TPMAP', en: 'TPMAP' },
  services: { th: 'สถานบริการ', en: 'services' },
  lights: { th: 'แสงไฟยามค่ำคืน', en: 'night lights' },
  village_data: { th: 'ข้อมูลพื้นฐานหมู่บ้าน', en: 'village basic data' },
  records: { th: 'บันทึกการช่วยเหลือ', en: 'assistance records' },
};

/** The short name of one layer's source. */
export function layerSourceName(l: WorkspaceLayer, lang: 'th' | 'en', formatYear: (y: number) => string = String): string {
  if (l.kind === 'poverty') return l.year ? `TPMAP ${formatYear(l.year)}` : 'TPMAP';
  const text = [l.source.attribution ?? '', ...l.source.files.map((f) => f.name)].join(' ');
  const hit = PUBLISHERS.find((p) => p.re.test(text));
  return hit ? hit.name : KIND_NAME[l.kind][lang];
}

export function sourceSummary(layers: readonly WorkspaceLayer[], lang: 'th' | 'en', formatYear?: (y: number) => string): SourceSummary {
  const files = [...new Set(layers.flatMap((l) => l.source.files.map((f) => f.name)))];
  const names = [...new Set(layers.map((l) => layerSourceName(l, lang, formatYear)))];
  return { files, names };
}

/** "21 ไฟล์ · TPMAP 2561, OCHA, VIIRS" (no count when no file is named, e.g. the embedded demo). */
export function sourceLineText(s: SourceSummary, lang: 'th' | 'en', formatCount: (n: number) => string = String): string {
  const count = s.files.length ? `${formatCount(s.files.length)} ${lang === 'th' ? 'ไฟล์' : s.files.length === 1 ? 'file' : 'files'} · ` : '';
  return `${count}${s.names.join(', ')}`;
}
