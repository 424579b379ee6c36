import {it} from 'vitest'
import fs from 'node:fs'
import {ingest} from '../src/index.js'
it('x', async () => {
  let out = ''
  for await (const f of ingest(process.env.P!.split(','))) {
    const d = f.data.ingest!
    const t = String(f.value)
    out += '=== ' + d.id + ' ' + JSON.stringify({title: d.title, pub: d.published, src: d.publishedSource, conf: d.publishedConfidence, authors: d.authors, outlet: d.outlet, url: d.url, lang: d.language, dup: d.duplicateOf, format: d.source.format}) + '\n'
    for (const m of f.messages) out += '  MSG ' + m.ruleId + ': ' + m.reason + '\n'
    for (const r of d.excluded) out += '  EX ' + r.reason + ': ' + JSON.stringify(t.slice(r.start, r.end)) + '\n'
    if (process.env.TEXT) out += t + '\n'
  }
  fs.writeFileSync('/tmp/ingw/out.txt', out)
})
