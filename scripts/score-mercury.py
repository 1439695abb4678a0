#!/usr/bin/env python3
"""Score the extractor on postlight/parser's (Mercury's) fixtures: news pages of ~140 sites
bantin has never seen, with the title, author, date_published and first 13 words of the
content that Mercury's custom extractors assert (src/extractors/custom/*/index.test.js).

usage: scripts/score-mercury.py prepare GITDIR FOLDER    (GITDIR: a clone's git dir)
       scripts/score-mercury.py score FOLDER [--fails] [EXTRACT-COMMAND...]
                                                (default: ./bantin extract)
prepare parses the tests' assertions into FOLDER/expect.jsonl and writes the fixtures they
read into FOLDER/pages/. Mercury saved its fixtures after its own preprocessing, which
renames <meta content=> to <meta value=>: content= is put back, so the pages read as
published. Nothing of it belongs in the repository: the pages are the sites'.
score compares: title (folded: case, spaces, quotes, punctuation), author (the set of names,
"By" and joining words taken off), date_published (the same instant; also the same day),
first13 (Mercury's first 13 words at the start of the lede + body, or of the body; and
anywhere in it). --fails lists each miss: field | page | expected | bantin's."""
import json, os, re, subprocess, sys, unicodedata
from datetime import datetime, timezone

