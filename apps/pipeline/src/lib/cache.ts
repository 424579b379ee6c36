import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** A cached result: the serialized layer line and the rule ids of its messages. */
export interface CacheEntry {
  value: string
  rules: string
}

/**
 * A per-document cache of one stage: values keyed by a hash of the document's
 * content, the stage's code version and its configuration. Kept in SQLite so
 * a lookup costs microseconds and a crash never leaves a torn entry. The rule
 * ids of a result's messages are kept beside it, so a hit can be counted
 * without parsing it.
 */
/** Characters of values written between commits. */
const commitBytes = 64 << 20

export class DocumentCache {
  readonly #db: Database.Database
  readonly #get: Database.Statement<[string], CacheEntry>
  readonly #put: Database.Statement<[string, string, string]>
  #pending = 0

  constructor(folder: string, stage: string) {
    fs.mkdirSync(folder, {recursive: true})
    // A file per layout: an older cache is left alone, not misread.
    this.#db = new Database(path.join(folder, `${stage}-v2.sqlite`))
    // Values are kilobytes of JSON: a rowid table (large rows in WITHOUT ROWID
    // tables are slow) on 16 KB pages writes and reads them 2-3 times faster.
    this.#db.pragma('page_size = 16384')
    // A rollback journal, not WAL: the cache is written in bulk by one process
    // at a time (the CLI holds a lock), and WAL wrote every value twice (log,
    // then checkpoint), about half again the time. Commits stay atomic.
    this.#db.pragma('journal_mode = DELETE')
    this.#db.pragma('synchronous = NORMAL')
    this.#db.exec('CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL, rules TEXT NOT NULL)')
    this.#get = this.#db.prepare('SELECT value, rules FROM results WHERE key = ?')
    this.#put = this.#db.prepare('INSERT OR REPLACE INTO results (key, value, rules) VALUES (?, ?, ?)')
    this.#db.exec('BEGIN')
  }

  get(key: string): CacheEntry | undefined {
    return this.#get.get(key)
  }

  set(key: string, value: string, rules: string): void {
    this.#put.run(key, value, rules)
    // A commit syncs the file: one per 64 MB written, not per few hundred
    // values (commits were a third of the cache's cost on a cold run). What
    // a crash loses is only cache.
    this.#pending += value.length
    if (this.#pending >= commitBytes) {
      this.#db.exec('COMMIT; BEGIN')
      this.#pending = 0
    }
  }

  close(): void {
    this.#db.exec('COMMIT')
    this.#db.close()
  }
}
