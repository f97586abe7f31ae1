/**
 * `npm run cli -- import FILES…|DIR --out DIR [--into DIR] [--type-map gistda|CODE=CLASS,…]
 *                 [--level province|district|subdistrict] [--code-field NAME] [--crs EPSG:…]
 *                 [--year Y] [--title "th|en"]`
 *
 * The workspace import (issue 8 item 7), the same code the app runs in its worker
 * (src/data/workspace/importWorkspace.ts): each file is recognised by the one classifier
 * (TPMAP exports, household CSV, boundary GeoJSON, village points, village basic data, services,
 * GeoTIFF lights), imported, and written as a dataset directory. A directory argument stands for
 * every file in it, recursively. `--into DIR` starts from an existing dataset (its layers are
 * kept, the new ones added or replacing those of the same kind and level/year); the result goes
 * to `--out` (a new or empty directory: nothing is overwritten).
 *
 * stdout: a JSON report {out, layers: [{id, kind, summary, synthetic, files}], lines: [{kind,
 * summary, ok, details}], refused: [{file, message}], joins}. Messages go to stderr.
 */
import { copyFile, mkdir, open, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureEmptyDir } from '../../data/households/datasetWriter';
import { readManifest } from '../../data/dataset';
import { dirReader } from '../../data/nodeReader';
import { BOUNDARY_LEVELS, type BoundaryLevel } from '../../data/boundaries/importBoundaries';
import { importIntoWorkspace, type InputFile } from '../../data/workspace/importWorkspace';
import { layersOf } from '../../data/workspace/layers';
import { CliError, type Command } from '../io';
import { decodeText } from '../../data/formats/textEncoding';

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string) => {
    let s;
    try {
      s = await stat(p);
    } catch {
      throw new CliError(`${p}: no such file or directory`);
    }
    if (s.isDirectory()) for (const f of (await readdir(p)).sort()) await walk(join(p, f));
    else if (!basename(p).startsWith('.')) out.push(p);
  };
  for (const p of paths) await walk(resolve(p));
  return out;
}

/** A file read when its importer asks (never cached: a folder of TPMAP tables is never held whole). */
function nodeInput(path: string, size: number): InputFile {
  return {
    name: basename(path),
    size,
    bytes: async () => new Uint8Array(await readFile(path)),
    text: async () => decodeText(new Uint8Array(await readFile(path))),
    // Large TPMAP tables are parsed as they stream in (1 MiB pieces), never held whole.
    chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    head: async () => {
      const fh = await open(path, 'r');
      try {
        const buf = new Uint8Array(Math.min(size, 65536));
        await fh.read(buf, 0, buf.length, 0);
        return buf;
      } finally {
        await fh.close();
      }
    },
  };
}

const importCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        into: { type: 'string' },
        'type-map': { type: 'string' },
        level: { type: 'string' },
        'code-field': { type: 'string' },
        crs: { type: 'string' },
        year: { type: 'string' },
        title: { type: 'string' },
      },
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (!positionals.length) throw new CliError('usage: import FILES…|DIR --out DIR [--into DIR] [--type-map gistda|CODE=CLASS,…] [--level L] [--code-field NAME] [--crs EPSG:…]');
  if (!values.out) throw new CliError('--out DIR is required (a new or empty directory)');
  if (values.level && !BOUNDARY_LEVELS.includes(values.level as BoundaryLevel)) throw new CliError(`--level must be one of ${BOUNDARY_LEVELS.join(', ')} (got "${values.level}")`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year > 2500 && year < 2700)) throw new CliError(`--year must be a Buddhist-era year such as 2565 (got "${values.year}")`);
  const t0 = performance.now();
  const paths = await expand(positionals);
  const inputs = await Promise.all(paths.map(async (p) => nodeInput(p, (await stat(p)).size)));
  const out = resolve(values.out);
  let base = null;
  let baseDir: string | null = null;
  if (values.into) {
    baseDir = resolve(values.into);
    const read = dirReader(baseDir);
    base = { manifest: await readManifest(read), read };
  }
  const [th, en] = values.title ? (values.title.includes('|') ? values.title.split('|') : [values.title, values.title]) : [];
  let result;
  try {
    result = await importIntoWorkspace(base, inputs, {
      typeMap: values['type-map'],
      level: values.level as BoundaryLevel | undefined,
      codeField: values['code-field'],
      crs: values.crs,
      year,
      ...(th ? { title: { th, en } } : {}),
      onProgress: (done, total, file) => {
        if (done === total || done % 500 === 0) io.stderr(`${done}/${total} ${file}\n`);
      },
    });
  } catch (e) {
    throw new CliError((e as Error).message.split('\n').join(' | '));
  }
  const { write, report } = result;
  await ensureEmptyDir(out);
  // Files of the base workspace that the import did not rewrite are carried over unchanged.
  if (base && baseDir) {
    const carried = new Set(layersOf(base.manifest).flatMap((l) => l.files));
    for (const f of [base.manifest.files.areas, base.manifest.files.villages]) carried.add(f);
    for (const f of carried) {
      if (!f || write.files.has(f) || write.obsolete.includes(f)) continue;
      await mkdir(dirname(join(out, f)), { recursive: true });
      await copyFile(join(baseDir, f), join(out, f));
    }
  }
  for (const [name, bytes] of write.files) {
    await mkdir(dirname(join(out, name)), { recursive: true });
    await writeFile(join(out, name), bytes);
  }
  for (const r of report.refused) io.stderr(`refused: ${r.message}\n`);
  for (const l of report.lines) io.stderr(`${l.ok ? 'ok' : '!!'} ${l.summary}\n`);
  io.stderr(`wrote ${out} in ${((performance.now() - t0) / 1000).toFixed(2)} s; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  io.stdout(JSON.stringify({
    out,
    layers: write.manifest.layers!.map((l) => ({ id: l.id, kind: l.kind, summary: l.summary, synthetic: l.synthetic, files: l.files, source: l.source })),
    lines: report.lines.map((l) => ({ kind: l.kind, summary: l.summary, ok: l.ok, details: l.details.slice(0, 100) })),
    refused: report.refused,
    joins: report.joins,
  }, null, 2) + '\n');
};

export default importCommand;
