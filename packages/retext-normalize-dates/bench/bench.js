// Throughput of `@copydesk/retext-normalize-dates` on generated news-like text, with
// chrono-node's parser on the same text for comparison. Run after `pnpm build`:
//
//   node packages/retext-normalize-dates/bench/bench.js
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import retextNormalizeDates from '../dist/index.js'

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same text.
let seed = 0x5eed
function random() {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const pick = (list) => list[Math.floor(random() * list.length)]
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const people = ['Maria Okafor', 'the governor', 'Senator Lind', 'the company', 'Officials', 'Chief executive Tom Brandt', 'The ministry', 'Residents']
const places = ['Lagos', 'the capital', 'Dover', 'Ohio', 'the port city', 'Brussels', 'the valley']
// Most news sentences have no temporal expression; these carry the usual traps.
const fillers = [
  'The measure would require utilities to publish their rates and give customers a way to compare offers across the region.',
  'Critics argued that the plan did little for renters, and several council members asked for an independent review of its costs.',
  'The company, which employs about 4,500 people at three sites, declined to comment on the talks beyond a short written statement.',
  'Witnesses described a loud noise followed by smoke, and emergency crews closed two lanes of the highway for several hours.',
  'A spokesman for the agency said investigators were still collecting evidence and had not ruled out any cause.',
  'Supporters gathered outside the courthouse holding signs, while a smaller group of counter-protesters stood across the street.',
  'The proposal drew criticism from opposition lawmakers, who said it would raise costs for families.',
  'Shares of the firm rose 3.2 percent in early trading, while the broader index slipped.',
  'Police said 2018 people had registered for the march, and the vote passed 52-48.',
  '"We are ready to work with anyone who wants to help," she told reporters outside the building.',
  'The Sunday Times reported that the store, open 24/7, had finished second in a survey.',
  'Analysts may revise their forecasts if demand does not recover.'
]
const templates = [
  () => `${pick(people)} said on ${pick(weekdays)} that talks in ${pick(places)} would resume next month.`,
  () => `The agreement, signed ${pick(months)} ${1 + Math.floor(random() * 28)}, ${2000 + Math.floor(random() * 24)}, runs for ${pick(['three', 'five', 'twenty-one', '12'])} years.`,
  () => `${pick(people)} met in ${pick(places)} yesterday, two days after the vote, and again this afternoon at 3 p.m. ET.`,
  () => `Production fell in the third quarter and again in early ${2010 + Math.floor(random() * 14)}, the ministry said.`,
  () => `The festival is held annually, and organizers expect 40,000 visitors each year since the 1990s.`,
  () => `${pick(people)} recently visited ${pick(places)} for nearly an hour; the day before, aides had met there.`,
  () => `From 2019 to 2021 the project stalled, but last week ${pick(people).toLowerCase()} announced a restart.`
]

function article() {
  const parts = [`${pick(people)} in ${pick(places)}\n${pick(months)} ${1 + Math.floor(random() * 28)}, 2024\n`]
  const sentences = 20 + Math.floor(random() * 20)
  for (let i = 0; i < sentences; i++) parts.push(random() < 0.3 ? pick(templates)() : pick(fillers), ' ')
  return parts.join('')
}

const articles = Array.from({length: 1500}, article)
const bytes = articles.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
const megabytes = bytes / 1e6

// CPU time of this (single-threaded) process: throughput on one core, whatever else the
// machine is doing. Wall-clock time is printed beside it.
const cpuSeconds = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

function measure(name, run) {
  run(articles.slice(0, 200)) // warm up
  let best = Number.POSITIVE_INFINITY
  let wall = Number.POSITIVE_INFINITY
  for (let round = 0; round < 3; round++) {
    const cpuStart = cpuSeconds()
    const wallStart = performance.now()
    run(articles)
    best = Math.min(best, cpuSeconds() - cpuStart)
    wall = Math.min(wall, (performance.now() - wallStart) / 1000)
  }

  console.log(
    `${name.padEnd(36)} ${(megabytes / best).toFixed(2).padStart(6)} MB/s on one core (${(megabytes / wall).toFixed(2)} MB/s wall; ${megabytes.toFixed(2)} MB in ${articles.length} articles, best of 3)`
  )
}

const transform = retextNormalizeDates()
const emptyTree = {type: 'RootNode', children: []}
let found = 0
measure('@copydesk/retext-normalize-dates', (texts) => {
  found = 0
  for (const text of texts) {
    const file = new VFile(text)
    file.data.ingest = {id: 'bench', title: null, url: null, outlet: null, published: '2024-04-26', authors: [], language: 'en', excluded: [], source: {path: '-', format: 'text'}}
    transform(emptyTree, file)
    found += file.data.dates.dates.length
  }
})
console.log(`${''.padEnd(40)} ${(found / articles.length).toFixed(1)} expressions per article`)

// Document length: the same articles as one document of a quarter, then all of
// them. Throughput that falls as the document grows would mean a quadratic step.
for (const share of [0.25, 1]) {
  const text = articles.slice(0, Math.round(articles.length * share)).join('\n\n')
  const file = new VFile(text)
  file.data.ingest = {id: 'long', title: null, url: null, outlet: null, published: '2024-04-26', authors: [], language: 'en', excluded: [], source: {path: '-', format: 'text'}}
  const start = cpuSeconds()
  transform(emptyTree, file)
  const size = Buffer.byteLength(text) / 1e6
  console.log(`${`one document of ${size.toFixed(2)} MB`.padEnd(36)} ${(size / (cpuSeconds() - start)).toFixed(2).padStart(6)} MB/s on one core`)
}

let chrono
try {
  chrono = await import('chrono-node')
} catch {
  console.log('chrono-node                              not installed (devDependency), skipped')
}

if (chrono) {
  const instant = new Date(Date.UTC(2024, 3, 26, 12))
  let chronoFound = 0
  measure('chrono-node parse (same text)', (texts) => {
    chronoFound = 0
    for (const text of texts) chronoFound += chrono.parse(text, instant).length
  })
  console.log(`${''.padEnd(40)} ${(chronoFound / articles.length).toFixed(1)} expressions per article`)
}
