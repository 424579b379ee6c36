#!/usr/bin/env node
// Derive starter KB entries from the project's reference data (`shared/kb/`),
// whose Wikidata QIDs are verified by their publishers:
//
//   node scripts/derive-shared.js [SHARED_KB_DIR] [--out DIR] [--verbose]
//
// * `us-legislators/legislators-current.yaml` (CC0, unitedstates/congress-legislators):
//   every current member of Congress with an `id.wikidata`
//   → `data-src/derived/us-congress.jsonl` (source `verified:us-legislators`);
// * `us-legislators/executive.yaml`: presidents and vice presidents with an
//   `id.wikidata`, and the other presidents with the QIDs of a checked public
//   list (source `verified:search`) → `data-src/derived/us-executive.jsonl`;
// * `natural-earth/ne_10m_populated_places.geojson.gz` (public domain): every
//   admin-0 and admin-1 capital, every place of a million people or more,
//   every place of `SCALERANK` 3 or less, and US places of 150,000 or more,
//   with the QID of `wikidataid` → `data-src/derived/places.jsonl`
//   (source `verified:natural-earth`).
//
// QIDs already in `data-src/curated/` are skipped: the curated entry (with
// its hand-made aliases and description) is the one kept. The entries kept
// out of the build until checked (`data-src/unchecked/`) count as curated
// here too: while one is withheld, a small place must not take its name
// (Capitol Hill in the Northern Marianas for the US Capitol, Gore in Ethiopia
// for Al Gore), and the derived files do not change when it is promoted. The reference data
// itself stays out of the repository (its README asks so); only the entries
// derived from it are committed. `SHARED_KB_DIR` defaults to the first
// `shared/kb` beside an ancestor folder (`../shared/kb` from the project root),
// or `COPYDESK_SHARED_DIR/kb`.
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {load} from 'js-yaml'
import {commonWords, findShared, keyOf, readJsonl, usStates, usTerritories} from './lib.js'

const root = fileURLToPath(new URL('..', import.meta.url))

const argv = process.argv.slice(2)
const outAt = argv.indexOf('--out')
const outArg = outAt === -1 ? undefined : argv.splice(outAt, 2)[1]

const shared = findShared(root, argv)
if (!shared) throw new Error('no shared/kb folder found: pass its path')
const curatedDirs = ['curated', 'unchecked'].map((d) => join(root, 'data-src', d)).filter((d) => existsSync(d))
const outDir = outArg ? resolve(outArg) : join(root, 'data-src', 'derived')
mkdirSync(outDir, {recursive: true})

// What the curated (and withheld) files already hold: their QIDs, and the keys of their names.
const curated = curatedDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .flatMap((n) => readJsonl(join(dir, n)))
)
const curatedIds = new Set(curated.map((e) => e.id))
const curatedKeys = new Map()
for (const e of curated) {
  for (const name of [e.label, ...e.aliases]) {
    const key = keyOf(name)
    if (!curatedKeys.has(key)) curatedKeys.set(key, e)
  }
}

function write(name, rows) {
  const seen = new Set()
  const lines = []
  for (const row of rows) {
    if (seen.has(row.id) || curatedIds.has(row.id)) continue
    seen.add(row.id)
    lines.push(JSON.stringify(row))
  }
  const file = join(outDir, name)
  if (lines.length) writeFileSync(file, lines.join('\n') + '\n')
  else rmSync(file, {force: true})
  console.log(`${outArg ? file : `data-src/derived/${name}`}: ${lines.length} entries`)
}

function entry(id, label, aliases, description, type, classes, wikipedia, popularity, source) {
  const keyLabel = keyOf(label)
  const seen = new Set([keyLabel])
  const kept = []
  for (const alias of aliases) {
    if (!alias || alias === label) continue
    const key = keyOf(alias)
    if (!key || seen.has(key)) continue
    seen.add(key)
    kept.push(alias)
  }
  return {
    id,
    label,
    aliases: kept,
    description: description.slice(0, 79),
    type,
    classes,
    ...(wikipedia ? {wikipedia} : {}),
    popularity,
    source
  }
}

/** A Wikipedia title without its disambiguation: `Mike Rogers (Alabama politician)` → `Mike Rogers`. */
const bareTitle = (title) => title.replace(/\s*\([^)]*\)$/, '')

