import type {EntityRef, MentionType, NameMention} from '@copydesk/document'
import {identityKey, nameKey, nilId, type EntityType, type KbCandidate, type KbEntity, type KnowledgeBase} from '@copydesk/kb'
import {demonyms} from './demonyms.js'

/** Settings of the linker (see `Options`). */
export interface LinkSettings {
  threshold: number
  ambiguity: number
  fuzzy: boolean
  nil: boolean
  registry: Map<string, EntityRef> | undefined
}

/** The mentions of one entity in one document. */
export interface MentionGroup {
  key: string
  name: string
  type: MentionType
  cluster: string | undefined
  roles: Array<string>
  mentions: Array<NameMention>
}

/** A scored candidate. */
export interface ScoredCandidate {
  entity: KbEntity
  score: number
}

/** Decision for one group. */
export interface GroupLink {
  group: MentionGroup
  ref: EntityRef | null
  /** Candidates considered, best first. */
  candidates: Array<ScoredCandidate>
  /** Close runner-up, when the choice was ambiguous. */
  ambiguous: [KbEntity, KbEntity] | undefined
  /** Mentions of the group that are only the start of a longer name (`Boeing` in `Boeing 737`): not linked. */
  partial: Set<NameMention> | undefined
}

/** How well a KB type fits a mention type (0: not at all). */
const typeFit: Record<MentionType, Partial<Record<EntityType, number>>> = {
  person: {person: 1},
  organization: {organization: 1, place: 0.45, other: 0.45},
  place: {place: 1, organization: 0.8},
  other: {other: 1, organization: 0.6, place: 0.45}
}

const fitTypes = Object.fromEntries(
  Object.entries(typeFit).map(([type, fits]) => [type, Object.keys(fits) as Array<EntityType>])
) as Record<MentionType, Array<EntityType>>

/** A company's legal form at the end of its name. */
const legalForm =
  /,?\s+(?:corporation|corp\.?|incorporated|inc\.?|company|co\.?|limited|ltd\.?|llc|l\.l\.c\.|plc|p\.l\.c\.|ag|se|sa|s\.a\.|nv|n\.v\.|gmbh|holdings)$/i

const matchWeight = {label: 1, alias: 1, short: 0.4, fuzzy: 0.7}

/** Popularity (sitelinks) under which a town needs support from the article to be linked. */
const minorPlace = 100

/** Popularity (sitelinks) from which a city is named in news far from its region. */
const majorPlace = 150

const stop = new Set(['the', 'of', 'a', 'an', 'and', 'former', 'then', 'late', 'us', 'u', 's', 'acting', 'deputy'])

const letter = /\p{L}/u
const upper = /\p{Lu}/u

/**
 * A model number right after a name (`Boeing 737s`, `Airbus A380`, `Boeing
 * 7E7`): the name is the start of a product's name. A year (`Boeing 2008
 * results`) is not a model number.
 */
