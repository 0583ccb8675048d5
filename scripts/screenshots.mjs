// Takes the screenshots in docs/screenshots/ (`make screenshots`): the simulator with the Farbo
// preset and the model page, on a desktop and a phone-sized screen. Not part of `make test`, so
// that tests never rewrite tracked files.
import { mkdirSync } from 'node:fs';
import { serve, launch, openPage, waitDrawn, drawnCount } from '../tests/e2e/harness.mjs';

const CHARTS = ['chart-relationship', 'chart-focus', 'chart-trust', 'chart-money'];
const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const { page, context } = await openPage(browser, server.url, viewport);
    // A first visit offers the tour; the screenshots show the simulator itself.
    if (await page.$('[data-testid="welcome-dismiss"]')) await page.click('[data-testid="welcome-dismiss"]');
    const drawn = await Promise.all(CHARTS.map((id) => drawnCount(page, id)));
    await page.selectOption('[data-testid="preset-select"]', 'farbo');
    for (const [i, id] of CHARTS.entries()) await waitDrawn(page, id, drawn[i]);
    await page.screenshot({ path: `${out}/${name}.png` });
    await page.click('text=How the model works');
    await page.waitForSelector('.model-page', { state: 'visible' });
    await page.screenshot({ path: `${out}/${name}-model.png` });
    await context.close();
    console.log(`wrote ${out}/${name}.png and ${out}/${name}-model.png`);
  }
} finally {
  await browser.close();
  server.close();
}
