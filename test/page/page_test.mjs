// page_test.mjs: the web page of `bantin serve` in a real browser (run by test/page-check.sh):
// Debian's chromium, headless, driven by playwright-core (test/page/package-lock.json). The
// server listens on 127.0.0.1 only, over a store of samples/, twelve articles to page through,
// a story of four reports (one a reprint, one with a record's own id) and hostile articles whose
// every field tries to run script. Checks the front page, search as you type (an unmarked query
// marks the accented words), paging, the article reader, an article's near-duplicates, then,
// all from the server's own routes: the front page's stories and most read (--count-views
// counts the readers opened before), a story's page, the reader's related articles, page links
// and story timeline; and a phone's width. On every view it listens for dialogs, page errors,
// console errors, failed requests and requests leaving the server: a hostile text (an
// article's, a related article's, a story's title) must run nothing and fetch nothing.
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
  // the record's own related links: hostile schemes are text; one the store holds (by its
  // URL, the rain story's first report below) opens in the reader
  related: [{title: `liên kết js <img src=x onerror="${PWN}">`, url: `javascript:${PWN}`},
            {title: 'liên kết đã lưu', url: 'https://mot.example/mua'},
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
// a story of four reports of one event over a night: the first, its reprint (the timeline's
// "+1 bản sao"), a follow-up whose record carries its own id (not 16 hex digits: the page must
// link it, encoded) and one the next morning; the titles of the last two try to run script
const rain = ['Mưa lớn kéo dài từ chiều qua khiến nhiều tuyến phố nội thành Hà Nội ngập sâu, giao thông ùn tắc nhiều giờ, nhiều xe chết máy giữa dòng nước.',
              'Công ty thoát nước cho biết lượng mưa đo được ở nhiều nơi vượt 150 mm, các trạm bơm đã vận hành hết công suất để tiêu úng cho thành phố.'];
const RAIN_ID = 'vn:mua-02.b_3';
lines.push(
  {title: 'Hà Nội mưa lớn, nhiều tuyến phố ngập sâu', source: 'Báo Một', url: 'https://mot.example/mua', lang: 'vi',
   published: '2024-06-10T18:00:00+07:00', body: rain},
  {title: 'Hà Nội mưa lớn, nhiều tuyến phố ngập sâu', source: 'Báo Hai', url: 'https://hai.example/mua', lang: 'vi',
   published: '2024-06-10T19:00:00+07:00', body: [...rain, 'Theo Báo Một.']},
  {id: RAIN_ID, title: `Mưa lớn gây ngập nhiều tuyến phố Hà Nội <img src=x onerror="${PWN}">`, source: 'Báo Ba', lang: 'vi',
   published: '2024-06-10T21:30:00+07:00',
   body: ['Đến tối, nước vẫn chưa rút ở nhiều tuyến phố, người dân phải dắt xe qua những đoạn ngập sâu.',
          'Lực lượng chức năng được điều động để phân luồng giao thông tại các nút giao.']},
  {title: `Ngập sâu sau trận mưa lớn ở Hà Nội <script>${PWN}</script>`, source: 'Báo Bốn', lang: 'vi',
   published: '2024-06-11T07:00:00+07:00',
   body: ['Sáng nay nhiều tuyến phố vẫn còn ngập sau trận mưa lớn, học sinh phải nghỉ học.',
          'Thành phố yêu cầu các đơn vị khắc phục hậu quả trong ngày.']},
  // a second hostile article that joins the first one's story: a story titled with markup
  {title: `<svg onload="${PWN}"></svg> tin thu nghiem probe lần hai <script>${PWN}</script>`, source: 'Báo Năm', lang: 'vi',
   published: '2024-05-01T11:00:00+07:00', body: ['đoạn hai probe, tin thử nghiệm']});
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
// --count-views: the readers opened below make the front page's most read
const srv = spawn(BIN, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', '0', '--quiet', '--count-views'],
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
    if (m.type() === 'error') trouble.push('console: ' + m.text() + ' ' + (m.location().url || ''));
  });
  page.on('request', (r) => { if (!r.url().startsWith(base)) trouble.push('request: ' + r.url()); });
  page.on('response', (r) => {
    const u = new URL(r.url());
    // every route the page asks answers: no guessed shape, no missing route
    if (r.status() >= 400) trouble.push(`${r.status()}: ${u.pathname}`);
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
  // nothing read yet: no most-read part, and no word about it
  check(await page.locator('#top').count() === 0, 'no most-read part before any view');
  check(await page.locator('#stories .story').count() > 0, 'the stories part, from /api/stories');
  check(!(await page.locator('#view .error').count()), 'no error text on the front page');
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
  const href = await page.locator('.hit a', {hasText: 'probe <img'}).first().getAttribute('href');
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
    // the related route names the stored one: it opens in the reader, not at the publisher
    await page.waitForSelector('#links a[href^="#/a/"]', {timeout: 30000}).catch(() => {});
    const stored = await page.locator('#links a[href^="#/a/"]');
    check(await stored.count() === 1 && await stored.textContent() === 'liên kết đã lưu' &&
          await page.locator('#links a[href="https://mot.example/mua"]').count() === 0,
          'a related link the store holds opens in the reader');
    const links = await page.locator('#links li').allTextContents();
    check(links.length === 5 && links.some((l) => l.startsWith('liên kết js <img')), `every page link listed, as text (${links})`);
    // its story: the two hostile articles, titled with markup shown as text
    await page.waitForSelector('#story .timeline li', {timeout: 30000}).catch(() => {});
    const hs = await (await page.request.get(base + 'api/articles/' + href.slice(4) + '/story')).json();
    check(hs.size === 2 && /<(script|svg)/.test(hs.title), `the hostile articles make a story titled with markup (${hs.title})`);
    check(await page.locator(`#story a[href="#/s/${hs.id}"]`).textContent() === hs.title, 'the reader names its story, as text');
    check(await page.locator('#story .timeline li').count() === 2 && await page.locator('#story [aria-current="page"]').count() === 1,
          'the reader\'s timeline: both reports, this one marked');
    check(await page.locator('#view script, #view img, #view svg').count() === 0 && await page.title() !== 'pwned',
          'the reader\'s related, links and story: text, not markup');
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

  // ---- the story of the rain: its page, from a link of the front page; a report with its
  // record's own id opens from the timeline; its reader lists related articles and its story
  const portal = await newPage();
  const storyList = (await (await portal.request.get(base + 'api/stories?limit=8')).json()).stories;
  const rainStory = storyList.find((x) => x.size === 4 && x.sources.includes('Báo Ba'));
  check(!!rainStory, `the four reports of the rain make one story (${JSON.stringify(storyList.map((x) => [x.id, x.size]))})`);
  await open(portal, '', '#latest .hit');
  check(await portal.locator('#stories .story').count() === storyList.length, 'stories part: one item a story of /api/stories');
  const hostileStory = storyList.find((x) => /<(script|svg)/.test(x.title));
  check(!!hostileStory && await portal.locator(`#stories a[href="#/s/${hostileStory.id}"]`).textContent() === hostileStory.title,
        'a story titled with markup: its title as text');
  if (rainStory) {
    const item = await portal.locator('#stories .story', {has: portal.locator(`a[href="#/s/${rainStory.id}"]`)}).textContent();
    // last: 2024-06-11T00:00:00Z, 07:00 in Hanoi
    check(item.includes('4 bài') && item.includes('4 nguồn: ') && item.includes('11/06/2024 07:00'),
          `a story's size, sources and latest date (${item})`);
    await portal.locator(`#stories a[href="#/s/${rainStory.id}"]`).click();
    await portal.waitForSelector('.timeline li');
    await portal.waitForLoadState('networkidle');
    check(await portal.locator('#view h1').textContent() === rainStory.title, 'the story\'s page is titled by its story');
    const tl = await portal.locator('.timeline li').allTextContents();
    check(tl.length === 3 && tl[0].includes('10/06/2024 18:00') && tl[0].includes('Tin đầu tiên') && tl[0].includes('+1 bản sao') &&
          tl[1].includes('Báo Ba') && tl[1].includes('<img src=x') && !tl[1].includes('Tin đầu tiên') && !tl[1].includes('bản sao') &&
          tl[2].includes('11/06/2024 07:00'),
          `the timeline: a line per group, oldest first, the first report named, copies counted (${tl})`);
    check(await portal.locator('#view script, #view img, #view svg').count() === 0, 'the timeline: text, not markup');
    clean('a story\'s page');
    await portal.screenshot({path: path.join(SHOTS, 'story.png'), fullPage: true});

    const rainHref = '#/a/' + encodeURIComponent(RAIN_ID);
    check(await portal.locator(`.timeline a[href="${rainHref}"]`).count() === 1, `a record's own id links, encoded (${rainHref})`);
    await portal.locator(`.timeline a[href="${rainHref}"]`).click();
    await portal.waitForSelector('#story .timeline li', {timeout: 30000}).catch(() => {});
    await portal.waitForSelector('#related .hit', {timeout: 30000}).catch(() => {});
    await portal.waitForLoadState('networkidle');
    check((await portal.locator('#view h1').textContent()).startsWith('Mưa lớn gây ngập'), 'the reader opens an article by its record\'s id');
    const rel = await (await portal.request.get(base + 'api/articles/' + encodeURIComponent(RAIN_ID) + '/related')).json();
    const relHits = await portal.locator('#related .hit').allTextContents();
    check(rel.related.length > 0 && relHits.length === rel.related.length, `the related articles, all of them (${relHits.length} of ${rel.related.length})`);
    const relHrefs = await portal.locator('#related .hit a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(relHrefs.join() === rel.related.map((x) => '#/a/' + encodeURIComponent(x.id)).join(), 'each related title opens it in the reader');
    check(relHits.some((t) => t.includes('Ngập sâu sau trận mưa lớn ở Hà Nội <script>') && t.includes('Báo Bốn · 11/06/2024 07:00')),
          `a related article: title as text, source, date in Vietnamese form (${relHits[0]})`);
    check(await portal.locator(`#story a[href="#/s/${rainStory.id}"]`).textContent() === rainStory.title, 'the reader links its story');
    const rtl = await portal.locator('#story .timeline li').allTextContents();
    check(rtl.length === 3 && rtl[0].includes('Tin đầu tiên') && rtl[0].includes('+1 bản sao'), `the reader's story timeline (${rtl})`);
    check(await portal.locator('#story [aria-current="page"]').textContent() === (await portal.locator('#view h1').textContent()),
          'the reader\'s own line is named, not linked');
    check(await portal.locator('#view script, #view img, #view svg').count() === 0 && await portal.title() !== 'pwned',
          'related and story titles: text, not markup');
    clean('the reader\'s related articles and story');
    await portal.screenshot({path: path.join(SHOTS, 'article-story.png'), fullPage: true});
  }

  // ---- most read: the readers opened above counted views; the front page lists them, as
  // /api/top does, the record's own id among them
  const top = (await (await portal.request.get(base + 'api/top?limit=8')).json()).articles;
  await open(portal, '', '#top li');
  check(top.length > 0 && await portal.locator('#top li').count() === top.length, `most read: the articles of /api/top (${top.length})`);
  const topHrefs = await portal.locator('#top li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  check(topHrefs.join() === top.map((x) => '#/a/' + encodeURIComponent(x.id)).join(), 'most read: each opens in the reader');
  check(topHrefs.includes('#/a/' + encodeURIComponent(RAIN_ID)), `most read: a record\'s own id links (${JSON.stringify(top.map((x) => [x.id, x.count]))})`);
  check((await portal.locator('#top li').first().textContent()).includes(top[0].count + ' lượt'), 'most read: how often each was read');
  const order = await portal.locator('#view section').evaluateAll((ss) => ss.map((x) => x.id));
  check(order.join(',') === 'stories,top,latest', `the portal's order: stories, most read, latest (${order})`);
  check(await portal.locator('#view script, #view img, #view svg').count() === 0, 'the connect parts: text, not markup');
  clean('front page with stories and most read');
  await portal.screenshot({path: path.join(SHOTS, 'front-portal.png'), fullPage: true});

  // ---- a story titled with markup, on its own page
  if (hostileStory) {
    await open(portal, `#/s/${hostileStory.id}`, '.timeline li');
    await portal.waitForTimeout(300);
    check(await portal.locator('#view h1').textContent() === hostileStory.title, 'a hostile story\'s page: its title as text');
    check(await portal.locator('#view script, #view img, #view svg, #view b').count() === 0 && await portal.title() !== 'pwned',
          'a hostile story\'s page: no element from its texts');
    clean('a hostile story\'s page');
  }
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
