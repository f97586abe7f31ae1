/**
 * ZIP archives (issue 14 items 1 and 7), as layers travel by e-mail and LINE: every Shapefile in
 * it (its parts grouped by name, in any folder of the archive) and every KML become layers of
 * their own; an archive that is really an Excel workbook is read as one. An archive with none of
 * these is refused by kind, listing what it holds — never read as CSV. Unzipped with fflate.
 */
import { unzipSync } from 'fflate';
import { workbookLayers } from './excel';
import { kmlText, readKmlText } from './kml';
import { extensionOf, FormatError, isZip, type FormatReader, type InputFile, type ReadLayer, type ReadOptions } from './reader';
import { readShapefile, SHAPEFILE_PARTS, shapefileStem, type ShapefileParts } from './shapefile';

const decodeText = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).replace(/^\uFEFF/, '');

/** Entry names as stored: Windows archivers may use backslashes; macOS adds __MACOSX/ copies. */
function usable(name: string): boolean {
  return !name.startsWith('__MACOSX/') && !name.split('/').pop()!.startsWith('._') && !name.endsWith('/');
}

export function readArchive(bytes: Uint8Array, file: string, sources: InputFile[], options: ReadOptions): ReadLayer[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new FormatError(`${file}: not a readable ZIP archive (${(e as Error).message}); the file may be damaged or cut short`);
  }
  const names = Object.keys(entries).filter(usable);
  if (names.includes('xl/workbook.xml') || names.includes('xl/workbook.bin')) return workbookLayers(bytes, file, sources);
  const layers: ReadLayer[] = [];
  const problems: string[] = [];
  // Shapefiles: parts grouped by their path without the part's extension (case-insensitive).
  const groups = new Map<string, { shp?: string; parts: Map<string, string> }>();
  for (const n of names) {
    const lower = n.toLowerCase();
    const ext = SHAPEFILE_PARTS.find((p) => lower.endsWith(`.${p}`));
    if (!ext) continue;
    const key = shapefileStem(n).toLowerCase();
    const g: { shp?: string; parts: Map<string, string> } = groups.get(key) ?? { parts: new Map() };
    g.parts.set(ext, n);
    if (ext === 'shp') g.shp = n;
    groups.set(key, g);
  }
  for (const g of [...groups.values()].sort((a, b) => (a.shp ?? '').localeCompare(b.shp ?? ''))) {
    if (!g.shp && !g.parts.has('dbf')) continue; // lone .prj / .cpg / index files
    const get = (ext: string) => (g.parts.has(ext) ? entries[g.parts.get(ext)!] : undefined);
    const parts: ShapefileParts = { shp: get('shp'), dbf: get('dbf'), prj: get('prj') && decodeText(get('prj')!), cpg: get('cpg') && decodeText(get('cpg')!), shx: g.parts.has('shx') };
    const name = `${file} › ${g.shp ?? g.parts.get('dbf')}`;
    try {
      const { features, notes, crs } = readShapefile(parts, name, options);
      layers.push({ name, sources, features, notes, crs });
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  for (const n of names.filter((x) => extensionOf(x) === 'kml')) {
    const name = `${file} › ${n}`;
    try {
      const { features, notes } = readKmlText(kmlText(entries[n]), name);
      layers.push({ name, sources, features, notes });
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (!layers.length) {
    if (problems.length) throw new FormatError(problems.join('; '));
    const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length} files)` : '');
    throw new FormatError(`${file}: a ZIP archive with no shapefile or KML in it (${names.length ? `it holds ${shown}` : 'it is empty'}); zip the .shp with its .dbf, .shx and .prj, or drop the files themselves`);
  }
  // A layer that could not be read is named in the first layer's details; the others import.
  if (problems.length) layers[0].notes.push(...problems.map((p) => `not imported: ${p}`));
  return layers;
}

export const zipReader: FormatReader = {
  id: 'zip',
  label: 'ZIP archive',
  recognise: (name, head) => isZip(head) || extensionOf(name) === 'zip',
  async read(inputs: InputFile[], options: ReadOptions): Promise<ReadLayer[]> {
    const f = inputs[0];
    return readArchive(await f.bytes(), f.name, [f], options);
  },
};
