import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard is served by the platform (or the gateway) at `/`, so API calls are same-origin;
// in `vite dev` they are proxied to a platform on :3000.
const platform = process.env.PLATFORM_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The budget is 300 KB gzipped for the first load; the map and the heavier pages load on demand.
    chunkSizeWarningLimit: 450,
  },
  server: {
    proxy: {
      '/graphql': { target: platform, ws: true },
      '/auth': platform,
      '/imports': platform,
      '/exports': platform,
      '/health': platform,
    },
  },
});
