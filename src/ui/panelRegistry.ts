/**
 * Side-panel tabs beyond the poverty tab, and controls over the map: each feature (services and
 * access, nighttime lights, later targeting) registers its own. Order follows `order`.
 */
import { lazy, type ComponentType } from 'react';
import { orderedRegistry } from '../registry';

export interface FeaturePanel {
  id: string;
  order: number;
  label: { th: string; en: string };
  Component: ComponentType;
}

/** Controls drawn over the map (top-left, stacked by order), e.g. the nighttime-lights toggle. */
export interface MapControl {
  id: string;
  order: number;
  Component: ComponentType;
}

const panels = orderedRegistry<FeaturePanel>();
export const FEATURE_PANELS = panels.items;
export const registerPanel = panels.register;

const controls = orderedRegistry<MapControl>();
export const MAP_CONTROLS = controls.items;
export const registerMapControl = controls.register;

/**
 * A panel whose code loads when its tab is first opened: the side tabs beyond the poverty tab are
 * not needed for the first map, and their modules (charts, tables, exports) kept the main bundle
 * larger than the first map could afford (DESIGN.md quality bar: first map ≤ 3 s). The tab host
 * renders it inside <Suspense>.
 */
export function lazyPanel<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Panel: ComponentType = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return Panel;
}