// ---------------------------------------------------------------------------
// Members of Congress.

const legislators = load(readFileSync(join(shared, 'us-legislators', 'legislators-current.yaml'), 'utf8'))
const partyName = {Democrat: 'Democrat', Republican: 'Republican', Independent: 'independent'}

/** How many current members of a chamber share each surname (for `Sen. Last`). */
const surnames = {sen: new Map(), rep: new Map()}
for (const m of legislators) {
  const chamber = m.terms.at(-1).type
  const last = m.name.last
  surnames[chamber].set(last, (surnames[chamber].get(last) ?? 0) + 1)
}

const congress = []
for (const m of legislators) {
  const id = m.id.wikidata
  if (!id || !/^Q\d+$/.test(id)) continue
  const term = m.terms.at(-1)
  const {first, last, nickname, official_full: full, suffix} = m.name
  const label = m.id.wikipedia ? bareTitle(m.id.wikipedia) : full ?? `${nickname ?? first} ${last}`
  const state = usStates[term.state] ?? usTerritories[term.state] ?? term.state
  const party = partyName[term.party] ?? term.party
  const unique = surnames[term.type].get(last) === 1
  const aliases = [full, `${first} ${last}`, nickname && `${nickname} ${last}`, suffix && `${label} ${suffix}`]
  let description
  let popularity
  if (term.type === 'sen') {
    description = `U.S. senator from ${state} (${party})`
    popularity = 40
    if (unique) aliases.push(`Sen. ${last}`, `Senator ${last}`)
  } else {
    const delegate = !(term.state in usStates) || term.state === 'DC'
    description = delegate
      ? `${term.state === 'PR' ? 'Resident Commissioner' : 'Delegate'} to the U.S. House from ${state} (${party})`
      : `U.S. representative from ${state} (${party})`
    popularity = 20
    if (unique && !delegate) {
      aliases.push(`Rep. ${last}`, `Representative ${last}`, `${m.bio?.gender === 'F' ? 'Congresswoman' : 'Congressman'} ${last}`)
    }
  }
  congress.push(entry(id, label, aliases, description, 'person', ['Q5'], m.id.wikipedia, popularity, 'verified:us-legislators'))
}
write('us-congress.jsonl', congress)

// ---------------------------------------------------------------------------
// Presidents and vice presidents. The data gives a QID for the recent ones
// only; the QIDs of the other presidents, by GovTrack id, are from a public
// presidents list ("all QIDs verified against Wikidata's President of the
// United States P39 statements") that agrees with the data, with the
// Wikidata dump sample (Washington) and with three other public lists on
// every president they share. Names, terms and numbering come from the data.

const presidentQids = {
  411351: ['Q23', 'George Washington'], 400699: ['Q11806', 'John Adams'], 405974: ['Q11812', 'Thomas Jefferson'],
  407071: ['Q11813', 'James Madison'], 407829: ['Q11815', 'James Monroe'], 400702: ['Q11816', 'John Quincy Adams'],
  405913: ['Q11817', 'Andrew Jackson'], 411074: ['Q11820', 'Martin Van Buren'], 405153: ['Q11869', 'William Henry Harrison'],
  411018: ['Q11881', 'John Tyler'], 408802: ['Q11891', 'James K. Polk'], 412344: ['Q11896', 'Zachary Taylor'],
  404072: ['Q12306', 'Millard Fillmore'], 408730: ['Q12312', 'Franklin Pierce'], 401954: ['Q12325', 'James Buchanan'],
  406807: ['Q91', 'Abraham Lincoln'], 406017: ['Q8612', 'Andrew Johnson'], 412350: ['Q34836', 'Ulysses S. Grant'],
  405261: ['Q35686', 'Rutherford B. Hayes'], 404436: ['Q34597', 'James A. Garfield'], 400945: ['Q35498', 'Chester A. Arthur'],
  405139: ['Q35678', 'Benjamin Harrison'], 412354: ['Q35171', 'Grover Cleveland'], 407515: ['Q35041', 'William McKinley'],
  409394: ['Q33866', 'Theodore Roosevelt'], 412359: ['Q35648', 'William Howard Taft'], 412360: ['Q34296', 'Woodrow Wilson'],
  405073: ['Q35286', 'Warren G. Harding'], 402859: ['Q36023', 'Calvin Coolidge'], 412363: ['Q35236', 'Herbert Hoover'],
  412364: ['Q8007', 'Franklin D. Roosevelt'], 410956: ['Q11613', 'Harry S. Truman'], 412366: ['Q9916', 'Dwight D. Eisenhower'],
  406274: ['Q9696', 'John F. Kennedy'], 406058: ['Q9640', 'Lyndon B. Johnson'], 408200: ['Q9588', 'Richard Nixon'],
  404212: ['Q9582', 'Gerald Ford'], 412371: ['Q23685', 'Jimmy Carter'], 412372: ['Q9960', 'Ronald Reagan'],
  402108: ['Q23505', 'George H. W. Bush'], 412374: ['Q1124', 'Bill Clinton'], 412375: ['Q207', 'George W. Bush'],
  300008: ['Q6279', 'Joe Biden'], 400629: ['Q76', 'Barack Obama'], 412733: ['Q22686', 'Donald Trump']
}
const presidentsCheck =
  'a public US presidents list keyed by name (KNOWN_QIDS, "verified against Wikidata\'s President of the United States P39 statements"), which agrees with congress-legislators, the dump sample and three other lists on every president they share'

