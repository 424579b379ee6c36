// Export throughput per format on generated document records, and `all`
// (one pass through every writer) against the slowest single format.
// Run after `pnpm turbo run build --filter=@copydesk/export`:
//   node packages/export/bench/bench.js [--records 2000]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {exportRecords, formats} from '../dist/index.js'

const args = process.argv.slice(2)
const count = Number(args[args.indexOf('--records') + 1]) || 2000

const people = [
  ['Kamala Harris', 'Q10853588', 'Vice President'],
  ['Kim Kardashian', 'Q186304', undefined],
  ['Donald Trump', 'Q22686', 'former President'],
  ['Taylor Swift', 'Q26876', undefined],
  ['Beverly Holcy', 'nil:beverly-holcy-3f2a1c', 'organizer'],
  ['Marcus Bell', null, 'council member']
]
const places = [
  ['Atlanta', 'Q23556'],
  ['White House', 'Q35525'],
  ['Saginaw', 'Q429932'],
  ['Lakeview', null]
]
const organizations = [
  ['Senate', 'Q66096'],
  ['City Council', null]
]
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']

/** One news-like record with mentions, dates, entities, an excluded range and messages. */
function generate(index) {
  const day = (index % 28) + 1
  const month = (index % 12) + 1
  const published = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  let text = ''
  const mentions = []
  const dates = []
  const add = (piece) => {
    const start = text.length
    text += piece
    return [start, text.length]
  }

  const mention = (surface, type, name, id, role) => {
    const [start, end] = add(surface)
    const entity = id ? {id, label: name, confidence: 0.9, ...(id.startsWith('Q') ? {wikipedia: name} : {})} : null
    mentions.push({id: 'm' + (mentions.length + 1), start, end, text: surface, type, name, ...(role ? {role} : {}), entity})
  }

  const date = (surface, value, symbolic) => {
    const [start, end] = add(surface)
    dates.push({id: 't' + (dates.length + 1), start, end, text: surface, type: 'DATE', value, ...(symbolic ? {symbolic, anchor: 'published'} : {})})
  }

  for (let paragraph = 0; paragraph < 6; paragraph++) {
    const [person, qid, role] = people[(index + paragraph) % people.length]
    const [place, placeId] = places[(index + paragraph) % places.length]
    const [org, orgId] = organizations[(index + paragraph) % organizations.length]
    add(role ? `${role[0].toUpperCase()}${role.slice(1)} ` : '')
    mention(person, 'person', person, qid, role)
    add(' spoke in ')
    mention(place, 'place', place, placeId)
    add(' on ')
    date(weekdays[(index + paragraph) % 5], published, 'XXXX-WXX-' + (((index + paragraph) % 5) + 1))
    add(`, telling reporters that the ${'“'}plan${'”'} before the `)
    mention(org, 'organization', org, orgId)
    add(' would be reviewed by ')
    date(`March ${day}, 2024`, `2024-03-${String(day).padStart(2, '0')}`)
    add('. ' + 'Residents said the proposal, debated for weeks, would change how the city budgets for roads, parks and schools. '.repeat(3))
    const personMention = mentions.at(-3)
    const surname = person.split(' ').pop()
    const [start, end] = add(surname)
    mentions.push({...personMention, id: 'm' + (mentions.length + 1), start, end, text: surname})
    add(' added that 😀 the vote is "close" & <uncertain>.\n')
  }

  const [start, end] = add('Photo: Staff / Example Wire')
  const byKey = new Map()
  for (const m of mentions) {
    const id = m.entity ? m.entity.id : `name:${m.name}`
    let e = byKey.get(id)
    if (!e) byKey.set(id, (e = {id, name: m.name, type: m.type, count: 0, mentions: [], variants: [], roles: [], salience: 0}))
    e.count++
    e.mentions.push(m.id)
    if (!e.variants.includes(m.text)) e.variants.push(m.text)
    if (m.role && !e.roles.includes(m.role)) e.roles.push(m.role)
  }

  const entities = [...byKey.values()].map((e) => ({...e, salience: Math.round((e.count / mentions.length) * 1000) / 1000}))
  return {
    id: `bench-${String(index).padStart(5, '0')}`,
    title: `${people[index % people.length][0]} visits ${places[index % places.length][0]} (${index})`,
    url: `https://news.example.org/${published}/story-${index}`,
    outlet: 'Example Wire',
    published,
    text,
    excluded: [{start, end, reason: 'photo-credit'}],
    mentions,
    dates,
    entities,
    messages: [{ruleId: 'weekday-mismatch', source: 'retext-normalize-dates', reason: 'weekday does not match', severity: 'warning', start: dates[0].start, end: dates[0].end}],
    authors: ['Staff'],
    language: 'en',
    kb: 'bench'
  }
}

// Kept as JSON lines and parsed as they stream, as the pipeline reads them:
// every run gets fresh record objects (no cache shared between runs).
const lines = Array.from({length: count}, (_, index) => JSON.stringify(generate(index)))
const inputBytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0)
const mb = inputBytes / 1e6

async function* stream() {
  for (const line of lines) yield JSON.parse(line)
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-export-bench-'))
async function run(name, chosen, worker = true) {
  const outDir = path.join(base, name)
  const cpu = process.cpuUsage()
  const start = performance.now()
  const files = await exportRecords(stream(), {outDir, formats: chosen, worker})
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0)
  return {ms, cpu: (used.user + used.system) / 1000, bytes, files: files.length}
}

const fmt = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`)
console.log(
  `# @copydesk/export bench: ${count} records, ${mb.toFixed(1)} MB of JSONL records, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} (wall times stretch when the cores are busy; cpu = CPU time of all threads)`
)
const times = {}
for (const format of formats) {
  const result = await run(format, [format])
  times[format] = result.ms
  console.log(
    `export ${format.padEnd(9)} ${fmt(result.ms).padStart(8)}  ${(mb / (result.ms / 1000)).toFixed(1).padStart(6)} MB/s  cpu ${fmt(result.cpu).padStart(8)}  ${(result.bytes / 1e6).toFixed(1)} MB in ${result.files} files`
  )
}

const slowest = Object.entries(times).sort((a, b) => b[1] - a[1])[0]
const all = await run('all', [...formats])
const ratio = all.ms / slowest[1]
console.log(
  `export all       ${fmt(all.ms).padStart(8)}  ${(mb / (all.ms / 1000)).toFixed(1).padStart(6)} MB/s  cpu ${fmt(all.cpu).padStart(8)}  ${(all.bytes / 1e6).toFixed(1)} MB in ${all.files} files (report in a worker thread)`
)
const one = await run('all-one-thread', [...formats], false)
console.log(
  `export all, 1 thread ${fmt(one.ms).padStart(8)}  ${(mb / (one.ms / 1000)).toFixed(1).padStart(6)} MB/s  cpu ${fmt(one.cpu).padStart(8)}`
)
console.log(
  `all vs slowest single format (${slowest[0]}, ${fmt(slowest[1])}): ${ratio.toFixed(2)}x (target <= 1.50x: ${ratio <= 1.5 ? 'met' : 'NOT met'})`
)
fs.rmSync(base, {recursive: true, force: true})
