// End-to-end browser tests of the web application: node e2e.mjs <base_url> <screenshot_dir>.
//
// Runs three scenarios in Debian's Chromium (adviser, observatory, provider), each failing
// with a clear message when an assertion fails, then opens the API documentation; also fails
// on any console error and on any request to a host other than the loopback one. axe-core
// checks every view (and the map both as outlines and as a tile grid) against WCAG 2.1 A
// and AA, as RGAA asks: any violation fails its scenario.
// Exit code 0 only when all of it passed.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const AXE = fileURLToPath(new URL('./node_modules/axe-core/axe.min.js', import.meta.url));

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const STEP_TIMEOUT_MS = 30_000;
const SLOW_CALL_TIMEOUT_MS = 120_000;

const [baseArg, screenshotDir] = process.argv.slice(2);
if (!baseArg || !screenshotDir) {
  console.error('usage: node e2e.mjs <base_url> <screenshot_dir>');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');

class AssertionFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new AssertionFailure(message);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
function isLoopback(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:', 'chrome-error:'].includes(parsed.protocol)) return true;
  return LOOPBACK.has(parsed.hostname) || /^127\.\d+\.\d+\.\d+$/.test(parsed.hostname);
}

/** Runs axe-core on the page as it is now; fails on any WCAG 2.1 A or AA violation. */
async function axeCheck(page, view) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Experimental in axe-core, so off by default; WCAG 2.5.3 (label in name) asks for it.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  check(violations.length === 0, `accessibility (${view}): ${violations.length} axe-core violation(s):\n    ${violations.join('\n    ')}`);
  return `axe ok on ${view}`;
}

/**
 * Types `typed` into the combobox `inputSelector`, waits for the options that answer exactly
 * that query and chooses the first whose label matches `pattern`, with the mouse or with the
 * keyboard (arrow keys then Enter, as a keyboard user would).
 */
async function pickOption(page, inputSelector, typed, pattern, what, { keyboard = false } = {}) {
  const input = page.locator(inputSelector);
  await input.click();
  await input.fill('');
  await input.pressSequentially(typed, { delay: 25 });
  const listId = await input.getAttribute('aria-controls');
  check(listId, `${what}: the field ${inputSelector} is not a combobox (no aria-controls)`);
  const list = page.locator(`#${listId}`);
  try {
    await page.waitForFunction(
      ({ id, q }) => {
        const el = document.getElementById(id);
        return el && !el.hidden && (el.dataset.query === q || el.querySelector('.ac-error, .ac-empty'));
      },
      { id: listId, q: typed.trim() },
      { timeout: STEP_TIMEOUT_MS },
    );
  } catch {
    throw new AssertionFailure(`${what}: no suggestions appeared for "${typed}"`);
  }
  const problem = await list.locator('.ac-error, .ac-empty').allTextContents();
  check(!problem.length, `${what}: the suggestions for "${typed}" say "${problem.join(' ')}"`);
  const labels = (await list.locator('[role="option"] .ac-label').allTextContents()).map((l) => l.trim());
  const index = labels.findIndex((label) => pattern.test(label));
  check(index >= 0, `${what}: no suggestion for "${typed}" matches ${pattern}; got ${JSON.stringify(labels)}`);
  if (keyboard) {
    for (let i = 0; i <= index; i += 1) await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    check(active === `${listId}-${index}`, `${what}: arrow keys did not move to option ${index} (aria-activedescendant=${active})`);
    await input.press('Enter');
  } else {
    await list.locator('[role="option"]').nth(index).click();
  }
  check(await list.isHidden(), `${what}: the suggestion list stayed open after the choice`);
  return labels[index];
}

/** Waits for `predicate` in the page; an `.error-box` under `scope` ends the wait with its text. */
async function waitForOutcome(page, scope, predicate, what, timeout = SLOW_CALL_TIMEOUT_MS) {
  try {
    // One expression built here (not `new Function` in the page, which a CSP may forbid).
    const expression = `(() => {
      const root = document.querySelector(${JSON.stringify(scope)});
      return Boolean(root?.querySelector('.error-box')) || Boolean((${predicate})(root));
    })()`;
    await page.waitForFunction(expression, null, { timeout });
  } catch {
    const text = (await page.locator(scope).innerText().catch(() => '')).slice(0, 600);
    throw new AssertionFailure(`${what}: timed out after ${timeout / 1000} s; the area shows: ${JSON.stringify(text)}`);
  }
  const error = page.locator(`${scope} .error-box`).first();
  if (await error.count()) throw new AssertionFailure(`${what}: the page shows an error: ${(await error.innerText()).replace(/\s+/g, ' ')}`);
}

