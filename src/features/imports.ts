/**
 * Workspace imports (issue 8): every dropped or opened file goes to the one workspace import in
 * the compute worker (src/data/workspace/importWorkspace.ts classifies it: TPMAP exports,
 * household CSV, boundaries, village points, village basic data, services, GeoTIFF lights; CSV,
 * GeoJSON, Shapefile — zipped or its loose parts together —, KML/KMZ and Excel workbooks).
 * A service file whose types need the user's mapping falls back to the access tab's mapping step.
 */
import { importFiles } from '../store/actions';
import { registerFileHandler } from '../ui/fileHandlers';
import { lazyPanel, registerPanel } from '../ui/panelRegistry';

registerFileHandler({
  id: 'workspace',
  label: { th: 'ไฟล์ข้อมูลของพื้นที่ทำงาน', en: 'workspace files' },
  // The classifier (CSV and GeoJSON sniffing, proj4 for village points) loads with the first
  // file, not with the first map.
  accepts: async (name, head) => (await import('../data/workspace/classify')).acceptsFile(name, head),
  handle: async (file) => void (await importFiles([{ name: file.name, file }])),
  handleMany: async (files) => void (await importFiles(files.map((f) => ({ name: f.name, file: f })))),
});

registerPanel({ id: 'workspace', order: 5, label: { th: 'ข้อมูล', en: 'Data' }, Component: lazyPanel(() => import('../ui/workspace/WorkspacePanel'), 'WorkspacePanel') });
