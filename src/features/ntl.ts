/**
 * Nighttime lights (issue 4): registers the "lights" side-panel tab, the raster map layer and the
 * GeoTIFF file handler, mounts the lights control (toggle, opacity, legend) on the map, and starts
 * following the app state (the demo raster loads in the lights worker once the dataset is there).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { registerPanel } from '../ui/panelRegistry';
import { registerLayerSource } from '../map/layerSources';
import { registerFileHandler } from '../ui/fileHandlers';
import { ntlSource } from '../map/sources/ntl';
import { acceptsGeoTiff, openNtlFile, wireNtl } from '../store/ntlStore';
import { appStore } from '../store/store';
import { NtlPanel } from '../ui/ntl/NtlPanel';
import { NtlMapControl } from '../ui/ntl/NtlMapControl';
import { tn } from '../ui/ntl/strings';

registerPanel({ id: 'lights', order: 30, label: { th: tn('tab', 'th'), en: tn('tab', 'en') }, Component: NtlPanel });
registerLayerSource(ntlSource);
registerFileHandler({
  id: 'ntl-geotiff',
  label: { th: 'ภาพแสงไฟยามค่ำคืน (GeoTIFF)', en: 'nighttime-light raster (GeoTIFF)' },
  accepts: acceptsGeoTiff,
  handle: openNtlFile,
});
wireNtl();

// The map area has no slot for feature controls: the lights control gets its own React root in
// the map's container, mounted once the app shell has rendered it.
let mounted = false;
function mountControl(): void {
  if (mounted || typeof document === 'undefined') return;
  const wrap = document.querySelector('.map-wrap');
  if (!wrap) return;
  mounted = true;
  const host = document.createElement('div');
  host.className = 'ntl-control-host';
  wrap.appendChild(host);
  createRoot(host).render(createElement(NtlMapControl));
}
const unsubscribe = appStore.subscribe(() => {
  mountControl();
  if (mounted) unsubscribe();
});
