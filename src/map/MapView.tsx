/**
 * The one component that owns the map: a maplibre-gl map with the app-built style and deck.gl
 * layers interleaved through MapLibreOverlay (STACK.md pitfall 1). Layers are rebuilt from state
 * by pure factories; this component only wires events and camera.
 */
import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection } from 'geojson';
import { appStore, notify, type AppState } from '../store/store';
import { select } from '../store/actions';
import { fillLevelForZoom, measureClassed, pointLevelForZoom, subdistrictCentres, valueAt, villageBounds, villagePoints } from '../store/derived';
import { formatMeasure } from '../text/format';
import { areaName } from '../store/names';
import { areaFillLayer, areaPointLayer, selectedPointLayer } from './layers/areaLayers';
import { buildStyle, SUBDISTRICT_MIN_ZOOM } from './style';
import { readerOf } from '../data/workspace/storage';
import { readText } from '../data/dataset';
import { LAYER_SOURCES } from './layerSources';
import { dataExtent } from './dataExtent';
import { parseCameraParam, withCameraParam } from './viewParam';
import { holdPaint } from './paintGate';
import { villageCodeString, levelOfCode } from '../domain/adminCodes';

setWorkerUrl(workerUrl);

export const THAILAND_BOUNDS: LngLatBoundsLike = [[97.3, 5.6], [105.7, 20.5]];

/** Need layers (order 0 fills, 50 points) merged with the registered feature sources by order. */
function buildLayers(s: AppState, zoom: number) {
  const need = buildNeedLayers(s, zoom);
  const stacked: { order: number; layers: Layer[] }[] = [
    { order: 0, layers: need.fills },
    { order: 50, layers: need.points },
    ...LAYER_SOURCES.map((src) => ({ order: src.order, layers: src.build(zoom) })),
  ];
  return stacked.sort((a, b) => a.order - b.order).flatMap((x) => x.layers);
}

function buildNeedLayers(s: AppState, zoom: number): { fills: Layer[]; points: Layer[] } {
  const ds = s.dataset;
  const fills: Layer[] = [];
  const points: Layer[] = [];
  if (!ds || !s.result || s.mapMode !== 'need') return { fills, points };
  const fillLevel = fillLevelForZoom(zoom);
  const fc = s.boundaries[fillLevel];
  const focus = s.selection === 'TH' ? null : s.selection.slice(0, Math.min(4, s.selection.length));
  const fillClassed = measureClassed(s, fillLevel);
  const pointLevel = pointLevelForZoom(zoom);
  if (fc && fillClassed) fills.push(areaFillLayer(`fill-${fillLevel}`, fc, fillClassed, focus, pointLevel ? 0.45 : 1));
  const pointClassed = pointLevel ? measureClassed(s, pointLevel) : null;
  if (pointLevel && s.boundaries.subdistrict && pointClassed) {
    // A workspace without village locations: its subdistrict polygons, filled.
    const sub = pointLevel === 'subdistrict' ? pointClassed : measureClassed(s, 'subdistrict');
    if (sub) fills.push(areaFillLayer('fill-subdistrict', s.boundaries.subdistrict, sub, s.selection === 'TH' ? null : s.selection.slice(0, Math.min(6, s.selection.length)), 1));
  } else if (pointLevel === 'subdistrict' && pointClassed) {
    const pts = { ...subdistrictCentres(ds), people: s.result.levels.subdistrict.people };
    points.push(areaPointLayer('points-subdistrict', pts, pointClassed, 0.05, focus));
  } else if (pointLevel === 'village' && pointClassed) {
    const pts = { ...villagePoints(ds), people: s.result.levels.village.people };
    points.push(areaPointLayer('points-village', pts, pointClassed, 0.25, focus));
  }
  const sel = s.selection;
  if (pointLevel && (sel.length === 8 || (sel.length === 6 && pointLevel === 'subdistrict'))) {
    const set = sel.length === 8 ? villagePoints(ds) : subdistrictCentres(ds);
    const i = ds.position.get(sel);
    if (i !== undefined && Number.isFinite(set.lon[i])) points.push(selectedPointLayer('points-selected', set.lon[i], set.lat[i]));
  }
  return { fills, points };
}

// The render key must change whenever the polygons do: the measures and the polygons arrive side
// by side, and a key that saw only the measures would leave the map unfilled (CI, stop 12).
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = nextIdentity++));
  return id;
}

function codeOfPick(info: PickingInfo, s: AppState): string | null {
  if (!info.object && info.index < 0) return null;
  const id = info.layer?.id ?? '';
  if (id.startsWith('fill-')) return String((info.object as Feature).properties?.code);
  if (id === 'points-subdistrict' && s.dataset) return s.dataset.levelCodes.subdistrict[info.index];
  if (id === 'points-village' && s.dataset) return villageCodeString(s.dataset.villageCode[info.index]);
  return null;
}

