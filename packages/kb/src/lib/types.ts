/** Entity kinds, as in the document contract. */
export type EntityType = 'person' | 'organization' | 'place' | 'other'

/** One knowledge-base entry. */
export interface KbEntity {
  /** Wikidata QID. */
  id: string
  label: string
  aliases: Array<string>
  description: string
  type: EntityType
  /** Wikidata classes (P31) behind `type`. */
  classes: Array<string>
  /** English Wikipedia title. */
  wikipedia?: string
  /** Popularity prior (sitelink count). */
  popularity: number
}

/** The interface every knowledge base implements. */
export interface KnowledgeBase {
  /** Name of the snapshot (stable across loads of the same data). */
  readonly snapshot: string
  /** Entities whose label or alias matches `name` (case- and accent-insensitive). */
  lookup(name: string): Array<KbEntity>
  /** The entity with this QID. */
  get(id: string): KbEntity | undefined
}
