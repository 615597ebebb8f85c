import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { studioProxyPlugin } from './proxy/dev-plugin';

export default defineConfig({
  plugins: [react(), studioProxyPlugin()],
  build: { outDir: 'dist', sourcemap: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'proxy/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