const modelNumber = /^ (?:[A-Z]{1,2}-?)?\d{2,4}(?:[A-Z]{0,2}\d?|-\d{1,3}[A-Z]{0,2})?(?:'?s)?(?![\p{L}\d])/u
const year = /^ (?:1[89]|20)\d\d(?![\p{L}\d])/u

/** Bounded memo: cleared when full (the keys repeat across documents, so it refills with what is common). */
class Memo<V> extends Map<string, V> {
  constructor(readonly limit: number) {
    super()
  }

  remember(key: string, make: () => V): V {
    let value = this.get(key)
    if (value === undefined) {
      if (this.size >= this.limit) this.clear()
      value = make()
      this.set(key, value)
    }
    return value
  }
}

/** Lookup keys of names (names repeat across the documents of a corpus). */
const keys = new Memo<string>(100000)

function keyOf(name: string): string {
  return keys.remember(name, () => nameKey(name))
}

/** NIL ids by entity key (a hash each). */
const nils = new Memo<string>(100000)

/** Whether an entity is a country, a region inside one (a state), or a settlement. */
type PlaceKind = 'country' | 'region' | 'settlement'

const countryClasses = new Set(['Q6256', 'Q3624078', 'Q112099'])
const regionClasses = new Set(['Q35657', 'Q7275', 'Q10864048', 'Q3336843', 'Q13220204'])
const settlementClasses = new Set(['Q515', 'Q5119', 'Q1549591', 'Q1637706', 'Q200250', 'Q1093829', 'Q486972', 'Q532', 'Q3957'])

function placeKind(entity: KbEntity): PlaceKind | undefined {
  if (entity.type !== 'place') return undefined
  if (entity.classes.some((c) => countryClasses.has(c))) return 'country'
  if (entity.classes.some((c) => regionClasses.has(c))) return 'region'
  if (entity.classes.some((c) => settlementClasses.has(c))) return 'settlement'
  const d = entity.description.toLowerCase()
  if (/^(?:sovereign (?:city-)?state|country|island (?:country|nation))\b/.test(d)) return 'country'
  if (/^(?:(?:federated |u\.?s\.? )?state|province|territory|region|county|constituent country|federal subject|emirate) (?:of|in)\b/.test(d)) return 'region'
  if (/^(?:(?:largest |capital |big |port |major )?city|capital|town|village|borough|municipality|commune|metropolis|(?:[\w-]+ )?neighbou?rhood)\b/.test(d)) {
    return 'settlement'
  }
  return undefined
}

/** The region and country of a town, from its description (`city in Maine, United States`). */
function regionOf(entity: KbEntity): [string, string] | undefined {
  if (entity.type !== 'place') return undefined
  const town = /^(?:[\w-]+ )*?(?:city|town|village|borough|municipality|commune|capital) in ([\p{Lu}][^,;]*), ([\p{Lu}][^,;]*)$/u.exec(entity.description)
  if (town) return [keyOf(town[1]!), keyOf(town[2]!)]
  // A region is its own region (`state of the United States of America`).
  const region = /^(?:(?:federated |u\.?s\.? )?state|province|territory|region) of (?:the )?([\p{Lu}][^,;]*)$/u.exec(entity.description)
  return region ? [keyOf(entity.label), keyOf(region[1]!.replace(/ of America$/, ''))] : undefined
}

/** Whether a KB's place of this name is a country (remembered per KB). */
const countries = new WeakMap<KnowledgeBase, Memo<boolean>>()

function isCountry(kb: KnowledgeBase, name: string): boolean {
  let memo = countries.get(kb)
  if (!memo) countries.set(kb, (memo = new Memo(20000)))
  return memo.remember(name, () => kb.lookup(name, {type: 'place', short: false}).some((c) => placeKind(c.entity) === 'country'))
}

/** What the linker derives from a KB entity (once per entity object). */
interface EntityInfo {
  /** The label as a lookup key (`new york city`). */
  label: string
  /** Description and Wikipedia title, as context is matched against them. */
  text: string
  /** Word sequences of `text` as lookup keys (`city in washington`, `washington`, …). */
  phrases: Set<string>
  /** Capitalized word sequences of `text`, with their lookup keys. */
  propers: Array<[proper: string, key: string]>
  /** Those proper names plus the countries of nationality adjectives (`American company` → `United States`). */
  places: Set<string>
  /** Words of `text`, for roles (made on first use). */
  words: Set<string> | undefined
  /** Lookup keys that only lower-case aliases give (`the high court`): descriptions, not names. */
  descriptive: Set<string>
  kind: PlaceKind | undefined
  /** The region and country (lookup keys) a town's description puts it in (`city in Maine, United States`), or a region's own. */
  region: [region: string, country: string] | undefined
}

const infos = new WeakMap<KbEntity, EntityInfo>()

function info(entity: KbEntity): EntityInfo {
  let value = infos.get(entity)
  if (!value) {
    const text = `${entity.description}; ${entity.wikipedia ?? ''}`
    const propers = properNames(text).map((p): [string, string] => [p, keyOf(p)])
    const places = new Set(propers.map(([p]) => p))
    for (const word of entity.description.match(/\b\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/gu) ?? []) {
      const country = demonyms[word.toLowerCase()]
      if (country) places.add(country)
    }
    const named = new Set([keyOf(entity.label)])
    const lower: Array<string> = []
    for (const alias of entity.aliases) {
      if (upper.test(alias)) named.add(keyOf(alias))
      else lower.push(keyOf(alias))
    }
    value = {
      label: keyOf(entity.label),
      text,
      phrases: sequences(phrase(text)),
      propers,
      places,
      words: undefined,
      descriptive: new Set(lower.filter((k) => !named.has(k))),
      kind: placeKind(entity),
      region: regionOf(entity)
    }
    infos.set(entity, value)
  }
  return value
}

/** Capitalized word sequences of a description (`California`, `United States`). */
function properNames(text: string): Array<string> {
  const found = new Set<string>()
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*/gu)) {
    const value = match[0].replace(/[.]+$/, '')
    if (value.length > 2) found.add(value)
  }
  return [...found]
}

