import Database from 'better-sqlite3'
import {distance} from 'fastest-levenshtein'
import {defaultLimits, keepBest, rank, typeSet} from './memory.js'
import {prepareEntity, type PreparedEntity} from './parse.js'
import {defaultMaxDistance, nameKey} from './normalize.js'
import type {
  EntityType,
  FuzzyOptions,
  KbCandidate,
  KbEntity,
  KnowledgeBase,
  LookupOptions,
  MatchKind
} from './types.js'

const kinds: ReadonlyArray<MatchKind> = ['label', 'alias', 'short', 'fuzzy']

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
  qid INTEGER PRIMARY KEY, label TEXT NOT NULL, description TEXT NOT NULL, type TEXT NOT NULL,
  classes TEXT NOT NULL, wikipedia TEXT, popularity INTEGER NOT NULL, aliases TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, qid INTEGER NOT NULL, kind INTEGER NOT NULL);
`

/** `qid, label, description, type, classes, wikipedia, popularity, aliases` */
type EntityRow = [number, string, string, string, string, string | null, number, string]

function fromRow(row: EntityRow): KbEntity {
  const [qid, label, description, type, classes, wikipedia, popularity, aliases] = row
  const entity: KbEntity = {
    id: `Q${qid}`,
    label,
    aliases: aliases ? (JSON.parse(aliases) as Array<string>) : [],
    description,
    type: type as EntityType,
    classes: classes ? classes.split(',') : [],
    popularity
  }
  if (wikipedia) entity.wikipedia = wikipedia
  return entity
}

/**
 * Write entities into a new SQLite KB file. Call `add` for each entity, then
 * `finish` (which builds the indexes and records the snapshot name).
 */
export class SqliteKbWriter {
  readonly #db: Database.Database
  readonly #insertEntity: Database.Statement
  /** `INSERT INTO names` of 1 to 8 rows at once (one call per entity). */
  readonly #insertNames: Array<Database.Statement>
  readonly #batch: number
  #pending = 0
  #count = 0

  constructor(file: string, options?: {batch?: number}) {
    this.#db = new Database(file)
    this.#db.pragma('journal_mode = OFF')
    this.#db.pragma('locking_mode = EXCLUSIVE')
    this.#db.pragma('synchronous = OFF')
    this.#db.pragma('cache_size = -65536')
    this.#db.exec('DROP INDEX IF EXISTS names_key; DROP TABLE IF EXISTS names; DROP TABLE IF EXISTS entities; DROP TABLE IF EXISTS meta;')
    this.#db.exec(schema)
    this.#insertEntity = this.#db.prepare('INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    this.#insertNames = Array.from({length: 8}, (_, n) =>
      this.#db.prepare(`INSERT INTO names VALUES ${Array.from({length: n + 1}, () => '(?, ?, ?)').join(', ')}`)
    )
    this.#batch = options?.batch ?? 20000
    this.#db.exec('BEGIN')
  }

  /** Number of entities added. */
  get count(): number {
    return this.#count
  }

  add(entity: KbEntity): void {
    this.addPrepared(prepareEntity(entity))
  }

  /** Add an entity with its `names` rows (`key, kind` pairs), as `prepareEntity` makes them. */
  addPrepared([entity, keys]: PreparedEntity): void {
    const qid = Number(entity.id.slice(1))
    if (!/^Q\d+$/.test(entity.id)) throw new Error(`Not a QID: ${entity.id}`)
    this.#insertEntity.run(
      qid,
      entity.label,
      entity.description,
      entity.type,
      entity.classes.join(','),
      entity.wikipedia ?? null,
      entity.popularity,
      entity.aliases.length ? JSON.stringify(entity.aliases) : ''
    )
    let values: Array<string | number> = []
    for (let i = 0; i < keys.length; i += 2) {
      values.push(keys[i]!, qid, keys[i + 1]!)
      if (values.length === 24) {
        this.#insertNames[7]!.run(values)
        values = []
      }
    }
    if (values.length) this.#insertNames[values.length / 3 - 1]!.run(values)
    this.#count++
    if (++this.#pending >= this.#batch) {
      this.#db.exec('COMMIT; BEGIN')
      this.#pending = 0
    }
  }

  /** Build indexes, record `snapshot` and other metadata, close the file. */
  finish(snapshot: string, meta: Record<string, string> = {}): void {
    this.#db.exec('COMMIT')
    // A covering index: a lookup reads the index only.
    this.#db.exec('CREATE INDEX names_key ON names (key, qid, kind)')
    const setMeta = this.#db.prepare('INSERT OR REPLACE INTO meta VALUES (?, ?)')
    for (const [key, value] of Object.entries({...meta, snapshot, count: String(this.#count)})) {
      setMeta.run(key, value)
    }
    this.#db.pragma('journal_mode = DELETE')
    this.#db.exec('ANALYZE')
    this.#db.close()
  }

  /** Abandon the file. */
  abort(): void {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK')
    this.#db.close()
  }
}

/** Write `entities` into a new SQLite KB at `file`. */
export function writeSqliteKb(file: string, entities: Iterable<KbEntity>, snapshot: string): void {
  const writer = new SqliteKbWriter(file)
  for (const entity of entities) writer.add(entity)
  writer.finish(snapshot)
}

/** A knowledge base in a SQLite file (as written by `importWikidataDump`). Read-only. */
export class SqliteKnowledgeBase implements KnowledgeBase {
  readonly snapshot: string
  readonly size: number
  /** Metadata recorded at import (`snapshot`, `count`, `source`, `created`, …). */
  readonly meta: Readonly<Record<string, string>>
  readonly #db: Database.Database
  readonly #byKey: Database.Statement<[string], [number, number]>
  readonly #byPrefix: Database.Statement<[string, string, number, number], [string, number, number]>
  readonly #byId: Database.Statement<[number], EntityRow>

  constructor(file: string) {
    this.#db = new Database(file, {readonly: true, fileMustExist: true})
    // Keep the shared lock once taken: no per-query file locking (other
    // readers are fine; writers wait until `close`).
    this.#db.pragma('locking_mode = EXCLUSIVE')
    // Read pages through a memory map rather than a system call each, and
    // keep up to 64 MB of them decoded: random lookups on a large KB touch
    // many pages of the name index (+15% lookups/s on a KB of 1M entities).
    this.#db.pragma('mmap_size = 1073741824')
    this.#db.pragma('cache_size = -65536')
    const rows = this.#db.prepare('SELECT key, value FROM meta').all() as Array<{key: string; value: string}>
    this.meta = Object.freeze(Object.fromEntries(rows.map((r) => [r.key, r.value])))
    if (!this.meta['snapshot']) throw new Error(`Not a copydesk KB (no snapshot in meta): ${file}`)
    this.snapshot = this.meta['snapshot']
    this.size = Number(this.meta['count'] ?? 0)
    this.#byKey = this.#db.prepare<[string], [number, number]>('SELECT qid, kind FROM names WHERE key = ?').raw(true)
    this.#byPrefix = this.#db
      .prepare<[string, string, number, number], [string, number, number]>(
        'SELECT key, qid, kind FROM names WHERE key >= ? AND key < ? AND length(key) BETWEEN ? AND ? LIMIT 20000'
      )
      .raw(true)
    this.#byId = this.#db
      .prepare<[number], EntityRow>(
        'SELECT qid, label, description, type, classes, wikipedia, popularity, aliases FROM entities WHERE qid = ?'
      )
      .raw(true)
  }

  #entity(qid: number): KbEntity | undefined {
    const row = this.#byId.get(qid)
    return row ? fromRow(row) : undefined
  }

  lookup(name: string, options?: Readonly<LookupOptions> | null): Array<KbCandidate> {
    const types = typeSet(options?.type)
    const short = options?.short ?? true
    const result: Array<KbCandidate> = []
    for (const [qid, kind] of this.#byKey.all(nameKey(name))) {
      const match = kinds[kind]!
      if (!short && match === 'short') continue
      const entity = this.#entity(qid)
      if (!entity || (types && !types.has(entity.type))) continue
      result.push({entity, match, distance: 0})
    }
    return rank(result, options?.limit ?? defaultLimits.lookup)
  }

  fuzzy(name: string, options?: Readonly<FuzzyOptions> | null): Array<KbCandidate> {
    const key = nameKey(name)
    const bound = options?.maxDistance ?? defaultMaxDistance(key)
    const types = typeSet(options?.type)
    // Three characters keep the scan short on large KBs (a misspelling in
    // the first three characters is not found).
    const prefix = key.slice(0, 3)
    const best = new Map<string, KbCandidate>()
    for (const [other, qid, kind] of this.#byPrefix.all(prefix, prefix + '\uffff', key.length - bound, key.length + bound)) {
      const d = other === key ? 0 : distance(other, key)
      if (d > bound) continue
      const entity = this.#entity(qid)
      if (!entity || (types && !types.has(entity.type))) continue
      keepBest(best, {entity, match: d === 0 ? kinds[kind]! : 'fuzzy', distance: d})
    }
    return rank(best.values(), options?.limit ?? defaultLimits.fuzzy)
  }

  get(id: string): KbEntity | undefined {
    if (!/^Q\d+$/.test(id)) return undefined
    return this.#entity(Number(id.slice(1)))
  }

  close(): void {
    this.#db.close()
  }
}
