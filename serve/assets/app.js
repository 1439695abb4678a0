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
  // "2021-08-14T18:19:00+07:00" -> "14/08/2021 18:19" (the time as the article gives it)
  function viDate(s) {
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
        el('a', {href: '#/a/' + encodeURIComponent(h.id), text: h.title}),
        meta(h.source, h.published),
        h.snippet ? marked(h.snippet, h.highlights) : null));
    });
    return list;
  }

  // the items of a list reply, whatever its member's name ("stories", "articles", "results")
  function items(body, names) {
    if (Array.isArray(body)) return body;
    for (var i = 0; body && i < names.length; i++) if (Array.isArray(body[names[i]])) return body[names[i]];
    return [];
  }
  function sourceNames(list) {
    return (list || []).map(function (x) { return typeof x === 'string' ? x : (x && (x.name || x.source)) || ''; })
      .filter(function (x) { return x; });
  }
  // a story of /api/stories: its title, how many articles, from which sources
  function storyItem(st) {
    var arts = Array.isArray(st.articles) ? st.articles : [];
    var title = st.title || st.label || (arts[0] && arts[0].title) || '';
    var size = st.size != null ? st.size : st.n != null ? st.n : arts.length;
    var srcs = sourceNames(st.sources);
    var bits = [size + ' bài'];
    if (srcs.length) bits.push(srcs.length + ' nguồn: ' + srcs.slice(0, 4).join(', ') + (srcs.length > 4 ? '…' : ''));
    if (st.updated || st.last) bits.push(viDate(st.updated || st.last));
    var id = st.id != null ? String(st.id) : '';
    return el('article', {'class': 'hit story'},
      /^[0-9A-Za-z_-]{1,64}$/.test(id) ? el('a', {href: '#/s/' + encodeURIComponent(id), text: title}) : el('strong', {text: title}),
      el('div', {'class': 'meta', text: bits.join(' · ')}));
  }
  // an article of /api/top: a link to the reader, with its source and how often it was read
  function topItem(t) {
    var bits = [];
    if (t.source) bits.push(t.source);
    if (t.published) bits.push(viDate(t.published));
    if (t.count != null) bits.push(t.count + ' lượt');
    return el('li', {}, /^[0-9a-f]{16}$/.test(t.id || '') ? el('a', {href: '#/a/' + t.id, text: t.title || t.id}) : el('span', {text: t.title || ''}),
      el('span', {'class': 'meta', text: bits.length ? ' · ' + bits.join(' · ') : ''}));
  }
  // a part of the front page that shows only when its route answers with something: the
  // connect routes answer 501 until the server has them, and then the part is left out
  function part(id, title, res, names, draw, tag) {
    var list = res && res.status === 200 ? items(res.body, names) : [];
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
             part('stories', 'Dòng sự kiện', rs[1], ['stories', 'results'], storyItem),
             part('top', 'Đọc nhiều', rs[2], ['articles', 'results', 'items'], topItem, 'ol'),
             el('section', {id: 'latest', 'aria-label': 'Tin mới nhất'}, el('h2', {text: 'Tin mới nhất'}),
               latest.status === 200 ? hitList(latest) : el('p', {'class': 'error', text: errorText(latest)})));
      }).catch(function () { if (my === seq) show(el('p', {'class': 'error', text: 'Không kết nối được máy chủ.'})); });
  }

  // a story's timeline: its articles from the first to the latest (/api/stories/ID)
  function story(id) {
    var my = ++seq;
    api('/api/stories/' + encodeURIComponent(id)).then(function (res) {
      if (my !== seq) return;
      if (res.status !== 200) { show(el('p', {'class': 'error', role: 'alert', text: errorText(res)})); return; }
      var st = res.body.story && typeof res.body.story === 'object' ? res.body.story : res.body;
      var arts = items(res.body, ['timeline', 'articles']);
      if (!arts.length) arts = items(st, ['timeline', 'articles']);
      arts = arts.slice().sort(function (a, b) { return String(a.published || '').localeCompare(String(b.published || '')); });
      var line = el('ol', {'class': 'timeline'});
      arts.forEach(function (a) {
        line.appendChild(el('li', {},
          el('div', {'class': 'meta', text: [a.published ? viDate(a.published) : '', a.source || ''].filter(function (x) { return x; }).join(' · ')}),
          /^[0-9a-f]{16}$/.test(a.id || '') ? el('a', {href: '#/a/' + a.id, text: a.title || a.id}) : el('span', {text: a.title || ''})));
      });
      var srcs = sourceNames(st.sources);
      show(el('h1', {text: st.title || st.label || (arts[0] && arts[0].title) || 'Dòng sự kiện'}),
           el('p', {'class': 'meta', text: arts.length + ' bài' + (srcs.length ? ' · ' + srcs.join(', ') : '')}),
           line);
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
        res.body.articles.filter(function (x) { return x && /^[0-9a-f]{16}$/.test(x.id) && x.id !== id; }) : [];
      if (my !== seq || !others.length) return;
      var origin = res.body.articles[0] && res.body.articles[0].id;
      var list = el('ul', {'class': 'copies'});
      sec.appendChild(el('h2', {text: 'Bản đăng lại (' + others.length + ')'}));
      sec.appendChild(list);
      others.slice(0, MAX_COPIES).forEach(function (x) {
        var li = el('li', {}, el('a', {href: '#/a/' + x.id, text: x.id}));
        list.appendChild(li);
        api('/api/articles/' + x.id).then(function (ar) {
          if (ar.status !== 200) return;
          li.textContent = '';
          li.appendChild(el('a', {href: '#/a/' + x.id, text: ar.body.title || x.id}));
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
      var rel = null;
      if (a.related && a.related.length) {
        rel = el('ul');
        a.related.forEach(function (r) {
          var u = safeUrl(r.url);
          rel.appendChild(el('li', {}, u ? el('a', {href: u, rel: 'noopener noreferrer', target: '_blank', text: r.title}) : el('span', {text: r.title})));
        });
      }
      var src = safeUrl(a.url);
      show(el('h1', {text: a.title}),
           meta(a.source + (a.authors && a.authors.length ? ' · ' + a.authors.join(', ') : ''), a.published),
           figs, body,
           src ? el('p', {}, el('a', {href: src, rel: 'noopener noreferrer', target: '_blank', text: 'Bài gốc'})) : null,
           rel ? el('h2', {text: 'Tin liên quan'}) : null, rel);
      document.title = a.title + ' – Bản tin';
      view.focus();
      view.appendChild(copies(id, my));
      // the computed related articles: the connect stage's (501 until the server has it)
      var computed = el('section', {'aria-label': 'Bài viết liên quan'});
      view.appendChild(computed);
      api('/api/articles/' + encodeURIComponent(id) + '/related').then(function (rr) {
        if (my !== seq) return;
        computed.appendChild(el('h2', {text: 'Bài viết liên quan'}));
        if (rr.status === 200 && rr.body && Array.isArray(rr.body.results)) computed.appendChild(hitList(rr));
        else computed.appendChild(el('p', {'class': 'note', text: 'Bài liên quan và dòng sự kiện sẽ có khi máy chủ hỗ trợ.'}));
      });
    });
  }

  function route() {
    var h = location.hash || '#/';
    var m = /^#\/a\/([0-9a-f]{16})$/.exec(h), ms = /^#\/s\/([0-9A-Za-z_-]{1,64})$/.exec(h);
    if (m) reader(m[1]);
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
