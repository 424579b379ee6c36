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
}

/** How well a KB type fits a mention type (0: not at all). */
const typeFit: Record<MentionType, Partial<Record<EntityType, number>>> = {
  person: {person: 1},
  organization: {organization: 1, place: 0.45, other: 0.45},
  place: {place: 1, organization: 0.8},
  other: {other: 1, organization: 0.6, place: 0.45}
}

/** A company's legal form at the end of its name. */
const legalForm =
  /,?\s+(?:corporation|corp\.?|incorporated|inc\.?|company|co\.?|limited|ltd\.?|llc|l\.l\.c\.|plc|p\.l\.c\.|ag|se|sa|s\.a\.|nv|n\.v\.|gmbh|holdings)$/i

const matchWeight = {label: 1, alias: 1, short: 0.4, fuzzy: 0.7}

const stop = new Set(['the', 'of', 'a', 'an', 'and', 'former', 'then', 'late', 'us', 'u', 's', 'acting', 'deputy'])

const letter = /\p{L}/u

/** Memo of derived texts of KB descriptions (they repeat across documents). */
const memo = new Map<string, {phrase: string; proper: Set<string>}>()

function described(text: string): {phrase: string; proper: Set<string>} {
  let value = memo.get(text)
  if (!value) {
    if (memo.size >= 100000) memo.clear()
    value = {phrase: phrase(text), proper: properNames(text)}
    memo.set(text, value)
  }
  return value
}

/** Capitalized word sequences of a description (`California`, `United States`). */
function properNames(text: string): Set<string> {
  const found = new Set<string>()
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*/gu)) {
    const value = match[0].replace(/[.]+$/, '')
    if (value.length > 2) found.add(value)
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
  const groups = new Map<string, MentionGroup>()
  for (const mention of mentions) {
    const key = identityKey(mention.name, mention.type, mention.cluster)
    let group = groups.get(key)
    if (!group) {
      group = {key, name: mention.name, type: mention.type, cluster: mention.cluster, roles: [], mentions: []}
      groups.set(key, group)
    }
    group.mentions.push(mention)
    if (mention.role && !group.roles.includes(mention.role)) group.roles.push(mention.role)
  }
  return [...groups.values()]
}

/** Whether a candidate came from a nationality adjective (`American` → United States). */
const fromDemonym = new WeakSet<KbCandidate>()

