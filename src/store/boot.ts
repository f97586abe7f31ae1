/** Start-up: restore the view from the URL, load the embedded dataset in the worker, keep the URL in sync. */
import { appStore, notify } from './store';
import { activateDataset, applyInit, computeWorker, readDisplayBoundaries, recompute, refreshServiceCounts, refreshWorkspaceList } from './actions';
import { formatUrlView, parseUrlView } from './url';

import { DEMO_BASE, demoInitResult, demoPolygonsResult } from './earlyStart';

export { DEMO_BASE };

export function startApp(): void {
  const v = parseUrlView(location.search);
  const mpi = appStore.getState().mpi;
  appStore.setState({
    ...(v.selection ? { selection: v.selection } : {}),
    ...(v.year ? { year: v.year } : {}),
    ...(v.lang ? { lang: v.lang } : {}),
    ...(v.thaiDigits ? { thaiDigits: true } : {}),
    ...(v.mapMeasure ? { mapMeasure: v.mapMeasure } : {}),
    ...(v.mapMode ? { mapMode: v.mapMode } : {}),
    mpi: { ...mpi, measure: v.rule ?? mpi.measure, k: v.k ?? mpi.k, dimensions: v.dimensions ?? mpi.dimensions, welfare: v.welfare ?? mpi.welfare },
  });
  document.documentElement.lang = appStore.getState().lang;

  // Services per area (a point-in-polygon pass over the subdistrict outlines) once the first map
  // is drawn, so it never delays it.
  const unsubscribeCounts = appStore.subscribe((s, prev) => {
    if (!s.mapReady || prev.mapReady) return;
    unsubscribeCounts();
    refreshServiceCounts().catch((e) => notify('error', `services: ${(e as Error).message}`));
  });

  appStore.subscribe((s, prev) => {
    if (s.selection !== prev.selection || s.year !== prev.year || s.lang !== prev.lang || s.thaiDigits !== prev.thaiDigits || s.mpi !== prev.mpi || s.mapMeasure !== prev.mapMeasure || s.mapMode !== prev.mapMode || s.dataset?.id !== prev.dataset?.id) {
      if (!s.dataset) return;
      const url = formatUrlView({
        workspace: s.dataset.id, selection: s.selection, year: s.year, lang: s.lang, thaiDigits: s.thaiDigits,
        rule: s.mpi.measure, k: s.mpi.k, dimensions: [...s.mpi.dimensions], welfare: s.mpi.welfare, mapMeasure: s.mapMeasure, mapMode: s.mapMode,
      });
      if (url !== location.search) history.replaceState(null, '', url);
    }
  });

  void (async () => {
    try {
      // The URL names the workspace: a reload restores the same one (from IndexedDB). For the demo
      // the page reads the manifest and polygons itself while the worker opens the dataset: the
      // first map needs both, and neither waits for the other.
      const demoRef = { id: 'demo', baseUrl: DEMO_BASE };
      const demoPolygons = v.workspace && v.workspace !== 'demo' ? null : demoPolygonsResult();
      demoPolygons?.catch(() => undefined);
      if (v.workspace && v.workspace !== 'demo') {
        // The named workspace first; the demo opens only if it is asked for (or this one is gone).
        await computeWorker().registerDemo(DEMO_BASE);
        void refreshWorkspaceList();
        const selection = appStore.getState().selection;
        await activateDataset(v.workspace);
        if (appStore.getState().dataset?.id === v.workspace) {
          if (selection !== 'TH' && appStore.getState().dataset!.position.has(selection)) appStore.setState({ selection });
          appStore.setState({ status: 'ready' });
          return;
        }
      }
      const init = await demoInitResult();
      performance.mark('cheepao:worker-init');
      void refreshWorkspaceList();
      applyInit(init);
      // Polygons (main thread) and measures (worker) load side by side: the first map needs both.
      const [boundaries] = await Promise.all([demoPolygons?.then((b) => (performance.mark('cheepao:polygons'), b)) ?? readDisplayBoundaries(demoRef, init.manifest.files, true), recompute().then(() => performance.mark('cheepao:measures'))]);
      if (appStore.getState().dataset?.id === 'demo') appStore.setState({ boundaries });
      appStore.setState({ status: 'ready' });
    } catch (e) {
      appStore.setState({ status: 'error', loadError: (e as Error).message });
    }
  })();
}
