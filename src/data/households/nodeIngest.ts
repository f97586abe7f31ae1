/**
 * Streaming household CSV ingest for Node (the CLI): the file is read in 1 MB chunks and never
 * held whole, so memory depends on the number of distinct (village, profile) rows, not on the
 * 13 M households of a national file.
 *
 * Lines are split here and only lines containing a quote go through papaparse: a household CSV
 * has no free text, and papaparse's Node stream reader was measured 2–3× slower than this on
 * plain lines. A quoted field spanning lines is not supported (it shows up as bad rows, by line).
 */
import { basename } from 'node:path';
import Papa from 'papaparse';
import { HouseholdAccumulator, type HouseholdIngestResult } from './householdCsv';
import { readTextPieces } from '../nodeReader';

export interface IngestProgress {
  rows: number;
  bytes: number;
}

function fieldsOf(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  return Papa.parse<string[]>(line).data[0] ?? [''];
}

export async function ingestHouseholdFile(path: string, year?: number, onProgress?: (p: IngestProgress) => void): Promise<HouseholdIngestResult> {
  const file = basename(path);
  const acc = new HouseholdAccumulator(file);
  let line = 0;
  let bytes = 0;
  let rest = '';
  const feed = (text: string) => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let l = text.slice(start, nl);
      if (l.endsWith('\r')) l = l.slice(0, -1);
      line += 1;
      acc.record(fieldsOf(l), line);
      start = nl + 1;
    }
    return text.slice(start);
  };
  try {
    for await (const chunk of readTextPieces(path, (n) => (bytes += n))) {
      rest = feed(rest + chunk);
      onProgress?.({ rows: acc.rows, bytes });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new Error(`${path}: cannot read (${code})`);
    throw e;
  }
  if (rest !== '') feed(rest + '\n');
  return acc.finish(year);
}
