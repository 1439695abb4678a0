// readability.mjs: Mozilla Readability 0.6 on linkedom, timed like bench_extract_html: pages
// read into memory first, only parseHTML + Readability.parse timed, rounds until --seconds;
// pages per second of CPU time (pages_per_s) and of wall time (wall_pages_per_s).
// usage: node readability.mjs [--seconds S] [--out FILE.jsonl] PAGE...
import { readFileSync, writeFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

let seconds = 3, out = null, i = 2;
const argv = process.argv;
while (i < argv.length && argv[i].startsWith("--")) {
  if (argv[i] === "--seconds") seconds = Number(argv[i + 1]);
  else if (argv[i] === "--out") out = argv[i + 1];
  i += 2;
}
const pages = argv.slice(i).map((p) => ({ path: p, html: readFileSync(p, "utf8") }));

function text(html) {
  // block edges become spaces so that words of adjacent paragraphs do not run together
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ").trim();
}

const results = [];
let done = 0, failed = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage(); // all of node's threads (GC, JIT): pinned to the same core
let elapsed = 0;
for (let round = 0; round === 0 || elapsed < seconds; round++) {
  for (const p of pages) {
    let art = null;
    try {
      const { document } = parseHTML(p.html);
      art = new Readability(document).parse();
    } catch (e) {
      art = null;
    }
    if (round === 0) {
      if (!art) failed++;
      results.push({ origin: p.path, title: art ? art.title : null, content: art ? art.content : "" });
    }
    done++;
  }
  elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
}
if (out)
  writeFileSync(out, results.map((r) => JSON.stringify({ origin: r.origin, title: r.title, text: text(r.content || "") })).join("\n") + "\n");
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
console.log(`pages_per_s ${(done / (cpu > 0 ? cpu : elapsed)).toFixed(1)}\n` +
  `wall_pages_per_s ${(done / elapsed).toFixed(1)}\npages ${pages.length}\nfailed ${failed}`);
