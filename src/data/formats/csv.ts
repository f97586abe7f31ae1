/**
 * CSV (comma, semicolon, tab or pipe; UTF-8 with or without BOM, UTF-16 with a BOM, or Windows-874
 * / TIS-620 as Thai Excel saves it: textEncoding.ts): recognised by its name or a
 * delimiter on its first line, after every binary format had its turn (so a ZIP or a workbook is
 * never read as CSV columns). The kind comes from the head parsed as a table (kinds.ts
 * kindOfTable, the rule Excel sheets follow too); the importer of that kind reads the file.
 */
import { readCsvTable } from '../services/rawTable';
import { kindOfColumns, kindOfTable, type Classified } from '../workspace/kinds';
import { extensionOf, type FormatReader, type InputFile, type ReadLayer } from './reader';
import { headText as text } from '../fileHead';


/** Text of the head without a trailing partial line (so a CSV sample parses cleanly). */
function headLines(t: string): string {
  const cut = t.lastIndexOf('\n');
  return cut > 0 ? t.slice(0, cut) : t;
}

export function kindOfCsvHead(name: string, t: string): Classified {
  const firstLine = t.split(/\r?\n/)[0] ?? '';
  const byHeader = kindOfColumns(firstLine.split(/[,;\t|]/).map((c) => c.replace(/"/g, '').trim()));
  if (byHeader) return byHeader;
  try {
    return kindOfTable(readCsvTable(headLines(t), name));
  } catch {
    return { kind: 'unknown', reason: 'not readable as CSV' };
  }
}

export const csvReader: FormatReader = {
  id: 'csv',
  label: 'CSV',
  text: true,
  recognise: (name, head) => ['csv', 'txt', 'tsv'].includes(extensionOf(name)) || /[,;\t]/.test(text(head).split('\n')[0] ?? ''),
  kindOfHead: (name, head) => kindOfCsvHead(name, text(head)),
  read: async (inputs: InputFile[]): Promise<ReadLayer[]> => [{ name: inputs[0].name, sources: inputs, input: inputs[0], notes: [] }],
};
