/**
 * Files dropped on the app (or chosen with the file picker) go to the first handler that
 * accepts them. Each feature registers its handler; a handler reports problems through
 * notify() and never discards data already loaded when a file is refused.
 */
import { headText } from '../data/fileHead';

export { headText };

export interface FileHandler {
  id: string;
  /** Human label for messages, Thai and English. */
  label: { th: string; en: string };
  /** Decide from the name and the first bytes (up to 64 KiB) whether this handler takes the file. */
  accepts: (name: string, head: Uint8Array) => boolean | Promise<boolean>;
  /** Takes the file from its name alone (no bytes read; issue 16: 7,328 TPMAP files at once). */
  acceptsName?: (name: string) => boolean | Promise<boolean>;
  handle: (file: File) => Promise<void>;
  /** Files that belong together (e.g. TPMAP's tables and _common) arrive in one call when set. */
  handleMany?: (files: File[]) => Promise<void>;
}

export const FILE_HANDLERS: FileHandler[] = [];

export function registerFileHandler(h: FileHandler): void {
  const i = FILE_HANDLERS.findIndex((x) => x.id === h.id);
  if (i >= 0) FILE_HANDLERS.splice(i, 1);
  FILE_HANDLERS.push(h);
}

