/**
 * TPMAP's public CSV exports, recognised by their file names (`61_73_village_11111.csv`,
 * `_common.csv`, `bmn…village_name_….csv`; tpmap/tpmapCsv.ts). Read one file at a time by the
 * TPMAP importer (tpmap/importTpmap.ts): the national export is never held whole.
 */
import { classifyTpmapFile } from '../tpmap/tpmapCsv';
import { baseName, type FormatReader, type InputFile, type ReadLayer } from './reader';

export const tpmapReader: FormatReader = {
  id: 'tpmap',
  label: 'TPMAP export',
  text: true,
  recognise: (name) => classifyTpmapFile(baseName(name)) !== null,
  kindOfHead: () => ({ kind: 'tpmap', reason: 'TPMAP export file name' }),
  read: async (inputs: InputFile[]): Promise<ReadLayer[]> => [{ name: inputs[0].name, sources: inputs, input: inputs[0], notes: [] }],
};
