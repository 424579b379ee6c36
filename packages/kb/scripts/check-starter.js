#!/usr/bin/env node
// Check the starter KB's sources (`data-src/**/*.jsonl`) before a build:
//
//   node scripts/check-starter.js [SHARED_KB_DIR]
//
// * every line: the fields of an entry, a QID, a known type and `source`,
//   a description under 80 characters, no role as a name (`POTUS`), no alias
//   that is a common word; a `verified:search` entry names its second source
//   in `check`;
// * an entry tagged `memory` (QID not yet checked) only in `data-src/unchecked/`,
//   which the build does not read, and only such entries there;
// * one QID in one file (the hand-kept `news-core.jsonl` may repeat a QID: it
//   adds news short forms to an entry), one English Wikipedia title per QID;
// * against the reference data (`shared/kb/`, where present), whose QIDs are
//   verified by their publishers: an entry whose QID is a Natural Earth place
//   must be a place and share a name with it, an entry whose QID is a member
//   of Congress, president or vice president must be a person with that
//   name, and an entry that says it came from one of them must be in it;
//   entries that overlap the Wikidata dump sample must agree on label,
//   classes and Wikipedia title.
//
// Prints counts by source, type and file, then the problems; exits 1 if any.
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {load} from 'js-yaml'
import {commonWords, findShared, keyOf, readJsonl} from './lib.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const sources = new Set([
  'verified:natural-earth',
  'verified:us-legislators',
  'verified:search',
  'verified:wikidata-dump-sample',
  'verified:seeds-gold',
  'memory'
])
const types = new Set(['person', 'organization', 'place', 'other'])
const fields = ['id', 'label', 'aliases', 'description', 'type', 'classes', 'popularity', 'source']

function jsonlFiles(path) {
  return readdirSync(path, {withFileTypes: true})
    .sort((a, b) => Number(a.isFile()) - Number(b.isFile()) || a.name.localeCompare(b.name))
    .flatMap((d) =>
      d.isDirectory() ? jsonlFiles(join(path, d.name)) : d.name.endsWith('.jsonl') ? [join(path, d.name)] : []
    )
}

const problems = []
const rows = []
for (const file of jsonlFiles(join(root, 'data-src'))) {
  const name = relative(join(root, 'data-src'), file)
  for (const row of readJsonl(file)) rows.push({...row, file: name})
}

// Lines.
const withheld = (r) => r.file.startsWith('unchecked/')
for (const r of rows) {
  const at = `${r.file} ${r.id} ${r.label}`
  if (r.source === 'memory' && !withheld(r)) problems.push(`${at}: unchecked (source memory) in a file the build reads: check its QID against a second source or move it to data-src/unchecked/`)
  if (r.source !== 'memory' && withheld(r)) problems.push(`${at}: checked (${r.source}) but in data-src/unchecked/, which the build does not read: move it to data-src/curated/`)
  for (const f of fields) if (!(f in r)) problems.push(`${at}: no ${f}`)
  if (!/^Q[1-9]\d*$/.test(r.id ?? '')) problems.push(`${at}: bad QID`)
  if (!types.has(r.type)) problems.push(`${at}: bad type ${r.type}`)
  if (!sources.has(r.source)) problems.push(`${at}: unknown source ${r.source}`)
  if (r.source === 'verified:search' && !r.check) problems.push(`${at}: verified:search with no \`check\` (the second source)`)
  if ((r.description ?? '').length >= 80) problems.push(`${at}: description of 80 characters or more`)
  if (typeof r.popularity !== 'number' || r.popularity <= 0) problems.push(`${at}: popularity ${r.popularity}`)
  for (const alias of r.aliases ?? []) {
    const key = keyOf(alias)
    if (/^potus$|^vpotus$|^flotus$/.test(key)) problems.push(`${at}: a role as an alias (${alias})`)
    else if (key.length < 2 && r.type !== 'other') problems.push(`${at}: alias too short (${alias})`)
    else if (commonWords.has(key)) problems.push(`${at}: a common word as an alias (${alias})`)
  }
  // A label may be a common word when the entity is a place of that name
  // (Malé, Nice): derived places leave such names out, curated ones are judged by hand.
  if (r.file.startsWith('derived/') && commonWords.has(keyOf(r.label ?? ''))) problems.push(`${at}: a common word as the label`)
}

// One QID, one file; one title, one QID.
const byId = new Map()
for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r])
for (const [id, list] of byId) {
  const files = new Set(list.filter((r) => r.file !== 'news-core.jsonl').map((r) => r.file))
  if (files.size > 1 || list.filter((r) => r.file === [...files][0]).length > 1) {
    problems.push(`${id}: in ${list.map((r) => `${r.file} (${r.label})`).join(', ')}`)
  }
  const titles = new Set(list.map((r) => r.wikipedia).filter(Boolean))
  if (titles.size > 1) problems.push(`${id}: Wikipedia titles ${[...titles].join(' / ')}`)
}
const byTitle = new Map()
for (const r of rows) {
  if (!r.wikipedia) continue
  const other = byTitle.get(r.wikipedia)
  if (other && other.id !== r.id) problems.push(`title ${r.wikipedia}: ${other.id} ${other.label} and ${r.id} ${r.label}`)
  byTitle.set(r.wikipedia, r)
}

// An alias of one person or organization that is the label of another of the
// same type (`John Kennedy` on John F. Kennedy, while Senator John Kennedy is
// labelled so) would hand the other's mentions to the first. Places may share
// names (New York, Washington): popularity ranks them.
const labels = new Map()
for (const r of rows) if (r.file !== 'news-core.jsonl') labels.set(`${r.type} ${keyOf(r.label)}`, r)
for (const r of rows) {
  if (r.type === 'place') continue
  for (const alias of r.aliases ?? []) {
    const other = labels.get(`${r.type} ${keyOf(alias)}`)
    if (other && other.id !== r.id) problems.push(`${r.file} ${r.id} ${r.label}: alias ${alias} is the label of ${other.id} (${other.file})`)
  }
}