Q = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`"""
STR = r"((?:" + Q + r")(?:\s*\+\s*(?:" + Q + r"))*)"


def unq(s):
    out = ''
    for m in re.finditer(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`""", s):
        v = next(g for g in m.groups() if g is not None)
        if '${' in v:
            return None
        v = re.sub(r"\\u([0-9a-fA-F]{4})", lambda x: chr(int(x.group(1), 16)), v)
        out += re.sub(r"\\(.)", r"\1", v)
    return out


def meta_content(b):
    def fix(m):
        t = m.group(0)
        if re.search(rb'\scontent\s*=', t, re.I):
            return t
        return re.sub(rb'(\s)value(\s*=)', rb'\1content\2', t, count=1, flags=re.I)
    return re.sub(rb'<meta\b[^>]*>', fix, b, flags=re.I)


def prepare(gitdir, folder):
    def git(*a):
        return subprocess.run(['git', '--git-dir=' + gitdir] + list(a), capture_output=True).stdout
    files = git('ls-tree', '-r', '--name-only', 'HEAD').decode().split('\n')
    tests = [f for f in files if f.startswith('src/extractors/custom/') and f.endswith('index.test.js')]
    os.makedirs(os.path.join(folder, 'pages'), exist_ok=True)
    recs = []
    for t in tests:
        src = git('show', 'HEAD:' + t).decode()
        fx = list(re.finditer(r"readFileSync\(\s*'\./(fixtures/[^']+)'", src))
        for i, m in enumerate(fx):
            seg = src[m.start():fx[i + 1].start() if i + 1 < len(fx) else len(src)]
            exp = {}
            for fld in ['title', 'author', 'date_published', 'first13', 'text']:
                for a in re.finditer(r"assert\.(?:equal|strictEqual)\(\s*" + fld + r"\s*,\s*" + STR, seg):
                    v = unq(a.group(1))
                    if fld not in exp and v is not None:
                        exp[fld] = v
            if 'first13' not in exp and 'text' in exp:  # the other blocks' name for it
                exp['first13'] = exp['text']
            exp.pop('text', None)
            if not exp:
                continue
            html = git('show', 'HEAD:' + m.group(1))
            if not html:
                continue
            name = m.group(1).split('/', 1)[1].replace('/', '__')
            with open(os.path.join(folder, 'pages', name), 'wb') as f:
                f.write(meta_content(html))
            recs.append(dict(file=name, test=t, **exp))
    with open(os.path.join(folder, 'expect.jsonl'), 'w') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(len(recs), 'pages with an expectation')


def norm(s):
    s = unicodedata.normalize('NFKC', s or '')
    s = re.sub(r'&#?\w+;', ' ', s)
    s = s.translate({0x2019: "'", 0x2018: "'", 0x201c: '"', 0x201d: '"'})
    s = re.sub(r'[\u2010-\u2015]', '-', s)
    return ' '.join(s.lower().split())


def words(s):
    return re.findall(r'\w+', norm(s).replace("'", ''))


def names(s):
    if isinstance(s, list):
        return [n for x in s for n in names(x)]
    res = []
    for p in re.split(r',|;|\band\b|&|\|', re.sub(r'^\s*by\s+', '', norm(s))):
        w = ' '.join(re.findall(r'\w+', re.sub(r'^\s*by\s+', '', p.strip()).replace("'", '')))
        if w:
            res.append(w)
    return res


def pdate(s):
    try:
        return datetime.fromisoformat(s.replace('Z', '+00:00')) if s else None
    except ValueError:
        return None


def score(folder, fails, cmd):
    exp = [json.loads(l) for l in open(os.path.join(folder, 'expect.jsonl'))]
    pages = sorted({os.path.join(folder, 'pages', e['file']) for e in exp})
    out = {}
    res = subprocess.run(cmd + pages, capture_output=True, text=True).stdout
    for l in res.splitlines():
        try:
            r = json.loads(l)
        except ValueError:
            continue
        out[os.path.basename(r.get('origin', ''))] = r
    tot, ok, miss = {}, {}, []

    def add(f, good, detail=None):
        tot[f] = tot.get(f, 0) + 1
        ok[f] = ok.get(f, 0) + bool(good)
        if not good and detail:
            miss.append((f,) + detail)
    for e in exp:
        r, fn = out.get(e['file'], {}), e['file']
        if 'title' in e:
            add('title', words(e['title']) == words(r.get('title')), (fn, e['title'], r.get('title')))
        if 'author' in e:
            en, bn = set(names(e['author'])), set(names(r.get('authors') or []))
            add('author', en == bn, (fn, e['author'], r.get('authors')))
            add('author_any', en & bn or en == bn)
        if 'date_published' in e:
            ed, bd = pdate(e['date_published']), pdate(r.get('published'))
            same = ed and bd and bd.tzinfo and bd == ed
            day = ed and bd and ed.astimezone(timezone.utc).date() in (
                bd.date(), bd.astimezone(timezone.utc).date() if bd.tzinfo else bd.date())
            add('date', same, (fn, e['date_published'], r.get('published')))
            add('date_day', day)
        if 'first13' in e:
            ew = words(e['first13'])
            bw = words(' '.join(([r['lede']] if r.get('lede') else []) + (r.get('body') or [])))
            bodyw = words(' '.join(r.get('body') or []))
            # an empty expectation (a page with no article) holds when bantin finds no text
            anyw = any(bw[i:i + len(ew)] == ew for i in range(len(bw) - len(ew) + 1)) if ew else not bw
            add('first13_start', (bw[:len(ew)] == ew or bodyw[:len(ew)] == ew) if ew else not bw,
                (fn, e['first13'], ' '.join(bw[:20]), 'ANYWHERE' if anyw else 'MISSING'))
            add('first13_any', anyw)
    for f in ['title', 'author', 'author_any', 'date', 'date_day', 'first13_start', 'first13_any']:
        if f in tot:
            print(f"{f:14s} {ok[f]:4d}/{tot[f]:<4d} {ok[f] / tot[f]:.3f}")
    if fails:
        for m in miss:
            print(' | '.join(str(x) for x in m))


if __name__ == '__main__':
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == 'prepare':
        prepare(a[1], a[2])
    elif len(a) >= 2 and a[0] == 'score':
        fails = '--fails' in a
        rest = [x for x in a[2:] if x != '--fails']
        score(a[1], fails, rest or ['./bantin', 'extract'])
    else:
        sys.exit(__doc__)