const executive = load(readFileSync(join(shared, 'us-legislators', 'executive.yaml'), 'utf8'))
const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
/** Number the officeholders of one office in the order of their terms (Cleveland is 22nd and 24th). */
function numbers(type) {
  const terms = executive
    .flatMap((m) => m.terms.filter((t) => t.type === type).map((t) => ({m, start: t.start})))
    .sort((a, b) => a.start.localeCompare(b.start))
  const byPerson = new Map()
  let n = 0
  let previous
  for (const {m} of terms) {
    if (m !== previous) {
      n++
      byPerson.set(m, [...(byPerson.get(m) ?? []), n])
    }
    previous = m
  }
  return byPerson
}
const presidents = numbers('prez')
const vicePresidents = numbers('viceprez')
/** Surnames two presidents share (Adams, Harrison, Johnson, Roosevelt, Bush): no `President Bush`. */
const presidentSurnames = new Map()
for (const m of presidents.keys()) presidentSurnames.set(m.name.last, (presidentSurnames.get(m.name.last) ?? 0) + 1)
const execRows = []
for (const m of executive) {
  const listed = presidentQids[m.id.govtrack]
  const id = m.id.wikidata ?? listed?.[0]
  if (!id) continue
  if (m.id.wikidata && listed && listed[0] !== m.id.wikidata) throw new Error(`${m.name.last}: ${listed[0]} in the list, ${m.id.wikidata} in the data`)
  const p = presidents.get(m)
  const v = vicePresidents.get(m)
  const offices = [
    p && `${p.map(ordinal).join(' and ')} president of the United States`,
    v && `${v.map(ordinal).join(' and ')} vice president of the United States`
  ].filter(Boolean)
  const {first, middle, last, nickname, official_full: full} = m.name
  const label = m.id.wikipedia ? bareTitle(m.id.wikipedia) : listed?.[1] ?? `${nickname ?? first} ${last}`
  const aliases = [full, `${first} ${last}`, middle && `${first} ${middle} ${last}`, nickname && `${nickname} ${last}`, `President ${label}`]
  if (p && presidentSurnames.get(last) === 1) aliases.push(`President ${last}`)
  if (v && !p) aliases.push(`Vice President ${label}`)
  // A name another entity has (John Adams, for John Quincy Adams) is no alias.
  const others = new Set(Object.values(presidentQids).filter(([q]) => q !== id).map(([, name]) => keyOf(name)))
  for (const [i, alias] of aliases.entries()) {
    const owner = alias && curatedKeys.get(keyOf(alias))
    if (alias && (others.has(keyOf(alias)) || (owner && owner.id !== id))) aliases[i] = undefined
  }
  const source = m.id.wikidata ? 'verified:us-legislators' : 'verified:search'
  const row = entry(id, label, p ? aliases : aliases.filter((a) => a && !a.startsWith('President ')), offices.join('; '), 'person', ['Q5'], m.id.wikipedia ?? label, p ? 150 : 100, source)
  if (!m.id.wikidata) row.check = presidentsCheck
  execRows.push(row)
}
write('us-executive.jsonl', execRows)

