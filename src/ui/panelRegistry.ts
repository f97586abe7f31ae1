/**
 * Side-panel tabs beyond the poverty tab: each feature (services and access, nighttime lights,
 * later targeting) registers one. The tab order follows `order`.
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
