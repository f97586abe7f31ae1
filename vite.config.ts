import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// data/ is the public dir: the embedded demo dataset is served at ./demo/… and copied into
// dist/ by the build, so the app needs no server of its own and no request leaves the machine.
export default defineConfig({
  base: './',
  publicDir: 'data',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 3000, reportCompressedSize: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
