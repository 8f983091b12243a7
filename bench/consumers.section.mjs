// `npm run bench` section: the SDK as users bundle it. The packed tarball installed
// in a project with Vite, webpack 5 and esbuild (the same project and builds as
// test/consumers/bundlers.test.ts), and the gzip -9 size of an app that calls only
// newTracker + trackPageView, and of one that uses every export.
import { bundleSizes, bundlersProject } from '../test/consumers/apps.mjs';

export default async function consumersSection({ printTable }) {
  console.log('\nBundle size in user projects (packed tarball; gzip -9 bytes of the JavaScript the tool emits)');
  const project = await bundlersProject();
  const rows = await bundleSizes(project);
  printTable(
    ['tool', 'newTracker + trackPageView', 'every API'],
    rows.map(({ tool, minimal, full }) => [tool, minimal, full]),
  );
}
