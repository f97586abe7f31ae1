/**
 * Follow-up of the target group (issue 11): registers the "ติดตามผล / Follow-up" tab, the
 * progress map (a layer source drawn while the map mode is 'progress') and its legend over the
 * map, and starts following the app state. Assistance-records files need no handler of their
 * own: the one workspace import classifies and stores them (data/workspace/importWorkspace.ts).
 */
import { registerMapControl, lazyPanel, registerPanel } from '../ui/panelRegistry';
import { registerLayerSource } from '../map/layerSources';
import { progressSource } from '../map/sources/progress';
import { ProgressMapControl } from '../ui/progress/ProgressMapControl';
import { wireProgress } from '../store/progressStore';
import { tp } from '../text/progressStrings';

registerPanel({ id: 'progress', order: 50, label: { th: tp('tab', 'th'), en: tp('tab', 'en') }, Component: lazyPanel(() => import('../ui/progress/ProgressPanel'), 'ProgressPanel') });
registerLayerSource(progressSource);
registerMapControl({ id: 'progress', order: 40, Component: ProgressMapControl });
wireProgress();
