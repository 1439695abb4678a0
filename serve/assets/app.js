// app.js: the page's views, drawn from the JSON API: the front page (stories, most read, latest
// articles), search as you type (filters, paging, matched words marked), the article reader
// and a story's timeline.
// Every text from a capture is hostile: it enters the page only as textContent (never as
// markup), and only http(s) URLs become links.
'use strict';
(function () {
  var PAGE = 10;           // results per page: one screen on a phone
  var TYPE_DELAY_MS = 250; // wait for a pause in typing before asking the server
  var view = document.getElementById('view');
  var form = document.getElementById('search-form');
  var fields = ['q', 'source', 'since', 'until', 'sort'];
  var timer = null, seq = 0;

  function el(tag, attrs) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  function safeUrl(u) { // a link only to the web: never javascript:, data:, or relative tricks
    if (typeof u !== 'string') return null;
    try { var p = new URL(u); } catch (e) { return null; }
    return (p.protocol === 'http:' || p.protocol === 'https:') ? p.href : null;
  }
  // an article's id: its 16 hex digits or the id its record carried (1 to 16 of A-Z a-z 0-9
  // . _ : -, as the server checks): anything else came from a text and makes no link
  function isId(x) { return typeof x === 'string' && /^[A-Za-z0-9._:-]{1,16}$/.test(x); }
  function articleHref(x) { return '#/a/' + encodeURIComponent(x); }
  // a story's id is a row number
  function isStoryId(x) { return /^[0-9]{1,18}$/.test(String(x)); }
  // "2021-08-14T18:19:00+07:00" -> "14/08/2021 18:19" (the time as the article gives it); the
  // server's own times are UTC ("...Z"): those are shown in Vietnam's time (UTC+7), the time
  // a reader of the page lives in, not an hour that is off by seven
  function viDate(s) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(s || '')) {
      var t = new Date(Date.parse(s) + 7 * 3600 * 1000);
      if (!isNaN(t)) {
        var two = function (n) { return (n < 10 ? '0' : '') + n; };
        return two(t.getUTCDate()) + '/' + two(t.getUTCMonth() + 1) + '/' + t.getUTCFullYear() + ' ' +
          two(t.getUTCHours()) + ':' + two(t.getUTCMinutes());
      }
    }
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s || '');
    if (!m) return s || '';
    return m[3] + '/' + m[2] + '/' + m[1] + (m[4] ? ' ' + m[4] + ':' + m[5] : '');
  }
  function meta(source, published) {
    var parts = [];
    if (source) parts.push(source);
    if (published) parts.push(viDate(published));
    return el('div', {'class': 'meta', text: parts.join(' · ')});
  }
  // the snippet with its [start, end) byte ranges (UTF-8) marked
  function marked(snippet, ranges) {
    var p = el('p', {'class': 'snippet'});
    var bytes = new TextEncoder().encode(snippet || ''), dec = new TextDecoder(), at = 0;
    (ranges || []).forEach(function (r) {
      var s = r[0], e = r[1];
      if (s < at || e < s || e > bytes.length) return;
      p.appendChild(document.createTextNode(dec.decode(bytes.subarray(at, s))));
      p.appendChild(el('mark', {text: dec.decode(bytes.subarray(s, e))}));
      at = e;
    });
    p.appendChild(document.createTextNode(dec.decode(bytes.subarray(at))));
    return p;
  }
  function api(path) {
    return fetch(path, {headers: {'Accept': 'application/json'}}).then(function (r) {
      return r.json().then(function (j) { return {status: r.status, body: j}; });
    });
  }
  function errorText(res) {
    return (res.body && res.body.error && res.body.error.message) || ('Lỗi ' + res.status);
  }
  function show() {
    view.textContent = '';
    for (var i = 0; i < arguments.length; i++) if (arguments[i]) view.appendChild(arguments[i]);
  }
  function params() {
    var h = location.hash, i = h.indexOf('?');
    return new URLSearchParams(i < 0 ? '' : h.slice(i + 1));
  }

  function hitList(res, my) {
    var list = el('div', {'class': 'hits'});
    res.body.results.forEach(function (h) {
      list.appendChild(el('article', {'class': 'hit'},
        isId(h.id) ? el('a', {href: articleHref(h.id), text: h.title}) : el('strong', {text: h.title}),
        meta(h.source, h.published),
        h.snippet ? marked(h.snippet, h.highlights) : null));
    });
    return list;
  }

  function strings(list) {
    return Array.isArray(list) ? list.filter(function (x) { return typeof x === 'string' && x; }) : [];
  }
  // a story of /api/stories (`bantin stories --format json`): its title, how many articles,
  // from which sources, its latest article's date
  function storyItem(st) {
    var srcs = strings(st.sources);
    var bits = [st.size + ' bài'];
    if (srcs.length) bits.push(srcs.length + ' nguồn: ' + srcs.slice(0, 4).join(', ') + (srcs.length > 4 ? '…' : ''));
    if (st.last) bits.push(viDate(st.last));
    return el('article', {'class': 'hit story'},
      isStoryId(st.id) ? el('a', {href: '#/s/' + st.id, text: st.title || ''}) : el('strong', {text: st.title || ''}),
      el('div', {'class': 'meta', text: bits.join(' · ')}));
  }
  // an article of /api/top: a link to the reader, with its source and how often it was read
  function topItem(t) {
    var bits = [];
    if (t.source) bits.push(t.source);
    if (t.published) bits.push(viDate(t.published));
    if (t.count != null) bits.push(t.count + ' lượt');
    return el('li', {}, isId(t.id) ? el('a', {href: articleHref(t.id), text: t.title || t.id}) : el('span', {text: t.title || ''}),
      el('span', {'class': 'meta', text: bits.length ? ' · ' + bits.join(' · ') : ''}));
  }
  // a part of the front page that shows only when its route answers with something: an empty
  // store (or a route that fails) leaves it out without a word, the latest articles stay
  function part(id, title, res, name, draw, tag) {
    var list = res && res.status === 200 && res.body && Array.isArray(res.body[name]) ? res.body[name] : [];
    if (!list.length) return null;
    var box = el(tag || 'div', {'class': tag === 'ol' ? 'top-list' : 'hits'});
    list.forEach(function (x) { if (x && typeof x === 'object') box.appendChild(draw(x)); });
    return el('section', {id: id, 'aria-label': title}, el('h2', {text: title}), box);
  }

  // the front page, as a portal's: the stories of the last days, the most read, the latest
  function front() {
    var my = ++seq;
    show(el('p', {'class': 'note', text: 'Đang tải…'}));
    function quiet(p) { return p.catch(function () { return null; }); }
    Promise.all([api('/api/search?since=1900&sort=date&limit=' + PAGE), quiet(api('/api/stories?limit=8')),
                 quiet(api('/api/top?limit=8'))])
      .then(function (rs) {
        if (my !== seq) return;
        var latest = rs[0];
        show(el('h1', {'class': 'sr', text: 'Trang chủ'}),
             part('stories', 'Dòng sự kiện', rs[1], 'stories', storyItem),
             part('top', 'Đọc nhiều', rs[2], 'articles', topItem, 'ol'),
             el('section', {id: 'latest', 'aria-label': 'Tin mới nhất'}, el('h2', {text: 'Tin mới nhất'}),
               latest.status === 200 ? hitList(latest) : el('p', {'class': 'error', text: errorText(latest)})));
      }).catch(function () { if (my === seq) show(el('p', {'class': 'error', text: 'Không kết nối được máy chủ.'})); });
  }

  // a story's timeline (the "timeline" of `bantin story --format json`): one line per group of
  // near-duplicates, in the server's order (by date, the first report first): its date (as the
  // article gives it, else the date it was clustered at), source, title, how many copies.
  // `current`: the article the reader shows, named rather than linked to itself
  function timeline(st, current) {
    var line = el('ol', {'class': 'timeline'});
    (Array.isArray(st.timeline) ? st.timeline : []).forEach(function (it, i) {
      if (!it || typeof it !== 'object') return;
      var when = it.published ? viDate(it.published) : it.date ? viDate(it.date) : '';
      var title = it.title || '';
      line.appendChild(el('li', i === 0 ? {'class': 'first'} : {},
        el('div', {'class': 'meta', text: [when, it.source || ''].filter(function (x) { return x; }).join(' · ')}),
        i === 0 ? el('strong', {'class': 'first-report', text: 'Tin đầu tiên: '}) : null,
        it.id === current ? el('span', {'aria-current': 'page', text: title}) :
          isId(it.id) ? el('a', {href: articleHref(it.id), text: title}) : el('span', {text: title}),
        it.copies > 0 ? el('span', {'class': 'meta', text: ' +' + it.copies + ' bản sao'}) : null));
    });
    return line;
  }

  // a story's page (/api/stories/ID): its title, size, sources, dates, and its timeline
  function story(id) {
    var my = ++seq;
    api('/api/stories/' + encodeURIComponent(id)).then(function (res) {
      if (my !== seq) return;
      if (res.status !== 200) { show(el('p', {'class': 'error', role: 'alert', text: errorText(res)})); return; }
      var st = res.body, srcs = strings(st.sources);
      var bits = [st.size + ' bài'];
      if (srcs.length) bits.push(srcs.join(', '));
      if (st.first && st.last) bits.push(viDate(st.first) + ' – ' + viDate(st.last));
      show(el('h1', {text: st.title || 'Dòng sự kiện'}),
           el('p', {'class': 'meta', text: bits.join(' · ')}),
           timeline(st, null));
      document.title = (st.title || 'Dòng sự kiện') + ' – Bản tin';
      view.focus();
    }).catch(function () { if (my === seq) show(el('p', {'class': 'error', text: 'Không kết nối được máy chủ.'})); });
  }

  function search() {
    var p = params(), my = ++seq;
    fields.forEach(function (f) { var e = document.getElementById(f); if (document.activeElement !== e) e.value = p.get(f) || (f === 'sort' ? 'relevance' : ''); });
    var page = Math.max(0, parseInt(p.get('page') || '0', 10) || 0);
    var q = new URLSearchParams();
    fields.forEach(function (f) { if (p.get(f)) q.set(f, p.get(f)); });
    if (!q.get('q') && !q.get('since') && !q.get('until') && !q.get('source')) { front(); return; }
    q.set('limit', PAGE);
    q.set('offset', page * PAGE);
    api('/api/search?' + q.toString()).then(function (res) {
      if (my !== seq) return;
      if (res.status !== 200) { show(el('p', {'class': 'error', role: 'alert', text: errorText(res)})); return; }
      var total = res.body.total, more = res.body.total_more;
      var pager = el('nav', {'class': 'pager', 'aria-label': 'Trang kết quả'});
      if (page > 0) pager.appendChild(el('button', {type: 'button', 'data-page': page - 1, text: '← Trang trước'}));
      if ((page + 1) * PAGE < total) pager.appendChild(el('button', {type: 'button', 'data-page': page + 1, text: 'Trang sau →'}));
      show(el('p', {'class': 'meta', id: 'count', text: total + (more ? '+' : '') + ' kết quả · trang ' + (page + 1)}),
           hitList(res), pager);
    }).catch(function () { if (my === seq) show(el('p', {'class': 'error', text: 'Không kết nối được máy chủ.'})); });
  }

  // the article's near-duplicates (reprints by other outlets, edited copies): a section that
  // fills in when the article has some, each copy by its title and source, the original marked
  var MAX_COPIES = 8;
  function copies(id, my) {
    var sec = el('section', {id: 'copies', 'aria-label': 'Các bản đăng lại'});
    api('/api/articles/' + encodeURIComponent(id) + '/duplicates').then(function (res) {
      var others = res.status === 200 && res.body && Array.isArray(res.body.articles) ?
        res.body.articles.filter(function (x) { return x && isId(x.id) && x.id !== id; }) : [];
      if (my !== seq || !others.length) return;
      var origin = res.body.articles[0] && res.body.articles[0].id;
      var list = el('ul', {'class': 'copies'});
      sec.appendChild(el('h2', {text: 'Bản đăng lại (' + others.length + ')'}));
      sec.appendChild(list);
      others.slice(0, MAX_COPIES).forEach(function (x) {
        var li = el('li', {}, el('a', {href: articleHref(x.id), text: x.id}));
        list.appendChild(li);
        api('/api/articles/' + encodeURIComponent(x.id)).then(function (ar) {
          if (ar.status !== 200) return;
          li.textContent = '';
          li.appendChild(el('a', {href: articleHref(x.id), text: ar.body.title || x.id}));
          li.appendChild(el('span', {'class': 'meta', text: ' · ' + [ar.body.source || '', x.id === origin ? 'bản gốc' :
            'giống ' + Math.round((x.similarity || 0) * 100) + '%'].filter(function (t) { return t; }).join(' · ')}));
        });
      });
    }).catch(function () {});
    return sec;
  }

  function reader(id) {
    var my = ++seq;
    api('/api/articles/' + encodeURIComponent(id)).then(function (res) {
      if (my !== seq) return;
      if (res.status !== 200) { show(el('p', {'class': 'error', role: 'alert', text: errorText(res)})); return; }
      var a = res.body, body = el('div', {'class': 'body'});
      if (a.lede) body.appendChild(el('p', {'class': 'lede', text: a.lede}));
      (a.body || []).forEach(function (t) { body.appendChild(el('p', {text: t})); });
      var figs = el('div');
      (a.images || []).forEach(function (im) {
        // the publisher's image is not fetched: a link opens it only when the reader asks
        var u = safeUrl(im.src);
        figs.appendChild(el('figure', {'class': 'fig'},
          el('figcaption', {text: (im.caption || '') + (im.credit ? ' (Ảnh: ' + im.credit + ')' : '')}),
          u ? el('a', {href: u, rel: 'noopener noreferrer', target: '_blank', text: 'Mở ảnh ở trang gốc'}) : null));
      });
      // the page's own related links, drawn from the record now and again from the related
      // route's "links" (the same links in the same order) once it says which are stored
      var rel = null;
      if (a.related && a.related.length) {
        rel = el('ul', {id: 'links'});
        ownLinks(rel, a.related);
      }
      var src = safeUrl(a.url);
      show(el('h1', {text: a.title}),
           // a record without a source or authors says nothing of them (not "null")
           meta([a.source || '', Array.isArray(a.authors) ? a.authors.join(', ') : ''].filter(function (x) { return x; }).join(' · '), a.published),
           figs, body,
           src ? el('p', {}, el('a', {href: src, rel: 'noopener noreferrer', target: '_blank', text: 'Bài gốc'})) : null,
           rel ? el('h2', {text: 'Tin liên quan'}) : null, rel);
      document.title = a.title + ' – Bản tin';
      view.focus();
      view.appendChild(copies(id, my));
      view.appendChild(related(id, my, rel));
      view.appendChild(storyOf(id, my));
    }).catch(function () { if (my === seq) show(el('p', {'class': 'error', text: 'Không kết nối được máy chủ.'})); });
  }

  // the page's own related links into `list`: one the store holds opens in the reader, else
  // an http(s) one opens the publisher's page, else (javascript:, data:, none) its title is text
  function ownLinks(list, links) {
    list.textContent = '';
    links.forEach(function (r) {
      if (!r || typeof r !== 'object') return;
      var u = safeUrl(r.url), title = r.title || r.url || '';
      list.appendChild(el('li', {}, isId(r.id) ? el('a', {href: articleHref(r.id), text: title}) :
        u ? el('a', {href: u, rel: 'noopener noreferrer', target: '_blank', text: title}) : el('span', {text: title})));
    });
  }

  // the computed related articles (/api/articles/ID/related: same story, shared names, close
  // dates), each by its title (to the reader), source and date; left out when there are none
  function related(id, my, own) {
    var sec = el('section', {id: 'related', 'aria-label': 'Bài viết liên quan'});
    api('/api/articles/' + encodeURIComponent(id) + '/related').then(function (rr) {
      if (my !== seq || rr.status !== 200 || !rr.body) return;
      if (own && Array.isArray(rr.body.links) && rr.body.links.length) ownLinks(own, rr.body.links);
      var list = Array.isArray(rr.body.related) ? rr.body.related.filter(function (x) { return x && isId(x.id); }) : [];
      if (!list.length) return;
      var box = el('div', {'class': 'hits'});
      list.forEach(function (x) {
        box.appendChild(el('article', {'class': 'hit'}, el('a', {href: articleHref(x.id), text: x.title || x.id}),
          meta(x.source, x.published)));
      });
      sec.appendChild(el('h2', {text: 'Bài viết liên quan'}));
      sec.appendChild(box);
    }).catch(function () {});
    return sec;
  }

  // the article's story (/api/articles/ID/story): its title (to the story's page) and its
  // timeline. A story of one article is the article itself: nothing to show then
  function storyOf(id, my) {
    var sec = el('section', {id: 'story', 'aria-label': 'Dòng sự kiện'});
    api('/api/articles/' + encodeURIComponent(id) + '/story').then(function (res) {
      if (my !== seq || res.status !== 200 || !res.body || !(res.body.size > 1)) return;
      var st = res.body;
      sec.appendChild(el('h2', {text: 'Dòng sự kiện'}));
      sec.appendChild(el('p', {}, isStoryId(st.id) ? el('a', {href: '#/s/' + st.id, text: st.title || ''}) : el('strong', {text: st.title || ''}),
        el('span', {'class': 'meta', text: ' · ' + st.size + ' bài'})));
      sec.appendChild(timeline(st, id));
    }).catch(function () {});
    return sec;
  }

  function route() {
    var h = location.hash || '#/';
    // an article's id arrives encoded (encodeURIComponent: ':' as %3A), and a hand-typed one
    // may come as is: decoded, it must be an id
    var m = /^#\/a\/([^/?#]+)$/.exec(h), ms = /^#\/s\/([0-9]{1,18})$/.exec(h), aid = null;
    if (m) { try { aid = decodeURIComponent(m[1]); } catch (e) { aid = null; } }
    if (aid !== null && isId(aid)) reader(aid);
    else if (ms) story(ms[1]);
    else if (h.indexOf('#/search') === 0) search();
    else front();
  }

  function fromForm(push) {
    var q = new URLSearchParams();
    fields.forEach(function (f) { var v = document.getElementById(f).value.trim(); if (v && !(f === 'sort' && v === 'relevance')) q.set(f, v); });
    var h = '#/search?' + q.toString();
    if (push) location.hash = h; else { history.replaceState(null, '', h); route(); }
  }
  form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { fromForm(location.hash.indexOf('#/search') !== 0); }, TYPE_DELAY_MS); });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); fromForm(false); });
  view.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-page]');
    if (!b) return;
    var p = params(); p.set('page', b.getAttribute('data-page'));
    location.hash = '#/search?' + p.toString();
  });
  window.addEventListener('hashchange', route);
  api('/api/stats').then(function (r) { if (r.status === 200) document.getElementById('stats').textContent = r.body.articles + ' bài viết'; });
  route();
})();