async function adviserScenario(page) {
  await page.goto(`${base}/#conseiller`);
  await page.locator('#tab-conseiller[aria-selected="true"]').waitFor();

  // CV analysis: highlighted spans must land on the words (byte offsets after accents).
  await page.locator('#cv-details > summary').click();
  await page.locator('#cv-text').fill('Développeuse junior passée par une reconversion, j’ai réalisé des pages web en HTML et CSS et interrogé des bases SQL.');
  await page.locator('#cv-analyse').click();
  await waitForOutcome(page, '#cv-result', (root) => root && root.querySelector('mark'), 'CV analysis', STEP_TIMEOUT_MS);
  const marks = (await page.locator('#cv-result mark').allTextContents()).map((t) => t.trim());
  check(marks.some((m) => /^(html5?|css3?|sql)$/i.test(m)), `CV analysis: the highlighted spans do not fall on the skills' words: ${JSON.stringify(marks)}`);
  const cvChips = await page.locator('#skill-chips .chip-cv').count();
  check(cvChips >= 1, 'CV analysis: the skills found were not added as chips');
  // Removing a chip strikes its mentions in the CV.
  await page.locator('#skill-chips .chip-cv .chip-remove').first().click();
  check(await page.locator('#cv-result mark.removed').count() >= 1, 'CV analysis: a removed skill is still highlighted as kept');
  await page.locator('#adviser-reset').click();
  check(await page.locator('#skill-chips .chip').count() === 0, 'reset: chips remain after "Effacer le profil"');

  await pickOption(page, '#skill-input', 'HTML', /^HTML5?$/i, 'skill HTML');
  await pickOption(page, '#skill-input', 'CSS', /^CSS3?$/i, 'skill CSS', { keyboard: true });
  const chips = (await page.locator('#skill-chips .chip .chip-label').allTextContents()).map((t) => t.trim());
  check(chips.length === 2, `skills: expected the chips HTML and CSS, got ${JSON.stringify(chips)}`);
  await pickOption(page, '#target-input', 'développeur web', /d[ée]veloppeu(r|se) web\b/i, 'target job');
  await pickOption(page, '#commune-input', 'Lyon', /^Lyon(\s*\(|$)/, 'commune');
  await page.locator('#radius-input').fill('50');
  await page.locator('#adviser-submit').click();

  await waitForOutcome(page, '#adviser-results', (root) => root && root.querySelectorAll('.result-card').length >= 3, 'recommendations');
  const cards = page.locator('#adviser-results .result-card');
  const count = await cards.count();
  check(count >= 3, `recommendations: expected at least 3 trainings, got ${count}`);
  for (let i = 0; i < count; i += 1) {
    const card = cards.nth(i);
    const title = (await card.locator('h3').innerText()).trim();
    const rank = (await card.locator('.rank').innerText()).trim();
    check(rank === String(i + 1), `recommendations: card ${i + 1} (${title}) shows rank ${rank}`);
    const reasons = (await card.locator('.reasons li').allTextContents()).map((t) => t.trim()).filter(Boolean);
    check(reasons.length >= 1, `recommendations: "${title}" shows no reasons`);
  }
  check(await page.locator('#adviser-results .score-bars rect.mini-fill').count() >= 1, 'recommendations: no score detail bars');

  // Shortlist: selecting two trainings enables printing.
  const print = page.getByRole('button', { name: 'Imprimer la sélection' });
  check(await print.isDisabled(), 'shortlist: printing is possible with an empty selection');
  await cards.nth(0).getByLabel('Ajouter à la sélection à imprimer').check();
  await cards.nth(1).getByLabel('Ajouter à la sélection à imprimer').check();
  check(await print.isEnabled(), 'shortlist: "Imprimer la sélection" stays disabled after selecting trainings');
  await page.emulateMedia({ media: 'print' });
  check(await page.locator('#adviser-form').isHidden(), 'print: the form is printed');
  check(await cards.nth(2).isHidden(), 'print: an unselected training is printed');
  check(await cards.nth(0).isVisible(), 'print: a selected training is not printed');
  await page.emulateMedia({ media: 'screen' });

  await axeCheck(page, 'Conseiller');
  await page.screenshot({ path: join(screenshotDir, 'conseiller.png'), fullPage: true });
  return `${count} trainings ranked, each with reasons, no axe violation`;
}

async function observatoryScenario(page) {
  await page.goto(`${base}/`);
  await page.getByRole('tab', { name: /Observatoire/ }).click();
  await page.locator('#panel-observatoire').waitFor({ state: 'visible' });
  await waitForOutcome(page, '#panel-observatoire', (root) => root.querySelectorAll('#map .territory[data-filled="true"]').length >= 13
    && root.querySelectorAll('#chart-demand rect.bar').length >= 3, 'observatory map and chart');

  const fills = await page.locator('#map .territory[data-filled="true"] .shape').evaluateAll((shapes) => shapes.map((s) => s.getAttribute('fill')));
  const colours = new Set(fills);
  check(fills.length >= 13, `map: expected at least 13 filled territories, got ${fills.length}`);
  check(colours.size >= 2, `map: expected at least 2 distinct colours, got ${[...colours].join(', ')}`);
  const bars = await page.locator('#chart-demand rect.bar').count();
  check(bars >= 3, `chart: expected at least 3 bars, got ${bars}`);
  check(await page.locator('#map-legend .swatch').count() >= 2, 'map: no legend');

  // The département level draws more territories.
  await page.getByLabel('Départements').check();
  await waitForOutcome(page, '#panel-observatoire', (root) => root.querySelectorAll('#map .territory').length > 30, 'département map');
  await page.getByLabel('Régions').check();
  await waitForOutcome(page, '#panel-observatoire', (root) => {
    const all = root.querySelectorAll('#map .territory');
    return all.length > 0 && all.length <= 30 && root.querySelectorAll('#map .territory[data-filled="true"]').length >= 13;
  }, 'région map again');

  // Keyboard: focus a filled territory and press Enter.
  const codes = await page.locator('#map .territory[data-filled="true"]').evaluateAll((groups) => groups.map((g) => g.dataset.code));
  const code = codes.includes('84') ? '84' : codes[0];
  const territory = page.locator(`#map .territory[data-code="${code}"]`);
  await territory.focus();
  await page.keyboard.press('Enter');
  await waitForOutcome(page, '#territory-detail', (root) => root.querySelector('#detail-needs'), `territory ${code} detail`);
  const detail = page.locator('#territory-detail');
  const needsBars = await detail.locator('rect.bar').count();
  const needsText = await detail.innerText();
  check(needsBars >= 1, `territory ${code}: no needs shown (${needsText.slice(0, 200)})`);
  check(/Besoins non couverts/.test(needsText), `territory ${code}: the "besoins non couverts" section is missing`);
  check(/Formations du territoire/.test(needsText), `territory ${code}: the trainings section is missing`);
  check(await territory.getAttribute('aria-pressed') === 'true', `territory ${code}: not marked as selected`);

  // France's real outlines by default, with their attribution; the tile grid on demand.
  check(await page.locator('#map svg.map-svg.outlines').count() === 1, 'map: the default map is not drawn from outlines');
  check(/IGN/.test(await page.locator('#map-attribution').innerText()), 'map: the outlines\' attribution is missing');
  await axeCheck(page, 'Observatoire (carte)');
  await page.locator('#territory-detail').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotDir, 'observatoire.png'), fullPage: true });
  await page.getByLabel('Grille').check();
  await waitForOutcome(page, '#panel-observatoire', (root) => root.querySelector('#map svg.map-svg.grid')
    && root.querySelectorAll('#map .territory[data-filled="true"]').length >= 13, 'tile grid');
  await axeCheck(page, 'Observatoire (grille)');
  await page.getByLabel('Départements').check();
  await waitForOutcome(page, '#panel-observatoire', (root) => root.querySelectorAll('#map .territory').length > 30, 'département grid');
  await axeCheck(page, 'Observatoire (grille des départements)');
  await page.getByLabel('Carte', { exact: true }).check();
  await waitForOutcome(page, '#panel-observatoire', (root) => root.querySelector('#map svg.map-svg.outlines')
    && root.querySelectorAll('#map .territory').length > 30, 'département map');
  await axeCheck(page, 'Observatoire (carte des départements)');
  return `${fills.length} territories in ${colours.size} colours, ${bars} bars, detail of ${code} with ${needsBars} needs; map and grid pass axe`;
}