/** The selection's polygon when boundaries of its level are loaded (provinces, districts). */
function boundaryFeature(s: AppState): Feature | undefined {
  if (s.selection === 'TH') return undefined;
  const level = levelOfCode(s.selection);
  const fc = level === 'province' || level === 'district' ? s.boundaries[level] : undefined;
  return fc?.features.find((x) => x.properties?.code === s.selection);
}

function selectionBounds(s: AppState): [number, number, number, number] | null {
  if (!s.dataset) return null;
  if (s.selection === 'TH') return [97.3, 5.6, 105.7, 20.5];
  const f = boundaryFeature(s);
  if (f) return bbox(f) as [number, number, number, number];
  return villageBounds(s.dataset, s.selection);
}

/** A village is shown among its neighbours (zoom 11), a subdistrict with its villages. */
function maxZoomFor(code: string): number {
  return code.length === 8 ? 11 : code.length === 6 ? 11.5 : 12;
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A camera in the URL (a reload, a shared link) wins over every automatic fit of this load.
    performance.mark('cheepao:map-constructing');
    const camera0 = parseCameraParam(location.search);
    const map = new MapLibreMap({
      container: container.current!,
      style: buildStyle(),
      ...(camera0 ? { center: [camera0.lon, camera0.lat] as [number, number], zoom: camera0.zoom } : { bounds: THAILAND_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      attributionControl: { compact: false, customAttribution: 'Basemap: Natural Earth (public domain) · Cheepao' },
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    performance.mark('cheepao:map-created');
    // Nothing is painted until the first frame can show the map with its layers (paintGate.ts).
    const gate = holdPaint(map, () => performance.mark('cheepao:gate-open'));
    map.touchZoomRotate.disableRotation();
    // deck.gl creates its GPU device asynchronously and draws nothing before; maplibre can go idle
    // first, so "ready" waits for deck (CI stop 12 read an unfilled first frame).
    let deckLoaded = false;
    let currentLayers: Layer[] = [];
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onLoad: () => {
        performance.mark('cheepao:deck-device');
        deckLoaded = true;
        // Layers built while the device was being created are handed over now (see render()).
        if (currentLayers.length) overlay.setProps({ layers: currentLayers });
        // deck's picking camera is the map's at the overlay's creation and follows 'move' events
        // only from now on (the wrapper that called us starts listening after we return): a camera
        // change meanwhile (a URL view, a fit to the workspace) would be missed until the next
        // move. A 'move' event of the same camera, once listening, brings it level (a jumpTo would
        // also fire 'moveend' and write the camera into the URL).
        setTimeout(() => map.fire('move'), 0);
        map.triggerRepaint();
        maybeOpenGate();
      },
      getTooltip: (info) => {
        const src = info.layer && LAYER_SOURCES.find((x) => info.layer!.id.startsWith(`${x.id}-`));
        if (src) {
          const text = src.tooltip?.(info.layer!.id, info.index, info.object, info.coordinate as [number, number] | undefined) ?? null;
          return text ? { text } : null;
        }
        const s = appStore.getState();
        const code = codeOfPick(info, s);
        if (!code || !s.dataset) return null;
        const v = valueAt(s.result, s.dataset, code, s.mapMeasure);
        return { text: `${areaName(s.dataset, code, s.lang)}\n${formatMeasure(v, s.mapMeasure, s.lang, s.thaiDigits)}` };
      },
    });
    map.addControl(overlay);
    // Selection through maplibre's own click (fires only for a click, not a drag) and an explicit
    // pick with a small radius, so thin polygons and small dots are easy to hit on a projector.
    map.on('click', (e) => {
      const info = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 3 });
      const src = info?.layer && LAYER_SOURCES.find((x) => info.layer!.id.startsWith(`${x.id}-`));
      if (src && info && src.click?.(info.layer!.id, info.index, info.object)) return;
      const code = info ? codeOfPick(info, appStore.getState()) : null;
      if (code) select(code);
    });

    let ready = false;
    let lastKey = '';
    // While the briefing or a deck export covers the app (body classes, briefing.css) this map is
    // out of layout, yet each slide's view would rebuild its layers, tessellate them and animate a
    // 600 ms fly to the selection at 400 × 300 in software WebGL, competing with the maps on
    // screen (issue 15 §4). Once the map has been ready, it waits and catches up on return.
    const covered = () => ready && (document.body.classList.contains('cheepao-briefing') || document.body.classList.contains('cheepao-exporting'));
    let missed = false, missedFit = false;
    const render = () => {
      if (covered()) { missed = true; return; }
      const s = appStore.getState();
      const zoom = map.getZoom();
      // Half-zoom buckets let feature layers (service symbols) resize as the user zooms; the
      // factories are pure and data keeps its identity, so a rebuild only diffs props.
      const key = [s.dataset?.id, s.mapMode, s.result?.key, s.mapMeasure, JSON.stringify(s.classification), s.selection, Math.floor(zoom * 2), identity(s.boundaries)].join('|');
      if (key === lastKey) return;
      lastKey = key;
      if (Math.abs(s.zoom - zoom) > 1e-6) appStore.setState({ zoom });
      document.body.dataset.mapReady = '0';
      const layers = buildLayers(s, zoom);
      // What is drawn, for tests and for anyone reading the page: the deck layer ids.
      document.body.dataset.mapLayers = layers.map((l) => l.id).join(' ');
      currentLayers = layers;
      // Not before deck's device exists: the overlay's setProps passes all its props, our onLoad
      // among them, to the Deck, replacing the onLoad wrapper with which @deck.gl/maplibre
      // (deck-utils createMapLibreDeckInstance) starts following the map's 'move' events. Picking
      // then kept the camera of the map's creation while drawing followed the map: a click on
      // Bangkok selected Chachoengsao once the demo's data came before the device (issue 16 §3).
      if (deckLoaded) overlay.setProps({ layers });
      map.triggerRepaint();
      maybeOpenGate();
    };
    // deck.gl's interleaved overlay draws a layer only inside its group, a maplibre custom layer it
    // adds when the layers are set and the style is loaded (@deck.gl/maplibre
    // resolveMapLibreLayerGroups). A layer set while a GeoJSON source was still parsing (the
    // outlines arrive with the fills) got no group and drew nothing: CI (stop 12) read a "ready"
    // map without its fills, and a probe here 2 loads in 16. So at idle, layers without their
    // group are set again, and "ready" waits for the frame that draws them.
    const groupMissing = () =>
      currentLayers.some((l) => !map.getLayer((l.props as { beforeId?: string }).beforeId ? `deck-maplibre-layer-group-before:${(l.props as { beforeId?: string }).beforeId}` : 'deck-maplibre-layer-group-last'));
    const onIdle = () => {
      const s = appStore.getState();
      // No frame has been painted yet: "ready" must wait for one.
      if (!gate.isOpen) {
        maybeOpenGate();
        return;
      }
      if (deckLoaded && map.isStyleLoaded() && groupMissing()) {
        overlay.setProps({ layers: currentLayers });
        map.triggerRepaint();
        return;
      }
      if (!deckLoaded || s.status !== 'ready' || !s.result || !lastKey) return;
      document.body.dataset.mapReady = '1';
      if (!ready) {
        performance.mark('cheepao:map-ready');
        ready = true;
        appStore.setState({ mapReady: true });
      }
    };
    map.on('idle', onIdle);
    // The first frame is worth painting once deck has its device, the style is loaded and the
    // first layers are set (or the data failed or is absent, and the basemap is all there is).
    const maybeOpenGate = () => {
      if (gate.isOpen || !deckLoaded || !map.isStyleLoaded()) return;
      const s = appStore.getState();
      if (!currentLayers.length && s.status === 'loading') return;
      if (groupMissing()) overlay.setProps({ layers: currentLayers });
      gate.open();
    };
    const unsubscribeSources = LAYER_SOURCES.map((src) =>
      src.subscribe(() => {
        lastKey = '';
        render();
      }),
    );
    map.on('zoomend', render);

    // Subdistrict outlines are context for the point views: read once per workspace, from that
    // workspace's own files (its display copy when it has one), when first needed.
    let subdistrictFor: string | null = null;
    const loadSubdistricts = () => {
      const ds = appStore.getState().dataset;
      const files = ds?.manifest.files;
      const name = files?.boundaryDisplay?.subdistrict ?? files?.boundaries?.subdistrict;
      if (!ds || subdistrictFor === ds.id || !styleLoaded || map.getZoom() < SUBDISTRICT_MIN_ZOOM - 0.5) return;
      subdistrictFor = ds.id;
      const source = map.getSource('subdistrict') as GeoJSONSource;
      if (!name) {
        source.setData({ type: 'FeatureCollection', features: [] });
        return;
      }
      readText(readerOf(ds.ref), name)
        .then((text) => {
          if (appStore.getState().dataset?.id === ds.id) source.setData(JSON.parse(text) as FeatureCollection);
        })
        .catch((e: Error) => {
          subdistrictFor = null;
          notify('error', e.message);
        });
    };
    map.on('zoomend', loadSubdistricts);

    let styleLoaded = false;
    // The state maplibre's sources were last given; while covered (briefing, export) they wait, and
    // catch up from it on return: a new 'selected' outline made maplibre re-tile and draw a frame
    // behind the briefing on each slide, and the briefing's frames waited for it (issue 15 §4).
    let synced: AppState | undefined;
    let syncWaits = false;
    const syncSources = (s: AppState, prev?: AppState) => {
      if (!styleLoaded) return;
      if (covered()) {
        if (!syncWaits) synced = prev;
        syncWaits = true;
        return;
      }
      if (syncWaits) {
        prev = synced;
        syncWaits = false;
      }
      if (s.boundaries !== prev?.boundaries) {
        const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
        (map.getSource('province') as GeoJSONSource).setData(s.boundaries.province ?? empty);
        (map.getSource('district') as GeoJSONSource).setData(s.boundaries.district ?? empty);
      }
      if (s.selection !== prev?.selection || s.boundaries !== prev?.boundaries) {
        const f = boundaryFeature(s);
        const fc: FeatureCollection = { type: 'FeatureCollection', features: f ? [f] : [] };
        (map.getSource('selected') as GeoJSONSource).setData(fc);
      }
    };
    // The workspace's outlines go to maplibre as soon as the style's sources exist ('style.load'),
    // not at 'load': that waits for the countries outline to be fetched and tiled in maplibre's
    // worker and for a first frame, and the outlines' own tiling then came after it (issue 16).
    map.once('style.load', () => {
      performance.mark('cheepao:style-parsed');
      styleLoaded = true;
      syncSources(appStore.getState());
      render();
      loadSubdistricts();
    });
    map.on('load', () => {
      performance.mark('cheepao:style-loaded');
      render();
      maybeOpenGate();
    });

    // Fit to the data after an import or a workspace switch (issue 15 item 5), once the new
    // workspace's polygons have arrived (actions.ts resets them with the dataset, then loads them).
    let pendingFit: string | null = camera0 ? null : appStore.getState().dataset?.id ?? '*';
    let skipUrlFit = camera0 !== null;
    const fitToData = (s: AppState) => {
      const ds = s.dataset;
      if (!ds || s.selection !== 'TH') return;
      const e = dataExtent(s.boundaries.province, ds.levelCodes.province, ds.lon, ds.lat);
      if (!e) return;
      // National data already fills the view: moving it would only shift the map a few pixels.
      const v = map.getBounds();
      const viewArea = (v.getEast() - v.getWest()) * (v.getNorth() - v.getSouth());
      if ((e[2] - e[0]) * (e[3] - e[1]) > 0.5 * viewArea) return;
      map.fitBounds([[e[0], e[1]], [e[2], e[3]]], { padding: 40, maxZoom: 11, duration: 0 });
    };
    const writeCamera = () => {
      const c = map.getCenter();
      const search = withCameraParam(location.search, { zoom: map.getZoom(), lat: c.lat, lon: c.lng });
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    };
    map.on('moveend', writeCamera);

    const unsubscribe = appStore.subscribe((s, prev) => {
      syncSources(s, prev);
      if (s.dataset && (s.dataset.id !== prev.dataset?.id || s.dataset.manifest !== prev.dataset?.manifest)) {
        if (prev.dataset) skipUrlFit = false; // a switch, not the first load: fit the new data
        pendingFit = skipUrlFit ? null : s.dataset.id;
      } else if (s.dataset && pendingFit && (pendingFit === s.dataset.id || pendingFit === '*') && s.boundaries !== prev.boundaries) {
        pendingFit = null;
        fitToData(s);
      }
      if (s.dataset?.id !== prev.dataset?.id) loadSubdistricts();
      if (s.selection !== prev.selection && s.dataset && covered()) missedFit = true;
      else if (s.selection !== prev.selection && s.dataset) {
        const b = selectionBounds(s);
        if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: maxZoomFor(s.selection), duration: 600 });
      }
      render();
    });

    // A link that restores a selection zooms there once the data has arrived.
    const unsubscribeFirst = appStore.subscribe((s, prev) => {
      if (s.boundaries.province && !prev.boundaries.province && s.selection !== 'TH' && !skipUrlFit) {
        const b = selectionBounds(s);
        if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: maxZoomFor(s.selection), duration: 0 });
      }
    });

    const uncovered = new MutationObserver(() => {
      if (covered() || (!missed && !missedFit && !syncWaits)) return;
      if (syncWaits) syncSources(appStore.getState());
      if (missedFit) {
        const b = selectionBounds(appStore.getState());
        if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: maxZoomFor(appStore.getState().selection), duration: 0 });
      }
      missed = missedFit = false;
      lastKey = '';
      render();
    });
    uncovered.observe(document.body, { attributes: true, attributeFilter: ['class'] });

    (window as unknown as { __cheepaoMap?: MapLibreMap }).__cheepaoMap = map;
    return () => {
      uncovered.disconnect();
      gate.dispose();
      unsubscribe();
      unsubscribeFirst();
      unsubscribeSources.forEach((u) => u());
      map.remove();
    };
  }, []);

  return <div ref={container} className="map" data-testid="map" />;
}
