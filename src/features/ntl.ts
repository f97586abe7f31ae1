/**
 * Nighttime lights (issue 4): registers the "lights" side-panel tab, the raster map layer and the
 * GeoTIFF file handler and the lights control over the map (toggle, opacity, legend), and starts
 * following the app state (the demo raster loads in the lights worker once the dataset is there).
 */
import { registerMapControl, lazyPanel, registerPanel } from '../ui/panelRegistry';
import { registerLayerSource } from '../map/layerSources';
import { registerFileHandler } from '../ui/fileHandlers';
import { ntlSource } from '../map/sources/ntl';
import { acceptsGeoTiff, openNtlFile, wireNtl } from '../store/ntlStore';
import { NtlMapControl } from '../ui/ntl/NtlMapControl';
import { tn } from '../text/ntlStrings';

registerPanel({ id: 'lights', order: 30, label: { th: tn('tab', 'th'), en: tn('tab', 'en') }, Component: lazyPanel(() => import('../ui/ntl/NtlPanel'), 'NtlPanel') });
registerLayerSource(ntlSource);
registerFileHandler({
  id: 'ntl-geotiff',
  label: { th: 'ภาพแสงไฟยามค่ำคืน (GeoTIFF)', en: 'nighttime-light raster (GeoTIFF)' },
  accepts: acceptsGeoTiff,
  handle: openNtlFile,
});
wireNtl();

registerMapControl({ id: 'lights', order: 10, Component: NtlMapControl });
