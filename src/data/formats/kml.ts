/**
 * KML and KMZ (issue 14 item 2), as Google Earth and local officials share them: placemarks with
 * points or polygons, their <name> and ExtendedData (Data / SchemaData SimpleData) as properties,
 * through @tmcw/togeojson (Mapbox's converter, the one QGIS-free toolchains use). The XML is
 * parsed with @xmldom/xmldom: DOMParser does not exist in Web Workers nor in Node.
 *
 * KML coordinates are WGS 84 longitude/latitude[/altitude] by definition (OGC KML 2.2, §6.2), so
 * no CRS question arises. A placemark's MultiGeometry comes out of togeojson as a
 * GeometryCollection; its polygons are merged into one MultiPolygon (and its points into a
 * Point when there is one), so that the boundary and point importers see the usual types.
 * KMZ (OGC KML 2.2 §10) is a ZIP whose main document is doc.kml (else the first .kml at the root).
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { extensionOf, FormatError, isZip, type FormatReader, type InputFile, type ReadLayer } from './reader';

/** togeojson's style properties (not data): left out so that column lists show the data only. */
const STYLE_PROPERTY = /^(fill|stroke|icon|label)(-|$)|^style(Url|Hash|MapHash)$|^visibility$/;

/** The text of a KML document: UTF-8 unless its XML declaration names another encoding. */
export function kmlText(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head.replace(/^\uFEFF|^ï»¿/, ''))?.[1];
  let label = 'utf-8';
  if (declared) {
    try {
      label = new TextDecoder(declared.toLowerCase() === 'tis-620' ? 'windows-874' : declared).encoding;
    } catch {
      label = 'utf-8';
    }
  }
  return new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '');
}

function merged(g: Geometry | null): { geometry: Geometry | null; dropped: number } {
  if (!g || g.type !== 'GeometryCollection') return { geometry: g, dropped: 0 };
  const polygons: Position[][][] = [];
  const points: Position[] = [];
  let other = 0;
  const walk = (x: Geometry) => {
    if (x.type === 'Polygon') polygons.push(x.coordinates);
    else if (x.type === 'MultiPolygon') polygons.push(...x.coordinates);
    else if (x.type === 'Point') points.push(x.coordinates);
    else if (x.type === 'MultiPoint') points.push(...x.coordinates);
    else if (x.type === 'GeometryCollection') x.geometries.forEach(walk);
    else other++;
  };
  g.geometries.forEach(walk);
  if (polygons.length) return { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }, dropped: other + points.length };
  if (points.length) return { geometry: points.length === 1 ? { type: 'Point', coordinates: points[0] } : { type: 'MultiPoint', coordinates: points }, dropped: other };
  return { geometry: g, dropped: 0 };
}

/** A KML document's text → features (properties: name, description, ExtendedData fields). */
export function readKmlText(text: string, name: string): { features: FeatureCollection; notes: string[] } {
  const problems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError') throw new Error(message);
        if (level === 'error' && problems.length < 3) problems.push(message.split('\n')[0]);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw new FormatError(`${name}: not readable as KML (XML error: ${(e as Error).message.split('\n')[0]})`);
  }
  if (!doc.documentElement || doc.documentElement.localName !== 'kml') {
    throw new FormatError(`${name}: not a KML document (its root element is <${doc.documentElement?.localName ?? 'none'}>, expected <kml>)`);
  }
  const fc = kml(doc);
  const notes: string[] = problems.map((p) => `${name}: XML problem: ${p}`);
  let mergedParts = 0;
  let droppedParts = 0;
  const features: Feature[] = fc.features.map((f) => {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_PROPERTY.test(k)) props[k] = typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
    const m = merged(f.geometry);
    if (f.geometry?.type === 'GeometryCollection') mergedParts++;
    droppedParts += m.dropped;
    return { type: 'Feature', geometry: m.geometry as Geometry, properties: props };
  });
  if (!features.length) throw new FormatError(`${name}: the KML holds no placemark`);
  notes.push(`${name}: ${features.length} placemarks${mergedParts ? `; ${mergedParts} MultiGeometry placemarks merged into one (Multi)Polygon or Point each` : ''}${droppedParts ? `; ${droppedParts} line parts of them left out` : ''}`);
  return { features: { type: 'FeatureCollection', features }, notes };
}

/** The main KML of a KMZ archive's entries: doc.kml, else the first .kml at the root, else any. */
export function kmlEntryOf(names: string[]): string | undefined {
  const kmls = names.filter((n) => n.toLowerCase().endsWith('.kml') && !n.startsWith('__MACOSX'));
  return kmls.find((n) => n.toLowerCase() === 'doc.kml') ?? kmls.find((n) => !n.includes('/')) ?? kmls[0];
}

export const kmlReader: FormatReader = {
  id: 'kml',
  label: 'KML',
  recognise: (name, head) => extensionOf(name) === 'kml' || (!isZip(head) && /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<kml[\s>]/.test(new TextDecoder('utf-8').decode(head.subarray(0, 4096)).replace(/^\uFEFF/, ''))),
  async read(inputs: InputFile[]): Promise<ReadLayer[]> {
    const f = inputs[0];
    const { features, notes } = readKmlText(kmlText(await f.bytes()), f.name);
    return [{ name: f.name, sources: [f], features, notes }];
  },
};

export const kmzReader: FormatReader = {
  id: 'kmz',
  label: 'KMZ',
  recognise: (name, head) => extensionOf(name) === 'kmz' && isZip(head),
  async read(inputs: InputFile[]): Promise<ReadLayer[]> {
    const f = inputs[0];
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(await f.bytes(), { filter: (e) => e.name.toLowerCase().endsWith('.kml') });
    } catch (e) {
      throw new FormatError(`${f.name}: not a readable KMZ (ZIP error: ${(e as Error).message})`);
    }
    const entry = kmlEntryOf(Object.keys(entries));
    if (!entry) throw new FormatError(`${f.name}: a KMZ archive with no KML document in it (expected doc.kml)`);
    const { features, notes } = readKmlText(kmlText(entries[entry]), `${f.name} › ${entry}`);
    return [{ name: `${f.name} › ${entry}`, sources: [f], features, notes }];
  },
};
