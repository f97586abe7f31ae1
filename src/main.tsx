import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled Thai font: the app must render Thai offline and independent of the OS (DESIGN.md §5).
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import './features';
import { App } from './app/App';
import { startApp } from './store/boot';

// Start-up steps as performance marks (cheepao:*), read by the bench (scripts/bench/app.ts).
performance.mark('cheepao:modules-evaluated');
void document.fonts.ready.then(() => performance.mark('cheepao:fonts-ready'));
startApp();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
