// Makes sure a browser exists for the tests: finds one, or installs Debian's chromium when
// this machine can (root with apt-get), or stops with the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

export function ensureBrowser() {
  const found = findBrowser();
  if (found) return found;
  const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error('No Chromium or Chrome found. Install one, e.g.:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at an existing Chrome/Chromium binary.');
    process.exit(1);
  }
  console.log('No browser found: installing Debian\'s chromium (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = findBrowser();
  if (!installed) {
    console.error('chromium was installed but no binary was found; set CHROME_PATH.');
    process.exit(1);
  }
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureBrowser());
