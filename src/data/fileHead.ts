import { decodeText } from './formats/textEncoding';

/**
 * The first bytes of a dropped or named file as text (BOM removed; UTF-8, UTF-16 or Windows-874
 * as formats/textEncoding.ts detects), for recognising its kind.
 */
export function headText(head: Uint8Array): string {
  return decodeText(head);
}
