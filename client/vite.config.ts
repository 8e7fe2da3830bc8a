import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Express server (npm run dev at the repository root) listens on 3000; the dev server forwards
// everything the browser must reach on the same origin, so the SameSite=Strict session cookie works.
const backend = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // '^/d/' (a label's short link) is a pattern, so that '/devices' is not caught by a '/d' prefix.
    proxy: { '/api': backend, '/verify': backend, '/receipts': backend, '^/d/': backend },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Mantine + React + the router land in the entry chunk; screens are split with React.lazy.
    chunkSizeWarningLimit: 600,
    // dist/.vite/manifest.json: scripts/bundle-size.mjs reads it to measure the first screen's JavaScript (200 KB gzipped).
    manifest: true,
    assetsInlineLimit: 0,
  },
});
