#!/usr/bin/env python3
# pair_index_size.py: sizing (issue 15): a rowid-only FTS5 table of adjacent folded syllable pairs (both syllables frequent)
# against a stock FTS5 index (unicode61 remove_diacritics 2) of the same articles.
# usage: python3 bench/pair_index_size.py N SHARE [CORPUS] [DIR]
#   N first articles of CORPUS (../shared/corpus/vietnews-60k.jsonl.gz), pairs of syllables each
#   in at least SHARE of them (0.01: 1%); the two databases are written in DIR (/tmp/pairx).
import gzip, json, re, sqlite3, unicodedata, collections, time, os, sys
N=int(sys.argv[1]); TH=float(sys.argv[2])
CORPUS=sys.argv[3] if len(sys.argv)>3 else '../shared/corpus/vietnews-60k.jsonl.gz'
DIR=sys.argv[4] if len(sys.argv)>4 else '/tmp/pairx'
os.makedirs(DIR, exist_ok=True)
def fold(s):
    s=unicodedata.normalize('NFD', s.lower().replace('đ','d').replace('Đ','d'))
    return ''.join(c for c in s if unicodedata.category(c)!='Mn')
arts=[]
with gzip.open(CORPUS,'rt') as f:
    for i,l in enumerate(f):
        if i>=N: break
        r=json.loads(l); body=r['body'] if isinstance(r['body'],str) else '\n'.join(r['body'])
        arts.append((r['title'] or '', r.get('lede') or '', body))
spans=[]
df=collections.Counter()
for t,l,b in arts:
    sp=[re.findall(r'\w+', seg) for seg in re.split(r'[^\w ]+', fold(t+'\n'+l+'\n'+b))]
    spans.append(sp)
    df.update(set(w for s in sp for w in s))
freq={w for w,c in df.items() if c>=TH*N}
print('articles',N,'syllables',len(df),'frequent',len(freq))
for f in (DIR+'/stock.db',DIR+'/pairs.db'):
    if os.path.exists(f): os.remove(f)
st=sqlite3.connect(DIR+'/stock.db')
st.execute("CREATE VIRTUAL TABLE a USING fts5(title, lede, body, tokenize='unicode61 remove_diacritics 2')")
t0=time.process_time()
st.executemany("INSERT INTO a VALUES (?,?,?)", arts); st.commit()
t1=time.process_time()
pr=sqlite3.connect(DIR+'/pairs.db')
pr.execute("CREATE VIRTUAL TABLE p USING fts5(pairs, detail=none, tokenize='unicode61 tokenchars _')")
npost=0; rows=[]
for sp in spans:
    ps=set()
    for s in sp:
        for a,b in zip(s,s[1:]):
            if a in freq and b in freq: ps.add(a+'_'+b)
    npost+=len(ps); rows.append((' '.join(ps),))
t2=time.process_time()
pr.executemany("INSERT INTO p VALUES (?)", rows); pr.commit()
t3=time.process_time()
def sz(db,t): return db.execute(f"SELECT sum(length(block)) FROM {t}_data").fetchone()[0]
print('stock index MB %.1f build cpu %.1f s' % (sz(st,'a')/1e6, t1-t0))
print('pair index MB %.1f (%.2fx of stock) postings %d (%.0f/article) build cpu %.1f s (+%.0f%%)' % (sz(pr,'p')/1e6, sz(pr,'p')/sz(st,'a'), npost, npost/N, t3-t2, 100*(t3-t2)/(t1-t0)))
