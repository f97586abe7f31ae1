/**
 * Compare provinces, briefing mode and slides (issue 10): registers the national-table and
 * slides tabs and the briefing control over the map (which also mounts the compare and briefing
 * views), gives the panels their maps (small multiples through src/map/MiniMap.tsx, so ui/ never
 * imports maplibre or deck.gl), and wires URL, persistence and year data (compareStore.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { registerMapControl, registerPanel } from '../ui/panelRegistry';
import { LAYER_SOURCES } from '../map/layerSources';
import { MiniMap, renderMapImages, StillMap, ZoomGroup, type AreaMapView } from '../map/MiniMap';
import { appStore, useApp, type AppState } from '../store/store';
import { measureClassed } from '../store/derived';
import { mapSlot, type MapSpec } from '../ui/compare/mapSlot';
import { viewHooks, wireCompare } from '../ui/compare/compareStore';
import { NationalTable } from '../ui/compare/NationalTable';
import { CompareControl } from '../ui/compare/CompareControl';
import { SlidesPanel } from '../ui/briefing/SlidesPanel';
import { tc } from '../ui/compare/text';

function viewOf(s: AppState, spec: MapSpec): AreaMapView | null {
  const level = spec.code === 'TH' ? 'province' : 'district';
  const features = s.boundaries[level];
  const classed = measureClassed(s, level);
  if (!features || !classed) return null;
  return { code: spec.code, features, classed, provinces: s.boundaries.province, districts: s.boundaries.district, labels: spec.labels, thick: spec.thick, mode: s.mapMode };
}

/** Bumps whenever a registered layer source would draw something different (a ranking arrived, lights on). */
function useSourcesVersion(): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const un = LAYER_SOURCES.map((src) => src.subscribe(() => setN((x) => x + 1)));
    return () => un.forEach((u) => u());
  }, []);
  return n;
}

function SpecMap({ spec, group, testId, className, still }: { spec: MapSpec | null; group?: unknown; testId?: string; className?: string; still?: boolean }) {
  const result = useApp((s) => s.result);
  const boundaries = useApp((s) => s.boundaries);
  const mapMeasure = useApp((s) => s.mapMeasure);
  const classification = useApp((s) => s.classification);
  const mapMode = useApp((s) => s.mapMode);
  const sources = useSourcesVersion();
  const view = useMemo(() => (spec ? viewOf(appStore.getState(), spec) : null), [result, boundaries, mapMeasure, classification, mapMode, sources, spec?.code, spec?.labels, spec?.thick]);
  const Comp = still ? StillMap : MiniMap;
  return <Comp view={view} group={group instanceof ZoomGroup ? group : undefined} testId={testId} className={className} />;
}

mapSlot.Map = SpecMap;
mapSlot.newGroup = () => new ZoomGroup();
mapSlot.renderImages = (specs, w, h) => {
  const s = appStore.getState();
  const views = specs.map((sp) => viewOf(s, sp)).filter((v): v is AreaMapView => v !== null);
  return renderMapImages(views, w, h);
};
viewHooks.layersOn = () => LAYER_SOURCES.filter((src) => src.build(appStore.getState().zoom).length > 0).map((src) => src.id);

registerPanel({ id: 'compare', order: 40, label: { th: tc('tabCompare', 'th'), en: tc('tabCompare', 'en') }, Component: NationalTable });
registerPanel({ id: 'slides', order: 45, label: { th: tc('tabSlides', 'th'), en: tc('tabSlides', 'en') }, Component: SlidesPanel });
registerMapControl({ id: 'briefing', order: 30, Component: CompareControl });
wireCompare();
