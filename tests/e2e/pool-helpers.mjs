// Page helpers for the deal map tests: set the form, run it, read the canvas and the download.
import { readFileSync } from 'node:fs';

/** Fills the deal map's form: values per axis, runs per cell and optionally the axes. */
export async function setMap(page, { steps, runs, x, y }) {
  for (const [id, axis] of [['deal-x', x], ['deal-y', y]]) {
    if (!axis) continue;
    await page.selectOption(`[data-testid="${id}"]`, axis[0]);
    await page.fill(`[data-testid="${id}-from"]`, String(axis[1]));
    await page.dispatchEvent(`[data-testid="${id}-from"]`, 'change');
    await page.fill(`[data-testid="${id}-to"]`, String(axis[2]));
    await page.dispatchEvent(`[data-testid="${id}-to"]`, 'change');
  }
  for (const [id, v] of [['deal-map-steps', steps], ['deal-map-runs', runs]]) {
    await page.fill(`[data-testid="${id}"]`, String(v));
    await page.dispatchEvent(`[data-testid="${id}"]`, 'change');
  }
}

/** Runs the map to the end; resolves to the full map's milliseconds. */
export async function runMap(page) {
  const before = await page.getAttribute('[data-testid="chart-deal-map"]', 'data-drawn');
  await page.click('[data-testid="deal-map-run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="deal-map-ms"]').textContent.trim() !== '', null, { timeout: 120000 });
  await page.waitForFunction((b) => document.querySelector('[data-testid="chart-deal-map"]').getAttribute('data-drawn') !== b, before);
  return Number(await page.textContent('[data-testid="deal-map-ms"]'));
}

/** Shares of the canvas painted in the map's "better" blue and "worse" vermillion shades. */
export function mapPixels(page) {
  return page.evaluate(() => {
    const c = document.querySelector('[data-testid="chart-deal-map"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let better = 0;
    let worse = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (b - r > 40) better++;
      else if (r - b > 40 && r > g) worse++;
    }
    const n = d.length / 4;
    return { better: better / n, worse: worse / n };
  });
}

/** Points at the map at a fraction of its grid's width (from the left) and height (from the
 * bottom), runs `whilePointing`, then clicks there. */
export async function clickCell(page, fx, fy, whilePointing = async () => {}) {
  const canvas = await page.$('[data-testid="chart-deal-map"]');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // The grid leaves 48 px left, 10 right, 22 top and 40 bottom (src/chart/deal_map.rs).
  const x = box.x + 48 + (box.width - 58) * fx;
  const y = box.y + box.height - 40 - (box.height - 62) * fy;
  await page.mouse.move(x, y);
  await whilePointing();
  await page.mouse.click(x, y);
}

/** The map as the download button offers it (the same JSON as `relsim sweep2`). */
export async function mapDownload(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="deal-map-download"]')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}
