/** Entity kinds, as in the document contract. */
export type EntityType = 'person' | 'organization' | 'place' | 'other'

/** One knowledge-base entry. */
export interface KbEntity {
  /** Wikidata QID (`Q10853588`). */
  id: string
  /** English label (`Kamala Harris`). */
  label: string
  /** Other names, including the short forms news uses (`VP Harris`, `the Fed`). */
  aliases: Array<string>
  /** English description (`vice president of the United States since 2021`), or `''`. */
  description: string
  /** Kind of entity, derived from `classes`. */
  type: EntityType
  /** Wikidata classes (P31, instance of) behind `type`. */
  classes: Array<string>
  /** English Wikipedia title (`Washington, D.C.`), when the entity has one. */
  wikipedia?: string
  /** Popularity prior: number of Wikipedia sitelinks (or an estimate of it). */
  popularity: number
}

/**
 * How a candidate matched:
 * `label` (the label itself), `alias` (an alias), `short` (a derived short
 * form, such as a person's surname), `fuzzy` (within an edit distance).
 */
export type MatchKind = 'label' | 'alias' | 'short' | 'fuzzy'

/** A lookup result. */
export interface KbCandidate {
  entity: KbEntity
  match: MatchKind
  /** Edit distance between the looked-up key and the matched key (0 unless `fuzzy`). */
  distance: number
}

/** Options for `lookup`. */
export interface LookupOptions {
  /** Keep only entities of these types (default: all). */
  type?: EntityType | ReadonlyArray<EntityType> | null | undefined
  /** Also match derived short forms such as surnames (default: `true`). */
  short?: boolean | null | undefined
  /** Most candidates to return, most popular first (default: `50`). */
  limit?: number | null | undefined
}

/** Options for `fuzzy`. */
export interface FuzzyOptions {
  /** Keep only entities of these types (default: all). */
  type?: EntityType | ReadonlyArray<EntityType> | null | undefined
  /**
   * Largest edit distance (default: by key length: `0` up to 4 characters,
   * `1` up to 8, else `2`).
   */
  maxDistance?: number | null | undefined
  /** Most candidates to return, nearest then most popular first (default: `20`). */
  limit?: number | null | undefined
}

/** The interface every knowledge base implements. */
export interface KnowledgeBase {
  /** Name of the snapshot (stable across loads of the same data). */
  readonly snapshot: string
  /** Number of entities. */
  readonly size: number
  /**
   * Entities whose label, alias or short form matches `name` (case-, accent-
   * and punctuation-insensitive), most popular first.
   */
  lookup(name: string, options?: Readonly<LookupOptions> | null): Array<KbCandidate>
  /** Entities with a name within a small edit distance of `name`. */
  fuzzy(name: string, options?: Readonly<FuzzyOptions> | null): Array<KbCandidate>
  /** The entity with this QID. */
  get(id: string): KbEntity | undefined
  /** Release resources (a no-op for in-memory KBs). */
  close(): void
}
