/**
 * Feature layers beyond the need map (nighttime lights, services, access highlights) plug into
 * the one map component through this list: each source builds its deck.gl layers from its own
 * store with pure factories and tells the map when to rebuild. `order` stacks them: lower draws
 * first (the need choropleth is 0, need points are 50).
 */
import type { Layer } from '@deck.gl/core';
import { orderedRegistry } from '../registry';

export interface LayerSource {
  id: string;
  order: number;
  /** Layers for the current zoom; [] when the feature is off or has no data. */
  build: (zoom: number) => Layer[];
  /** Calls `onChange` whenever build() would return something different; returns an unsubscribe. */
  subscribe: (onChange: () => void) => () => void;
  /** Optional tooltip for picks on this source's layers (layer ids must start with `${id}-`). */
  tooltip?: (layerId: string, index: number, object: unknown, coordinate?: [number, number]) => string | null;
  /** Optional click handler for picks on this source's layers; return true when handled. */
  click?: (layerId: string, index: number, object: unknown) => boolean;
}

const sources = orderedRegistry<LayerSource>();
export const LAYER_SOURCES = sources.items;
export const registerLayerSource = sources.register;
