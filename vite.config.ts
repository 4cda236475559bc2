/**
 * Renderer build. Loaded from `app://` in Electron and from http://127.0.0.1 in browser mode,
 * hence the relative base. The MapLibre worker is emitted as an asset (imported with `?url`)
 * and renamed .mjs → .js so any static server or protocol handler gives it a JavaScript MIME
 * type (module workers refuse anything else).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `frame-ancestors` only works as an HTTP header (both doors send the full policy as one);
 * in a <meta> browsers ignore it and Chromium logs a console error. index.html keeps the one
 * policy text, identical to the header's; the built page drops that directive from the meta.
 */
function cspMetaWithoutFrameAncestors(): Plugin {
  return {
    name: 'ccp-csp-meta',
    transformIndexHtml: (html) => html.replace(/;\s*frame-ancestors\s+[^;"]*(?=")/, ''),
  };
}

const rootDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMetaWithoutFrameAncestors()],
  // The renderer imports pure modules from ../electron/api and ../electron/domain.
  server: { fs: { allow: [rootDir] } },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // MapLibre alone is ~1 MB; one chunk is fine for a local desktop app.
    chunkSizeWarningLimit: 2500,
    assetsInlineLimit: (file) => (file.endsWith('.mjs') ? false : undefined),
    rolldownOptions: {
      output: {
        assetFileNames: (asset) => {
          const name = asset.names?.[0] ?? '';
          return name.endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]';
        },
      },
    },
  },
});
