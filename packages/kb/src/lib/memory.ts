import type {KbEntity, KnowledgeBase} from './types.js'

/** Normalize a name for lookups: case- and accent-insensitive. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

/** A knowledge base held in memory. */
export class MemoryKnowledgeBase implements KnowledgeBase {
  readonly snapshot: string
  readonly #byId = new Map<string, KbEntity>()
  readonly #byName = new Map<string, Array<KbEntity>>()

  constructor(snapshot: string, entities: Iterable<KbEntity>) {
    this.snapshot = snapshot
    for (const entity of entities) {
      this.#byId.set(entity.id, entity)
      for (const name of new Set([entity.label, ...entity.aliases].map(normalizeName))) {
        let list = this.#byName.get(name)
        if (!list) this.#byName.set(name, (list = []))
        list.push(entity)
      }
    }
  }

  lookup(name: string): Array<KbEntity> {
    return this.#byName.get(normalizeName(name)) ?? []
  }

  get(id: string): KbEntity | undefined {
    return this.#byId.get(id)
  }
}
