// Benchmark for @copydesk/retext-link-entities (plain ESM, run after `pnpm build`):
//   node bench/bench.js
// Links generated documents (names drawn from the starter KB, plus unknown
// people) against the starter KB and prints documents/s, mentions/s and MB/s.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {SqliteKnowledgeBase, loadStarterKb, writeSqliteKb} from '@copydesk/kb'
import {VFile} from 'vfile'
import retextLinkEntities from '../dist/index.js'

const kb = loadStarterKb()
const known = [...kb.entities()].filter((e) => e.type !== 'other')
const unknown = ['Mara Quist', 'Tobias Fenwright', 'Odile Marchetti', 'Kwame Asante-Boateng', 'Lior Ben-Ami']
const documents = Number(process.env.BENCH_DOCUMENTS ?? 2000)
const perDocument = 30

const files = []
let bytes = 0
for (let d = 0; d < documents; d++) {
  let text = ''
  const mentions = []
  for (let m = 0; m < perDocument; m++) {
    const k = (d * 31 + m * 17) % (known.length + unknown.length)
    const e = k < known.length ? known[k] : undefined
    const name = e ? e.label : unknown[k - known.length]
    const type = e ? e.type : 'person'
    const surface = e && e.type === 'person' && m % 3 === 2 ? name.split(' ').at(-1) : name
    const start = text.length + 10
    text += `Reportedly ${surface} said something about the matter on Monday. `
    mentions.push({id: `m${m + 1}`, start, end: start + surface.length, text: surface, type, name})
  }
  bytes += Buffer.byteLength(text)
  files.push({text, mentions})
}

function run(kb, label) {
  // A fresh plugin (its registry) per run; lookups are remembered per KB.
  const transform = retextLinkEntities({kb})
  const started = performance.now()
  let linked = 0
  for (const {text, mentions} of files) {
    const file = new VFile({value: text})
    file.data.names = {mentions}
    transform({type: 'RootNode', children: []}, file)
    for (const ref of Object.values(file.data.links.entities)) if (ref && !ref.id.startsWith('nil:')) linked++
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `link: ${Math.round(documents / seconds)} documents/s, ${Math.round((documents * perDocument) / seconds)} mentions/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (${linked} of ${documents * perDocument} mentions linked, ${label})`
  )
}

run(kb, 'starter KB')
// The same entities in a SQLite KB: each distinct name costs one query per worker.
const dir = mkdtempSync(join(tmpdir(), 'link-bench-'))
try {
  writeSqliteKb(join(dir, 'kb.sqlite'), kb.entities(), kb.snapshot)
  const sqlite = new SqliteKnowledgeBase(join(dir, 'kb.sqlite'))
  run(sqlite, 'SQLite KB')
  sqlite.close()
} finally {
  rmSync(dir, {recursive: true, force: true})
}