/** Every sequence of whole words of a key (up to eight words long). */
function sequences(key: string): Set<string> {
  const tokens = key.split(' ').filter(Boolean)
  const found = new Set<string>()
  for (let i = 0; i < tokens.length; i++) {
    let value = ''
    for (let j = i; j < tokens.length && j < i + 8; j++) {
      value = j === i ? tokens[j]! : `${value} ${tokens[j]}`
      found.add(value)
    }
  }
  return found
}

/** A text as a lookup key padded with spaces, for whole-phrase matching. */
function phrase(text: string): string {
  return ` ${nameKey(text).replace(/[^a-z0-9&' ]+/g, ' ').replace(/\s+/g, ' ')} `
}

function words(text: string): Array<string> {
  return nameKey(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !stop.has(w))
}

/** Group the mentions of a document by entity: name-stage cluster, else type and canonical name. */
export function groupMentions(mentions: ReadonlyArray<NameMention>): Array<MentionGroup> {
  // By cluster, else by type and name, then by entity key (names with one key
  // are one entity): no key is built per mention.
  const byCluster = new Map<string, MentionGroup>()
  const byName = new Map<string, MentionGroup>()
  const byKey = new Map<string, MentionGroup>()
  const groups: Array<MentionGroup> = []
  for (const mention of mentions) {
    let group = mention.cluster ? byCluster.get(mention.cluster) : byName.get(mention.name)?.type === mention.type ? byName.get(mention.name) : undefined
    if (!group) {
      const key = mention.cluster ? identityKey(mention.name, mention.type, mention.cluster) : `${mention.type}:${keyOf(mention.name)}`
      group = byKey.get(key)
      if (!group) {
        group = {key, name: mention.name, type: mention.type, cluster: mention.cluster, roles: [], mentions: []}
        byKey.set(key, group)
        groups.push(group)
      }
      if (mention.cluster) byCluster.set(mention.cluster, group)
      else byName.set(mention.name, group)
    }
    group.mentions.push(mention)
    if (mention.role && !group.roles.includes(mention.role)) group.roles.push(mention.role)
  }
  return groups
}

/** A candidate with the key it was found under. */
interface Found {
  candidate: KbCandidate
  key: string
  /** Found through a nationality adjective (`American` → United States). */
  demonym: boolean
}

/** KB lookups of one KB, remembered across the documents of a run, by kind, type and name. */
type Lookups = Map<string, Memo<ReadonlyArray<Found>>>

const lookups = new WeakMap<KnowledgeBase, Lookups>()

function remembered(kb: KnowledgeBase, kind: string, name: string, make: () => ReadonlyArray<Found>): ReadonlyArray<Found> {
  let byKind = lookups.get(kb)
  if (!byKind) lookups.set(kb, (byKind = new Map()))
  let memo = byKind.get(kind)
  if (!memo) byKind.set(kind, (memo = new Memo(20000)))
  return memo.remember(name, make)
}

const none: ReadonlyArray<Found> = Object.freeze([])

/**
 * Candidates of a group: its canonical name (a nationality adjective: the
 * country); else its surface forms (`VP Harris`, `REUTERS`, full matches
 * only); else the name without its legal form (`Chrysler LLC`); else
 * misspellings within a bound. Each lookup is made once per name per worker,
 * not once per mention or document.
 */
