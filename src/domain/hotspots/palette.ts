/**
 * Colours of the named clusters for maps and legends (the legend always labels them: never colour
 * alone). Hot = red, cold = blue, the two outlier kinds their pale versions (GeoDa's convention),
 * not significant light grey, isolated mid grey.
 */
import type { ClusterLabel } from './localMoran';

export const CLUSTER_COLOURS: Readonly<Record<ClusterLabel, string>> = {
  'high-high': '#d7301f',
  'low-low': '#2b6cb0',
  'high-low': '#f4a582',
  'low-high': '#92c5de',
  not_significant: '#e6e6e6',
  isolated: '#8c8c8c',
  no_data: '#ffffff',
};
