// Benchmarks for @copydesk/kb (plain ESM, run after `pnpm build`):
//   node bench/bench.js            (1,000,000-line dump; BENCH_LINES=100000 for a quick run)
// Prints: starter KB load time, import throughput from a generated
// Wikidata-format dump with peak RSS, and alias / fuzzy lookups per second on
// the SQLite KB. The dump is generated into the OS temp folder, not committed.
import {createWriteStream, existsSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {once} from 'node:events'
import {SqliteKnowledgeBase, importWikidataDump, loadStarterKb} from '../dist/index.js'

const lines = Number(process.env.BENCH_LINES ?? 1_000_000)
const dir = tmpdir()
const dump = join(dir, `copydesk-bench-dump-${lines}.json`)
const db = join(dir, `copydesk-bench-kb-${lines}.sqlite`)

const first = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tamar', 'Ugo', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia']
const last = ['Abara', 'Bellweather', 'Castellano', 'Dunmore', 'Eriksen', 'Fairbanks', 'Gallo', 'Hartigan', 'Ivanova', 'Jablonski', 'Kowalczyk', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrakis', 'Quiroga', 'Rasmussen', 'Sato', 'Thibault', 'Umarov', 'Valdez', 'Whitlock', 'Xu', 'Yilmaz', 'Zeller']
const classes = ['Q5', 'Q5', 'Q5', 'Q515', 'Q4830453', 'Q7278', 'Q11032']

function name(i) {
  return `${first[i % 26]} ${last[Math.floor(i / 26) % 26]} ${Math.floor(i / 676).toString(36)}`
}

function entity(i) {
  const id = `Q${i + 1}`
  const label = name(i)
  const p31 = classes[i % classes.length]
  const sitelinks = {enwiki: {site: 'enwiki', title: label, badges: []}}
  if (i % 3 === 0) sitelinks.dewiki = {site: 'dewiki', title: label, badges: []}
  if (i % 5 === 0) sitelinks.frwiki = {site: 'frwiki', title: label, badges: []}
  return {
    type: 'item',
    id,
    labels: {en: {language: 'en', value: label}, de: {language: 'de', value: label}, fr: {language: 'fr', value: label}},
    descriptions: {en: {language: 'en', value: `generated entity number ${i}`}},
    aliases: {en: [{language: 'en', value: `${label[0]}. ${label.split(' ').slice(1).join(' ')}`}]},
    claims: {
      P31: [{mainsnak: {snaktype: 'value', property: 'P31', datavalue: {value: {'entity-type': 'item', 'numeric-id': Number(p31.slice(1)), id: p31}, type: 'wikibase-entityid'}, datatype: 'wikibase-item'}, type: 'statement', id: `${id}$x`, rank: 'normal'}]
    },
    sitelinks
  }
}

async function generate() {
  if (existsSync(dump)) return
  const out = createWriteStream(dump)
  out.write('[\n')
  for (let i = 0; i < lines; i++) {
    if (!out.write(JSON.stringify(entity(i)) + (i + 1 < lines ? ',\n' : '\n'))) await once(out, 'drain')
  }
  out.end(']\n')
  await once(out, 'finish')
}

const mb = (bytes) => (bytes / 1e6).toFixed(0)

let t = performance.now()
const starter = loadStarterKb()
console.log(`kb starter load: ${(performance.now() - t).toFixed(0)} ms for ${starter.size} entities (target < 200 ms)`)

await generate()
console.log(`kb dump: ${lines} lines, ${mb(statSync(dump).size)} MB at ${dump}`)
rmSync(db, {force: true})
// CPU time next to wall time: on a shared machine the wall clock says more about the neighbours.
const cpu = () => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1e6
}
let cpuStart = cpu()
const result = await importWikidataDump(dump, db)
const importCpu = cpu() - cpuStart
const rss = process.resourceUsage().maxRSS * 1024
console.log(
  `kb import: ${Math.round(result.kept / result.seconds)} entities/s (${result.kept} in ${result.seconds.toFixed(1)} s, ${(statSync(dump).size / 1e6 / result.seconds).toFixed(1)} MB/s; target >= 50000/s)`
)
console.log(`kb import CPU: ${Math.round(result.kept / importCpu)} entities per CPU-second (${importCpu.toFixed(1)} CPU-s)`)
console.log(`kb import peak RSS: ${mb(rss)} MB (target < 1000 MB)`)

rmSync(db, {force: true})
const threaded = await importWikidataDump(dump, db, {threads: 1})
console.log(`kb import with 1 parser thread: ${Math.round(threaded.kept / threaded.seconds)} entities/s (${threaded.seconds.toFixed(1)} s)`)

const kb = new SqliteKnowledgeBase(db)
const probes = Array.from({length: 200_000}, (_, k) => name((k * 7919) % lines))
let found = 0
t = performance.now()
cpuStart = cpu()
for (const probe of probes) found += kb.lookup(probe, {limit: 5}).length
let seconds = (performance.now() - t) / 1000
const lookupCpu = cpu() - cpuStart
console.log(
  `kb sqlite alias lookups: ${Math.round(probes.length / seconds)}/s, ${Math.round(probes.length / lookupCpu)} per CPU-second (${found} hits of ${probes.length}; target >= 100000/s)`
)
t = performance.now()
const fuzzyProbes = probes.slice(0, 2000).map((p) => p.replace(/a/, 'e'))
for (const probe of fuzzyProbes) kb.fuzzy(probe)
seconds = (performance.now() - t) / 1000
console.log(`kb sqlite fuzzy lookups: ${Math.round(fuzzyProbes.length / seconds)}/s`)
t = performance.now()
for (const probe of probes) starter.lookup(probe)
seconds = (performance.now() - t) / 1000
console.log(`kb starter alias lookups: ${Math.round(probes.length / seconds)}/s`)
kb.close()
if (!process.env.BENCH_KEEP) rmSync(db, {force: true})
