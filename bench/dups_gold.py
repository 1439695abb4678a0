#!/usr/bin/env python3
"""dups_gold.py: a labelled near-duplicate set built from the 60k Vietnamese corpus, for
bench_dups (issue 16). Python 3 standard library only.

usage: python3 bench/dups_gold.py [--corpus ../shared/corpus/vietnews-60k.jsonl.gz]
                                  [--out build/dups_gold.jsonl] [--seed 16] [--background 8000]

Output, one JSON object a line:
  {"doc": ID, "split": "dev"|"test", "published": SECONDS, "title", "lede", "body": [...],
   "kind": how it was made}
  {"pair": [ID, ID], "label": 1 | 0 | -1, "kind": ...}   1 duplicate, 0 not, -1 unsure
Pairs never cross splits. Every pair of docs not joined by label-1 pairs (transitively) is a
non-duplicate; label -1 pairs are left out of the scores; label 0 pairs are the hard
negatives named for the per-kind table.

What goes in (each whole connected family lands in one split, by a hash of its first id):
- corpus, byte-identical reprints: the corpus's own repeated articles (label 1, identical);
- corpus, near: pairs of corpus articles that share a sentence of 40+ characters, labelled by
  sentence containment, measured independently of bantin's shingles: the share (in
  characters) of the smaller article's lede and body sentences found in the other, verbatim
  (after case and space folding) or lightly edited (70% of the sentence's word pairs there). >= 0.8: a re-publication with small edits or an article quoted
  whole (1); < 0.5: a follow-up reusing background, or a template series (digests such as "An
  ninh hình sự 24h" whose boilerplate recurs) (0: "corpus-shared" / "corpus-template"); in
  between: unsure (-1);
- synthetic copies of corpus articles made the way syndication makes them (1): headline
  rewritten, lede swapped, paragraphs dropped (10-30%), paragraphs reordered, abridged (the
  first 60-80% kept), furniture lines added (source, photo credits, "Xem thêm" links, byline,
  dateline), 30-60% of the sentences reworded (a word dropped, added or swapped), marks
  stripped, old/new tone placement swapped (hoà/hòa), combinations, and the
  article quoted whole inside a different, longer one;
- synthetic hard negatives (0): a different article into which one or two paragraphs (1-2
  sentences each, at most a quarter of the source) of another were pasted; template pages
  (lottery results, exam answer keys, gold prices, weather forecasts) that share their
  wording but not their numbers;
- background: corpus articles in no pair above, so that random collisions count.
"""
import argparse
import collections
import gzip
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def norm_sentence(s):
    return re.sub(r"\s+", " ", s.strip().lower()).rstrip(" .")


def sentence_bigrams(k):
    w = re.findall(r"\w+", k)
    return set(zip(w, w[1:])) if len(w) > 1 else {tuple(w)}


def coverage(small, small_bg, big, big_bg):
    """Share (in characters) of `small`'s sentences found in `big`: verbatim, or lightly
    edited: one sentence of `big` holds at least 70% of the sentence's word pairs (a word
    changed, a clause added). Word pairs, sentence against sentence: a measure of its own,
    not bantin's 5-word shingles over the whole text."""
    where = collections.defaultdict(list)  # word pair -> sentences of big holding it
    for k, bg in big_bg.items():
        for x in bg:
            where[x].append(k)
    total = sum(small.values()) or 1
    got = 0
    for k, n in small.items():
        if k in big:
            got += n
            continue
        bg = small_bg[k]
        hits = collections.Counter(s for x in bg for s in where.get(x, ()))
        if bg and hits and max(hits.values()) >= 0.7 * len(bg):
            got += n
    return got / total


def text_of(d):
    return (d["title"], d.get("lede") or "", tuple(d["body"]))


