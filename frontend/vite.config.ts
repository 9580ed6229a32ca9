import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { sourcemap: false, chunkSizeWarningLimit: 800 },
  // An end-to-end run (scripts/e2e.sh) tests one snapshot of the code: edits made meanwhile
  // must not hot-reload the page in the middle of a test.
  server: process.env.ICM_E2E ? { hmr: false, watch: null } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    setupFiles: ['src/testSetup.ts'],
  },
});
