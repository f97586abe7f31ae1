/**
 * Side-panel tabs beyond the poverty tab, and controls over the map: each feature (services and
 * access, nighttime lights, later targeting) registers its own. Order follows `order`.
 */
import type { ComponentType } from 'react';

export interface FeaturePanel {
  id: string;
  order: number;
  label: { th: string; en: string };
  Component: ComponentType;
}

export const FEATURE_PANELS: FeaturePanel[] = [];

export function registerPanel(p: FeaturePanel): void {
  const i = FEATURE_PANELS.findIndex((x) => x.id === p.id);
  if (i >= 0) FEATURE_PANELS.splice(i, 1);
  FEATURE_PANELS.push(p);
  FEATURE_PANELS.sort((a, b) => a.order - b.order);
}

/** Controls drawn over the map (top-left, stacked by order), e.g. the nighttime-lights toggle. */
export interface MapControl {
  id: string;
  order: number;
  Component: ComponentType;
}

export const MAP_CONTROLS: MapControl[] = [];

export function registerMapControl(c: MapControl): void {
  const i = MAP_CONTROLS.findIndex((x) => x.id === c.id);
  if (i >= 0) MAP_CONTROLS.splice(i, 1);
  MAP_CONTROLS.push(c);
  MAP_CONTROLS.sort((a, b) => a.order - b.order);
}
