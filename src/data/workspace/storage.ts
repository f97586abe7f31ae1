/**
 * Workspaces in the browser (issue 8 item 6): IndexedDB through idb-keyval, usable from the page
 * and from workers alike. Keys: `list` → WorkspaceEntry[]; `ws/<id>/<file>` → Blob (the dataset
 * directory's files, rasters and columns as Blobs so the browser keeps them out of the JS heap).
 *
 * A commit writes every file of an import and the updated list in ONE transaction (setMany), so
 * a full disk or a refused quota aborts it whole and the previous workspace stays as it was.
 * Files no longer referenced are deleted afterwards (a failure there only leaves garbage).
 */
import { createStore, delMany, get, keys, setMany, type UseStore } from 'idb-keyval';
import type { ByteReader } from '../dataset';
import type { DatasetManifest } from '../datasetFormat';

export interface WorkspaceEntry {
  id: string;
  title: { th: string; en: string };
  createdAt: string;
  updatedAt: string;
  /** Bytes stored (all its files). */
  bytes: number;
  layers: number;
}

/** Where a workspace's files are read from: the demo's static directory, or IndexedDB. */
export type WorkspaceRef = { id: string; baseUrl: string } | { id: string; baseUrl?: undefined };

let store: UseStore | null = null;
function db(): UseStore {
  return (store ??= createStore('cheepao-workspaces', 'files'));
}

export class StorageError extends Error {}

const fileKey = (id: string, name: string) => `ws/${id}/${name}`;

export function urlReader(baseUrl: string): ByteReader {
  return async (name) => {
    const url = new URL(name, baseUrl).href;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} from ${url}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

export function idbReader(id: string): ByteReader {
  return async (name) => {
    const v = await get<Blob | Uint8Array>(fileKey(id, name), db());
    if (v === undefined) throw new Error(`workspace ${id}: file ${name} is missing from browser storage`);
    return v instanceof Uint8Array ? v : new Uint8Array(await v.arrayBuffer());
  };
}

/** The Blob of a stored file (rasters: geotiff.js reads slices of it). */
export async function idbBlob(id: string, name: string): Promise<Blob> {
  const v = await get<Blob | Uint8Array>(fileKey(id, name), db());
  if (v === undefined) throw new Error(`workspace ${id}: file ${name} is missing from browser storage`);
  return v instanceof Blob ? v : new Blob([v as BlobPart]);
}

export function readerOf(ref: WorkspaceRef): ByteReader {
  return ref.baseUrl ? urlReader(ref.baseUrl) : idbReader(ref.id);
}

export async function listWorkspaces(): Promise<WorkspaceEntry[]> {
  return (await get<WorkspaceEntry[]>('list', db())) ?? [];
}

/** Thai first, then English: the message reaches the import report and the notice as is. */
function storageMessage(e: unknown): string {
  const name = (e as DOMException)?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message))) {
    return 'พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็มหรือถูกจำกัด จึงไม่ได้บันทึกสิ่งใด และพื้นที่ทำงานเดิมยังอยู่ครบ — ลบพื้นที่ทำงานที่ไม่ใช้แล้วลองใหม่ · ' +
      'browser storage is full or the quota was refused; nothing was saved and the previous workspace is unchanged — free space (delete a workspace) and try again';
  }
  const why = (e as Error)?.message ?? String(e);
  return `บันทึกลงพื้นที่เก็บข้อมูลของเบราว์เซอร์ไม่ได้ (${why}) จึงไม่ได้บันทึกสิ่งใด และพื้นที่ทำงานเดิมยังอยู่ครบ · could not save to browser storage (${why}); nothing was saved and the previous workspace is unchanged`;
}

/** Write an import's files and the list entry in one transaction; then drop obsolete files. */
export async function commitWorkspace(id: string, manifest: DatasetManifest, files: Map<string, Uint8Array>, obsolete: string[], previousBytes = 0): Promise<WorkspaceEntry> {
  const list = await listWorkspaces();
  const old = list.find((w) => w.id === id);
  let added = 0;
  const entries: [IDBValidKey, unknown][] = [];
  for (const [name, bytes] of files) {
    added += bytes.byteLength;
    entries.push([fileKey(id, name), new Blob([bytes as BlobPart])]);
  }
  const now = new Date().toISOString();
  const entry: WorkspaceEntry = {
    id,
    title: manifest.title,
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
    bytes: (old ? previousBytes : 0) + added,
    layers: manifest.layers?.length ?? 0,
  };
  entries.push(['list', [...list.filter((w) => w.id !== id), entry]]);
  try {
    await setMany(entries, db());
  } catch (e) {
    throw new StorageError(storageMessage(e));
  }
  if (obsolete.length) await delMany(obsolete.map((n) => fileKey(id, n)), db()).catch(() => undefined);
  entry.bytes = await workspaceBytes(id);
  await setMany([['list', [...list.filter((w) => w.id !== id), entry]]], db()).catch(() => undefined);
  return entry;
}

/** Bytes stored for a workspace (sum of its Blobs). */
export async function workspaceBytes(id: string): Promise<number> {
  let total = 0;
  for (const k of await keys(db())) {
    if (typeof k !== 'string' || !k.startsWith(`ws/${id}/`)) continue;
    const v = await get<Blob | Uint8Array>(k, db());
    total += v instanceof Blob ? v.size : v?.byteLength ?? 0;
  }
  return total;
}

export async function renameWorkspace(id: string, title: { th: string; en: string }): Promise<void> {
  const list = await listWorkspaces();
  const w = list.find((x) => x.id === id);
  if (!w) throw new StorageError(`no workspace ${id}`);
  const read = idbReader(id);
  const manifest = JSON.parse(new TextDecoder().decode(await read('manifest.json'))) as DatasetManifest;
  manifest.title = title;
  try {
    await setMany([[fileKey(id, 'manifest.json'), new Blob([JSON.stringify(manifest, null, 2)])], ['list', list.map((x) => (x.id === id ? { ...x, title } : x))]], db());
  } catch (e) {
    throw new StorageError(storageMessage(e));
  }
}

export async function deleteWorkspace(id: string): Promise<void> {
  const list = await listWorkspaces();
  const mine = (await keys(db())).filter((k) => typeof k === 'string' && k.startsWith(`ws/${id}/`));
  await setMany([['list', list.filter((w) => w.id !== id)]], db());
  await delMany(mine, db());
}

/** A new workspace id (time-ordered, unique enough for one browser). */
export function newWorkspaceId(): string {
  return `ws-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}