function candidatesFor(kb: KnowledgeBase, group: MentionGroup, fuzzy: boolean): ReadonlyArray<Found> {
  const types = fitTypes[group.type]
  const direct = remembered(kb, `name:${group.type}`, group.name, () => {
    const own = keyOf(group.name)
    const country = group.type === 'person' ? undefined : demonyms[own]
    if (country) {
      return kb
        .lookup(country, {type: 'place', short: false})
        .filter((c) => c.entity.classes.includes('Q6256'))
        .map((candidate) => ({candidate, key: keyOf(country), demonym: true}))
    }
    return merge(kb.lookup(group.name, {type: types}), own)
  })
  if (direct.length > 0) return direct
  const own = keyOf(group.name)
  let found: ReadonlyArray<Found> = none
  let seen: Set<string> | undefined
  for (const mention of group.mentions) {
    if (mention.text === group.name || seen?.has(mention.text)) continue
    ;(seen ??= new Set()).add(mention.text)
    const list = remembered(kb, `text:${group.type}`, mention.text, () =>
      merge(kb.lookup(mention.text, {type: types, short: false}), keyOf(mention.text))
    )
    if (list.length > 0) found = found.length > 0 ? merge2(found, list) : list
  }
  if (found.length > 0) return found
  return remembered(kb, `other:${group.type}:${fuzzy ? 1 : 0}`, group.name, () => {
    // Legal forms: `General Motors Corporation`, `Chrysler LLC`.
    if (group.type !== 'person') {
      const bare = group.name.replace(legalForm, '')
      if (bare !== group.name && bare.length > 1) {
        const list = merge(kb.lookup(bare, {type: types, short: false}), keyOf(bare))
        if (list.length > 0) return list
      }
    }
    // Misspellings: names of two words or more only (a one-word name within
    // one edit of another is more often a different name: Everett, Everest).
    if (fuzzy && own.includes(' ') && own.length >= 8) {
      return merge(
        kb.fuzzy(group.name, {type: types}).filter((c) => c.distance > 0),
        own
      )
    }
    return none
  })
}

/** Candidates of one lookup, one per entity (the best match). */
function merge(list: ReadonlyArray<KbCandidate>, key: string): ReadonlyArray<Found> {
  if (list.length === 0) return none
  return merge2(none, list.map((candidate) => ({candidate, key, demonym: false})))
}

/** Union of two candidate lists, one per entity, the better match kept. */
function merge2(a: ReadonlyArray<Found>, b: ReadonlyArray<Found>): ReadonlyArray<Found> {
  const found = new Map<string, Found>()
  for (const item of [...a, ...b]) {
    const previous = found.get(item.candidate.entity.id)
    if (!previous || matchWeight[item.candidate.match] > matchWeight[previous.candidate.match]) found.set(item.candidate.entity.id, item)
  }
  return [...found.values()]
}

/** Whether a mention is a dateline: a name in capitals that starts a line, then a dash (`PARIS —`, `SAN JOSE, Calif. --`). */
function isDateline(mention: NameMention, text: string): boolean {
  if (mention.start > 0 && text.charAt(mention.start - 1) !== '\n') return false
  if (mention.text !== mention.text.toUpperCase() || !upper.test(mention.text)) return false
  return /^(?:,[^\n—–-]{1,30})?\s*(?:—|–|--?)\s/.test(text.slice(mention.end, mention.end + 40))
}

/** Whether a mention is followed by a model number (`Boeing 737s`): the start of a product's name. */
function startsProductName(mention: NameMention, text: string): boolean {
  const after = text.slice(mention.end, mention.end + 16)
  return modelNumber.test(after) && !year.test(after)
}

/**
 * Link the groups of one document: candidates by name and type, scores from
 * match, type fit, popularity prior, roles and context, then coherence across
 * the document (entities already linked support one another).
 */
