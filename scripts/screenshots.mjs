// Takes the screenshots in docs/screenshots/ (`make screenshots`): the simulator with the Farbo
// preset and the model page, on a desktop and a phone-sized screen; and, in Dutch on a phone, the
// tour's second step, an exercise's play view and its debrief. Not part of `make test`, so that
// tests never rewrite tracked files.
import { mkdirSync } from 'node:fs';
import { serve, launch, openPage, waitDrawn, drawnCount } from '../tests/e2e/harness.mjs';
import { open } from '../tests/e2e/site-helpers.mjs';

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
  // In Dutch on a phone: the tour's step 2, the FARBO exercise's first decision and its debrief.
  const phone = { width: 390, height: 844 };
  {
    const { page, context } = await open(browser, `${server.url}?tour`, { viewport: phone, waitFor: '[data-testid="tour-chart"]' });
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await page.click('[data-testid="tour-next"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="tour-step"]').textContent.includes('2 / 8'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/phone-nl-tour-step2.png`, fullPage: true });
    await context.close();
  }
  {
    const { page, context } = await openPage(browser, server.url, phone);
    if (await page.$('[data-testid="welcome-dismiss"]')) await page.click('[data-testid="welcome-dismiss"]');
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await page.click('[data-testid="mode-exercise"]');
    await page.click('[data-testid="exercise-tab-play"]');
    await page.selectOption('[data-testid="exercise-select"]', 'farbo-crisis');
    await page.click('[data-testid="exercise-start"]');
    await page.waitForSelector('[data-testid="decision-panel"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/phone-nl-exercise-play.png`, fullPage: true });
    // The best path's first option, then carry on to the end.
    await page.click('[data-testid="decision-option"]:nth-child(2)');
    while (await page.$('[data-testid="decision-panel"]')) {
      const week = await page.getAttribute('[data-testid="exercise-week"]', 'data-week');
      await page.click('[data-testid="decision-continue"]');
      await page.waitForFunction((w) => {
        const el = document.querySelector('[data-testid="exercise-week"]');
        return !el || el.getAttribute('data-week') !== w;
      }, week);
    }
    await page.waitForSelector('[data-testid="debrief-luck"]');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="debrief-luck"]').textContent));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/phone-nl-exercise-debrief.png`, fullPage: true });
    await context.close();
  }
  console.log(`wrote ${out}/phone-nl-tour-step2.png, phone-nl-exercise-play.png and phone-nl-exercise-debrief.png`);
} finally {
  await browser.close();
  server.close();
}
