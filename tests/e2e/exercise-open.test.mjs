// An open exercise in the browser: the address keeps it through edits so that a reload reopens
// its briefing, the decision options work as a radio group from the keyboard alone, and a
// trainer writes the exercise's texts in English and Dutch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser } from './harness.mjs';
import { openAt, week, play, exportResult } from './exercise-helpers.mjs';

const { server, browser } = await startBrowser();

const hash = (page) => page.evaluate(() => location.hash);
const simulateTab = 'nav [role="tab"]:nth-child(1)';

test("a participant's exercise link survives an edit and a reload reopens its briefing", async () => {
  const ex = JSON.parse(await readFile('exercises/gym-contract.json', 'utf8'));
  ex.id = 'reload-check';
  ex.title = { en: 'Reload check', nl: 'Herlaadtest' };
  const { page, context, problems } = await openAt(browser, `${server.url}#x=${encodeURIComponent(JSON.stringify(ex))}`);
  await page.waitForSelector('[data-testid="exercise-briefing"]');
  assert.equal((await page.textContent('[data-testid="exercise-title"]')).trim(), 'Reload check');

  // An edit of the scenario, then straight back to the exercise before the debounced save.
  await page.click(simulateTab);
  await page.fill('[data-testid="incentive-share"]', '0.3');
  await page.press('[data-testid="incentive-share"]', 'Enter');
  await page.click('[data-testid="mode-exercise"]');
  await page.waitForTimeout(800);
  assert.ok((await hash(page)).startsWith('#x='), 'the address still holds the exercise');

  // Playing keeps it too; a reload lands at the briefing of the same exercise.
  await page.click('[data-testid="exercise-start"]');
  await page.waitForSelector('[data-testid="decision-panel"]');
  const w = await week(page);
  await page.click('[data-testid="decision-continue"]');
  await page.waitForFunction((w0) => Number(document.querySelector('[data-testid="exercise-week"]')?.dataset.week ?? -1) !== w0, w);
  await page.waitForTimeout(400);
  assert.ok((await hash(page)).startsWith('#x='));
  await page.reload();
  await page.waitForSelector('[data-testid="exercise-briefing"]');
  assert.equal((await page.textContent('[data-testid="exercise-title"]')).trim(), 'Reload check');
  assert.equal(await page.$('[data-testid="decision-panel"]'), null);

  // The edit was kept (in the browser's storage); leaving the exercise gives the address back.
  await page.click(simulateTab);
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  assert.equal(await page.inputValue('[data-testid="incentive-share"]'), '0.30');
  assert.deepEqual(problems, []);
  await context.close();
});

