import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * A per-document cache of one stage: values keyed by a hash of the document's
 * content, the stage's code version and its configuration. Kept in SQLite so
 * a lookup costs microseconds and a crash never leaves a torn entry.
 */
export class DocumentCache {
  readonly #db: Database.Database
  readonly #get: Database.Statement<[string], {value: string}>
  readonly #put: Database.Statement<[string, string]>
  #pending = 0

  constructor(folder: string, stage: string) {
    fs.mkdirSync(folder, {recursive: true})
    this.#db = new Database(path.join(folder, `${stage}.sqlite`))
    this.#db.pragma('journal_mode = WAL')
    this.#db.pragma('synchronous = NORMAL')
    this.#db.exec('CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID')
    this.#get = this.#db.prepare('SELECT value FROM cache WHERE key = ?')
    this.#put = this.#db.prepare('INSERT OR REPLACE INTO cache (key, value) VALUES (?, ?)')
    this.#db.exec('BEGIN')
  }

  get(key: string): string | undefined {
    return this.#get.get(key)?.value
  }

  set(key: string, value: string): void {
    this.#put.run(key, value)
    if (++this.#pending >= 500) {
      this.#db.exec('COMMIT; BEGIN')
      this.#pending = 0
    }
  }

  close(): void {
    this.#db.exec('COMMIT')
    this.#db.close()
  }
}
