import { Suspense, useEffect, useRef, useState } from 'react';
import { useApp } from '../store/store';
import { FEATURE_PANELS, MAP_CONTROLS } from '../ui/panelRegistry';
import { MapView } from '../map/MapView';
import { Header } from '../ui/Header';
import { Breadcrumb } from '../ui/Breadcrumb';
import { DetailPanel } from '../ui/DetailPanel';
import { MeasurePanel } from '../ui/MeasurePanel';
import { Legend } from '../ui/Legend';
import { Notices } from '../ui/Notices';
import { DropZone } from '../ui/DropZone';
import { t } from '../text/i18n';

export function App() {
  const lang = useApp((s) => s.lang);
  const status = useApp((s) => s.status);
  const loadError = useApp((s) => s.loadError);
  const selection = useApp((s) => s.selection);
  const side = useRef<HTMLElement>(null);
  // A new selection starts reading from the top of its panel.
  // (Braces matter: scrollTo returns a Promise in current Chromium, and an effect must not.)
  useEffect(() => {
    side.current?.scrollTo({ top: 0 });
  }, [selection]);
  return (
    <div className="app">
      <Header />
      <main className="body">
        <section className="map-wrap">
          <MapView />
          {MAP_CONTROLS.length > 0 && (
            <div className="map-controls">
              {MAP_CONTROLS.map((c) => <c.Component key={c.id} />)}
            </div>
          )}
          <Legend />
          {status === 'loading' && <div className="loading" role="status">{t('loading', lang)}</div>}
          {status === 'error' && (
            <div className="load-error" role="alert">
              {t('errorTitle', lang)}: {loadError}
            </div>
          )}
        </section>
        <aside className="side" ref={side}>
          <Breadcrumb />
          <SideTabs />
        </aside>
      </main>
      <Notices />
      <DropZone />
    </div>
  );
}

/** The poverty tab plus one tab per registered feature panel. */
function SideTabs() {
  const lang = useApp((s) => s.lang);
  const [tab, setTab] = useState('poverty');
  const tabs = [{ id: 'poverty', label: { th: 'ความยากจน', en: 'Poverty' } }, ...FEATURE_PANELS];
  const active = FEATURE_PANELS.find((p) => p.id === tab);
  return (
    <>
      {tabs.length > 1 && (
        <div className="tabs" role="tablist">
          {tabs.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'on' : ''} onClick={() => setTab(x.id)} data-testid={`tab-${x.id}`}>
              {x.label[lang]}
            </button>
          ))}
        </div>
      )}
      {active ? (
        <Suspense fallback={<p className="muted" role="status">{t('loading', lang)}</p>}>
          <active.Component />
        </Suspense>
      ) : (<><MeasurePanel /><DetailPanel /></>)}
    </>
  );
}
