/**
 * The encodings of the text files Thai offices hold: UTF-8 (with or without a BOM), UTF-16 with a
 * BOM (Excel's "Unicode Text"), and Windows-874 — the superset of TIS-620 that Excel's
 * "CSV (Comma delimited)" writes on a Thai Windows, as do many government systems' exports.
 *
 * Without a BOM, bytes that are valid UTF-8 are UTF-8, and anything else is Windows-874.
 * - ASCII-only files decode the same either way.
 * - Thai text in TIS-620 is single bytes 0xA1–0xFB. Many of them are UTF-8 lead bytes (0xC2–0xF4:
 *   most vowels, tone marks and the letters from ย on). A lead byte must be followed by exactly
 *   1–3 continuation bytes 0x80–0xBF (the letters ก to ฟ). A pair may pass by chance, but Thai
 *   text breaks the pattern within a few words: e.g. เ (0xE0) then a letter from ม on. So a file
 *   of Thai names in Windows-874 is not read as U+FFFD replacement characters.
 * - Windows-874 is the WHATWG label that browsers and Node's ICU also give TIS-620 and ISO-8859-11.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

/**
 * The encoding of `bytes`, the whole file or its head: an incomplete UTF-8 sequence at the end is
 * not held against it, since a head cut at 64 KiB may end inside a character.
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncodingName {
  const bom = detectBom(bytes);
  if (bom) return bom;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return utf8OrThai(bytes);
  }
}

/**
 * The text of `bytes` in its detected encoding, without a BOM. A whole file: one strict UTF-8
 * pass that is the result when it succeeds (no second pass for the usual case).
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = detectBom(bytes);
  // TextDecoder drops the BOM of its own encoding (ignoreBOM defaults to false).
  if (bom) return new TextDecoder(bom).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(utf8OrThai(bytes)).decode(bytes);
  }
}

/**
 * A file read in pieces (a streaming import), as text: the encoding is detected on the first
 * piece (1 MiB in the CLI's streams) and every piece decoded in it, characters split between
 * pieces included.
 */
export async function* decodeTextChunks(chunks: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(detectTextEncoding(chunk));
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

function detectBom(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Bytes that are not valid UTF-8. A UTF-8 file damaged in a byte or two (a bad copy, two exports
 * pasted together) still has far more well-formed multi-byte characters than broken ones, and
 * reads best as UTF-8 with a U+FFFD where it is broken. Windows-874 Thai text has ≈ 0.3
 * well-formed sequences (by chance) per broken one: OCHA's 7,425 subdistrict names in TIS-620
 * give 10,092 against 33,348, the 928 district names 1,336 against 4,577.
 */
function utf8OrThai(bytes: Uint8Array): TextEncodingName {
  const { wellFormed, broken } = utf8Sequences(bytes);
  return wellFormed > 3 * broken ? 'utf-8' : 'windows-874';
}

/** Well-formed multi-byte UTF-8 sequences and broken ones (a lead or continuation byte out of place). */
export function utf8Sequences(bytes: Uint8Array): { wellFormed: number; broken: number } {
  let wellFormed = 0;
  let broken = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → number of continuation bytes (RFC 3629 §4: C2–DF, E0–EF, F0–F4).
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let k = 1;
    while (need > 0 && k <= need && i + k < n && (bytes[i + k] & 0xc0) === 0x80) k++;
    if (need > 0 && k === need + 1) {
      wellFormed++;
      i += k;
    } else {
      broken++;
      i++;
    }
  }
  return { wellFormed, broken };
}
