import { useApp } from '../store/store';
import { MapView } from '../map/MapView';
import { Header } from './Header';
import { Breadcrumb } from './Breadcrumb';
import { DetailPanel } from './DetailPanel';
import { MeasurePanel } from './MeasurePanel';
import { Legend } from './Legend';
import { Notices } from './Notices';
import { DropZone } from './DropZone';
import { t } from './i18n';

export function App() {
  const lang = useApp((s) => s.lang);
  const status = useApp((s) => s.status);
  const loadError = useApp((s) => s.loadError);
  return (
    <div className="app">
      <Header />
      <main className="body">
        <section className="map-wrap">
          <MapView />
          <Legend />
          {status === 'loading' && <div className="loading" role="status">{t('loading', lang)}</div>}
          {status === 'error' && (
            <div className="load-error" role="alert">
              {t('errorTitle', lang)}: {loadError}
            </div>
          )}
        </section>
        <aside className="side">
          <Breadcrumb />
          <MeasurePanel />
          <DetailPanel />
        </aside>
      </main>
      <Notices />
      <DropZone />
    </div>
  );
}