// ---------------------------------------------------------------------------
// Natural Earth populated places.

const geojson = JSON.parse(
  gunzipSync(readFileSync(join(shared, 'natural-earth', 'ne_10m_populated_places.geojson.gz'))).toString('utf8')
)
const places = geojson.features.map((f) => f.properties)

// Rows the curated cities leave out on purpose: a QID that is a country or
// territory (Hong Kong, Singapore, Monaco…: they are in countries / places),
// and places of little news value or duplicates (Kuta beside Denpasar).
const drop = new Set(
  'Q61 Q8646 Q14773 Q334 Q235 Q237 Q1410 Q614754 Q51695 Q488924 Q169943 Q49162 Q49169 Q49219 Q81788 Q205697 Q10392 Q215755 Q818106 Q147187 Q426996 Q373346 Q57719 Q210493 Q68814 Q569907'.split(
    ' '
  )
)
const countryName = {
  'United States of America': 'United States',
  'Congo (Kinshasa)': 'the Democratic Republic of the Congo',
  'Congo (Brazzaville)': 'the Republic of the Congo',
  'Guinea Bissau': 'Guinea-Bissau',
  Macedonia: 'North Macedonia',
  Swaziland: 'Eswatini',
  'Vatican (Holy See)': 'Vatican City',
  'Ivory Coast': "Côte d'Ivoire",
  'East Timor': 'Timor-Leste',
  'The Bahamas': 'the Bahamas',
  'Czech Republic': 'the Czech Republic',
  'United Kingdom': 'the United Kingdom',
  'United Arab Emirates': 'the United Arab Emirates',
  Netherlands: 'the Netherlands',
  Philippines: 'the Philippines',
  'Dominican Republic': 'the Dominican Republic',
  'Central African Republic': 'the Central African Republic',
  Gambia: 'the Gambia',
  'The Gambia': 'the Gambia'
}
// US cities whose Wikipedia article has no state in its title (the AP
// dateline list); every other US city is `City, State`.
const standaloneUs = new Set(
  'Atlanta|Baltimore|Boston|Chicago|Cincinnati|Cleveland|Dallas|Denver|Detroit|Honolulu|Houston|Indianapolis|Las Vegas|Los Angeles|Miami|Milwaukee|Minneapolis|New Orleans|New York City|Oklahoma City|Philadelphia|Pittsburgh|St. Louis|Salt Lake City|San Antonio|San Diego|San Francisco|Seattle'.split(
    '|'
  )
)

/** The NE places (QIDs) that carry each name key: a name two places share is no alias and gets no bare Wikipedia title. */
const neOwners = new Map()
for (const p of places) {
  if (!p.wikidataid) continue
  for (const name of [p.NAME, p.NAME_EN, p.NAMEASCII, ...(p.NAMEALT ?? '').split('|')]) {
    if (!name?.trim()) continue
    const key = keyOf(name)
    let owners = neOwners.get(key)
    if (!owners) neOwners.set(key, (owners = new Set()))
    owners.add(p.wikidataid)
  }
}
const ownedByOthers = (name, id) => [...(neOwners.get(keyOf(name)) ?? [])].some((q) => q !== id)

// A QID on two NE rows with different names is an error in one of them
// (Q71323 is on Jingmen and on Tianmen): such places are left out.
const rowsById = new Map()
for (const p of places) if (p.wikidataid) rowsById.set(p.wikidataid, [...(rowsById.get(p.wikidataid) ?? []), p])
const conflicting = new Set(
  [...rowsById].filter(([, list]) => new Set(list.map((p) => keyOf(p.NAME))).size > 1).map(([id]) => id)
)

