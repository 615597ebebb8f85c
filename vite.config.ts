import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { studioProxyPlugin } from './proxy/dev-plugin';

export default defineConfig({
  plugins: [react(), studioProxyPlugin()],
  // The shell (React, MUI, router, query) is about 535 kB; every section is its own chunk, loaded on first visit.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'proxy/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 20_000,
    // Hooks start real processes (mock CMS, proxies, PostgreSQL); a loaded machine may take a minute or more.
    hookTimeout: 180_000,
  },
});
