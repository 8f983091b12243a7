#!/usr/bin/env node
// Run before the browser tests: the suite drives Debian's Chromium, Firefox ESR and
// WebKitGTK (WebKitWebDriver + MiniBrowser, on an Xvfb display). What is missing is
// installed with apt-get when this process may (root, apt-get present); otherwise it
// stops at once with the exact command to run. A test tool's own browser download
// cannot work here (no network beyond the package registries).
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Each Debian package and the files the suite needs from it (paths overridable as in the drivers). */
const NEEDS = [
  { pkg: 'chromium', files: [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'] },
  { pkg: 'firefox-esr', files: [process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'] },
  {
    pkg: 'webkit2gtk-driver',
    files: [process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver', process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'],
  },
  { pkg: 'xvfb', files: ['/usr/bin/Xvfb'] },
];

const runnable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const missing = () => NEEDS.filter(({ files }) => !files.every(runnable)).map(({ pkg }) => pkg);

let packages = missing();
if (packages.length) {
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const root = process.getuid?.() === 0;
  if (!root || !runnable('/usr/bin/apt-get')) {
    console.error(`ensure-browsers: missing ${packages.join(', ')}. Install with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`ensure-browsers: installing ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } catch {
    console.error(`ensure-browsers: apt-get failed. Run:\n  ${command}`);
    process.exit(1);
  }
  packages = missing();
  if (packages.length) {
    console.error(`ensure-browsers: still missing after apt-get: ${packages.join(', ')} (the files ${NEEDS.filter((n) => packages.includes(n.pkg)).flatMap((n) => n.files).join(', ')})`);
    process.exit(1);
  }
}
