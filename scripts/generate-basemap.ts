/**
 * `npm run generate:basemap`: the neighbouring countries drawn in a muted tone around Thailand
 * (issue 8 item 9) — Natural Earth admin-0 at 1:50m (public domain) from the ISC-licensed npm
 * package world-atlas (TopoJSON), converted with topojson-client, clipped to a box around
 * Thailand and written to data/basemap/countries.geojson. Thailand is kept as land under the
 * workspace's own polygons, so a workspace without province polygons still sits on a map. Deterministic: the same package gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import bboxClip from '@turf/bbox-clip';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const BOX: [number, number, number, number] = [88, -2, 114, 30];
const topo = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('world-atlas/countries-50m.json')), 'utf8'));
const all = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
const round = (c: unknown): unknown => (Array.isArray(c) ? (typeof c[0] === 'number' ? [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4] : c.map(round)) : c);
const out: Feature[] = [];
for (const f of all.features) {
  if (!f.geometry) continue;
  const clipped = bboxClip(f, BOX);
  const coords = clipped.geometry.coordinates as unknown[];
  if (!coords.length || coords.every((p) => Array.isArray(p) && p.length === 0)) continue;
  out.push({ type: 'Feature', properties: { name: f.properties.name }, geometry: { ...clipped.geometry, coordinates: round(coords) } as Polygon | MultiPolygon });
}
out.sort((a, b) => String(a.properties!.name).localeCompare(String(b.properties!.name)));
const path = fileURLToPath(new URL('../data/basemap/countries.geojson', import.meta.url));
writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', attribution: 'Natural Earth admin-0 1:50m (public domain) via world-atlas', features: out }) + '\n');
console.log(`${path}: ${out.length} countries`);