/** The name keys of an entry: label (also without `City`: Djibouti City), aliases and Wikipedia title without its disambiguation. */
const namesOf = (r) =>
  new Set(
    [r.label, r.label.replace(/^City of | City$/, ''), ...r.aliases, (r.wikipedia ?? '').replace(/\s*\(.*\)$/, '').replace(/,.*$/, '')]
      .filter(Boolean)
      .map(keyOf)
  )

// Reference data.
const shared = findShared(root)
const confirmed = {'natural-earth': 0, 'us-legislators': 0, 'wikidata-dump-sample': 0}
if (!shared || !existsSync(shared)) {
  console.warn('no shared/kb folder: the checks against the reference data are skipped')
} else {
  const placesFile = join(shared, 'natural-earth', 'ne_10m_populated_places.geojson.gz')
  const ne = new Map()
  for (const {properties: p} of JSON.parse(gunzipSync(readFileSync(placesFile)).toString('utf8')).features) {
    if (p.wikidataid && !ne.has(p.wikidataid)) ne.set(p.wikidataid, p)
  }
  const people = new Map()
  for (const f of ['legislators-current.yaml', 'executive.yaml']) {
    for (const m of load(readFileSync(join(shared, 'us-legislators', f), 'utf8'))) {
      if (m.id.wikidata) people.set(m.id.wikidata, m)
    }
  }
  const dump = new Map()
  for (const line of readFileSync(join(shared, 'wikidata-dump-sample', 'entities.json'), 'utf8').split('\n')) {
    const text = line.trim().replace(/,$/, '')
    if (text.startsWith('{')) {
      const e = JSON.parse(text)
      dump.set(e.id, e)
    }
  }
  for (const r of rows) {
    const at = `${r.file} ${r.id} ${r.label}`
    const names = namesOf(r)
    const p = ne.get(r.id)
    if (p) {
      const theirs = [p.NAME, p.NAME_EN, p.NAMEASCII, p.MEGANAME, p.LS_NAME, ...(p.NAMEALT ?? '').split('|')]
        .filter(Boolean)
        .map((n) => keyOf(n.replace(/\(.*\)/, '')))
      if (r.type !== 'place') problems.push(`${at}: its QID is the Natural Earth place ${p.NAME}`)
      else if (!theirs.some((n) => names.has(n))) problems.push(`${at}: Natural Earth names ${r.id} ${p.NAME}`)
      else confirmed['natural-earth']++
    } else if (r.source === 'verified:natural-earth') problems.push(`${at}: says natural-earth, not there`)
    const m = people.get(r.id)
    if (m) {
      const {first, last, nickname, official_full: full} = m.name
      const theirs = [m.id.wikipedia?.replace(/\s*\(.*\)$/, ''), full, `${first} ${last}`, nickname && `${nickname} ${last}`]
        .filter(Boolean)
        .map(keyOf)
      if (r.type !== 'person') problems.push(`${at}: its QID is the member of Congress or president ${full ?? last}`)
      else if (!theirs.some((n) => names.has(n))) problems.push(`${at}: the legislators data names ${r.id} ${full ?? `${first} ${last}`}`)
      else if (m.id.wikipedia && r.wikipedia && m.id.wikipedia !== r.wikipedia) problems.push(`${at}: Wikipedia ${r.wikipedia}, the legislators data ${m.id.wikipedia}`)
      else confirmed['us-legislators']++
    } else if (r.source === 'verified:us-legislators') problems.push(`${at}: says us-legislators, not there`)
    const e = dump.get(r.id)
    if (e) {
      const label = e.labels?.en?.value ?? e.labels?.mul?.value ?? ''
      const classes = new Set((e.claims?.P31 ?? []).map((c) => c.mainsnak?.datavalue?.value?.id))
      const title = e.sitelinks?.enwiki?.title
      if (!names.has(keyOf(label))) problems.push(`${at}: the dump sample labels ${r.id} ${label}`)
      else if (!r.classes.every((c) => classes.has(c))) problems.push(`${at}: classes ${r.classes} not all in the dump's P31 ${[...classes]}`)
      else if (title && r.wikipedia && title !== r.wikipedia) problems.push(`${at}: Wikipedia ${r.wikipedia}, the dump ${title}`)
      else confirmed['wikidata-dump-sample']++
    } else if (r.source === 'verified:wikidata-dump-sample') problems.push(`${at}: says wikidata-dump-sample, not there`)
  }
}

const count = (f) => {
  const c = {}
  for (const [id, list] of byId) {
    if (!built.has(id)) continue
    const k = f(list[0], id)
    c[k] = (c[k] ?? 0) + 1
  }
  return c
}
const built = new Set(rows.filter((r) => !withheld(r)).map((r) => r.id))
console.log(`${rows.length} lines, ${built.size} entities built, ${byId.size - built.size} withheld in data-src/unchecked/`)
console.log('by source:', count((r) => r.source))
console.log('by type:', count((r) => r.type))
console.log('by file:', count((r) => r.file))
const withheldByFile = {}
for (const r of rows.filter(withheld)) withheldByFile[r.file] = (withheldByFile[r.file] ?? 0) + 1
console.log('withheld by file:', withheldByFile)
console.log('confirmed by the reference data:', confirmed)
console.log(`${problems.length} problems`)
for (const p of problems) console.log(`  ${p}`)
process.exitCode = problems.length ? 1 : 0