const capitalClass = /^Admin-(?:0|1)(?: region)? capital/
const selected = places
  .filter((p) => p.wikidataid && /^Q\d+$/.test(p.wikidataid) && !drop.has(p.wikidataid) && !conflicting.has(p.wikidataid))
  .filter((p) => {
    const us = p.ADM0NAME === 'United States of America'
    return capitalClass.test(p.FEATURECLA) || (p.POP_MAX ?? 0) >= 1e6 || p.SCALERANK <= 3 || (us && (p.POP_MAX ?? 0) >= 150000)
  })
  .sort((a, b) => a.SCALERANK - b.SCALERANK || (b.POP_MAX ?? 0) - (a.POP_MAX ?? 0))

/** A name fit to be an alias: letters, spaces and the punctuation of place names; not a common word. */
const nameLike = (n) => /^['’]?[\p{L}][\p{L}\p{M} .'’-]*$/u.test(n) && n.length >= 3 && !commonWords.has(n.toLowerCase())

const placeRows = []
const skipped = []
const clashes = []
for (const p of selected) {
  const label = (p.NAME_EN || p.NAME).replace(/[\u200e\u200f]/g, '').trim()
  if (!nameLike(label)) {
    skipped.push(`${p.wikidataid} ${label}: not a name`)
    continue
  }
  const us = p.ADM0NAME === 'United States of America'
  const country = countryName[p.ADM0NAME] ?? p.ADM0NAME
  // NE's admin-1 names are sometimes transliterations (`Tver'`) or groupings
  // (`Niue aggregation`): those are left out of the description.
  const region =
    p.ADM1NAME && p.ADM1NAME !== p.NAME && p.ADM1NAME !== label && !/['’]|aggregation/.test(p.ADM1NAME) ? p.ADM1NAME : undefined
  // A label another curated entry already uses (a country, a state, a city
  // kept by hand) would compete with it: such a place keeps it only as its
  // label, never as an alias, and gets no bare Wikipedia title.
  if (curatedIds.has(p.wikidataid)) continue
  // A label a curated entry already uses: a smaller place of the same name
  // as a country, a state or a kept city (Florida in Uruguay, Mali in
  // Guinea) would only compete with it, and a small town named like a famous
  // person (Gore, Kanye) would catch the person's surname: both are left out.
  // A large place keeps its name; the popularity prior ranks the two.
  const clash = curatedKeys.get(keyOf(label))
  const large = (p.POP_MAX ?? 0) >= 1e6 || p.SCALERANK <= 3 || (clash?.type === 'person' && (p.POP_MAX ?? 0) >= 1e5)
  if (clash && !large) {
    skipped.push(`${p.wikidataid} ${label} (${p.ADM0NAME}): name of ${clash.id} ${clash.label}`)
    continue
  }
  if (clash) clashes.push(`${p.wikidataid} ${label} (${p.ADM0NAME}): also ${clash.id} ${clash.label}, ${clash.type}`)
  const aliases = [p.NAME, p.NAMEASCII, ...(p.NAMEALT ?? '').split('|')]
    .map((n) => (n ?? '').trim())
    .filter((n) => n && nameLike(n) && !curatedKeys.has(keyOf(n)) && !ownedByOthers(n, p.wikidataid))
  let wikipedia
  if (us) wikipedia = standaloneUs.has(label) ? label : `${label}, ${p.ADM1NAME}`
  else if (!ownedByOthers(label, p.wikidataid) && !clash) wikipedia = label
  const capital = p.FEATURECLA.startsWith('Admin-0 capital')
  const description = capital && !p.FEATURECLA.includes('alt')
    ? `capital of ${country}`
    : us
      ? `city in ${p.ADM1NAME}, United States`
      : region
        ? `city in ${region}, ${country}`
        : `city in ${country}`
  const pop = p.POP_MAX ?? 0
  const popularity = Math.max(
    20,
    150 - 12 * p.SCALERANK + (capital ? 40 : 0) + (pop >= 5e6 ? 30 : pop >= 1e6 ? 10 : 0)
  )
  placeRows.push(entry(p.wikidataid, label, aliases, description, 'place', [], wikipedia, popularity, 'verified:natural-earth'))
}
write('places.jsonl', placeRows)
if (process.argv.includes('--verbose')) {
  for (const s of skipped) console.log(`  skipped ${s}`)
  for (const s of clashes) console.log(`  shares a name: ${s}`)
} else console.log(`  ${skipped.length} places skipped, ${clashes.length} share a name with a curated entry (--verbose lists them)`)