async function providerScenario(page) {
  await page.goto(`${base}/#organismes`);
  await page.locator('#panel-organismes').waitFor({ state: 'visible' });
  await page.locator('#curriculum-input').fill([
    'Objectifs : à l’issue de la formation, les stagiaires réalisent des pages web accessibles.',
    'Module 1 — Intégration : structure sémantique des pages en HTML et mise en forme.',
    'Module 2 — Développement côté client : programmation en JavaScript, manipulation du DOM et appels à des API.',
    'Module 3 — Données : conception d’une base relationnelle et écriture de requêtes SQL.',
  ].join('\n'));
  await page.waitForFunction(() => document.querySelectorAll('#territory-select option[value^="region:"]').length >= 13, null, { timeout: STEP_TIMEOUT_MS })
    .catch(() => { throw new AssertionFailure('provider: the territory list did not load'); });
  const regions = await page.locator('#territory-select option[value^="region:"]').evaluateAll((options) => options.map((o) => o.value));
  await page.locator('#territory-select').selectOption(regions.includes('region:84') ? 'region:84' : regions[0]);
  await page.locator('#provider-submit').click();

  await waitForOutcome(page, '#provider-results', (root) => root && root.querySelector('.curriculum-text mark.covered'), 'coverage report');
  const marks = (await page.locator('#provider-results .curriculum-text mark.covered').allTextContents()).map((t) => t.trim());
  check(marks.some((m) => /^(html5?|javascript|sql)$/i.test(m)), `coverage: the highlighted spans do not fall on HTML, JavaScript or SQL: ${JSON.stringify(marks)}`);
  const missing = await page.locator('#provider-results .missing-table tbody tr').count();
  check(missing >= 1, 'coverage: no missing skill is listed');
  const score = (await page.locator('#provider-results .big-number').innerText()).trim();
  check(/\d/.test(score), `coverage: no alignment score (${score})`);

  await axeCheck(page, 'Organismes');
  await page.screenshot({ path: join(screenshotDir, 'organismes.png'), fullPage: true });
  return `${marks.length} highlighted spans, ${missing} missing skills, alignment ${score}, no axe violation`;
}