def strip_marks(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


# New-style (mark on the first vowel) <-> old-style (mark on the second) placements of the
# open syllables oa, oe, uy; both are in use, and copies differ in them.
def _tone_pairs():
    pairs = []
    marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for m in marks:
            for cap in (False, True):
                f = first.upper() if cap else first
                new = unicodedata.normalize("NFC", f + m + second)
                old = unicodedata.normalize("NFC", f + second + m)
                pairs.append((new, old))
    return pairs


TONE_PAIRS = _tone_pairs()


def swap_tones(s, to_old):
    # only at a word's end (open syllable: hoà, thuỷ), as the rules say
    for new, old in TONE_PAIRS:
        a, b = (new, old) if to_old else (old, new)
        s = re.sub(re.escape(a) + r"(?=\W|$)", b, s)
    return s


FURNITURE = [
    "Theo VnExpress", "Theo Dân trí", "Theo Tuổi Trẻ", "Nguồn: TTXVN", "Ảnh: Reuters",
    "Ảnh: AFP", "Ảnh minh hoạ", "TIN LIÊN QUAN", "Bình luận", "Chia sẻ", "Đọc thêm",
    "Video đang được quan tâm", "(Dân trí) -", "PV", "Nhóm PV", "Minh Anh", "Hoàng Long",
    "Bài và ảnh: Thu Hà", "Mời quý độc giả theo dõi các video đang được quan tâm:",
]
PREFIXES = ["Nóng:", "Video:", "Clip:", "[Ảnh]", "Tin mới:", "NÓNG:", "Cập nhật:", "Độc quyền:"]


def rewrite_title(rng, title, other_titles):
    words = title.split()
    r = rng.random()
    if r < 0.35 and len(words) > 5:  # shortened and re-cut
        k = rng.randint(max(3, len(words) // 2), len(words) - 1)
        start = rng.randint(0, len(words) - k)
        words = words[start:start + k]
        return " ".join(words)
    if r < 0.7:
        return rng.choice(PREFIXES) + " " + title
    # a headline with little in common: half the words of another article's title + a few
    other = rng.choice(other_titles).split()
    keep = words[: max(2, len(words) // 3)]
    return " ".join(keep + other[: len(other) // 2])


def furniture_lines(rng, titles):
    out = []
    for _ in range(rng.randint(3, 6)):
        r = rng.random()
        if r < 0.3:
            out.append("Xem thêm: " + rng.choice(titles))
        elif r < 0.4:
            out.append("%s, %d/%d/20%d %02d:%02d GMT+7" % (rng.choice(["Hà Nội", "TP.HCM", "Đà Nẵng"]),
                       rng.randint(1, 28), rng.randint(1, 12), rng.randint(17, 19),
                       rng.randint(0, 23), rng.randint(0, 59)))
        elif r < 0.55:
            out.append(rng.choice(titles))  # a related link's title
        else:
            out.append(rng.choice(FURNITURE))
    return out


def insert_lines(rng, body, lines):
    body = list(body)
    for line in lines:
        where = rng.choice([0, len(body), rng.randint(0, len(body))])
        body.insert(where, line)
    return body


FILLERS = ["cũng", "đã", "vừa", "hiện", "được", "này", "đó", "theo đó", "cho biết"]


def reword(rng, sentence):
    """One copy-editor's touch: a word dropped, added or swapped with its neighbour."""
    w = sentence.split()
    if len(w) < 6:
        return sentence
    i = rng.randrange(1, len(w) - 1)
    r = rng.random()
    if r < 0.4:
        del w[i]
    elif r < 0.8:
        w.insert(i, rng.choice(FILLERS))
    else:
        w[i], w[i + 1] = w[i + 1], w[i]
    return " ".join(w)


def make_copy(rng, base, kind, corpus, titles):
    t, l, b = base["title"], base.get("lede") or "", list(base["body"])
    n = len(b)
    if kind == "reworded":  # 30-60% of the sentences touched once, the lede too
        share = rng.uniform(0.3, 0.6)
        b = [reword(rng, s) if rng.random() < share else s for s in b]
        l = reword(rng, l)
        t = rewrite_title(rng, t, titles)
    if kind in ("headline", "combo"):
        t = rewrite_title(rng, t, titles)
    if kind == "lede":
        l = rng.choice(corpus).get("lede") or l
        t = rewrite_title(rng, t, titles)
    if kind in ("drop", "combo"):
        drop = set(rng.sample(range(n), max(1, int(n * rng.uniform(0.1, 0.3 if kind == "drop" else 0.15)))))
        b = [s for i, s in enumerate(b) if i not in drop]
    if kind == "reorder":
        cuts = sorted(rng.sample(range(1, n), min(3, n - 1)))
        blocks = [b[i:j] for i, j in zip([0] + cuts, cuts + [n])]
        rng.shuffle(blocks)
        b = [s for blk in blocks for s in blk]
    if kind == "abridged":
        b = b[: max(1, round(n * rng.uniform(0.6, 0.8)))]
        if rng.random() < 0.5:
            t = rewrite_title(rng, t, titles)
    if kind in ("furniture", "combo"):
        b = insert_lines(rng, b, furniture_lines(rng, titles))
    if kind == "marks" or (kind == "combo" and rng.random() < 0.5):
        t, l, b = strip_marks(t), strip_marks(l), [strip_marks(s) for s in b]
    elif kind in ("tones", "combo"):
        old = rng.random() < 0.5
        t, l, b = swap_tones(t, old), swap_tones(l, old), [swap_tones(s, old) for s in b]
    return {"title": t, "lede": l, "body": b}


def quoted_in(rng, base, host):
    hb = list(host["body"])
    at = rng.randint(1, max(1, len(hb) - 1))
    quote = [base["title"], base.get("lede") or ""] + list(base["body"])
    return {"title": host["title"], "lede": host.get("lede") or "",
            "body": hb[:at] + quote + hb[at:]}


def shared_para(rng, base, other):
    """`other` with one or two paragraphs (1-2 sentences each) of `base` pasted in, at most a
    quarter of base's sentences: a different article reusing background."""
    b, ob = list(base["body"]), list(other["body"])
    budget = max(1, len(b) // 4)
    out = list(ob)
    for _ in range(rng.randint(1, 2)):
        if budget <= 0:
            break
        k = min(budget, rng.randint(1, 2))
        i = rng.randint(0, len(b) - k)
        out.insert(rng.randint(0, len(out)), " ".join(b[i:i + k]) if rng.random() < 0.5 else b[i])
        if k == 2 and rng.random() < 0.5:
            out.insert(rng.randint(0, len(out)), b[i + 1])
        budget -= k
    return {"title": other["title"], "lede": other.get("lede") or "", "body": out}


def lottery_page(rng, day):
    d, m, y = day
    dd = "%d/%d/%d" % (d, m, y)
    num = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))
    body = [
        "XSMB %d/%d: Kết quả xổ số miền Bắc hôm nay %s được tường thuật trực tiếp từ trường quay lúc 18h15." % (d, m, dd),
        "Giải đặc biệt: " + num(5),
        "Giải nhất: " + num(5),
        "Giải nhì: " + " - ".join(num(5) for _ in range(2)),
        "Giải ba: " + " - ".join(num(5) for _ in range(6)),
        "Giải tư: " + " - ".join(num(4) for _ in range(4)),
        "Giải năm: " + " - ".join(num(4) for _ in range(6)),
        "Giải sáu: " + " - ".join(num(3) for _ in range(3)),
        "Giải bảy: " + " - ".join(num(2) for _ in range(4)),
        "Lô tô miền Bắc: " + ", ".join(num(2) for _ in range(27)),
        "Kết quả xổ số chỉ mang tính chất tham khảo, người trúng giải cần đối chiếu với kết quả do công ty xổ số kiến thiết công bố.",
        "Chúc các bạn may mắn!",
    ]
    return {"title": "Kết quả xổ số miền Bắc hôm nay " + dd,
            "lede": "XSMB %s - Kết quả xổ số miền Bắc ngày %s nhanh và chính xác nhất." % (dd, dd),
            "body": body}


SUBJECTS = ["Toán", "Vật lý", "Hoá học", "Sinh học", "Tiếng Anh", "Lịch sử", "Địa lý", "GDCD"]


def exam_page(rng, subject, code, year):
    ans = ["Câu %d: %s" % (i, rng.choice("ABCD")) for i in range(1, 41)]
    body = ["Đáp án đề thi môn %s mã đề %d kỳ thi THPT quốc gia năm %d được Bộ Giáo dục và Đào tạo công bố như sau:" % (subject, code, year)]
    for i in range(0, 40, 10):
        body.append(", ".join(ans[i:i + 10]))
    body += ["Thí sinh có thể đối chiếu đáp án để tự chấm điểm bài thi của mình.",
             "Điểm thi sẽ được công bố vào ngày 14/7, thí sinh tra cứu điểm thi trên trang của Bộ Giáo dục và Đào tạo."]
    return {"title": "Đáp án đề thi môn %s mã đề %d THPT quốc gia %d" % (subject, code, year),
            "lede": "Đáp án chính thức môn %s mã đề %d kỳ thi THPT quốc gia %d của Bộ Giáo dục và Đào tạo." % (subject, code, year),
            "body": body}


REGIONS = ["Hà Nội", "Hải Phòng", "Quảng Ninh", "Nghệ An", "Thừa Thiên Huế", "Đà Nẵng", "Khánh Hoà",
           "Gia Lai", "Đắk Lắk", "TP.HCM", "Cần Thơ", "Cà Mau"]
BRANDS = ["SJC", "DOJI", "PNJ", "Bảo Tín Minh Châu", "Phú Quý", "Mi Hồng"]


def price_page(rng, day):
    """Gold prices of the day: one templated sentence per brand and city, the numbers change;
    two fixed paragraphs of commentary. Most of the wording is the template's."""
    d, m, y = day
    body = []
    for b in BRANDS:
        for city in ("Hà Nội", "TP.HCM"):
            buy = rng.randint(3600, 3750) / 100
            body.append("Giá vàng %s tại %s niêm yết ở mức %.2f triệu đồng/lượng mua vào và %.2f triệu đồng/lượng bán ra, %s %d.000 đồng so với phiên trước." % (
                b, city, buy, buy + rng.randint(15, 60) / 100, rng.choice(["tăng", "giảm"]), rng.randint(10, 300)))
    body.append("Trên thị trường thế giới, giá vàng giao ngay đứng ở mức %d,%d USD/ounce, quy đổi theo tỷ giá ngân hàng tương đương %.2f triệu đồng/lượng." % (
        rng.randint(1200, 1350), rng.randint(10, 99), rng.randint(3300, 3500) / 100))
    body.append("Theo các chuyên gia, giá vàng trong nước chịu ảnh hưởng bởi diễn biến của giá vàng thế giới, tỷ giá đồng USD và tâm lý của nhà đầu tư trên thị trường.")
    body.append("Nhà đầu tư được khuyến cáo nên thận trọng, theo dõi sát diễn biến thị trường trước khi quyết định mua bán vàng trong thời điểm này.")
    return {"title": "Giá vàng hôm nay %d/%d/%d" % (d, m, y),
            "lede": "Giá vàng hôm nay %d/%d/%d: cập nhật giá vàng SJC, DOJI, PNJ mới nhất." % (d, m, y),
            "body": body}


def weather_page(rng, day):
    d, m, y = day
    body = []
    for r in REGIONS:
        lo = rng.randint(12, 26)
        body.append("Khu vực %s có mây, có mưa rào và dông rải rác, gió nhẹ, nhiệt độ thấp nhất từ %d đến %d độ C, cao nhất từ %d đến %d độ C." % (
            r, lo, lo + 2, lo + rng.randint(5, 9), lo + rng.randint(10, 12)))
    body.append("Trong cơn dông có khả năng xảy ra lốc, sét, mưa đá và gió giật mạnh, người dân cần chủ động phòng tránh.")
    body.append("Trung tâm Dự báo khí tượng thuỷ văn quốc gia khuyến cáo người dân theo dõi các bản tin dự báo tiếp theo để chủ động ứng phó.")
    return {"title": "Dự báo thời tiết ngày %d/%d/%d" % (d, m, y),
            "lede": "Thời tiết ngày %d/%d/%d: nhiều khu vực có mưa rào và dông, nhiệt độ các vùng chênh lệch." % (d, m, y),
            "body": body}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(HERE)
    shared = os.environ.get("BANTIN_SHARED", os.path.join(root, "..", "shared"))
    ap.add_argument("--corpus", default=os.path.join(shared, "corpus", "vietnews-60k.jsonl.gz"))
    ap.add_argument("--out", default=os.path.join(root, "build", "dups_gold.jsonl"))
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--background", type=int, default=8000, help="background articles per split")
    ap.add_argument("--bases", type=int, default=600, help="articles copied synthetically per split")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    docs = [json.loads(l) for l in gzip.open(a.corpus, "rt", encoding="utf-8")]
    titles = [d["title"] for d in docs]
    n = len(docs)

    # ---- corpus pairs: byte-identical and sharing a long sentence ----
    by_text = collections.defaultdict(list)
    for i, d in enumerate(docs):
        by_text[text_of(d)].append(i)
    ident_of = {}
    for ids in by_text.values():
        for i in ids:
            ident_of[i] = ids[0]
    sent_docs = collections.defaultdict(set)
    sents = []
    for i, d in enumerate(docs):
        ss = {}
        for s in [d.get("lede") or ""] + d["body"]:
            k = norm_sentence(s)
            if k:
                ss[k] = len(k)
        sents.append(ss)
        if ident_of[i] != i:
            continue  # a byte-identical repeat: its first copy stands for it
        for k in ss:
            if len(k) >= 40:
                sent_docs[k].add(i)
    shared = collections.Counter()
    for k, ids in sent_docs.items():
        if 1 < len(ids) <= 200:
            ids = sorted(ids)
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    shared[(ids[x], ids[y])] += 1
    pairs = []  # (i, j, label, kind)
    for ids in by_text.values():
        for j in ids[1:]:
            pairs.append((ids[0], j, 1, "corpus-identical"))
    bigrams = {}

    def bigrams_of(i):
        if i not in bigrams:
            bigrams[i] = {k: sentence_bigrams(k) for k in sents[i]}
        return bigrams[i]

    for (i, j) in shared:
        si, sj = sents[i], sents[j]
        small, big = (i, j) if sum(si.values()) <= sum(sj.values()) else (j, i)
        cov = coverage(sents[small], bigrams_of(small), sents[big], bigrams_of(big))
        if cov >= 0.8:
            pairs.append((i, j, 1, "corpus-near"))
        elif cov < 0.5:
            common = [k for k in sents[small] if k in sents[big] and len(k) >= 40]
            boiler = all(len(sent_docs[k]) >= 5 for k in common)
            pairs.append((i, j, 0, "corpus-template" if boiler else "corpus-shared"))
        else:
            pairs.append((i, j, -1, "corpus-unsure"))
    in_pair = set()
    for i, j, _, _ in pairs:
        in_pair.add(i)
        in_pair.add(j)
    for i in list(in_pair):  # byte-identical repeats of paired articles are paired too
        in_pair.add(ident_of[i])
    for ids in by_text.values():
        if any(i in in_pair for i in ids):
            in_pair.update(ids)

    # families (connected components) go whole into one split
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _, _ in pairs:
        parent[find(i)] = find(j)
    fam = collections.defaultdict(list)
    for i in in_pair:
        fam[find(i)].append(i)

    def split_of(key):
        return "dev" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "test"

    out_docs = []  # (doc dict with id/split/kind)
    out_pairs = []
    cid = lambda i: docs[i]["id"]
    split_doc = {}
    for members in fam.values():
        sp = split_of(cid(min(members)))
        for i in members:
            split_doc[i] = sp
            out_docs.append(dict(docs[i], doc=cid(i), split=sp, kind="corpus"))
    for i, j, lab, kind in pairs:
        out_pairs.append((cid(i), cid(j), lab, kind))

    # ---- synthetic copies and negatives from articles in no pair ----
    free = [i for i in range(n) if i not in in_pair and len(docs[i]["body"]) >= 8]
    rng.shuffle(free)
    pos = 0

    def take():
        nonlocal pos
        pos += 1
        return free[pos - 1]

    kinds = ["headline", "lede", "drop", "reorder", "abridged", "furniture", "marks", "tones", "combo",
             "reworded"]
    for sp in ("dev", "test"):
        for b in range(a.bases):
            bi = take()
            base = dict(docs[bi], doc=cid(bi), split=sp, kind="corpus-base")
            out_docs.append(base)
            made = [base["doc"]]
            for c, kind in enumerate(rng.sample(kinds, rng.randint(1, 3))):
                cp = make_copy(rng, docs[bi], kind, docs, titles)
                cp.update(doc="%s~%s%d" % (cid(bi), kind, c), split=sp, kind="copy-" + kind)
                out_docs.append(cp)
                for m in made:
                    out_pairs.append((m, cp["doc"], 1, "copy-" + kind))
                made.append(cp["doc"])
            r = rng.random()
            if r < 0.25:  # quoted whole in a longer article (whose own text stays out)
                host = docs[take()]
                q = quoted_in(rng, docs[bi], host)
                q.update(doc="%s~quoted" % cid(bi), split=sp, kind="copy-quoted")
                out_docs.append(q)
                for m in made:
                    out_pairs.append((m, q["doc"], 1, "copy-quoted"))
            elif r < 0.6:  # a different article sharing one or two paragraphs
                other = docs[take()]
                x = shared_para(rng, docs[bi], other)
                x.update(doc="%s~sharedpara" % cid(bi), split=sp, kind="neg-shared-para")
                out_docs.append(x)
                for m in made:
                    out_pairs.append((m, x["doc"], 0, "neg-shared-para"))
        # template pages: every pair within a family is a hard negative
        for fam_i in range(2):
            lot = []
            for k in range(30):
                p = lottery_page(rng, (1 + k % 28, 1 + (k + fam_i * 5) % 12, 2018 + fam_i))
                p.update(doc="lottery-%s-%d-%d" % (sp, fam_i, k), split=sp, kind="template-lottery")
                lot.append(p)
            exam = []
            for k in range(30):
                p = exam_page(rng, SUBJECTS[(k + fam_i) % len(SUBJECTS)], 101 + k, 2018 + fam_i)
                p.update(doc="exam-%s-%d-%d" % (sp, fam_i, k), split=sp, kind="template-exam")
                exam.append(p)
            price, weather = [], []
            for k in range(30):
                day = (1 + k % 28, 1 + (k + fam_i * 5) % 12, 2018 + fam_i)
                p = price_page(rng, day)
                p.update(doc="price-%s-%d-%d" % (sp, fam_i, k), split=sp, kind="template-price")
                price.append(p)
                p = weather_page(rng, day)
                p.update(doc="weather-%s-%d-%d" % (sp, fam_i, k), split=sp, kind="template-weather")
                weather.append(p)
            for group in (lot, exam, price, weather):
                out_docs.extend(group)
                for x in range(len(group)):
                    for y in range(x + 1, len(group)):
                        out_pairs.append((group[x]["doc"], group[y]["doc"], 0, group[0]["kind"]))
        for _ in range(a.background):
            bi = take()
            out_docs.append(dict(docs[bi], doc=cid(bi), split=sp, kind="background"))

    # published: random seconds in 2018-2019, copies after the base (the original is earliest)
    t0 = 1514764800
    when = {}
    for d in out_docs:
        base = d["doc"].split("~")[0]
        if base not in when:
            when[base] = t0 + rng.randint(0, 2 * 365 * 86400)
        d["published"] = when[base] + (rng.randint(60, 3 * 86400) if "~" in d["doc"] else 0)

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for d in out_docs:
            rec = {"doc": d["doc"], "split": d["split"], "kind": d["kind"], "published": d["published"],
                   "title": d["title"], "lede": d.get("lede") or "", "body": d["body"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for x, y, lab, kind in out_pairs:
            f.write(json.dumps({"pair": [x, y], "label": lab, "kind": kind}, ensure_ascii=False) + "\n")
    cnt = collections.Counter((d["split"], d["kind"]) for d in out_docs)
    pc = collections.Counter((lab, kind) for _, _, lab, kind in out_pairs)
    print("wrote %s: %d docs, %d labelled pairs" % (a.out, len(out_docs), len(out_pairs)), file=sys.stderr)
    for k in sorted(cnt):
        print("  docs %-5s %-20s %6d" % (k[0], k[1], cnt[k]), file=sys.stderr)
    for k in sorted(pc):
        print("  pairs label %2d %-20s %6d" % (k[0], k[1], pc[k]), file=sys.stderr)


if __name__ == "__main__":
    main()
