"""bench/en_gold.py: text gold for 9 English/French/Portuguese news pages of
../shared/dev/html-readability (third-party pages: the gold is made here, never committed).

For each page: the <p> paragraphs under the article container named in SEL (chosen by reading
the page; the listed paragraphs dropped: ads, "Read more" lists, promo lines, bios), no
figure/figcaption/aside text, and the page's <h1> as the title. Only title and body are gold.
    python3 bench/en_gold.py html > bench/out/en-gold.jsonl   # records name NAME.html
    python3 bench/en_gold.py txt  > bench/out/en-gold.jsonl   # NAME.txt (renderings)
"""
import html, html.parser, json, re, sys, unicodedata
import os
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'dev', 'html-readability')
EXT = sys.argv[1] if len(sys.argv) > 1 else 'txt'
# page -> (attribute substring identifying the article body container, paragraphs to drop)
SEL = {
    'bbc-1': ('story-body__inner', [6]),
    'guardian-1': ('content__article-body', []),
    'nytimes-1': ('story-body-supplemental', [5, 14, 22]),
    'wapo-1': ('article-body', [13, 31, 32, 33, 34, 35]),
    'seattletimes-1': ('entry-content', [52]),
    'herald-sun-1': ('story-body', [0, 19]),
    'telegraph': ('articleBodyText', []),
    'lemonde-1': ('articleBody', [1]),
    'folha': ('c-news__body', []),
}
VOID = {'br','img','hr','meta','link','input','source','wbr','area','col','embed','param','track'}
class P(html.parser.HTMLParser):
    def __init__(self, key):
        super().__init__(convert_charrefs=True)
        self.key = key; self.stack = []; self.inside = 0; self.paras = []; self.cur = None; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in VOID: return
        a = ' '.join(f'{k}={v}' for k, v in attrs if v)
        hit = self.key in a
        self.stack.append((tag, hit))
        if hit: self.inside += 1
        if tag in ('script','style','figure','figcaption','aside'): self.skip += 1
        if tag == 'p' and self.inside and not self.skip: self.cur = []
    def handle_endtag(self, tag):
        if tag in VOID: return
        while self.stack:
            t, hit = self.stack.pop()
            if hit: self.inside -= 1
            if t in ('script','style','figure','figcaption','aside'): self.skip -= 1
            if t == 'p' and self.cur is not None:
                s = re.sub(r'\s+', ' ', ''.join(self.cur)).strip()
                if s: self.paras.append(unicodedata.normalize('NFC', s))
                self.cur = None
            if t == tag: break
    def handle_data(self, d):
        if self.cur is not None and not self.skip: self.cur.append(d)
for page, (key, drop) in SEL.items():
    raw = open(f'{SRC}/{page}/source.html', encoding='utf-8', errors='replace').read()
    p = P(key); p.feed(raw)
    meta = json.load(open(f'{SRC}/{page}/expected-metadata.json'))
    h1 = re.findall(r'<h1[^>]*>(.*?)</h1>', raw, re.S)
    h1 = [unicodedata.normalize('NFC', re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', h)))).strip() for h in h1]
    h1 = [h for h in h1 if len(h.split()) >= 3]
    print(page, 'H1:', h1[:2], '| META:', meta['title'], file=sys.stderr)
    body = [x for i, x in enumerate(p.paras) if i not in drop and not (x.startswith('[') and x.endswith(']'))]
    rec = {'file': page + '.' + EXT, 'title': h1[0] if h1 else meta['title'], 'published': None, 'source': None,
           'authors': [], 'lede': None, 'body': body, 'images': [], 'related': []}
    print(json.dumps(rec, ensure_ascii=False))
    print(page, len(body), body[:1], body[-1:], file=sys.stderr)
