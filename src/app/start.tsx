/**
 * The app chunk: React, the map (maplibre-gl, deck.gl) and every feature. Imported by the entry
 * (src/main.tsx) once the compute worker has been started (store/earlyStart.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prewarm } from 'maplibre-gl';
import '../features';
import { App } from './App';
import { startApp } from '../store/boot';

// Start-up steps as performance marks (cheepao:*), read by the bench (scripts/bench/app.ts).
performance.mark('cheepao:modules-evaluated');
void document.fonts.ready.then(() => performance.mark('cheepao:fonts-ready'));
startApp();
// maplibre's worker (it parses the GeoJSON sources) starts now, before React renders the map and
// the WebGL context takes the main thread (MapView.tsx set its URL when it was evaluated).
prewarm();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
