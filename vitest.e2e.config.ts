import { defineConfig } from 'vitest/config';

// End-to-end tests in headless Debian chromium against the production build (vite preview).
// Software WebGL is slow (STACK.md), so files run one at a time with generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    environment: 'node',
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
