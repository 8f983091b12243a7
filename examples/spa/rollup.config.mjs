// Bundles the app as any SPA bundler would: `isotrack` resolves to the package's
// browser build. Inside this repository the package is the repository itself.
import resolve from '@rollup/plugin-node-resolve';
import { fileURLToPath } from 'node:url';

const browserBuild = fileURLToPath(new URL('../../dist/browser.js', import.meta.url));

export default {
  input: fileURLToPath(new URL('./app.js', import.meta.url)),
  plugins: [{ name: 'isotrack', resolveId: (id) => (id === 'isotrack' ? browserBuild : null) }, resolve({ browser: true })],
  output: { file: fileURLToPath(new URL('./dist/app.js', import.meta.url)), format: 'es' },
};
