// page_test.mjs: the web page of `bantin serve` in a real browser (run by test/page-check.sh):
// Debian's chromium, headless, driven by playwright-core (test/page/package-lock.json). The
// server listens on 127.0.0.1 only, over a store of samples/, twelve articles to page through
// and hostile articles whose every field tries to run script. Checks the front page, search as
// you type (an unmarked query marks the accented words), paging, the article reader, the front
// page's stories and most-read parts (shown when their routes answer, left out on 501), a
// story's timeline, an article's near-duplicates, a phone's width; on every view it listens for dialogs, page errors, console
// errors and requests leaving the server: a hostile text must run nothing and fetch nothing.
// Saves screenshots under build/screenshots/. Prints "N passed, N failed"; exits 0 or 1.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve(process.argv[2] || 'build/asan/bantin');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.resolve('build/screenshots');
// what a hostile text would do if it ran: open a dialog, and set the title
const PWN = "alert(1);document.title='pwned'";
let passed = 0;
const failures = [];

function check(cond, what) {
  if (cond) passed++;
  else { failures.push(what); console.log('FAIL', what); }
}

// ---- the store -------------------------------------------------------------------------
const tmp = mkdtempSync(path.join(tmpdir(), 'bantin-page-'));
const db = path.join(tmp, 'p.db');
const records = path.join(tmp, 'records.jsonl');
const hostile = {
  title: `<script>${PWN}</script> tin thu nghiem probe <img src=x onerror="${PWN}">`,
  source: '<b>Nguồn</b><svg onload="' + PWN + '">',
  published: '2024-05-01T09:05:00+07:00',
  authors: [`<img src=x onerror="${PWN}">`],
  lede: `</textarea><svg onload="${PWN}"></svg> lede probe`,
  body: [`<img src=x onerror="${PWN}"> đoạn một probe`,
         `<iframe src="javascript:${PWN}"></iframe> đoạn hai </textarea><script>${PWN}</script>`,
         `<svg><script>${PWN}</script></svg><a href="javascript:${PWN}">bấm</a> đoạn ba`],
  images: [{src: `javascript:${PWN}`, caption: `<svg><script>${PWN}</script></svg> chú thích`, credit: '<i>x</i>'},
           {src: 'https://example.org/anh.jpg', caption: 'Ảnh thật', credit: 'Reuters'}],
  related: [{title: `liên kết js <img src=x onerror="${PWN}">`, url: `javascript:${PWN}`},
            {title: 'liên kết data', url: `data:text/html,<script>${PWN}</script>`},
            {title: 'liên kết vbscript', url: ` JaVaScRiPt:${PWN}`},
            {title: 'liên kết thật', url: 'https://example.org/bai'}],
  lang: 'vi',
};
// a near-duplicate pair: a reprint, whose title also tries to run script
const reprinted = ['Hội đồng nhân dân thành phố Hà Nội đã thông qua nghị quyết về việc mở rộng mạng lưới xe buýt điện trên các tuyến phố chính trong năm tới, với tổng vốn đầu tư hàng nghìn tỷ đồng.',
                   'Theo kế hoạch, các tuyến xe buýt điện mới sẽ kết nối các quận nội thành với khu vực ngoại thành, giúp giảm ùn tắc giao thông và ô nhiễm không khí cho người dân thủ đô.'];
const lines = [hostile,
  {title: 'Hà Nội mở rộng mạng lưới xe buýt điện', source: 'Báo Một', url: 'https://mot.example/1', lang: 'vi',
   published: '2023-03-01T08:00:00+07:00', body: reprinted},
  {title: `Bản đăng lại <img src=x onerror="${PWN}">`, source: 'Báo Hai', url: 'https://hai.example/2', lang: 'vi',
   published: '2023-03-02T08:00:00+07:00', body: [...reprinted, 'Theo Báo Một.']}];
for (let i = 1; i <= 12; i++)
  lines.push({title: `Phân trang thứ ${i}`, source: 'Thử', lang: 'vi',
              published: `2024-01-${String(i).padStart(2, '0')}T08:00:00+07:00`,
              body: [`Bài kiểm tra phân trang số ${i} của trang tìm kiếm, thứ tự ${i * 7}.`]});