/** The API documentation (Swagger UI, embedded in the binary) renders from the server alone. */
async function docsScenario(page) {
  await page.goto(`${base}/docs`);
  try {
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new AssertionFailure(`docs: Swagger UI did not render at ${base}/docs`);
  }
  const operations = await page.locator('.swagger-ui .opblock').count();
  check(operations >= 5, `docs: only ${operations} operations listed`);
  return `${operations} operations listed`;
}

async function main() {
  mkdirSync(screenshotDir, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const consoleErrors = [];
  const outsideRequests = [];
  let context;
  let failures = 0;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1366, height: 900 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    // Nothing may leave the machine: such requests are recorded, then refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      outsideRequests.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      if (!isLoopback(request.url()) && !outsideRequests.includes(request.url())) outsideRequests.push(request.url());
    });

    const scenarios = [
      ['adviser', adviserScenario],
      ['observatory', observatoryScenario],
      ['provider', providerScenario],
      ['docs', docsScenario],
    ];
    for (const [name, run] of scenarios) {
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`[${name}] ${message.text()} (${message.location()?.url ?? ''})`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`[${name}] uncaught: ${error.message}`));
      const started = Date.now();
      try {
        const summary = await run(page);
        console.log(`ok   ${name}: ${summary} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failures += 1;
        const detail = error instanceof AssertionFailure ? error.message : error.stack;
        console.error(`FAIL ${name}: ${detail}`);
        await page.screenshot({ path: join(screenshotDir, `failure-${name}.png`), fullPage: true }).catch(() => {});
      } finally {
        await page.close();
      }
    }
  } finally {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  if (consoleErrors.length) {
    failures += 1;
    console.error(`FAIL console: ${consoleErrors.length} error(s) in the browser console:\n  ${consoleErrors.join('\n  ')}`);
  } else {
    console.log('ok   console: no errors');
  }
  if (outsideRequests.length) {
    failures += 1;
    console.error(`FAIL network: requests to non-loopback hosts:\n  ${outsideRequests.join('\n  ')}`);
  } else {
    console.log('ok   network: loopback only');
  }
  console.log(failures ? `e2e: ${failures} check group(s) failed; screenshots in ${screenshotDir}` : `e2e: all scenarios passed; screenshots in ${screenshotDir}`);
  process.exit(failures ? 1 : 0);
}

main().catch((error) => {
  console.error(`e2e crashed: ${error.stack ?? error}`);
  process.exit(1);
});
