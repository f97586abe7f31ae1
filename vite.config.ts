import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The entry chunk imports the app chunk (src/app/start.tsx) dynamically, after it has started the
 * compute worker (src/store/earlyStart.ts). A modulepreload link lets the browser fetch and compile
 * the app chunk while the entry runs, instead of only once import() is reached (issue 16).
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'cheepao-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!chunk) return html;
        return { html, tags: [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }] };
      },
    },
  };
}

// data/ is the public dir: the embedded demo dataset is served at ./demo/… and copied into
// dist/ by the build, so the app needs no server of its own and no request leaves the machine.
export default defineConfig({
  base: './',
  publicDir: 'data',
  plugins: [react(), preloadAppChunk()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 3000, reportCompressedSize: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