writeFileSync(records, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
const samples = readdirSync('samples').sort().map((f) => path.join('samples', f));
const add = spawnSync(BIN, ['add', '-q', '--db', db, ...samples, records]);
if (add.status !== 0) {
  console.log('FAIL page-check: cannot make the store:', String(add.stderr));
  process.exit(1);
}
mkdirSync(SHOTS, {recursive: true});

// ---- the server --------------------------------------------------------------------------
const srv = spawn(BIN, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', '0', '--quiet'],
                  {stdio: ['ignore', 'ignore', 'pipe']});
let log = '';
const port = await new Promise((resolve) => {
  srv.stderr.on('data', (d) => {
    log += d;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
    if (m) resolve(Number(m[1]));
  });
  srv.on('exit', () => resolve(0));
});
if (!port) {
  console.log('FAIL page-check: the server did not start:', log);
  process.exit(1);
}
const base = `http://127.0.0.1:${port}/`;

// ---- the browser, and what it must never see ----------------------------------------------
const browser = await chromium.launch({executablePath: CHROMIUM, headless: true,
                                       args: ['--no-sandbox', '--disable-gpu']});
let trouble = []; // dialogs, page errors, console errors, requests elsewhere: per view

function watch(page) {
  page.on('dialog', (d) => { trouble.push('dialog: ' + d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => trouble.push('page error: ' + e.message));
  page.on('console', (m) => {
    // the routes of connect answer 501 until the server has them: the browser logs that
    if (m.type() === 'error' && !/status of 501/.test(m.text())) trouble.push('console: ' + m.text() + ' ' + (m.location().url || ''));
  });
  page.on('request', (r) => { if (!r.url().startsWith(base)) trouble.push('request: ' + r.url()); });
  page.on('response', (r) => {
    const u = new URL(r.url());
    // the page fetches nothing the server does not have, save the routes still 501
    if (r.status() >= 400 && r.status() !== 501) trouble.push(`${r.status()}: ${u.pathname}`);
  });
}

async function newPage(width = 1280, height = 900) {
  const ctx = await browser.newContext({viewport: {width, height}, javaScriptEnabled: true});
  const page = await ctx.newPage();
  watch(page);
  return page;
}

// opens `hash`, waits until the view has drawn (not "loading"), and returns the page
async function open(page, hash, ready) {
  // a fresh load each time: a change of the #fragment alone would leave the last view on
  // screen until the new one is drawn, and `ready` could match the old one
  await page.goto('about:blank');
  trouble = [];
  await page.goto(base + hash);
  await page.waitForSelector(ready || '#view > :not(.note)', {timeout: 30000});
  await page.waitForLoadState('networkidle');
  return page;
}

function clean(what) {
  check(trouble.length === 0, `${what}: nothing ran or was fetched (${trouble.slice(0, 3).join('; ')})`);
}

try {
  // ---- the front page
  const page = await newPage();
  await open(page, '', '#latest .hit');
  const latest = await page.locator('#latest .hit').count();
  check(latest === 10, `the front page lists the 10 latest articles (${latest})`);
  check(await page.locator('#latest h2').textContent() === 'Tin mới nhất', 'the latest part is named');
  // while the connect routes answer 501, their parts are left out without a word
  const stories501 = (await page.request.get(base + 'api/stories')).status();
  if (stories501 === 501) check(await page.locator('#stories').count() === 0, 'no stories part while /api/stories is 501');
  const top501 = (await page.request.get(base + 'api/top')).status();
  if (top501 === 501) check(await page.locator('#top').count() === 0, 'no most-read part while /api/top is 501');
  check(!(await page.locator('#view').textContent()).includes('501'), 'no error text on the front page');
  check(await page.title() === 'Bản tin', 'the title stays the page\'s');
  clean('front page');
  await page.screenshot({path: path.join(SHOTS, 'front.png')});

  // ---- search as you type: an unmarked query finds, and marks, the accented words
  await open(page, '', '#latest .hit');
  await page.locator('#q').pressSequentially('xe buyt', {delay: 60});
  // a pause in typing (or a slow machine) may show the results of "xe" first: wait for the
  // whole query's
  await page.waitForFunction(() => /q=xe\+buyt$/.test(location.hash) &&
    [...document.querySelectorAll('.hit mark')].some((m) => m.textContent.toLowerCase() === 'buýt'),
    null, {timeout: 30000}).catch(() => {});
  await page.waitForLoadState('networkidle');
  const marks = await page.locator('.hit mark').allTextContents();
  check(marks.some((m) => m.toLowerCase() === 'buýt'), `typing "xe buyt" marks "buýt" (${marks.slice(0, 6)})`);
  check(page.url().includes('#/search?q=xe+buyt'), `the URL holds the query (${page.url()})`);
  check(await page.locator('#q').inputValue() === 'xe buyt', 'the typed query stays in the box');
  const viewText = await page.locator('#view').textContent();
  check(/\d+ kết quả · trang 1/.test(viewText), 'the result count');
  check(/\d\d\/\d\d\/\d{4} \d\d:\d\d/.test(viewText), 'dates in Vietnamese form');
  clean('search');
  await page.screenshot({path: path.join(SHOTS, 'search.png')});

  // ---- paging: 12 articles, 10 a page
  await open(page, '#/search?q=phan%20trang&sort=date', '#count');
  check(await page.locator('.hit').count() === 10, 'page 1 of 12 holds 10');
  check(await page.locator('button[data-page]', {hasText: 'Trang sau'}).count() === 1 &&
        await page.locator('button[data-page]', {hasText: 'Trang trước'}).count() === 0, 'page 1: a next button only');
  await page.locator('button[data-page]', {hasText: 'Trang sau'}).click();
  await page.waitForFunction(() => /trang 2/.test(document.getElementById('count')?.textContent || ''));
  check(await page.locator('.hit').count() === 2, 'page 2 of 12 holds 2');
  check(await page.locator('.hit a').last().textContent() === 'Phân trang thứ 1', 'by date: the oldest last');
  check(await page.locator('button[data-page]', {hasText: 'Trang trước'}).count() === 1 &&
        await page.locator('button[data-page]', {hasText: 'Trang sau'}).count() === 0, 'page 2: a previous button only');
  await page.locator('button[data-page]', {hasText: 'Trang trước'}).click();
  await page.waitForFunction(() => /trang 1/.test(document.getElementById('count')?.textContent || ''));
  check(await page.locator('.hit').count() === 10, 'back on page 1');
  clean('paging');

  // ---- the reader, from a result
  await open(page, '#/search?q=nhay%20xa', '#count');
  const first = await page.locator('.hit a').first().textContent();
  await page.locator('.hit a').first().click();
  await page.waitForSelector('#view h1');
  await page.waitForLoadState('networkidle');
  check(await page.locator('#view h1').textContent() === first, 'the reader opens the article clicked');
  check(await page.locator('#view .body p').count() >= 2, 'the reader shows the body');
  check((await page.title()).startsWith(first), 'the document is titled by the article');
  clean('reader');

  // ---- a reprint: the reader lists its group, the original marked; the original its copy
  await open(page, '#/search?q=ban%20dang%20lai', '#count');
  await page.locator('.hit a').first().click();
  await page.waitForSelector('#copies li .meta');
  await page.waitForLoadState('networkidle');
  check(await page.locator('#copies h2').textContent() === 'Bản đăng lại (1)', 'the reprint\'s reader names its group');
  check((await page.locator('#copies li').textContent()).includes('Hà Nội mở rộng mạng lưới xe buýt điện · Báo Một · bản gốc'),
        `the original, by title and source (${await page.locator('#copies li').textContent()})`);
  await page.locator('#copies a').click();
  // the reprint's view stays until the original's is drawn: wait for its title, then its list
  await page.waitForFunction(() => document.querySelector('#view h1')?.textContent === 'Hà Nội mở rộng mạng lưới xe buýt điện',
                             null, {timeout: 30000}).catch(() => {});
  await page.waitForSelector('#copies li .meta', {timeout: 30000}).catch(() => {});
  await page.waitForLoadState('networkidle');
  check(await page.locator('#view h1').textContent() === 'Hà Nội mở rộng mạng lưới xe buýt điện', 'a copy\'s link opens it');
  const copyText = await page.locator('#copies li').textContent();
  check(/Bản đăng lại <img src=x onerror=.* · Báo Hai · giống \d+%/.test(copyText) && await page.locator('#copies img').count() === 0,
        `the original lists the reprint, its title as text (${copyText})`);
  clean('near-duplicates in the reader');
  await open(page, '#/search?q=nhay%20xa', '#count');
  await page.locator('.hit a').first().click();
  await page.waitForSelector('#view h1');
  await page.waitForLoadState('networkidle');
  check(await page.locator('#copies *').count() === 0, 'an article without copies shows no such part');

  // ---- hostile articles: in the results, in the latest, in the reader
  await open(page, '#/search?q=probe', '#count');
  const href = await page.locator('.hit a').first().getAttribute('href');
  check(/^#\/a\/[0-9a-f]{16}$/.test(href || ''), 'the hostile article is found');
  const views = ['#/search?q=probe', '', '#/search?q=probe&source=%3Cb%3ENgu%E1%BB%93n%3C%2Fb%3E'];
  if (href) views.push(href);
  for (const v of views) {
    await open(page, v, v === '' ? '#latest .hit' : (v.startsWith('#/a/') ? '#view h1' : '#count'));
    await page.waitForTimeout(300); // an image's onerror, an svg's onload: give them their turn
    const name = v || 'front page';
    clean(`hostile ${name}`);
    check(await page.title() !== 'pwned', `${name}: the title is not the script's`);
    const bad = await page.locator('#view script, #view img, #view svg, #view iframe, #view textarea, #view b, #view i').count();
    check(bad === 0, `${name}: no element from a capture's text (${bad})`);
    const hrefs = await page.locator('#view a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(hrefs.every((h) => /^(#\/|https?:)/.test(h)), `${name}: links go to the page's views or the web only (${hrefs.filter((h) => !/^(#\/|https?:)/.test(h))})`);
    check((await page.locator('#view').textContent()).includes('<script>') || v === '', `${name}: the hostile text is shown as text`);
  }
  if (href) {
    await open(page, href, '#view h1');
    const text = await page.locator('#view').textContent();
    check(text.includes('lede probe') && text.includes('đoạn một probe') && text.includes('</textarea>'), 'the reader: lede and body as text');
    check(text.includes('(Ảnh: Reuters)') && await page.locator('#view a[href="https://example.org/anh.jpg"]').count() === 1,
          'images: caption and credit; the picture only as a link');
    check(await page.locator('#view a[href="https://example.org/bai"]').count() === 1 && text.includes('liên kết js'),
          'related links: the web ones clickable, the others as text');
    check(text.includes('01/05/2024 09:05'), 'the article\'s date in Vietnamese form');
    check(await page.locator('#view a[target="_blank"]:not([rel~="noopener"])').count() === 0, 'links to other sites open without a handle on the page');
    clean('hostile reader');
  }

  // ---- a phone: 360 px wide, nothing wider than the screen
  const phone = await newPage(360, 740);
  for (const [v, ready, shot] of [['', '#latest .hit', 'front-phone.png'], ['#/search?q=xe%20buyt', '#count', 'search-phone.png'],
                                  [href || '', href ? '#view h1' : '#latest .hit', 'article-phone.png']]) {
    await open(phone, v, ready);
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 360, `${v || 'front page'} on a 360 px phone: ${wide} px wide`);
    const box = await phone.locator('#q').boundingBox();
    check(box && box.x >= 0 && box.x + box.width <= 360, `${v || 'front page'}: the search box fits the phone`);
    clean(`phone ${v || 'front page'}`);
    await phone.screenshot({path: path.join(SHOTS, shot), fullPage: v === ''});
  }

  // ---- the front page's connect parts, once their routes answer: stories of the last days
  // (size, sources), most read, and a story's timeline. Answered here by the test (the
  // browser's own interception) with hostile text, as the server will answer them.
  const portal = await newPage();
  const storyList = {stories: [
    {id: 7, title: 'Xe buýt điện ở Hà Nội <img src=x onerror="' + PWN + '">', size: 5,
     sources: ['Báo Một', 'Báo Hai', '<script>' + PWN + '</script>'], updated: '2024-05-02T10:00:00+07:00'},
    {id: 'javascript:alert(1)', title: 'Một dòng sự kiện có id lạ', size: 2, sources: [{name: 'Thử'}]}]};
  const topList = {by: 'views', days: 7, articles: [
    {id: href ? href.slice(4) : '0123456789abcdef', title: 'Bài đọc nhiều <script>' + PWN + '</script>', source: 'Báo Một', count: 42},
    {id: 'x"><script>', title: 'id lạ', count: 3}]};
  const timeline = {id: 7, title: 'Xe buýt điện ở Hà Nội', sources: ['Báo Một', 'Báo Hai'], articles: [
    {id: 'aaaaaaaaaaaaaaaa', title: 'Bài sau', source: 'Báo Hai', published: '2024-05-02T10:00:00+07:00'},
    {id: 'bbbbbbbbbbbbbbbb', title: 'Bài đầu <svg onload="' + PWN + '">', source: 'Báo Một', published: '2024-04-30T08:00:00+07:00'}]};
  await portal.route(/\/api\/stories(\?|$)/, (r) => r.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify(storyList)}));
  await portal.route(/\/api\/top(\?|$)/, (r) => r.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify(topList)}));
  await portal.route(/\/api\/stories\/7$/, (r) => r.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify(timeline)}));
  await open(portal, '', '#latest .hit');
  check(await portal.locator('#stories .story').count() === 2, 'stories part: one item a story');
  const st = await portal.locator('#stories').textContent();
  check(st.includes('5 bài') && st.includes('3 nguồn: Báo Một, Báo Hai') && st.includes('02/05/2024'), `a story's size, sources and date (${st.slice(0, 160)})`);
  check(await portal.locator('#stories a[href="#/s/7"]').count() === 1 && await portal.locator('#stories a').count() === 1,
        'a story links to its timeline; an id that is not one gives no link');
  check(await portal.locator('#top li').count() === 2 && (await portal.locator('#top').textContent()).includes('42 lượt'), 'most read: the articles and their counts');
  check(await portal.locator('#top a').count() === 1, 'most read: only a real article id is a link');
  const order = await portal.locator('#view section').evaluateAll((ss) => ss.map((s) => s.id));
  check(order.join(',') === 'stories,top,latest', `the portal's order: stories, most read, latest (${order})`);
  check(await portal.locator('#view script, #view img, #view svg').count() === 0, 'the connect parts: text, not markup');
  clean('front page with stories and most read');
  await portal.screenshot({path: path.join(SHOTS, 'front-portal.png'), fullPage: true});
  await portal.locator('#stories a[href="#/s/7"]').click();
  await portal.waitForSelector('.timeline li');
  const tl = await portal.locator('.timeline li').allTextContents();
  check(tl.length === 2 && tl[0].includes('30/04/2024') && tl[0].includes('Bài đầu') && tl[1].includes('Bài sau'),
        `a story's timeline, oldest first (${tl})`);
  check(await portal.locator('#view h1').textContent() === 'Xe buýt điện ở Hà Nội', 'the timeline is titled by its story');
  clean('story timeline');
} catch (e) {
  check(false, 'the browser run: ' + (e && e.stack || e));
} finally {
  await browser.close().catch(() => {});
  srv.kill('SIGTERM');
}
const code = await new Promise((resolve) => {
  if (srv.exitCode !== null) resolve(srv.exitCode);
  else srv.on('exit', (c) => resolve(c));
});
check(code === 0, `the server stops cleanly (${code})`);
check(['front.png', 'search.png', 'search-phone.png'].every((f) => statSync(path.join(SHOTS, f)).size > 5000), 'screenshots saved');
check(!/AddressSanitizer|runtime error/.test(log), 'no sanitizer report: ' + log.slice(-500));
rmSync(tmp, {recursive: true, force: true});
console.log(`page-check: screenshots in ${SHOTS}`);
console.log(`page-check: ${passed} checks passed, ${failures.length} failed${failures.length ? "" : " (PASS)"}`);
process.exit(failures.length ? 1 : 0);
