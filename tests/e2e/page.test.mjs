// The page loads cleanly and draws its charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, inkedPixels } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('loads without console errors and draws the relationship chart', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.waitForTimeout(300);
  assert.ok((await inkedPixels(page, 'chart-relationship')) > 2000, 'relationship chart is drawn');
  const status = await page.textContent('[data-testid="summary-status"]');
  assert.match(status, /partnership|supplier|escalation|terminated|ended/);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: 'target/e2e-desktop.png' });
  await context.close();
});
