import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. `npm run build:web` writes web/dist, which the local gateway (and CloudFront in the
 * cloud) serves with the API under /v1 on the same origin. `npm run dev:web` proxies /v1 and /_local
 * to a running `npm start` (http://localhost:3000, or API_ORIGIN).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The Cognito SDK is a lazily loaded chunk of its own; it is larger than Vite's default warning.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/v1': apiOrigin,
      '/_local': apiOrigin,
    },
  },
});
