/**
 * GeoTIFF nighttime lights: recognised by the TIFF magic (II*\0, MM\0*, BigTIFF II+\0 / MM\0+)
 * or the name; read by its importer (geotiff/readRasterGrid.ts), by slices, never whole here.
 */
import { extensionOf, startsWith, type FormatReader, type InputFile, type ReadLayer } from './reader';

const TIFF_MAGIC = [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], [0x49, 0x49, 0x2b, 0x00], [0x4d, 0x4d, 0x00, 0x2b]];

export const geotiffReader: FormatReader = {
  id: 'geotiff',
  label: 'GeoTIFF',
  text: true,
  recognise: (name, head) => TIFF_MAGIC.some((m) => startsWith(head, m)) || ['tif', 'tiff'].includes(extensionOf(name)),
  kindOfHead: (_name, head) => ({ kind: 'lights', reason: TIFF_MAGIC.some((m) => startsWith(head, m)) ? 'GeoTIFF' : 'GeoTIFF name' }),
  read: async (inputs: InputFile[]): Promise<ReadLayer[]> => [{ name: inputs[0].name, sources: inputs, input: inputs[0], notes: [] }],
};
