import { useEffect, useState } from 'react';
import { notify, useApp } from '../store/store';
import { FILE_HANDLERS, type FileHandler } from './fileHandlers';
import { t } from '../text/i18n';
import { filesOfDrop } from './dropEntries';

/**
 * Routes files to the first registered handler that accepts each; files for a handler that takes
 * several at once (TPMAP tables) go in one call. Unknown files get a clear message.
 */
export async function openFiles(files: File[], lang: 'th' | 'en'): Promise<void> {
  const groups = new Map<FileHandler, File[]>();
  for (const file of files) {
    let handler: FileHandler | undefined;
    let head: Uint8Array | null = null;
    for (const h of FILE_HANDLERS) {
      if (h.acceptsName && (await h.acceptsName(file.name))) {
        handler = h;
        break;
      }
      head ??= new Uint8Array(await file.slice(0, 65536).arrayBuffer());
      if (await h.accepts(file.name, head)) {
        handler = h;
        break;
      }
    }
    if (!handler) {
      notify('error', lang === 'th'
        ? `${file.name}: ไม่รู้จักรูปแบบไฟล์นี้ (รองรับ CSV ของ TPMAP/ครัวเรือน/สถานบริการ, Excel .xlsx, GeoJSON, Shapefile (.zip หรือ .shp/.dbf/.prj), KML/KMZ, GeoTIFF)`
        : `${file.name}: unrecognised file (accepted: TPMAP/household/service CSV, Excel .xlsx, GeoJSON, Shapefile (.zip or .shp/.dbf/.prj), KML/KMZ, GeoTIFF)`);
      continue;
    }
    groups.set(handler, [...(groups.get(handler) ?? []), file]);
  }
  for (const [handler, group] of groups) {
    try {
      if (handler.handleMany) await handler.handleMany(group);
      else for (const f of group) await handler.handle(f);
    } catch (e) {
      notify('error', `${group.map((f) => f.name).join(', ')}: ${(e as Error).message}`);
    }
  }
}

export async function openFile(file: File, lang: 'th' | 'en'): Promise<void> {
  return openFiles([file], lang);
}

/** Whole-window drag-and-drop target (files, or whole folders: dropEntries.ts) plus a file button in the header. */
export function DropZone() {
  const lang = useApp((s) => s.lang);
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setOver(false);
      // A dropped folder (TPMAP export, Shapefile parts) is walked like the folder button's.
      filesOfDrop(e.dataTransfer).then(
        (files) => openFiles(files, lang),
        (err) => notify('error', `${lang === 'th' ? 'อ่านโฟลเดอร์ไม่ได้' : 'the folder cannot be read'}: ${(err as Error).message}`),
      );
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [lang]);
  return over ? <div className="drop-overlay">{t('dropHere', lang)}</div> : null;
}

export function OpenFileButton() {
  const lang = useApp((s) => s.lang);
  return (
    <label className="file-button" data-testid="open-file">
      {t('openFile', lang)}
      <input
        type="file"
        multiple
        hidden
        onChange={(e) => {
          void openFiles(Array.from(e.target.files ?? []), lang);
          e.target.value = '';
        }}
      />
    </label>
  );
}
