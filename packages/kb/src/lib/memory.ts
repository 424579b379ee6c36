import {distance} from 'fastest-levenshtein'
import {defaultMaxDistance, nameKey, shortForms} from './normalize.js'
import type {
  EntityType,
  FuzzyOptions,
  KbCandidate,
  KbEntity,
  KnowledgeBase,
  LookupOptions,
  MatchKind
} from './types.js'

/** Match kinds as stored, best first. */
export const matchRank: Readonly<Record<MatchKind, number>> = {label: 0, alias: 1, short: 2, fuzzy: 3}

/** The keys under which an entity is found, with how each matches. */
export function entityKeys(entity: KbEntity): Map<string, MatchKind> {
  const keys = new Map<string, MatchKind>()
  const add = (name: string, kind: MatchKind) => {
    const key = nameKey(name)
    if (!key) return
    const previous = keys.get(key)
    if (previous === undefined || matchRank[kind] < matchRank[previous]) keys.set(key, kind)
  }
  add(entity.label, 'label')
  // A one-word alias of a person with a longer name (`Kim` for Andy Kim) is a
  // short form: it needs the full name nearby to count.
  const person = entity.type === 'person' && nameKey(entity.label).includes(' ')
  for (const alias of entity.aliases) add(alias, person && !nameKey(alias).includes(' ') ? 'short' : 'alias')
  for (const short of shortForms(entity.label, entity.type)) add(short, 'short')
  return keys
}

/** Normalize a `type` option to a set, or `undefined` for all types. */
export function typeSet(
  type: EntityType | ReadonlyArray<EntityType> | null | undefined
): Set<EntityType> | undefined {
  if (type === null || type === undefined) return undefined
  return new Set(typeof type === 'string' ? [type] : type)
}

/** Order candidates: nearest, then best match kind, then most popular, then id. */
export function compareCandidates(a: KbCandidate, b: KbCandidate): number {
  return (
    a.distance - b.distance ||
    matchRank[a.match] - matchRank[b.match] ||
    b.entity.popularity - a.entity.popularity ||
    a.entity.id.localeCompare(b.entity.id)
  )
}

/** Default `limit` of `lookup` and of `fuzzy`. */
export const defaultLimits = {lookup: 50, fuzzy: 20} as const

/** Keep the better of `candidate` and the one already kept for its entity. */
export function keepBest(best: Map<string, KbCandidate>, candidate: KbCandidate): void {
  const previous = best.get(candidate.entity.id)
  if (!previous || compareCandidates(candidate, previous) < 0) best.set(candidate.entity.id, candidate)
}

/** Rank candidates and keep the first `limit`. */
export function rank(candidates: Iterable<KbCandidate>, limit: number): Array<KbCandidate> {
  return [...candidates].sort(compareCandidates).slice(0, limit)
}

interface Posting {
  entity: KbEntity
  match: MatchKind
}

/** A knowledge base held in memory (the starter KB is one). */
export class MemoryKnowledgeBase implements KnowledgeBase {
  readonly snapshot: string
  readonly #byId = new Map<string, KbEntity>()
  readonly #byKey = new Map<string, Array<Posting>>()
  /** Keys by their first two characters, for fuzzy lookups. */
  readonly #byPrefix = new Map<string, Array<string>>()

  constructor(snapshot: string, entities: Iterable<KbEntity>) {
    this.snapshot = snapshot
    for (const entity of entities) {
      if (this.#byId.has(entity.id)) continue
      this.#byId.set(entity.id, entity)
      for (const [key, match] of entityKeys(entity)) {
        let list = this.#byKey.get(key)
        if (!list) {
          this.#byKey.set(key, (list = []))
          const prefix = key.slice(0, 2)
          let keys = this.#byPrefix.get(prefix)
          if (!keys) this.#byPrefix.set(prefix, (keys = []))
          keys.push(key)
        }
        list.push({entity, match})
      }
    }
  }

  get size(): number {
    return this.#byId.size
  }

  lookup(name: string, options?: Readonly<LookupOptions> | null): Array<KbCandidate> {
    const types = typeSet(options?.type)
    const short = options?.short ?? true
    const result: Array<KbCandidate> = []
    for (const {entity, match} of this.#byKey.get(nameKey(name)) ?? []) {
      if (types && !types.has(entity.type)) continue
      if (!short && match === 'short') continue
      result.push({entity, match, distance: 0})
    }
    return rank(result, options?.limit ?? defaultLimits.lookup)
  }

  fuzzy(name: string, options?: Readonly<FuzzyOptions> | null): Array<KbCandidate> {
    const key = nameKey(name)
    const bound = options?.maxDistance ?? defaultMaxDistance(key)
    const types = typeSet(options?.type)
    const best = new Map<string, KbCandidate>()
    for (const other of this.#byPrefix.get(key.slice(0, 2)) ?? []) {
      if (Math.abs(other.length - key.length) > bound) continue
      const d = other === key ? 0 : distance(other, key)
      if (d > bound) continue
      for (const {entity, match} of this.#byKey.get(other) ?? []) {
        if (types && !types.has(entity.type)) continue
        keepBest(best, {entity, match: d === 0 ? match : 'fuzzy', distance: d})
      }
    }
    return rank(best.values(), options?.limit ?? defaultLimits.fuzzy)
  }

  get(id: string): KbEntity | undefined {
    return this.#byId.get(id)
  }

  /** All entities, in insertion order. */
  entities(): IterableIterator<KbEntity> {
    return this.#byId.values()
  }

  close(): void {}
}
