#!/usr/bin/env node
// Build the embedded starter KB, `data/starter.jsonl.gz`, from curated JSONL files.
//
//   node scripts/build-starter.js [--import DIR] [--out FILE] [FILE.jsonl | DIR]...
//
// Without arguments it reads every `*.jsonl` under `data-src/` (the curated set
// in `data-src/curated/`, the derived files, then the hand-kept
// `data-src/news-core.jsonl`), except `data-src/unchecked/`: entries whose QID
// no second source has confirmed yet (`source: "memory"`) are kept there and
// never built. An entry tagged `memory` in a file the build reads stops the
// build: a wrong QID is worse than a missing entry.
// `--import DIR` first copies `DIR/*.jsonl` into `data-src/curated/` (how the
// team's curated files are taken in).
// Entries with the same QID are merged: the first label, type and description
// win, aliases and classes are unioned, the highest popularity is kept.
// Each line is `{"id","label","aliases","description","type","classes",
// "wikipedia","popularity"}`; other fields (`source`) stay in `data-src/`.
import {createHash} from 'node:crypto'
import {copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const outArg = outAt === -1 ? undefined : args.splice(outAt, 2)[1]
const importAt = args.indexOf('--import')
if (importAt !== -1) {
  const dir = args[importAt + 1]
  args.splice(importAt, 2)
  const target = join(root, 'data-src', 'curated')
  mkdirSync(target, {recursive: true})
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    copyFileSync(join(dir, name), join(target, name))
    console.log(`imported ${name}`)
  }
}

function jsonlFiles(path) {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path, {withFileTypes: true})
    .sort((a, b) => Number(a.isFile()) - Number(b.isFile()) || a.name.localeCompare(b.name))
    .flatMap((d) =>
      d.isDirectory()
        ? d.name === 'unchecked'
          ? []
          : jsonlFiles(join(path, d.name))
        : d.name.endsWith('.jsonl')
          ? [join(path, d.name)]
          : []
    )
}

const inputs = (args.length ? args : [join(root, 'data-src')]).flatMap(jsonlFiles)
const types = new Set(['person', 'organization', 'place', 'other'])
const byId = new Map()
let problems = 0
for (const file of inputs) {
  let n = 0
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue
    const e = JSON.parse(line)
    const where = `${file}:${i + 1}`
    if (!/^Q[1-9]\d*$/.test(e.id) || !e.label || !types.has(e.type)) {
      console.error(`${where}: bad entry ${line.slice(0, 120)}`)
      problems++
      continue
    }
    if (e.source === 'memory') {
      console.error(`${where}: ${e.id} ${e.label} is unchecked (source memory): check its QID against a second source, or keep it in data-src/unchecked/`)
      problems++
      continue
    }
    n++
    const entry = byId.get(e.id)
    if (!entry) {
      byId.set(e.id, {
        id: e.id,
        label: e.label,
        aliases: [...new Set((e.aliases ?? []).filter((a) => a && a !== e.label))],
        description: e.description ?? '',
        type: e.type,
        classes: [...new Set(e.classes ?? [])],
        ...(e.wikipedia ? {wikipedia: e.wikipedia} : {}),
        popularity: Number(e.popularity) || 0
      })
      continue
    }
    if (entry.type !== e.type) console.warn(`${where}: ${e.id} typed ${e.type} here, ${entry.type} before (kept)`)
    if (e.wikipedia && entry.wikipedia && e.wikipedia !== entry.wikipedia) {
      console.warn(`${where}: ${e.id} wikipedia ${e.wikipedia} here, ${entry.wikipedia} before (kept)`)
    }
    entry.aliases = [...new Set([...entry.aliases, ...(e.aliases ?? []), e.label])].filter((a) => a && a !== entry.label)
    entry.classes = [...new Set([...entry.classes, ...(e.classes ?? [])])]
    entry.description ||= e.description ?? ''
    if (!entry.wikipedia && e.wikipedia) entry.wikipedia = e.wikipedia
    entry.popularity = Math.max(entry.popularity, Number(e.popularity) || 0)
  }
  console.log(`${file.slice(root.length)}: ${n} entries`)
}
if (problems) {
  console.error(`${problems} bad entries: fix them first`)
  process.exit(1)
}
const lines = [...byId.values()]
  .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
  .map((e) => JSON.stringify(e))
const hash = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 8)
const header = JSON.stringify({snapshot: `starter-${hash}`, count: lines.length})
const out = outArg ?? join(root, 'data', 'starter.jsonl.gz')
mkdirSync(dirname(out), {recursive: true})
writeFileSync(out, gzipSync([header, ...lines].join('\n') + '\n', {level: 9}))
console.log(`wrote ${outArg ?? 'data/starter.jsonl.gz'}: ${lines.length} entities, snapshot starter-${hash}, ${statSync(out).size} bytes`)
