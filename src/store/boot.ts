/** Start-up: restore the view from the URL, load the embedded dataset in the worker, keep the URL in sync. */
import type { FeatureCollection } from 'geojson';
import { appStore, notify } from './store';
import { applyInit, computeWorker, recompute } from './actions';
import { formatUrlView, parseUrlView } from './url';

export const DEMO_BASE = new URL('demo/', document.baseURI).href;

async function fetchJson<T>(name: string): Promise<T> {
  const res = await fetch(new URL(name, DEMO_BASE).href);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function startApp(): void {
  const v = parseUrlView(location.search);
  const mpi = appStore.getState().mpi;
  appStore.setState({
    ...(v.selection ? { selection: v.selection } : {}),
    ...(v.year ? { year: v.year } : {}),
    ...(v.lang ? { lang: v.lang } : {}),
    ...(v.thaiDigits ? { thaiDigits: true } : {}),
    ...(v.mapMeasure ? { mapMeasure: v.mapMeasure } : {}),
    mpi: { ...mpi, measure: v.rule ?? mpi.measure, k: v.k ?? mpi.k, dimensions: v.dimensions ?? mpi.dimensions, welfare: v.welfare ?? mpi.welfare },
  });
  document.documentElement.lang = appStore.getState().lang;

  // Services per area (a point-in-polygon pass over the subdistrict outlines) once the first map
  // is drawn, so it never delays it.
  const unsubscribeCounts = appStore.subscribe((s, prev) => {
    if (!s.mapReady || prev.mapReady) return;
    unsubscribeCounts();
    computeWorker().serviceCounts().then((serviceCounts) => appStore.setState({ serviceCounts }), (e) => notify('error', `services: ${(e as Error).message}`));
  });

  appStore.subscribe((s, prev) => {
    if (s.selection !== prev.selection || s.year !== prev.year || s.lang !== prev.lang || s.thaiDigits !== prev.thaiDigits || s.mpi !== prev.mpi || s.mapMeasure !== prev.mapMeasure) {
      const url = formatUrlView({
        selection: s.selection, year: s.year, lang: s.lang, thaiDigits: s.thaiDigits,
        rule: s.mpi.measure, k: s.mpi.k, dimensions: [...s.mpi.dimensions], welfare: s.mpi.welfare, mapMeasure: s.mapMeasure,
      });
      if (url !== location.search) history.replaceState(null, '', url);
    }
  });

  void (async () => {
    try {
      const init = await computeWorker().init(DEMO_BASE);
      applyInit(init);
      const b = init.manifest.files.boundaries ?? {};
      const [province, district] = await Promise.all([
        b.province ? fetchJson<FeatureCollection>(b.province) : undefined,
        b.district ? fetchJson<FeatureCollection>(b.district) : undefined,
      ]);
      appStore.setState({ boundaries: { province, district } });
      await recompute();
      appStore.setState({ status: 'ready' });
    } catch (e) {
      appStore.setState({ status: 'error', loadError: (e as Error).message });
    }
  })();
}
