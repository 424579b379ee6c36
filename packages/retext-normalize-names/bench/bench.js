// Throughput of @copydesk/retext-normalize-names on generated news-like text, beside
// compromise's people detection on the same text. Run after `pnpm build`:
//   node packages/retext-normalize-names/bench/bench.js [megabytes]
import {performance} from 'node:perf_hooks'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'

// Import time first (a pipeline run with one edited document pays it).
const importStart = performance.now()
const {default: retextNormalizeNames, NameRegistry} = await import('../dist/index.js')
console.log(`retext-normalize-names import: ${(performance.now() - importStart).toFixed(0)} ms`)

const megabytes = Number(process.argv[2] ?? 2)

// A small deterministic generator (no Math.random, so runs compare).
let seed = 42
const pick = (list) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return list[seed % list.length]
}

const given = ['Maria', 'James', 'Aisha', 'Tomasz', 'Keiko', 'Daniel', 'Olga', 'Samuel', 'Priya', 'Lucas']
const surnames = ['Okafor', 'Lindqvist', 'Haddad', 'Moreno', "O'Leary", 'van der Berg', 'Nakamura', 'Kowalski', 'Reyes', 'Brennan']
const titles = ['Senator', 'Mayor', 'Gov.', 'former President', 'Dr.', 'Police Chief']
const places = ['Lagos', 'Ohio', 'Brussels', 'the White House', 'Kraków', 'Texas', 'Nairobi', 'Lima']
const orgs = ['the Ministry of Health', 'Acme Holdings Inc.', 'the United Nations', 'Reuters', 'Northgate University']
const verbs = ['said', 'told reporters', 'announced', 'denied', 'confirmed', 'warned']
const topics = ['the budget', 'a new bridge', 'the trade agreement', 'flooding', 'school meals', 'the First Step Act']
const days = ['on Monday', 'on Tuesday', 'in March', 'last week', 'on April 25']

function sentence() {
  const name = `${pick(given)} ${pick(surnames)}`
  switch (seed % 4) {
    case 0:
      return `${pick(titles)} ${name} ${pick(verbs)} ${days[seed % days.length]} that ${pick(orgs)} would review ${pick(topics)} in ${pick(places)}.`
    case 1:
      return `"We will not wait," ${name.split(' ').at(-1)} ${pick(verbs)}, adding that ${pick(places)} needed help.`
    case 2:
      return `Officials from ${pick(orgs)} met ${name}'s team in ${pick(places)} ${days[seed % days.length]}.`
    default:
      return `Residents of ${pick(places)} questioned ${pick(titles)} ${name} about ${pick(topics)}.`
  }
}

function article() {
  const paragraphs = []
  paragraphs.push(`${pick(surnames).toUpperCase()} VISITS ${pick(places).toUpperCase()}`)
  for (let p = 0; p < 6; p++) {
    const sentences = []
    for (let s = 0; s < 4; s++) sentences.push(sentence())
    paragraphs.push(sentences.join(' '))
  }

  paragraphs.push('Photo: Jane Doe/Reuters')
  return paragraphs.join('\n\n')
}

const articles = []
let size = 0
while (size < megabytes * 1024 * 1024) {
  const text = article()
  articles.push(text)
  size += text.length
}

const mb = size / 1024 / 1024

