import { useEffect, useState } from 'react';
import { notify, useApp } from '../store/store';
import { FILE_HANDLERS } from './fileHandlers';
import { t } from './i18n';

/** Routes a file to the first registered handler that accepts it; unknown files get a clear message. */
export async function openFile(file: File, lang: 'th' | 'en'): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  const handler = FILE_HANDLERS.find((h) => h.accepts(file.name, head));
  if (!handler) {
    notify('error', lang === 'th'
      ? `${file.name}: ไม่รู้จักรูปแบบไฟล์นี้ (รองรับ GeoTIFF, CSV ของ TPMAP/ครัวเรือน/สถานบริการ, GeoJSON)`
      : `${file.name}: unrecognised file (accepted: GeoTIFF, TPMAP/household/service CSV, GeoJSON)`);
    return;
  }
  try {
    await handler.handle(file);
  } catch (e) {
    notify('error', `${file.name}: ${(e as Error).message}`);
  }
}

/** Whole-window drag-and-drop target plus a file button in the header. */
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
      for (const f of Array.from(e.dataTransfer.files)) void openFile(f, lang);
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
          for (const f of Array.from(e.target.files ?? [])) void openFile(f, lang);
          e.target.value = '';
        }}
      />
    </label>
  );
}
