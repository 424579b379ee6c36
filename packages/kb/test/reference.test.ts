import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {load} from 'js-yaml'
import {describe, expect, it} from 'vitest'
import {loadStarterKb, nameKey, type KbEntity} from '../src/index.js'
import {sharedDir} from './shared.js'

// Checks the starter KB against public-domain / CC0 data with verified QIDs
// (`shared/kb/`, present in CI): every starter QID found there must agree on
// the name.
const shared = sharedDir()
const kb = loadStarterKb()

/** Names of an entity: label (also without `City`: Djibouti City, City of San Marino), aliases, Wikipedia title. */
function names(entity: KbEntity): Set<string> {
  const label = entity.label.replace(/^City of | City$/, '')
  return new Set([entity.label, label, ...entity.aliases, entity.wikipedia ?? ''].filter(Boolean).map(nameKey))
}

const placesFile = shared && join(shared, 'kb/natural-earth/ne_10m_populated_places.geojson.gz')
describe.skipIf(!placesFile || !existsSync(placesFile))('starter KB against Natural Earth', {timeout: 60_000}, () => {
  it('names every place whose QID Natural Earth has as Natural Earth does', () => {
    const geojson = JSON.parse(gunzipSync(readFileSync(placesFile!)).toString('utf8')) as {
      features: Array<{properties: Record<string, string | null>}>
    }
    const disagree: Array<string> = []
    let checked = 0
    for (const {properties: p} of geojson.features) {
      const entity = p['wikidataid'] ? kb.get(p['wikidataid']) : undefined
      if (!entity) continue
      checked++
      const theirs = ['NAME', 'NAMEALT', 'NAME_EN', 'NAMEASCII', 'NAMEPAR', 'MEGANAME', 'LS_NAME']
        .flatMap((k) => (p[k] ?? '').split(/[|;]/))
        .map((n) => nameKey(n.replace(/\(.*\)/, '')))
        .filter(Boolean)
      const ours = names(entity)
      if (!theirs.some((n) => ours.has(n))) disagree.push(`${entity.id} ${entity.label} / ${p['NAME']}`)
    }
    expect(checked).toBeGreaterThan(2500)
    expect(disagree).toEqual([])
  })

  it('has every national capital that Natural Earth gives a QID', () => {
    const geojson = JSON.parse(gunzipSync(readFileSync(placesFile!)).toString('utf8')) as {
      features: Array<{properties: Record<string, string | null>}>
    }
    const missing = geojson.features
      .map((f) => f.properties)
      .filter((p) => p['FEATURECLA'] === 'Admin-0 capital' && p['wikidataid'] && !kb.get(p['wikidataid']))
      .map((p) => `${p['wikidataid']} ${p['NAME']}`)
    expect(missing).toEqual([])
  })
})

const legislatorsDir = shared && join(shared, 'kb/us-legislators')
describe.skipIf(!legislatorsDir || !existsSync(legislatorsDir))('starter KB against US legislators', {timeout: 60_000}, () => {
  it('names every legislator, president and vice president whose QID is there as the data does', () => {
    type Person = {id: {wikidata?: string; wikipedia?: string}; name: {first: string; last: string; nickname?: string; official_full?: string}}
    const people = ['legislators-current.yaml', 'executive.yaml'].flatMap(
      (f) => load(readFileSync(join(legislatorsDir!, f), 'utf8')) as Array<Person>
    )
    const disagree: Array<string> = []
    let checked = 0
    for (const person of people) {
      const entity = person.id.wikidata ? kb.get(person.id.wikidata) : undefined
      if (!entity) continue
      checked++
      const {first, last, nickname, official_full: full} = person.name
      const theirs = [person.id.wikipedia, full, `${first} ${last}`, nickname && `${nickname} ${last}`]
        .filter((n): n is string => Boolean(n))
        .map((n) => nameKey(n.replace(/\s*\(.*\)/, '')))
      const ours = names(entity)
      if (entity.type !== 'person' || !theirs.some((n) => ours.has(n))) disagree.push(`${entity.id} ${entity.label} / ${full ?? `${first} ${last}`}`)
      if (person.id.wikipedia && entity.wikipedia && entity.wikipedia !== person.id.wikipedia) {
        disagree.push(`${entity.id} wikipedia ${entity.wikipedia} / ${person.id.wikipedia}`)
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(disagree).toEqual([])
  })

  it('has every current member of Congress', () => {
    type Member = {id: {wikidata?: string}; name: {official_full?: string; last: string}}
    const members = load(readFileSync(join(legislatorsDir!, 'legislators-current.yaml'), 'utf8')) as Array<Member>
    const missing = members.filter((m) => m.id.wikidata && !kb.get(m.id.wikidata)).map((m) => m.name.official_full ?? m.name.last)
    expect(members.length).toBeGreaterThan(500)
    expect(missing).toEqual([])
  })
})