function candidatesFor(kb: KnowledgeBase, group: MentionGroup, fuzzy: boolean): Array<KbCandidate> {
  const country = group.type === 'person' ? undefined : demonyms[nameKey(group.name)]
  if (country) {
    const list = kb.lookup(country, {type: 'place', short: false}).filter((c) => c.entity.classes.includes('Q6256'))
    for (const c of list) fromDemonym.add(c)
    return list
  }
  const types = Object.keys(typeFit[group.type]) as Array<EntityType>
  const found = new Map<string, KbCandidate>()
  const add = (list: Array<KbCandidate>) => {
    for (const c of list) {
      const previous = found.get(c.entity.id)
      if (!previous || matchWeight[c.match] > matchWeight[previous.match]) found.set(c.entity.id, c)
    }
  }
  add(kb.lookup(group.name, {type: types}))
  if (found.size === 0) {
    // Surface forms the canonical name missed (`VP Harris`, `REUTERS`), full matches only.
    for (const text of new Set(group.mentions.map((m) => m.text))) {
      add(kb.lookup(text, {type: types, short: false}))
    }
  }
  // Legal forms: `General Motors Corporation`, `Chrysler LLC`.
  if (found.size === 0 && group.type !== 'person') {
    const bare = group.name.replace(legalForm, '')
    if (bare !== group.name && bare.length > 1) add(kb.lookup(bare, {type: types, short: false}))
  }
  // Misspellings: names of two words or more only (a one-word name within
  // one edit of another is more often a different name: Everett, Everest).
  if (found.size === 0 && fuzzy && nameKey(group.name).includes(' ') && nameKey(group.name).length >= 8) {
    add(kb.fuzzy(group.name, {type: types}).filter((c) => c.distance > 0))
  }
  return [...found.values()]
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
  const groupKeys = groups.map((g) => nameKey(g.name))
  const paddedKeys = groupKeys.map((k) => ` ${k} `)

  const pools = groups.map((group) => candidatesFor(kb, group, settings.fuzzy))

  // Entities with an unambiguous full-name match of the right type anchor the document.
  const anchors = new Map<string, Set<number>>()
  pools.forEach((pool, index) => {
    const full = pool.filter(
      (c) => (c.match === 'label' || c.match === 'alias') && typeFit[groups[index]!.type][c.entity.type] === 1
    )
    if (full.length !== 1) return
    const id = full[0]!.entity.id
    let set = anchors.get(id)
    if (!set) anchors.set(id, (set = new Set()))
    set.add(index)
  })

  // What the anchors' descriptions say (`city in Washington, United States`).
  const anchorTexts = [...anchors].map(([id, by]) => {
    const {phrase, proper} = described(kb.get(id)?.description ?? '')
    return {by, text: phrase, proper}
  })

  return groups.map((group, index) => {
    const pool = pools[index]!
    const ownKey = groupKeys[index]!
    const others = new Set<string>()
    const otherPhrases: Array<string> = []
    groupKeys.forEach((k, i) => {
      if (i === index || !k || ownKey.includes(k) || others.has(k)) return
      others.add(k)
      otherPhrases.push(paddedKeys[i]!)
    })
    const roleWords = new Set(group.roles.flatMap(words))
    const scored: Array<ScoredCandidate> = []
    const maxPopularity = Math.max(1, ...pool.map((c) => c.entity.popularity))
    for (const c of pool) {
      const fit = fromDemonym.has(c) ? 0.9 : (typeFit[group.type][c.entity.type] ?? 0)
      if (!fit) continue
      let score = matchWeight[c.match] * fit * (0.6 + 0.4 * Math.sqrt(c.entity.popularity / maxPopularity))
      if (c.match === 'fuzzy') score *= 1 - 0.1 * c.distance
      const text = `${c.entity.description}; ${c.entity.wikipedia ?? ''}`
      const description = roleWords.size ? new Set(words(text)) : undefined
      // Roles: "Vice President" against "vice president of the United States".
      let roleHits = 0
      for (const w of roleWords) if (description?.has(w)) roleHits++
      if (roleWords.size) score += 0.25 * (roleHits / roleWords.size)
      // Coherence: the same entity named in full elsewhere in the document.
      const anchoredBy = anchors.get(c.entity.id)
      const anchored = anchoredBy !== undefined && [...anchoredBy].some((i) => i !== index)
      if (anchored) score += 0.5
      // A short form (a surname) with no full name nearby takes no support from
      // context: only a role can make it (“Secretary Whitcombe”).
      if (c.match === 'short' && !anchored) {
        scored.push({entity: c.entity, score})
        continue
      }
      // Context: other names of the document in the description or title
      // (`San Jose, California` in an article that names California).
      const {phrase: padded, proper: propers} = described(text)
      let contextHits = 0
      for (const k of otherPhrases) if (padded.includes(k)) contextHits++
      for (const proper of propers) {
        const key = nameKey(proper)
        if (!ownKey.includes(key) && !others.has(key) && named(proper)) contextHits++
      }
      score += Math.min(0.2, 0.1 * contextHits)
      // Coherence: entities anchored elsewhere that mention this one
      // (Seattle, `city in Washington`, for the state of Washington).
      const label = ` ${nameKey(c.entity.label)} `
      if (anchorTexts.some(({by, text: t}) => !by.has(index) && t.includes(label))) score += 0.1
      // Coherence: a place named in this candidate's description is also named
      // in an anchor's (“state of the United States of America” beside
      // “city in Georgia, United States”): the article's part of the world.
      const places = [...propers].filter((p) => !ownKey.includes(nameKey(p)))
      if (anchorTexts.some(({by, proper}) => !by.has(index) && places.some((p) => proper.has(p)))) score += 0.15
      scored.push({entity: c.entity, score})
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
    if (!ref && settings.nil) ref = {id: nilId(group.name, group.type, group.cluster), label: group.name, confidence: 1}
    if (ref && (!known || known.id.startsWith('nil:') || ref.id === known.id)) settings.registry?.set(group.key, ref)
    return {group, ref, candidates: scored, ambiguous}
  })
}
