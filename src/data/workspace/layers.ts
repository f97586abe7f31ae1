/**
 * The layers of a workspace (DESIGN.md §3): explicit in manifests the workspace import writes,
 * derived from `files` for version-1 manifests (the demo), where every layer takes the dataset's
 * synthetic flag and source line.
 */
import type { DatasetManifest, LayerKind, WorkspaceLayer } from '../datasetFormat';

export function layersOf(m: DatasetManifest): WorkspaceLayer[] {
  if (m.layers) return m.layers;
  const source = { files: [], importedAt: String(m.meta?.generatedAt ?? ''), attribution: m.source };
  const out: WorkspaceLayer[] = [];
  const add = (kind: LayerKind, files: string[], summary: string, extra: Partial<WorkspaceLayer> = {}) =>
    out.push({ id: extra.level ? `${kind}:${extra.level}` : extra.year ? `${kind}:${extra.year}` : kind, kind, files, synthetic: m.synthetic, source, summary, ...extra });
  for (const [level, f] of Object.entries(m.files.boundaries ?? {})) if (f) add('boundaries', [f], `${level} polygons`, { level: level as WorkspaceLayer['level'] });
  if (m.files.villages) add('villages', [m.files.villages], 'village locations');
  for (const [year, f] of Object.entries(m.files.profiles ?? {})) add('poverty', [f], `household profiles ${year}`, { year: Number(year) });
  for (const [year, f] of Object.entries(m.files.tpmapCounts ?? {})) add('poverty', [f], `TPMAP tables ${year}`, { year: Number(year) });
  if (m.files.services) add('services', [m.files.services], 'public services');
  if (m.files.ntl) add('lights', [m.files.ntl], 'nighttime lights');
  if (m.files.villageBasic) add('village_data', [m.files.villageBasic], 'village basic data');
  if (m.files.records) add('records', [m.files.records], 'assistance records');
  return out;
}

/** The layers of one kind (boundaries: of one level). */
export function layerOf(m: DatasetManifest, kind: LayerKind, level?: string): WorkspaceLayer | undefined {
  return layersOf(m).find((l) => l.kind === kind && (level === undefined || l.level === level));
}

/** Names of the synthetic layers (`cli summary`'s synthetic_layers; [] for a real workspace). */
export function syntheticLayerIds(m: DatasetManifest): string[] {
  return layersOf(m).filter((l) => l.synthetic).map((l) => l.id);
}

/** Replace the layers with the same id, keep the rest (a re-import of a level replaces it). */
export function withLayers(existing: WorkspaceLayer[], added: WorkspaceLayer[]): WorkspaceLayer[] {
  const ids = new Set(added.map((l) => l.id));
  return [...existing.filter((l) => !ids.has(l.id)), ...added].sort((a, b) => a.id.localeCompare(b.id));
}
