// Renders DigitalTwin.Web/wwwroot/icons/icon.svg to the PNG sizes the web app manifest names, in headless Chromium.
// Run after a build (Playwright's node driver comes with the tests):
//   DigitalTwin.Tests/bin/Release/net10.0/.playwright/node/linux-x64/node scripts/make-icons.js
const path = require("path");
const root = path.resolve(__dirname, "..");
const { chromium } = require(path.join(root, "DigitalTwin.Tests/bin/Release/net10.0/.playwright/package"));
const icons = path.join(root, "DigitalTwin.Web/wwwroot/icons");

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const svg = require("fs").readFileSync(path.join(icons, "icon.svg"), "utf8");
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: path.join(icons, `icon-${size}.png`) });
    await page.close();
  }
  await browser.close();
})();
