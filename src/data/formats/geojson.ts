/**
 * GeoJSON (RFC 7946): recognised by its name or a leading "{"; read by the importer of its kind
 * (boundaries, village points, services). The kind is decided from the head (the first 64 KiB,
 * possibly cut mid-document): the first geometry type, then the point properties, with the same
 * point rule as every other format (kinds.ts kindOfPoints) when the head parses.
 */
import { readGeoJsonTable } from '../services/rawTable';
import { kindOfPoints, type Classified } from '../workspace/kinds';
import { extensionOf, type FormatReader, type InputFile, type ReadLayer } from './reader';

const text = (head: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');

export function kindOfGeoJsonHead(t: string): Classified {
  const geom = /"type"\s*:\s*"(Polygon|MultiPolygon|Point|MultiPoint|LineString|MultiLineString)"/.exec(t)?.[1];
  if (geom === 'Polygon' || geom === 'MultiPolygon') return { kind: 'boundaries', reason: `GeoJSON ${geom}s` };
  if (geom === 'Point' || geom === 'MultiPoint') {
    if (/"lm_type"|"type"\s*:\s*"(hospital|school|health_promoting_hospital)"/.test(t)) return { kind: 'services', reason: 'GeoJSON points with service types' };
    if (/"[A-Za-z_]*(village_?code|vill_?idn|village_?id)"\s*:\s*"?\d{8}(\d{2})?"?/i.test(t)) return { kind: 'villages', reason: 'GeoJSON points with village codes' };
    try {
      const end = t.lastIndexOf('}]');
      const doc = JSON.parse(end > 0 ? t.slice(0, end + 2) + '}' : t);
      const c = kindOfPoints(readGeoJsonTable(doc, 'head'), 'GeoJSON');
      if (c.kind === 'villages' && /village codes/.test(c.reason)) return c;
    } catch {
      /* a cut head: fall through to services */
    }
    return { kind: 'services', reason: 'GeoJSON points' };
  }
  return { kind: 'unknown', reason: geom ? `GeoJSON ${geom}s are not a known layer` : 'JSON without a GeoJSON geometry' };
}

export const geojsonReader: FormatReader = {
  id: 'geojson',
  label: 'GeoJSON',
  text: true,
  recognise: (name, head) => ['json', 'geojson'].includes(extensionOf(name)) || /^\s*\{/.test(text(head)),
  kindOfHead: (_name, head) => kindOfGeoJsonHead(text(head)),
  read: async (inputs: InputFile[]): Promise<ReadLayer[]> => [{ name: inputs[0].name, sources: inputs, input: inputs[0], notes: [] }],
};
