/**
 * Targeting and hot spots (issue 9): registers the "ชี้เป้า" tab, the map layers of the targeting
 * and hot-spot map modes, and their legend as a map control, and follows the app state (a new
 * workspace, year or poverty rule re-ranks from that workspace's own layers).
 */
import { registerMapControl, lazyPanel, registerPanel } from '../ui/panelRegistry';
import { registerLayerSource } from '../map/layerSources';
import { targetingSource } from '../map/sources/targeting';
import { TargetingLegend } from '../ui/targeting/TargetingLegend';
import { wireTargeting } from '../store/targetingStore';
import { tg } from '../text/targetingStrings';

registerPanel({ id: 'targeting', order: 40, label: { th: tg('tab', 'th'), en: tg('tab', 'en') }, Component: lazyPanel(() => import('../ui/targeting/TargetingPanel'), 'TargetingPanel') });
registerLayerSource(targetingSource);
registerMapControl({ id: 'targeting-legend', order: 40, Component: TargetingLegend });
wireTargeting();
