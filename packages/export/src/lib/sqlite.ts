import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type {DocumentRecord} from '@copydesk/document'
import {stageFile, temporaryPath, type ExportedFile, type StagedFile} from './atomic.js'
import {entityOfMention} from './util.js'
import {drive, type RecordWriter, type Records} from './writer.js'

/** Schema of the SQLite database. */
export const sqliteSchema = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT,
  url TEXT,
  outlet TEXT,
  published TEXT,
  published_source TEXT,
  language TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  kb TEXT,
  duplicate_of TEXT,
  text TEXT NOT NULL
);
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  wikipedia TEXT
);
CREATE TABLE document_entities (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  name TEXT NOT NULL,
  count INTEGER NOT NULL,
  salience REAL NOT NULL,
  variants TEXT NOT NULL,
  roles TEXT NOT NULL,
  PRIMARY KEY (document_id, entity_id)
);
CREATE TABLE mentions (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT,
  cluster TEXT,
  entity_id TEXT REFERENCES entities(id),
  linked_id TEXT,
  confidence REAL,
  PRIMARY KEY (document_id, id)
);
CREATE TABLE dates (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  symbolic TEXT,
  anchor TEXT,
  mod TEXT,
  range_begin TEXT,
  range_end TEXT,
  PRIMARY KEY (document_id, id)
);
CREATE TABLE messages (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  source TEXT NOT NULL,
  severity TEXT NOT NULL,
  reason TEXT NOT NULL,
  start INTEGER,
  "end" INTEGER,
  PRIMARY KEY (document_id, seq)
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX document_entities_entity ON document_entities(entity_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_name ON mentions(name);
CREATE INDEX dates_value ON dates(value);
CREATE INDEX messages_rule ON messages(rule_id);
`

/** Records per transaction. */
const batchSize = 200

/**
 * Writer of one SQLite database with the tables `documents`, `entities`,
 * `document_entities`, `mentions`, `dates` and `messages`.
 * The database is built under a temporary name and renamed when complete.
 * A record whose id was already written is skipped.
 */
export function createSqliteWriter(file: string): RecordWriter {
  const target = path.resolve(file)
  const temporary = temporaryPath(target)
  let db: Database.Database | undefined
  let statements: ReturnType<typeof prepare> | undefined
  let batch: Array<DocumentRecord> = []

  function prepare(db: Database.Database) {
    return {
      document: db.prepare(
        `INSERT OR IGNORE INTO documents (id, title, url, outlet, published, published_source, language, authors, kb, duplicate_of, text)
         VALUES (@id, @title, @url, @outlet, @published, @published_source, @language, @authors, @kb, @duplicate_of, @text)`
      ),
      entity: db.prepare(
        'INSERT OR IGNORE INTO entities (id, name, type, wikipedia) VALUES (?, ?, ?, ?)'
      ),
      documentEntity: db.prepare(
        'INSERT OR IGNORE INTO document_entities (document_id, entity_id, name, count, salience, variants, roles) VALUES (?, ?, ?, ?, ?, ?, ?)'
      ),
      mention: db.prepare(
        'INSERT OR IGNORE INTO mentions (document_id, id, start, "end", text, type, name, role, cluster, entity_id, linked_id, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      date: db.prepare(
        'INSERT OR IGNORE INTO dates (document_id, id, start, "end", text, type, value, symbolic, anchor, mod, range_begin, range_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      message: db.prepare(
        'INSERT INTO messages (document_id, seq, rule_id, source, severity, reason, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      )
    }
  }

  function open() {
    if (db) return db
    fs.mkdirSync(path.dirname(target), {recursive: true})
    db = new Database(temporary)
    // Atomicity comes from the rename: no journal needed while building.
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('foreign_keys = ON')
    db.exec(sqliteSchema)
    statements = prepare(db)
    return db
  }

  function insert(record: DocumentRecord) {
    const s = statements!
    const id = record.id
    const result = s.document.run({
      id,
      title: record.title,
      url: record.url,
      outlet: record.outlet,
      published: record.published,
      published_source: record.publishedSource ?? null,
      language: record.language ?? null,
      authors: JSON.stringify(record.authors ?? []),
      kb: record.kb ?? null,
      duplicate_of: record.duplicateOf ?? null,
      text: record.text
    })
    if (result.changes === 0) return
    for (const entity of record.entities) {
      s.entity.run(entity.id, entity.name, entity.type, entity.wikipedia ?? null)
      s.documentEntity.run(
        id,
        entity.id,
        entity.name,
        entity.count,
        entity.salience,
        JSON.stringify(entity.variants),
        JSON.stringify(entity.roles)
      )
    }

    const entityOf = entityOfMention(record)
    for (const mention of record.mentions) {
      const entity = entityOf.get(mention.id)
      s.mention.run(
        id,
        mention.id,
        mention.start,
        mention.end,
        mention.text,
        mention.type,
        mention.name,
        mention.role ?? null,
        mention.cluster ?? null,
        entity ? entity.id : null,
        mention.entity?.id ?? null,
        mention.entity?.confidence ?? null
      )
    }

    for (const date of record.dates) {
      s.date.run(
        id,
        date.id,
        date.start,
        date.end,
        date.text,
        date.type,
        date.value,
        date.symbolic ?? null,
        date.anchor ?? null,
        date.mod ?? null,
        date.range?.begin ?? null,
        date.range?.end ?? null
      )
    }

    let seq = 0
    for (const message of record.messages) {
      s.message.run(
        id,
        ++seq,
        message.ruleId,
        message.source,
        message.severity,
        message.reason,
        message.start ?? null,
        message.end ?? null
      )
    }
  }

  function flush() {
    if (batch.length === 0) return
    const database = open()
    const records = batch
    batch = []
    database.transaction(() => {
      for (const record of records) insert(record)
    })()
  }

  return {
    async write(record: DocumentRecord) {
      batch.push(record)
      if (batch.length >= batchSize) flush()
    },
    async finish(): Promise<Array<StagedFile>> {
      open()
      flush()
      db!.pragma('optimize')
      db!.close()
      db = undefined
      return [await stageFile(temporary, target, 'sqlite')]
    },
    async abort() {
      if (db) {
        db.close()
        db = undefined
      }

      await fs.promises.rm(temporary, {force: true})
    }
  }
}

/** Write records to a SQLite database at `file`, atomically. */
export async function writeSqlite(file: string, records: Records): Promise<Array<ExportedFile>> {
  return drive([createSqliteWriter(file)], records)
}
