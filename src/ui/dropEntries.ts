/**
 * Folders dropped on the window (issue 14 item 3): a TPMAP export folder or a Shapefile's folder
 * dropped whole imports as the folder button does. `DataTransfer.files` holds only the folder
 * itself (an empty, unreadable File), so the drop's items are walked as File and Directory Entries
 * (`DataTransferItem.webkitGetAsEntry()`, WICG "File and Directory Entries API", in Chromium,
 * Firefox and Safari), recursively. A directory reader answers in batches (Chromium: 100 entries),
 * so `readEntries` is called until it returns none. Hidden files (".DS_Store", "._x.shp") are left
 * out, as the CLI does for a folder.
 */

/** The parts of FileSystemEntry this uses (so a test can give a fake tree). */
export interface EntryLike {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?(ok: (f: File) => void, fail?: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail?: (e: unknown) => void): void };
}

function fileOf(e: EntryLike): Promise<File> {
  return new Promise((ok, fail) => e.file!(ok, fail));
}

async function childrenOf(e: EntryLike): Promise<EntryLike[]> {
  const reader = e.createReader!();
  const out: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return out;
    out.push(...batch);
  }
}

/** Every file under the entries (folders walked depth first, names in the order given). */
export async function filesOfEntries(entries: EntryLike[]): Promise<File[]> {
  const out: File[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isFile) out.push(await fileOf(e));
    else if (e.isDirectory) out.push(...(await filesOfEntries(await childrenOf(e))));
  }
  return out;
}

/**
 * The files of a drop: walked entries when a folder is among them, else the plain file list.
 * Entries must be taken while the drop event runs (the items are emptied after it), so this
 * takes them synchronously and returns a promise.
 */
export function filesOfDrop(dt: DataTransfer): Promise<File[]> {
  const entries = Array.from(dt.items ?? [], (i) => (i.kind === 'file' ? (i.webkitGetAsEntry?.() as EntryLike | null) : null)).filter((e): e is EntryLike => !!e);
  if (entries.some((e) => e.isDirectory)) return filesOfEntries(entries);
  return Promise.resolve(Array.from(dt.files));
}
