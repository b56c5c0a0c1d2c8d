// Finds a Chromium or Chrome binary: CHROME_PATH first, then the usual install paths.
import { existsSync } from 'node:fs';

export const BROWSER_CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's binary itself; /usr/bin/chromium is a wrapper script
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {string | undefined} */
export function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  return BROWSER_CANDIDATES.find((path) => existsSync(path));
}
