/**
 * GDAL_NODATA (TIFF tag 42113) is ASCII text, written by GDAL with 17+ significant digits
 * ("-3.39999999999999996e+38", "-9999", "nan"). The pixels are stored in the band's own type, so
 * the text must be rounded to that type before comparing: for float32 bands,
 * Math.fround(-3.4e38) is the stored value while -3.4e38 itself is not (GDAL's
 * GDALIsValueExactAs / "nodata compared after rounding to the data type").
 */

/** Parses the tag text; NaN for "nan" spellings, null for an empty or unparseable tag. */
export function parseGdalNoData(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const t = text.replace(/\0+$/, '').trim();
  if (t === '') return null;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  if (/^[+-]?inf(inity)?$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  const n = Number(t);
  return Number.isNaN(n) ? null : n;
}

/** TIFF SampleFormat: 1 unsigned int, 2 signed int, 3 IEEE float. */
export type SampleFormat = 1 | 2 | 3;

/**
 * A predicate "is this stored value nodata?" for a band of the given type. NaN values are always
 * nodata (a radiance is never NaN), whatever the tag says.
 */
export function noDataMatcher(noData: number | null, sampleFormat: number, bitsPerSample: number): (v: number) => boolean {
  if (noData === null) return (v) => v !== v;
  if (Number.isNaN(noData)) return (v) => v !== v;
  if (sampleFormat === 3) {
    const stored = bitsPerSample === 32 ? Math.fround(noData) : noData;
    return (v) => v === stored || v !== v;
  }
  // Integer bands: a non-integer nodata can never match a stored value.
  return (v) => v === noData;
}
