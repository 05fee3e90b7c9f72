#!/usr/bin/env node
// Open an actorgraph HTML report in Debian's Chromium through playwright-core,
// as a reader would: the actor list is ordered by PageRank and shows every
// name intact; clicking an actor (in the list and in the SVG) or a relation
// shows each of its evidence sentences; the search box filters; the page
// makes no network request, raises no script error and opens no dialog (a
// name like <script>alert(1)</script> must stay text).  Saves a screenshot.
//
// usage: node report_test.js REPORT.html SCREENSHOT.png
// Exit 0 ok, 1 failure, 77 (skip) without Chromium or playwright-core.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.AG_CHROMIUM || '/usr/bin/chromium';

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  skip(`playwright-core is not installed (npm ci in ${__dirname})`);
}
if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} is missing (apt-get install chromium)`);

const [htmlPath, shotPath] = process.argv.slice(2);
if (!htmlPath || !shotPath) {
  console.error('usage: node report_test.js REPORT.html SCREENSHOT.png');
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(cond, what) {
  if (cond) {
    passed++;
  } else {
    failed++;
    console.error(`FAIL ${what}`);
  }
}

// The data the page carries, read the way the page reads it.
function pageData(html) {
  const m = /<script type="application\/json" id="ag-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no ag-data script in the report');
  return JSON.parse(m[1]);
}

function evidenceOf(data, edges) {
  const texts = [];
  for (const k of edges) for (const ev of data.edges[k].evidence) texts.push(ev.text);
  return texts;
}

function incident(data, i) {
  const out = [];
  data.edges.forEach((e, k) => {
    if (e.source === i || e.target === i) out.push(k);
  });
  return out;
}

async function detailsText(page) {
  return page.locator('#details').innerText();
}

async function main() {
  const html = fs.readFileSync(htmlPath, 'utf8');
  const data = pageData(html);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-chromium-'));
  // a fresh profile each run (Playwright wants it as userDataDir, not a flag)
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const requests = [];
  const errors = [];
  const dialogs = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    const url = 'file://' + path.resolve(htmlPath);
    await page.goto(url);

    // the list: every actor once, by PageRank, names intact
    const names = await page.locator('#actors li .name').allTextContents();
    check(names.length === data.actors.length, `list has ${names.length} actors, data ${data.actors.length}`);
    const byRank = data.actors.map((a, i) => i).sort((x, y) => {
      const a = data.actors[x], b = data.actors[y];
      return b.pagerank - a.pagerank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    check(JSON.stringify(names) === JSON.stringify(byRank.map((i) => data.actors[i].label)),
      'list shows every name intact, ordered by PageRank');

    // a click in the list shows every evidence sentence of the actor's relations
    if (data.actors.length) {
      const top = byRank[0];
      await page.locator('#actors li').first().click();
      const text = await detailsText(page);
      check(text.includes(data.actors[top].label.slice(0, 200)), 'list click: details name the actor');
      for (const s of evidenceOf(data, incident(data, top)))
        check(text.includes(s), `list click: evidence "${s.slice(0, 60)}" shown`);
    }

    // a click on a node in the SVG: the actor with the most relations
    let hub = -1;
    data.actors.forEach((a, i) => {
      if (hub < 0 || incident(data, i).length > incident(data, hub).length) hub = i;
    });
    if (hub >= 0) {
      const node = page.locator(`#canvas g.node[id="actor-${data.actors[hub].id}"]`);
      check(await node.count() === 1, 'the SVG has the actor\'s node');
      await node.locator('text').first().click();
      const text = await detailsText(page);
      check(text.includes(data.actors[hub].label.slice(0, 200)), 'node click: details name the actor');
      const sentences = evidenceOf(data, incident(data, hub));
      for (const s of sentences) check(text.includes(s), `node click: evidence "${s.slice(0, 60)}" shown`);
      const shown = await page.locator('#details .evidence').count();
      check(shown === sentences.length, `node click: ${shown} evidence boxes for ${sentences.length} sentences`);
      for (const k of incident(data, hub)) {
        const doc = data.edges[k].evidence[0] && data.edges[k].evidence[0].doc;
        if (doc) check(text.includes(doc), `node click: article ${doc} named`);
      }
      check(await page.locator('#canvas g.node.selected').count() >= 1, 'node click: the node is highlighted');
    }

    // a click on a relation's label in the SVG
    if (data.edges.length) {
      const label = page.locator('#canvas g#rel-e0 text');
      if (await label.count()) {
        await label.first().click();
        const text = await detailsText(page);
        for (const s of evidenceOf(data, [0])) check(text.includes(s), `edge click: evidence "${s.slice(0, 60)}" shown`);
      }
    }

    // the search box filters the list
    if (data.actors.length > 1) {
      const target = data.actors[byRank[byRank.length - 1]].label;
      const q = target.slice(0, 12);
      await page.locator('#search').fill(q);
      const visible = await page.locator('#actors li:not(.hidden) .name').allTextContents();
      const want = data.actors.filter((a) => a.label.toLowerCase().includes(q.toLowerCase()) ||
        a.aliases.some((s) => s.toLowerCase().includes(q.toLowerCase()))).length;
      check(visible.includes(target), 'search keeps the actor searched for');
      check(visible.length === want, `search shows ${visible.length} actors, expected ${want}`);
      await page.locator('#search').fill('');
    }

    // the picture a reader sees: the hub selected, its evidence in the panel
    if (hub >= 0) await page.locator(`#actors li[data-index="${hub}"]`).click();
    await page.screenshot({ path: shotPath });

    const external = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    check(external.length === 0, `no network requests (saw: ${external.slice(0, 3).join(', ')})`);
    check(requests.length === 1, `one request, the file itself (saw ${requests.length})`);
    check(errors.length === 0, `no script errors (saw: ${errors.slice(0, 3).join(' | ')})`);
    check(dialogs.length === 0, `no dialogs (saw: ${dialogs.join(', ')})`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`screenshot: ${shotPath}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