function cpuTime(since) {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

// The plugin alone (the transformer reads the text; parsing the tree is retext-english's cost).
const processor = unified().use(retextEnglish).use(retextNormalizeNames)
const transform = retextNormalizeNames()
const empty = {type: 'RootNode', children: []}
let mentions = 0
const found = []
// Import and setup were paid when this module was imported; the first call builds the lookups.
let start = performance.now()
transform(empty, new VFile(articles[0]))
console.log(
  `retext-normalize-names setup (build the lookups, first article): ${(performance.now() - start).toFixed(0)} ms`
)
// CPU time as well as wall time: on a shared machine, MB per CPU-second is the one-core figure.
let cpu = process.cpuUsage()
start = performance.now()
for (const text of articles) {
  const file = new VFile(text)
  transform(empty, file)
  mentions += file.data.names?.mentions.length ?? 0
  found.push(file.data.names?.mentions ?? [])
}

let seconds = (performance.now() - start) / 1000
let cpuSeconds = cpuTime(cpu)
console.log(
  `retext-normalize-names (plugin): ${(mb / cpuSeconds).toFixed(2)} MB/s per CPU-second, ${(mb / seconds).toFixed(2)} MB/s wall (${mb.toFixed(2)} MB, ${articles.length} articles, ${mentions} mentions)`
)

// The same text again, now that the code is compiled: the steady-state figure on one core.
cpu = process.cpuUsage()
start = performance.now()
for (const text of articles) transform(empty, new VFile(text))
seconds = (performance.now() - start) / 1000
cpuSeconds = cpuTime(cpu)
console.log(
  `retext-normalize-names (plugin, second pass): ${(mb / cpuSeconds).toFixed(2)} MB/s per CPU-second, ${(mb / seconds).toFixed(2)} MB/s wall`
)

// The cross-article pass over the mentions of this corpus.
start = performance.now()
let registry = new NameRegistry()
for (const [index, list] of found.entries()) registry.add('a' + index, list)
const added = performance.now()
registry.resolve()
console.log(
  `NameRegistry on these ${found.length} articles (${mentions} mentions): add ${((added - start) / 1000).toFixed(2)} s, resolve ${((performance.now() - added) / 1000).toFixed(2)} s`
)

// And on 100,000 generated documents: the registry must stay about linear in corpus size.
registry = new NameRegistry()
start = performance.now()
let registryMentions = 0
const syllables = ['Ka', 'Lo', 'Mi', 'Ran', 'Dor', 'Vel', 'Sa', 'Ten', 'Bri', 'Gho', 'Mus', 'Lin', 'Pe', 'Tor', 'An', 'El', 'Is', 'Ur', 'Zen', 'Qua']
for (let d = 0; d < 100_000; d++) {
  const list = []
  for (let m = 0; m < 6; m++) {
    // Made-up surnames from syllables (8,000 of them), with the bench's given names.
    const person = `${pick(given)} ${syllables[seed % 20]}${syllables[(seed >> 5) % 20]}${syllables[(seed >> 10) % 20].toLowerCase()}`
    const name = m % 3 === 2 ? person.split(' ').at(-1) : person
    list.push({id: 'm' + (m + 1), start: m * 20, end: m * 20 + name.length, text: name, type: 'person', name})
  }

  registryMentions += list.length
  registry.add('d' + d, list)
}

const added100k = performance.now()
registry.resolve()
console.log(
  `NameRegistry on 100,000 generated documents (${registryMentions} mentions): add ${((added100k - start) / 1000).toFixed(2)} s, resolve ${((performance.now() - added100k) / 1000).toFixed(2)} s`
)

start = performance.now()
const sample = articles.slice(0, Math.max(1, Math.floor(articles.length / 4)))
let sampleSize = 0
for (const text of sample) {
  const file = new VFile(text)
  processor.runSync(processor.parse(file), file)
  sampleSize += text.length
}

seconds = (performance.now() - start) / 1000
console.log(
  `retext-english + retext-normalize-names: ${(sampleSize / 1024 / 1024 / seconds).toFixed(2)} MB/s (${(sampleSize / 1024 / 1024).toFixed(2)} MB)`
)

try {
  const {default: nlp} = await import('compromise')
  const few = articles.slice(0, Math.max(1, Math.floor(articles.length / 20)))
  let fewSize = 0
  let people = 0
  cpu = process.cpuUsage()
  start = performance.now()
  for (const text of few) {
    people += nlp(text).people().length
    fewSize += text.length
  }

  seconds = (performance.now() - start) / 1000
  cpuSeconds = cpuTime(cpu)
  const fewMb = fewSize / 1024 / 1024
  console.log(
    `compromise .people(): ${(fewMb / cpuSeconds).toFixed(2)} MB/s per CPU-second, ${(fewMb / seconds).toFixed(2)} MB/s wall (${fewMb.toFixed(2)} MB, ${people} people)`
  )
} catch {
  console.log('compromise .people(): skipped (compromise is not installed)')
}
