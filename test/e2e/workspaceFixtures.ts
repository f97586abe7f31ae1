/**
 * Generated files for the workspace e2e (self-contained: no real data in the tests): one
 * province (73) as boundary GeoJSON at three levels with Thai names, its TPMAP export (split
 * records and one municipal pseudo-subdistrict per district), village points for all but one
 * village, services, village basic data and a nighttime-light GeoTIFF over it; plus the bad files
 * (names only, broken geometry, projected CRS).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nationalTpmapExport } from '../../src/data/tpmap/nationalFixture';
import { writeGeoTiff } from '../../src/data/geotiff/writeGeoTiff';

const W = 99.9, S = 13.6, E = 100.3, N = 14.1;
const rect = (w: number, s: number, e: number, n: number) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const poly = (props: Record<string, unknown>, coords: unknown) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: coords } });

export const DISTRICT_TH: Record<string, string> = { '7301': 'เมืองทดสอบ', '7302': 'บ้านทดสอบ' };
export const SUBDISTRICT_TH: Record<string, string> = { '730101': 'ตำบลหนึ่ง', '730102': 'ตำบลสอง', '730201': 'ตำบลสาม', '730202': 'ตำบลสี่' };

/** Subdistrict box: district d (1, 2) splits the province west/east, subdistrict s (1, 2) south/north. */
function box(d: number, s?: number): [number, number, number, number] {
  const mx = (W + E) / 2, my = (S + N) / 2;
  const [w, e] = d === 1 ? [W, mx] : [mx, E];
  if (!s) return [w, S, e, N];
  return s === 1 ? [w, S, e, my] : [w, my, e, N];
}

export interface WorkspaceFixture {
  good: string[];
  tpmap: string[];
  namesOnly: string;
  /** Names only, at district level (issue 14 item 8): real names of 7301, 7302 and one that is no district. */
  namesDistricts: string;
  broken: string;
  projected: string;
}

export function writeWorkspaceFixture(dir: string): WorkspaceFixture {
  const files: string[] = [];
  const put = (name: string, text: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  files.push(put('adm1.geojson', fc([poly({ adm1_pcode: 'TH73', adm1_th: 'นครปฐม', adm1_en: 'Nakhon Pathom' }, rect(W, S, E, N))])));
  files.push(put('adm2.geojson', fc([1, 2].map((d) => poly({ adm2_pcode: `TH730${d}`, adm2_th: DISTRICT_TH[`730${d}`], adm2_en: `District ${d}`, adm1_pcode: 'TH73' }, rect(...box(d)))))));
  files.push(put('adm3.geojson', fc([1, 2].flatMap((d) => [1, 2].map((s) => poly({ adm3_pcode: `TH730${d}0${s}`, adm3_th: SUBDISTRICT_TH[`730${d}0${s}`], adm3_en: `Sub ${d}${s}` }, rect(...box(d, s))))))));
  const tpmap: string[] = [];
  for (const f of nationalTpmapExport({ provinces: ['73'], districtsPerProvince: 2, subdistrictsPerDistrict: 2, villagesPerSubdistrict: 3, municipalPerDistrict: 1, splitShare: 0.3, tables: ['11111'], seed: 73 })) tpmap.push(put(f.name, f.text));
  files.push(...tpmap);
  // Village points (all but 73010203) inside their subdistrict's box; the municipal ones in the district box.
  const lines = ['village_code,lon,lat'];
  for (const d of [1, 2]) for (const s of [1, 2, 51]) for (let v = 1; v <= 3; v++) {
    const code = `730${d}${String(s).padStart(2, '0')}0${v}`;
    if (code === '73010203') continue;
    const [w, so, e, n] = s === 51 ? box(d) : box(d, s);
    lines.push(`${code},${(w + ((e - w) * v) / 4).toFixed(5)},${(so + (n - so) * 0.5).toFixed(5)}`);
  }
  files.push(put('villages.csv', lines.join('\n') + '\n'));
  files.push(put('services.csv', [
    'id,type,lon,lat,capacity',
    `H1,hospital,${(W + 0.05).toFixed(3)},${(S + 0.05).toFixed(3)},200`,
    `P1,health_promoting_hospital,${(W + 0.3).toFixed(3)},${(S + 0.4).toFixed(3)},`,
    `P2,health_promoting_hospital,${(W + 0.1).toFixed(3)},${(S + 0.3).toFixed(3)},`,
    `S1,school,${(W + 0.2).toFixed(3)},${(S + 0.2).toFixed(3)},300`,
  ].join('\n') + '\n'));
  files.push(put('village-basic.csv', ['village_code,road,electricity,water,internet', '73010101,1,1,0,1', '73010102,0,1,1,0', '73020101,1,1,1,1'].join('\n') + '\n'));
  // Lights: 0.01° pixels over the province, brighter to the east.
  const width = 40, height = 50;
  const values = new Float32Array(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) values[r * width + c] = c * 0.5 + (r % 7);
  files.push(put('lights.tif', writeGeoTiff({ width, height, west: W, north: N, pixelWidth: 0.01, pixelHeight: 0.01, values, compression: 'deflate', noData: -9999 })));
  const namesOnly = put('names-only.geojson', fc([poly({ name_en: 'Nakhon Pathom' }, rect(W, S, E, N)), poly({ name_en: 'Nowhere' }, rect(98, 15, 98.2, 15.2))]));
  const namesDistricts = put('names-districts.geojson', fc([
    poly({ ADM1_TH: 'นครปฐม', ADM2_TH: 'อำเภอเมืองนครปฐม', ADM2_EN: 'Mueang Nakhon Pathom' }, rect(...box(1))),
    poly({ ADM1_TH: 'นครปฐม', ADM2_TH: 'กำแพงแสน', ADM2_EN: 'Kamphaeng Saen' }, rect(...box(2))),
    poly({ ADM1_TH: 'นครปฐม', ADM2_TH: 'ไม่มีอำเภอนี้', ADM2_EN: 'Nowhere' }, rect(98, 15, 98.2, 15.2)),
  ]));
  const broken = put('broken-adm2.geojson', fc([
    poly({ adm2_pcode: 'TH7301' }, [[[W, S], [W, S], [(W + E) / 2, S], [(W + E) / 2, N], [W, N]]]),
    poly({ adm2_pcode: 'TH7302' }, [[[(W + E) / 2, S], [E, N], [E, S], [(W + E) / 2, N], [(W + E) / 2, S]]]),
    poly({ adm2_pcode: 'TH7303' }, [[[W, S], [E, S]]]),
  ]));
  const projected = put('utm-adm1.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32647' } }, features: [poly({ adm1_pcode: 'TH73' }, rect(600000, 1500000, 640000, 1550000))] }));
  return { good: files, tpmap, namesOnly, namesDistricts, broken, projected };
}
