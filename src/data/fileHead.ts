/** The first bytes of a dropped or named file as text (BOM removed), for recognising its kind. */
export function headText(head: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
}
