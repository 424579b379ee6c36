#!/usr/bin/env node
// Benchmark of @copydesk/ingest: throughput in MB/s for plain text, JSON Lines
// and HTML, and peak RSS while streaming a large generated JSON Lines file.
//
//   node bench/bench.js                 # text, JSONL, HTML; peak RSS on a 1 GB JSONL
//   node bench/bench.js --rss-mb 200    # peak RSS on a smaller file
//   node bench/bench.js --dir-files 100000  # peak RSS on a larger directory (default 20,000 files)
//
// Inputs are generated under the OS temp folder and deleted afterwards.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ingest} from '../dist/index.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)

const common = 'the of and to a in that on for said with was at by is from his her as it an be has have were who after they their not but had this will been more its which about'.split(' ')
// A vocabulary like news text: frequent function words plus thousands of rarer words.
const words = []
{
  const syllables = ['ba', 'ri', 'to', 'men', 'sal', 'ko', 'der', 'vi', 'lan', 'por', 'es', 'tu', 'gra', 'ne', 'mo', 'shi', 'wal', 'ter', 'ing', 'ed']
  let seed = 7
  for (let index = 0; index < 6000; index++) {
    let word = ''
    const length = 1 + ((index * 7) % 3)
    for (let k = 0; k < length + 1; k++) {
      seed = (seed * 1103515245 + 12345) >>> 0
      word += syllables[seed % syllables.length]
    }
    words.push(word)
  }
}
const pick = (random) => (random() < 0.45 ? common[Math.floor(random() * common.length)] : words[Math.floor(Math.pow(random(), 2) * words.length)])
const names = ['Ana Ruiz', 'Jo Park', 'Sam Ng', 'Lena Ortiz', 'Omar Said', 'Ray Lim', 'Gil Navarro']

function rng(seed) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
}

