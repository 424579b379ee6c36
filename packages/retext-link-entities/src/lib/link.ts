import type {EntityRef, MentionType, NameMention} from '@copydesk/document'
import {identityKey, nameKey, nilId, type EntityType, type KbCandidate, type KbEntity, type KnowledgeBase} from '@copydesk/kb'

/** Settings of the linker (see `Options`). */
export interface LinkSettings {
  threshold: number
  ambiguity: number
  fuzzy: boolean
  nil: boolean
  registry: Map<string, EntityRef>
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

const matchWeight = {label: 1, alias: 1, short: 0.4, fuzzy: 0.7}

const stop = new Set(['the', 'of', 'a', 'an', 'and', 'former', 'then', 'late', 'us', 'u', 's', 'acting', 'deputy'])

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

function candidatesFor(kb: KnowledgeBase, group: MentionGroup, fuzzy: boolean): Array<KbCandidate> {
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
  if (found.size === 0 && fuzzy && nameKey(group.name).length >= 6) {
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
  settings: LinkSettings
): Array<GroupLink> {
  // Context: words of every canonical name in the document.
  const context = new Set<string>()
  const nameKeys = new Set<string>()
  for (const g of groups) {
    nameKeys.add(nameKey(g.name))
    for (const w of words(g.name)) context.add(w)
  }

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

  return groups.map((group, index) => {
    const pool = pools[index]!
    const own = new Set(words(group.name))
    const roleWords = new Set(group.roles.flatMap(words))
    const scored: Array<ScoredCandidate> = []
    const maxPopularity = Math.max(1, ...pool.map((c) => c.entity.popularity))
    for (const c of pool) {
      const fit = typeFit[group.type][c.entity.type] ?? 0
      if (!fit) continue
      let score = matchWeight[c.match] * fit * (0.6 + 0.4 * Math.sqrt(c.entity.popularity / maxPopularity))
      if (c.match === 'fuzzy') score *= 1 - 0.1 * c.distance
      const description = new Set(words(`${c.entity.description} ${c.entity.wikipedia ?? ''}`))
      // Roles: "Vice President" against "vice president of the United States".
      let roleHits = 0
      for (const w of roleWords) if (description.has(w)) roleHits++
      if (roleWords.size) score += 0.25 * (roleHits / roleWords.size)
      // Context: other names of the document in the description (`capital of Georgia`).
      let contextHits = 0
      for (const w of description) if (context.has(w) && !own.has(w)) contextHits++
      score += Math.min(0.15, 0.05 * contextHits)
      // Coherence: the same entity named in full elsewhere in the document.
      const anchoredBy = anchors.get(c.entity.id)
      if (anchoredBy && [...anchoredBy].some((i) => i !== index)) score += 0.5
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
    const known = settings.registry.get(group.key)
    if (known && (!ref || (!known.id.startsWith('nil:') && known.confidence > ref.confidence))) ref = {...known}
    if (!ref && settings.nil) ref = {id: nilId(group.name, group.type, group.cluster), label: group.name, confidence: 1}
    if (ref && (!known || known.id.startsWith('nil:') || ref.id === known.id)) settings.registry.set(group.key, ref)
    return {group, ref, candidates: scored, ambiguous}
  })
}
