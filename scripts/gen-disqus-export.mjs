// Writes a synthetic Disqus export for the import's memory and time check:
//   node scripts/gen-disqus-export.mjs 100000 /tmp/disqus-100k.xml
//   PARLEY_DB=/tmp/big.db npm run import -- disqus /tmp/disqus-100k.xml
// 1 thread per 100 comments; a third of the comments are replies to an earlier one in their thread.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const [count = '100000', file = 'disqus-export.xml'] = process.argv.slice(2);
const comments = Number(count);
const threads = Math.max(1, Math.ceil(comments / 100));
const out = createWriteStream(file);
const write = async (text) => {
  if (!out.write(text)) await once(out, 'drain');
};
const start = Date.parse('2020-01-01T00:00:00Z');
const words = 'the bridge ferry council harbour market night timetable fares cycle lane crews commute quay story'.split(' ');
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
for (let t = 1; t <= threads; t++) {
  await write(`<thread dsq:id="${t}"><link>https://news.example/story-${t}</link><title>Story ${t}</title>`
    + `<createdAt>${new Date(start + t * 3_600_000).toISOString()}</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n`);
}
for (let p = 1; p <= comments; p++) {
  const thread = 1 + ((p - 1) % threads);
  // An earlier post of the same thread (same residue), a third of the time.
  const parent = p > threads && random() < 1 / 3 ? p - threads * (1 + Math.floor(random() * Math.min(5, Math.floor((p - 1) / threads)))) : 0;
  const body = Array.from({ length: 8 + Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(' ');
  await write(`<post dsq:id="${100000000 + p}"><message><![CDATA[<p>${body}.</p>]]></message>`
    + `<createdAt>${new Date(start + threads * 3_600_000 + p * 60_000).toISOString()}</createdAt><isDeleted>false</isDeleted><isSpam>${random() < 0.02}</isSpam>`
    + `<author><name>Reader ${p % 5000}</name><isAnonymous>false</isAnonymous><username>reader${p % 5000}</username></author>`
    + `<thread dsq:id="${thread}"/>${parent > 0 ? `<parent dsq:id="${100000000 + parent}"/>` : ''}</post>\n`);
}
await write('</disqus>\n');
out.end();
await once(out, 'finish');
console.log(`wrote ${file}: ${threads} threads, ${comments} comments`);
