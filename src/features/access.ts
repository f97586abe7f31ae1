/**
 * Services and access (issue 5): registers the side-panel tab, the map layers (far villages,
 * services, nearest-service lines) and the handler for dropped service lists, and starts
 * following the app state (services load with the dataset).
 */
import { lazyPanel, registerPanel } from '../ui/panelRegistry';
import { registerLayerSource } from '../map/layerSources';
import { registerFileHandler } from '../ui/fileHandlers';
import { farVillagesSource, nearestLinesSource, servicesSource } from '../map/sources/access';
import { acceptsServiceFile, importServiceFile, wireAccess } from '../store/accessStore';
import { tx } from '../text/accessStrings';

registerPanel({ id: 'access', order: 20, label: { th: tx('tab', 'th'), en: tx('tab', 'en') }, Component: lazyPanel(() => import('../ui/access/AccessPanel'), 'AccessPanel') });
registerLayerSource(farVillagesSource);
registerLayerSource(servicesSource);
registerLayerSource(nearestLinesSource);
registerFileHandler({
  id: 'services',
  label: { th: 'รายชื่อสถานบริการ', en: 'service list' },
  accepts: acceptsServiceFile,
  handle: importServiceFile,
});
wireAccess();
