/**
 * A raster the app will not use, with a message for the user that names the file and says what is
 * wrong and what is expected. Distinguishes "refused on purpose" from a bug in the UI and the CLI.
 */
export class GeoTiffRefusal extends Error {
  override name = 'GeoTiffRefusal';
}
