/**
 * Feature modules, imported once at start-up before the map mounts. Each registers what it adds
 * through the plug-in lists: map layers (map/layerSources.ts), side-panel tabs
 * (ui/panelRegistry.ts) and dropped-file handlers (ui/fileHandlers.ts). One line per feature.
 */
import './features/imports';
import './features/ntl';
import './features/access';
import './features/compare';
import './features/progress';
import './features/targeting';
