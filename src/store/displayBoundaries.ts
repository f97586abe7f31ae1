/** Display polygons (province, district outlines) of a workspace, for the map. */
import type { FeatureCollection } from 'geojson';
import { readerOf, type WorkspaceRef } from '../data/workspace/storage';
import type { DatasetManifest } from '../data/datasetFormat';
import { readText } from '../data/dataset';
import type { AppState } from './store';

/**
 * The display polygons of a workspace's files. Without village locations the subdistrict level is
 * drawn as filled polygons (no points), so it is read too.
 */
export async function readDisplayBoundaries(ref: WorkspaceRef, files: DatasetManifest['files'], villagesLocated: boolean): Promise<AppState['boundaries']> {
  const read = readerOf(ref);
  const get = async (level: 'province' | 'district' | 'subdistrict') => {
    const name = files.boundaryDisplay?.[level] ?? files.boundaries?.[level];
    return name ? (JSON.parse(await readText(read, name)) as FeatureCollection) : undefined;
  };
  const [province, district, subdistrict] = await Promise.all([get('province'), get('district'), villagesLocated ? undefined : get('subdistrict')]);
  return { province, district, subdistrict };
}
