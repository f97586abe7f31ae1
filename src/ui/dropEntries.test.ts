/** The folder walker on a fake entry tree shaped as a TPMAP export folder with a Shapefile folder inside. */
import { describe, expect, it } from 'vitest';
import { filesOfDrop, filesOfEntries, type EntryLike } from './dropEntries';

const file = (name: string): EntryLike => ({ name, isFile: true, isDirectory: false, file: (ok) => ok(new File([name], name)) });
/** A directory whose reader answers in batches of `batch`, as Chromium's does with 100. */
const dir = (name: string, children: EntryLike[], batch = 2): EntryLike => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let at = 0;
    return { readEntries: (ok) => setTimeout(() => { ok(children.slice(at, at + batch)); at += batch; }, 0) };
  },
});

describe('filesOfEntries', () => {
  it('walks folders recursively, reading every batch, leaving hidden files out', async () => {
    const tpmap = Array.from({ length: 7 }, (_, i) => file(`61_7${i}_village_11111.csv`));
    const tree = [
      dir('TPMAP 2561', [...tpmap, file('.DS_Store'), dir('หมู่บ้าน', [file('villages.shp'), file('villages.dbf'), file('villages.prj'), file('._villages.shp')]), dir('empty', [])], 3),
      file('services.csv'),
    ];
    const names = (await filesOfEntries(tree)).map((f) => f.name);
    expect(names).toEqual([...tpmap.map((f) => f.name), 'villages.shp', 'villages.dbf', 'villages.prj', 'services.csv']);
  });
  it('a read error is passed on, not swallowed', async () => {
    const bad: EntryLike = { name: 'x', isFile: false, isDirectory: true, createReader: () => ({ readEntries: (_ok, fail) => fail!(new Error('NotReadableError')) }) };
    await expect(filesOfEntries([bad])).rejects.toThrow('NotReadableError');
  });
});

describe('filesOfDrop', () => {
  it('plain files (no folder among the entries, or no entries at all) come from dataTransfer.files', async () => {
    const files = [new File(['a'], 'a.csv')];
    const dt = { items: [{ kind: 'file', webkitGetAsEntry: () => null }], files } as unknown as DataTransfer;
    expect(await filesOfDrop(dt)).toEqual(files);
  });
  it('a folder among the entries is walked', async () => {
    const dt = { items: [{ kind: 'file', webkitGetAsEntry: () => dir('d', [file('a.shp'), file('a.dbf')]) }], files: [new File([], 'd')] } as unknown as DataTransfer;
    expect((await filesOfDrop(dt)).map((f) => f.name)).toEqual(['a.shp', 'a.dbf']);
  });
});
