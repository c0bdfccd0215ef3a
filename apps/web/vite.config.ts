import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './tools/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

// No @vitejs/plugin-react: esbuild's automatic JSX runtime is all the app needs
// (no Babel, no fast refresh), which keeps the toolchain to Vite alone.
export default defineConfig({
  root,
  publicDir: false,
  // hashed assets leave the build with their .br and .gz copies (served as they are by the api)
  plugins: [precompress()],
  esbuild: { jsx: 'automatic' },
  // `npm test` runs with NODE_ENV=test; the bundle must still be React's production build
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 450,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
