/**
 * Personal identifiers (PDPA, DESIGN.md §5): a 13-digit Thai citizen id never gets into a
 * dataset, a message or an export. One definition for every import path.
 */

/** Header names that announce citizen ids (after lower-casing; Thai included). */
export const CITIZEN_ID_HEADER = /citizen|national.?id|id.?card|^pid$|^cid$|เลขประจำตัว|บัตรประชาชน|เลขบัตร/i;

/** A value that is a 13-digit id, also written with dashes or spaces (1-2345-67890-12-3). */
export function isCitizenId(value: string): boolean {
  const v = value.trim();
  return v.length >= 13 && v.length <= 17 && /^\d{13}$/.test(v.replace(/[-\s]/g, ''));
}

/** A cell as it may appear in a message: ids are masked, long values shortened. */
export function quoteForMessage(value: string): string {
  const v = value.trim();
  if (isCitizenId(v) || /\d{13}/.test(v.replace(/[-\s]/g, ''))) return '[13-digit id withheld]';
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}