export function linkGroups(
  kb: KnowledgeBase,
  groups: ReadonlyArray<MentionGroup>,
  settings: LinkSettings,
  documentText = ''
): Array<GroupLink> {
  const inText = new Map<string, boolean>()
  /** Whether the document names `proper` as a whole word sequence. */
  const named = (proper: string): boolean => {
    let found = inText.get(proper)
    if (found === undefined) {
      found = false
      let at = documentText.indexOf(proper)
      while (at !== -1 && !found) {
        const before = documentText.charAt(at - 1)
        const after = documentText.charAt(at + proper.length)
        found = !letter.test(before) && !letter.test(after)
        at = documentText.indexOf(proper, at + 1)
      }
      inText.set(proper, found)
    }
    return found
  }

  // Context: the canonical names of the document, as lookup keys.
  const groupKeys = groups.map((g) => keyOf(g.name))
  const documentKeys = new Set(groupKeys)
  const pools = groups.map((group) => candidatesFor(kb, group, settings.fuzzy))

  // Entities with an unambiguous full-name match of the right type anchor the document.
  const anchors = new Map<string, Set<number>>()
  const anchorEntities = new Map<string, KbEntity>()
  pools.forEach((pool, index) => {
    let full: KbEntity | undefined
    let count = 0
    for (const {candidate: c} of pool) {
      if ((c.match === 'label' || c.match === 'alias') && typeFit[groups[index]!.type][c.entity.type] === 1) {
        full = c.entity
        count++
      }
    }
    if (count !== 1 || !full) return
    let set = anchors.get(full.id)
    if (!set) {
      anchors.set(full.id, (set = new Set()))
      anchorEntities.set(full.id, full)
    }
    set.add(index)
  })

  // What the anchors' descriptions say (`city in Washington, United States`):
  // the phrases and places they name, and the kinds of places anchored.
  const anchorInfos = [...anchors].map(([id, by]) => ({by, about: info(anchorEntities.get(id)!)}))
  /** Whether an anchor other than group `index` names `key` among its phrases. */
  const said = (key: string, index: number) => anchorInfos.some(({by, about}) => about.phrases.has(key) && !by.has(index))
  /**
   * The regions of the article, by country: the regions it anchors and the
   * regions of the towns it anchors (`Atlanta`: Georgia, United States).
   */
  const regions = new Map<string, Array<[string, Set<number>]>>()
  for (const {by, about} of anchorInfos) {
    if (!about.region) continue
    const [region, country] = about.region
    const list = regions.get(country) ?? []
    list.push([region, by])
    regions.set(country, list)
  }
  /**
   * Whether the article's towns and regions of this town's country (two at
   * least) all lie in one other region: an article on one region.
   */
  const elsewhere = (about: EntityInfo, index: number): boolean => {
    if (about.kind !== 'settlement' || !about.region) return false
    const [region, country] = about.region
    let count = 0
    let only: string | undefined
    for (const [name, by] of regions.get(country) ?? []) {
      if (by.has(index)) continue
      if (name === region || (only !== undefined && name !== only)) return false
      only = name
      count++
    }
    return count > 1
  }

  /** How many anchors name each place. */
  const anchorPlaces = new Map<string, number>()
  for (const {about} of anchorInfos) for (const place of about.places) anchorPlaces.set(place, (anchorPlaces.get(place) ?? 0) + 1)
  /** Whether an anchor other than group `index` names `place`. */
  const near = (place: string, index: number) => {
    let count = anchorPlaces.get(place) ?? 0
    if (count > 0) for (const {by, about} of anchorInfos) if (by.has(index) && about.places.has(place)) count--
    return count > 0
  }

  // The places that the place candidates of each group name (`Oregon` for a
  // city in Oregon), made on first use: towns of one region support each other.
  let candidatePlaces: Map<string, Set<number>> | undefined
  const neighbours = (about: EntityInfo, index: number): boolean => {
    if (!candidatePlaces) {
      candidatePlaces = new Map()
      pools.forEach((pool, i) => {
        for (const {candidate} of pool) {
          if (candidate.entity.type !== 'place') continue
          for (const place of info(candidate.entity).places) {
            let set = candidatePlaces!.get(place)
            if (!set) candidatePlaces!.set(place, (set = new Set()))
            set.add(i)
          }
        }
      })
    }
    for (const place of about.places) {
      const by = candidatePlaces.get(place)
      // A country is too wide to make neighbours.
      if (by && (by.size > 1 || !by.has(index)) && !isCountry(kb, place)) return true
    }
    return false
  }

  // The place named just before a place, as in `Everett, Washington`: the
  // second is then the region that holds the first.
  const placeEnds = new Map<number, number>()
  groups.forEach((group, index) => {
    if (group.type === 'place') for (const mention of group.mentions) placeEnds.set(mention.end, index)
  })
  const holds = new Map<number, Array<number>>()
  if (placeEnds.size > 1) {
    groups.forEach((group, index) => {
      if (group.type !== 'place') return
      for (const mention of group.mentions) {
        const previous = placeEnds.get(mention.start - 2)
        if (previous === undefined || previous === index || documentText.slice(mention.start - 2, mention.start) !== ', ') continue
        let list = holds.get(index)
        if (!list) holds.set(index, (list = []))
        if (!list.includes(previous)) list.push(previous)
      }
    })
  }

  return groups.map((group, index) => {
    const pool = pools[index]!
    const ownKey = groupKeys[index]!
    const scored: Array<ScoredCandidate> = []
    if (pool.length > 0) {
      // Other names of the document (not parts of this one).
      const other = (key: string) => documentKeys.has(key) && !ownKey.includes(key)
      const roleWords = new Set(group.roles.flatMap(words))
      const capitalized = group.mentions.every((m) => upper.test(m.text))
      const dateline = group.type === 'place' && group.mentions.some((m) => isDateline(m, documentText))
      // The places that this one holds (`Everett` in `Everett, Washington`), and what their entities say.
      const held = holds.get(index)
      const heldPlaces = new Set<string>()
      const heldEntities = new Set<string>()
      for (const i of held ?? []) {
        for (const {candidate} of pools[i]!) for (const place of info(candidate.entity).places) heldPlaces.add(place)
        for (const [id, by] of anchors) if (by.has(i)) heldEntities.add(id)
      }
      let maxPopularity = 1
      for (const {candidate} of pool) if (candidate.entity.popularity > maxPopularity) maxPopularity = candidate.entity.popularity

      for (const {candidate: c, key, demonym} of pool) {
        const fit = demonym ? 0.9 : (typeFit[group.type][c.entity.type] ?? 0)
        // In `Dunmore City, Dunmore` the second is not the first.
        if (!fit || heldEntities.has(c.entity.id)) continue
        const about = info(c.entity)
        // A name found only through a lower-case alias (`the high court`)
        // is a description of the entity, not its name: `High Court` needs
        // support, like a surname.
        const match = c.match === 'alias' && capitalized && about.descriptive.has(key) ? 'short' : c.match
        let score = matchWeight[match] * fit * (0.6 + 0.4 * Math.sqrt(c.entity.popularity / maxPopularity))
        if (match === 'fuzzy') score *= 1 - 0.1 * c.distance
        const base = score
        // A lone candidate matched in full is linked with full confidence
        // whatever the context says (unless a little-known town, or a town
        // of another region than the article's, below).
        if (
          pool.length === 1 &&
          score >= 1 &&
          (about.kind !== 'settlement' ||
            c.entity.popularity >= majorPlace ||
            (c.entity.popularity >= minorPlace && !elsewhere(about, index)))
        ) {
          scored.push({entity: c.entity, score})
          continue
        }
        // Roles: "Vice President" against "vice president of the United States".
        if (roleWords.size) {
          about.words ??= new Set(words(about.text))
          let roleHits = 0
          for (const w of roleWords) if (about.words.has(w)) roleHits++
          score += 0.25 * (roleHits / roleWords.size)
        }
        // Coherence: the same entity named in full elsewhere in the document.
        const anchoredBy = anchors.get(c.entity.id)
        let anchored = false
        if (anchoredBy) for (const i of anchoredBy) if (i !== index) anchored = true
        if (anchored) score += 0.5
        // A short form (a surname) with no full name nearby takes no support from
        // context: only a role can make it (“Secretary Whitcombe”).
        if (match === 'short' && !anchored) {
          scored.push({entity: c.entity, score})
          continue
        }
        // Context: other names of the document in the description or title
        // (`San Jose, California` in an article that names California).
        let contextHits = 0
        for (const k of about.phrases) if (other(k)) contextHits++
        for (const [proper, key] of about.propers) {
          if (!ownKey.includes(key) && !other(key) && named(proper)) contextHits++
        }
        score += Math.min(0.2, 0.1 * contextHits)
        // Coherence: entities anchored elsewhere that mention this one
        // (Seattle, `city in Washington`, for the state of Washington).
        if (said(about.label, index)) score += 0.1
        // Coherence: a place named in this candidate's description is also named
        // in an anchor's (“state of the United States of America” beside
        // “city in Georgia, United States”): the article's part of the world.
        for (const [proper, key] of about.propers) {
          if (!ownKey.includes(key) && near(proper, index)) {
            score += 0.15
            break
          }
        }
        if (about.kind) {
          // `Everett, Washington`: the place after a comma holds the one
          // before it: the region its entity names, else a region or country.
          if (held) {
            const label = c.entity.label
            if (heldPlaces.has(label)) score += 0.3
            else if (about.kind !== 'settlement') score += 0.15
          }
          // Towns named together are towns (`from Frankfurt to Chicago via
          // New York`: the city, not the state). Not so regions and
          // countries: news names them beside places of every kind (`Sen.
          // Collins of Maine` says nothing of which Washington is meant).
          if (about.kind === 'settlement') {
            let same = 0
            let different = 0
            for (const {by, about: anchor} of anchorInfos) {
              const kind = anchor.kind
              if (!kind || kind === 'country' || by.has(index)) continue
              if (kind === 'settlement') same++
              else different++
            }
            if (same > different) score += 0.15
            // A dateline (`WASHINGTON —` at the start of a line) names a town.
            if (dateline) score += 0.3
          }
        }
        // A little-known town that nothing in the article supports (no
        // region, country or neighbour it names, no place of its kind) is
        // weak evidence: many things are named like one (`the Aspen, PT
        // Cruiser and Durango` are cars). It takes the weight of a poor type fit.
        if (score === base && about.kind === 'settlement' && c.entity.popularity < minorPlace && !neighbours(about, index)) {
          score *= typeFit.organization.place!
        } else if (
          // So is a town of some other region than the article's towns and
          // regions, when nothing names its own (`Augusta`, Maine, in an
          // article on Atlanta and Savannah, Georgia: the KB lacks the Augusta meant).
          !anchored &&
          contextHits === 0 &&
          !held &&
          c.entity.popularity < majorPlace &&
          elsewhere(about, index)
        ) {
          score = Math.min(score, base) * typeFit.organization.place!
        }
        scored.push({entity: c.entity, score})
      }
    }
    scored.sort((a, b) => b.score - a.score || b.entity.popularity - a.entity.popularity)
    const [top, second] = scored
    let ref: EntityRef | null = null
    let ambiguous: [KbEntity, KbEntity] | undefined
    if (top) {
      // Confidence: the best score, discounted when a runner-up comes close.
      const margin = second ? 1 - second.score / top.score : 1
      const confidence = Math.round(Math.min(1, top.score) * Math.min(1, 0.4 + 3 * margin) * 1000) / 1000
      if (second && second.score >= settings.ambiguity * top.score) ambiguous = [top.entity, second.entity]
      if (confidence >= settings.threshold) {
        ref = {id: top.entity.id, label: top.entity.label, confidence}
        if (top.entity.wikipedia) ref.wikipedia = top.entity.wikipedia
      }
    }
    // One real entity, one id across the corpus: reuse what an earlier document decided.
    const known = settings.registry?.get(group.key)
    if (known && (!ref || (!known.id.startsWith('nil:') && known.confidence > ref.confidence))) ref = {...known}
    if (!ref && settings.nil) {
      ref = {id: nils.remember(group.key, () => nilId(group.name, group.type, group.cluster)), label: group.name, confidence: 1}
    }
    if (ref && (!known || known.id.startsWith('nil:') || ref.id === known.id)) settings.registry?.set(group.key, ref)
    let partial: Set<NameMention> | undefined
    if (group.type !== 'person') {
      for (const mention of group.mentions) {
        if (startsProductName(mention, documentText)) (partial ??= new Set()).add(mention)
      }
    }
    return {group, ref, candidates: scored, ambiguous, partial}
  })
}