function article(random, index) {
  const paragraphs = []
  const count = 5 + Math.floor(random() * 6)
  for (let p = 0; p < count; p++) {
    const sentences = []
    const n = 2 + Math.floor(random() * 3)
    for (let s = 0; s < n; s++) {
      const length = 10 + Math.floor(random() * 18)
      const sentence = []
      for (let w = 0; w < length; w++) sentence.push(pick(random))
      sentence.push(String(index))
      sentences.push(sentence.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.')
    }
    paragraphs.push(sentences.join(' '))
  }
  if (random() < 0.3) paragraphs.splice(2, 0, `A view of the harbor. ${names[index % names.length]}/Getty Images`)
  if (random() < 0.3) paragraphs.push('Related: More news from the harbor')
  return paragraphs
}

function html(title, author, date, paragraphs) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Island Post</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Island Post">
<script type="application/ld+json">${JSON.stringify({'@type': 'NewsArticle', headline: title, datePublished: date, author: {'@type': 'Person', name: author}})}</script></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>
<main><article><h1>${title}</h1><div class="byline">By ${author}</div>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside></main>
<footer><p>© 2025 Island Post</p></footer></body></html>`
}

// Wall time, and CPU time of this process: on a shared machine the CPU figure
// says more about ingest itself.
async function run(paths, options) {
  let documents = 0
  const start = performance.now()
  const cpu = process.cpuUsage()
  for await (const file of ingest(paths, options)) {
    documents++
    void file
  }
  const used = process.cpuUsage(cpu)
  return {documents, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6}
}

function size(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.size
  return fs.readdirSync(target).reduce((sum, name) => sum + size(path.join(target, name)), 0)
}

async function throughput(label, target, options) {
  const bytes = size(target)
  const {documents, seconds, cpuSeconds} = await run([target], options)
  console.log(
    `${label.padEnd(30)} ${(bytes / 1e6 / seconds).toFixed(2).padStart(6)} MB/s wall, ${(bytes / 1e6 / cpuSeconds).toFixed(2).padStart(6)} MB/s CPU  (${documents} documents, ${(bytes / 1e6).toFixed(1)} MB, ${seconds.toFixed(2)} s)`
  )
}

// Child mode: ingest one file and print the peak RSS.
if (args[0] === '--peak-rss') {
  const options = JSON.parse(args[2])
  const {documents, seconds, cpuSeconds} = await run([args[1]], options)
  process.stdout.write(JSON.stringify({documents, seconds, cpuSeconds, maxRss: process.resourceUsage().maxRSS * 1024}) + '\n')
  process.exit(0)
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ingest-bench-'))
try {
  const random = rng(42)
  console.log(`ingest throughput (Node ${process.version}, ${os.cpus().length} cores)`)

  const textDir = path.join(base, 'text')
  fs.mkdirSync(textDir)
  for (let index = 0; index < 2000; index++) {
    fs.writeFileSync(path.join(textDir, `a${String(index).padStart(5, '0')}.txt`), `---\ntitle: Story ${index}\npublished: 2025-03-04\n---\n${article(random, index).join('\n\n')}\n`)
  }
  await throughput('text (2,000 .txt files)', textDir)

  const jsonl = path.join(base, 'wire.jsonl')
  const out = fs.openSync(jsonl, 'w')
  for (let index = 0; index < 20000; index++) {
    fs.writeSync(out, JSON.stringify({id: `w${index}`, title: `Story ${index}`, published: '2025-03-04T10:00:00Z', text: article(random, index).join('\n\n')}) + '\n')
  }
  fs.closeSync(out)
  await throughput('JSONL (20,000 records)', jsonl)
  await throughput('JSONL, duplicates off', jsonl, {duplicates: 'off'})

  const htmlDir = path.join(base, 'html')
  fs.mkdirSync(htmlDir)
  for (let index = 0; index < 500; index++) {
    fs.writeFileSync(path.join(htmlDir, `p${String(index).padStart(4, '0')}.html`), html(`Story ${index}`, names[index % names.length], '2025-03-04T10:00:00-05:00', article(random, index)))
  }
  await throughput('HTML (500 pages, extraction)', htmlDir)

  // Peak RSS on a large JSON Lines file, in a child process of its own.
  const megabytes = Number(option('--rss-mb', '1024'))
  const big = path.join(base, 'big.jsonl')
  const fd = fs.openSync(big, 'w')
  let written = 0
  let index = 0
  const target = megabytes * 1024 * 1024
  while (written < target) {
    let chunk = ''
    for (let k = 0; k < 500; k++, index++) {
      chunk += JSON.stringify({id: `b${index}`, published: '2025-03-04', text: article(random, index).join('\n\n')}) + '\n'
    }
    fs.writeSync(fd, chunk)
    written += Buffer.byteLength(chunk)
  }
  fs.closeSync(fd)
  const script = fileURLToPath(import.meta.url)
  for (const [label, options] of [['duplicates: mark', {}], ['duplicates: off', {duplicates: 'off'}]]) {
    const child = spawnSync(process.execPath, [script, '--peak-rss', big, JSON.stringify(options)], {encoding: 'utf8', maxBuffer: 1 << 20})
    if (child.status !== 0) {
      console.log(`peak RSS (${label}): child failed: ${child.stderr.slice(0, 300)}`)
      continue
    }
    const result = JSON.parse(child.stdout)
    console.log(
      `peak RSS, ${(written / 1e9).toFixed(2)} GB JSONL (${label}): ${(result.maxRss / 1e6).toFixed(0)} MB  (${result.documents} documents, ${(written / 1e6 / result.seconds).toFixed(2)} MB/s wall, ${(written / 1e6 / result.cpuSeconds).toFixed(2)} MB/s CPU)`
    )
  }

  // Peak RSS on a directory of many small files.
  const fileCount = Number(option('--dir-files', '20000'))
  const many = path.join(base, 'many')
  let dirBytes = 0
  for (let start = 0; start < fileCount; start += 1000) {
    const sub = path.join(many, `d${String(start / 1000).padStart(3, '0')}`)
    fs.mkdirSync(sub, {recursive: true})
    for (let k = start; k < Math.min(fileCount, start + 1000); k++) {
      const content = article(random, k).join('\n\n') + '\n'
      dirBytes += Buffer.byteLength(content)
      fs.writeFileSync(path.join(sub, `a${k}.txt`), content)
    }
  }
  const child = spawnSync(process.execPath, [script, '--peak-rss', many, '{}'], {encoding: 'utf8', maxBuffer: 1 << 20})
  if (child.status === 0) {
    const result = JSON.parse(child.stdout)
    console.log(
      `peak RSS, directory of ${fileCount} files (${(dirBytes / 1e6).toFixed(0)} MB): ${(result.maxRss / 1e6).toFixed(0)} MB  (${(dirBytes / 1e6 / result.seconds).toFixed(2)} MB/s wall, ${(dirBytes / 1e6 / result.cpuSeconds).toFixed(2)} MB/s CPU)`
    )
  } else {
    console.log(`peak RSS, directory: child failed: ${child.stderr.slice(0, 300)}`)
  }
} finally {
  fs.rmSync(base, {recursive: true, force: true})
}
