// Draws the app's PNG icons from icons/icon.svg in headless Chromium (run by hand after changing
// the art: `node scripts/icons.mjs`). Two sets: "any" icons show the art as drawn; "maskable"
// icons shrink it to 72 % around the centre, so that all of it lies inside the maskable safe zone
// (a circle of 40 % of the size), which launchers may cut to any shape.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const art = readFileSync('icons/icon.svg', 'utf8');
// The background stays full-bleed; everything drawn on it moves inward.
const maskable = art.replace(
  /(<rect width="512" height="512"[^>]*\/>)([\s\S]*)<\/svg>/,
  '$1<g transform="translate(256 256) scale(0.72) translate(-256 -256)">$2</g></svg>',
);
if (maskable === art) throw new Error('icons/icon.svg: no full-size background rect to keep');
writeFileSync('icons/icon-maskable.svg', maskable);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const [svg, name] of [[art, 'icon'], [maskable, 'icon-maskable']]) {
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0">${sized}</body></html>`);
    writeFileSync(`icons/${name}-${size}.png`, await page.screenshot({ clip: { x: 0, y: 0, width: size, height: size } }));
  }
}
await browser.close();
