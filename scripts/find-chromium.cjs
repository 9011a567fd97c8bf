// Finds the Chromium the end-to-end tests drive: CHROMIUM_PATH; a distribution's Chromium or
// Google Chrome; then the browser `npx playwright install chromium` put in Playwright's cache.
// CommonJS so that both plain node (scripts/test.sh) and Playwright's config loader can load it.
//
// CLI: `node scripts/find-chromium.cjs` prints the path; exits 1 with one line saying what to run.
const fs = require("node:fs");

const CHROMIUM_MISSING =
  "Chromium not found: run `npx playwright install chromium` (or install your distribution's chromium and set CHROMIUM_PATH)";

const SYSTEM = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function playwrightsOwn() {
  try {
    return require("@playwright/test").chromium.executablePath();
  } catch {
    return null;
  }
}

/** An executable Chromium, or null. A CHROMIUM_PATH that is set is the only one considered. */
function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const file of [...SYSTEM, playwrightsOwn()]) if (file && executable(file)) return file;
  return null;
}

/** The one line to print when findChromium found nothing. */
function chromiumMissing(env = process.env) {
  return env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable. ${CHROMIUM_MISSING}` : CHROMIUM_MISSING;
}

module.exports = { findChromium, chromiumMissing, CHROMIUM_MISSING };

if (require.main === module) {
  const found = findChromium();
  if (!found) {
    console.error(chromiumMissing());
    process.exit(1);
  }
  console.log(found);
}