test('decision options are one radio group: arrow keys, Home and End move and select', async () => {
  const { page, context, problems } = await openAt(browser, server.url);
  const menu = JSON.parse(await readFile('exercises/farbo-crisis.json', 'utf8')).menu;
  await page.focus('[data-testid="mode-exercise"]');
  await page.keyboard.press('Enter');
  await page.focus('[data-testid="exercise-select"]');
  await page.selectOption('[data-testid="exercise-select"]', 'farbo-crisis');
  await page.focus('[data-testid="exercise-start"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="decision-panel"]');
  const state = () => page.evaluate(() => {
    const all = [...document.querySelectorAll('[data-testid="decision-option"]')];
    return {
      focused: all.indexOf(document.activeElement),
      checked: all.findIndex((b) => b.getAttribute('aria-checked') === 'true'),
      stops: all.filter((b) => b.tabIndex === 0).length,
      n: all.length,
      group: document.activeElement?.parentElement?.getAttribute('role'),
    };
  });
  // Tab reaches the group once, on the checked option ("carry on").
  for (let i = 0; i < 40 && (await state()).focused < 0; i++) await page.keyboard.press('Tab');
  let s = await state();
  assert.equal(s.n, menu.length + 1);
  assert.deepEqual([s.focused, s.checked, s.stops, s.group], [0, 0, 1, 'radiogroup']);
  const moves = [
    ['ArrowDown', 1], ['ArrowRight', 2], ['ArrowUp', 1], ['ArrowLeft', 0],
    ['ArrowUp', s.n - 1], ['ArrowDown', 0], ['End', s.n - 1], ['Home', 0], ['ArrowRight', 1],
  ];
  for (const [key, to] of moves) {
    await page.keyboard.press(key);
    s = await state();
    assert.deepEqual([s.focused, s.checked, s.stops], [to, to, 1], `${key} → ${to}`);
  }
  // One Tab leaves the group for "continue"; Enter takes the chosen option.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'decision-continue');
  for (let i = 0; i < 100 && (await page.$('[data-testid="decision-panel"]')); i++) {
    const w = await week(page);
    await page.focus('[data-testid="decision-continue"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((w0) => Number(document.querySelector('[data-testid="exercise-week"]')?.dataset.week ?? -1) !== w0, w);
    // The app moves focus to the new week's heading in the next frame: wait for it, so that the
    // next Enter goes to "continue" and not to the heading.
    await page.waitForFunction(() => !document.querySelector('[data-testid="decision-panel"]')
      || document.activeElement?.dataset.testid === 'exercise-week');
  }
  await page.waitForSelector('[data-testid="exercise-score"]', { timeout: 120000 });
  const r = await exportResult(page, 'Keys only');
  assert.equal(r.json.decisions[0].option, menu[0].id, 'the option chosen with the arrow keys was taken');
  assert.ok(r.json.decisions.slice(1).every((d) => d.option === 'carry_on'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a trainer writes title, briefing, goal and questions in English and Dutch', async () => {
  const { page, context, problems } = await openAt(browser, server.url);
  await page.click('[data-testid="mode-exercise"]');
  await page.click('[data-testid="exercise-tab-author"]');
  const type = async (id, text) => {
    await page.fill(`[data-testid="${id}"]`, text);
    await page.press(`[data-testid="${id}"]`, 'Tab');
  };
  await type('author-title', 'Monday class');
  await type('author-title-nl', 'Maandagklas');
  await type('author-briefing', 'Keep the client.');
  await type('author-goal', 'Trust takes time.');
  await type('author-goal-nl', 'Vertrouwen kost tijd.');
  await type('author-question', 'Why?\nWhen?');
  await type('author-question-nl', 'Waarom?');
  // The file holds both languages; an empty Dutch text takes the English one.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-exercise"]')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(file.title, { en: 'Monday class', nl: 'Maandagklas' });
  assert.deepEqual(file.briefing, { en: 'Keep the client.', nl: 'Keep the client.' });
  assert.deepEqual(file.goal, { en: 'Trust takes time.', nl: 'Vertrouwen kost tijd.' });
  assert.deepEqual(file.questions, [{ en: 'Why?', nl: 'Waarom?' }, { en: 'When?', nl: 'When?' }]);
  // So does the link, and the participant reads the language they chose.
  await page.click('[data-testid="exercise-link"]');
  const url = await page.inputValue('[data-testid="exercise-url"]');
  const linked = JSON.parse(decodeURIComponent(url.split('#x=')[1]));
  assert.deepEqual(linked.title, file.title);
  const phone = await openAt(browser, url, { width: 390, height: 800 });
  await phone.page.waitForSelector('[data-testid="exercise-briefing"]');
  assert.equal((await phone.page.textContent('[data-testid="exercise-title"]')).trim(), 'Monday class');
  await phone.page.click('[data-testid="lang-toggle"]');
  assert.equal((await phone.page.textContent('[data-testid="exercise-title"]')).trim(), 'Maandagklas');
  assert.equal((await phone.page.textContent('.briefing-text')).trim(), 'Keep the client.');
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
  // The texts stay in the form when the trainer comes back to it.
  await page.click('[data-testid="exercise-tab-play"]');
  await page.click('[data-testid="exercise-tab-author"]');
  assert.equal(await page.inputValue('[data-testid="author-title-nl"]'), 'Maandagklas');
  // The debrief shows the goal and the questions the trainer wrote.
  await page.click('[data-testid="author-try"]');
  await play(page, 'custom-default');
  assert.equal((await page.textContent('[data-testid="debrief-goal"]')).trim(), 'Trust takes time.');
  assert.equal(await page.$$eval('[data-testid="debrief-questions"] li', (li) => li.length), 2);
  assert.deepEqual(problems, []);
  await context.close();
});
