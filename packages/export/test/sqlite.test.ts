import path from 'node:path'
import Database from 'better-sqlite3'
import {describe, expect, it} from 'vitest'
import {writeSqlite} from '../src/index.js'
import {budget, corpus, hostile, trip, visit} from './fixtures.js'
import {temporaryFolder} from './helpers.js'

// The queries shown in the README, verbatim.
const mentionsOf = `
SELECT d.id, d.title, d.published, COUNT(*) AS mentions
FROM documents d
JOIN mentions m ON m.document_id = d.id
JOIN entities e ON e.id = m.entity_id
WHERE e.name = ?
GROUP BY d.id
ORDER BY d.published DESC`

const datesIn = `
SELECT t.value, t.text, d.id, d.title
FROM dates t
JOIN documents d ON d.id = t.document_id
WHERE t.value >= ? AND t.value < ?
ORDER BY t.value, d.published, t.start`

describe('SQLite', () => {
  it('answers the README queries', async () => {
    const file = path.join(temporaryFolder(), 'documents.sqlite')
    const [result] = await writeSqlite(file, corpus)
    expect(result!.path).toBe(file)
    const db = new Database(file, {readonly: true})
    expect(db.prepare(mentionsOf).all('Kamala Harris')).toEqual([
      {id: trip.id, title: trip.title, published: '2024-04-29T18:30:00Z', mentions: 1},
      {id: visit.id, title: visit.title, published: '2024-04-26', mentions: 2}
    ])
    expect(db.prepare(datesIn).all('2024-04', '2024-05')).toEqual([
      {value: '2024-04-25', text: 'Thursday', id: visit.id, title: visit.title},
      {value: '2024-04-25', text: 'April 25, 2024', id: visit.id, title: visit.title},
      {value: '2024-04-29', text: 'Monday', id: trip.id, title: trip.title}
    ])
    db.close()
  })

  it('has foreign keys, indexes and one row per corpus entity', async () => {
    const file = path.join(temporaryFolder(), 'documents.sqlite')
    await writeSqlite(file, [...corpus, visit])
    const db = new Database(file, {readonly: true})
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()
    ).toEqual(['dates', 'document_entities', 'documents', 'entities', 'mentions', 'messages'])
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(
      db.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(\'mentions\') ORDER BY "from"').all()
    ).toEqual([
      {table: 'documents', from: 'document_id', to: 'id'},
      {table: 'entities', from: 'entity_id', to: 'id'}
    ])
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM dates WHERE value >= ? AND value < ?')
      .all('2024-04', '2024-05') as Array<{detail: string}>
    expect(plan.map((row) => row.detail).join(' ')).toContain('USING INDEX dates_value')
    // The duplicate record is skipped, not doubled.
    expect(db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(3)
    expect(db.prepare('SELECT COUNT(*) FROM mentions').pluck().get()).toBe(8)
    expect(db.prepare("SELECT name, type, wikipedia FROM entities WHERE id = 'Q10853588'").get()).toEqual({
      name: 'Kamala Harris',
      type: 'person',
      wikipedia: 'Kamala Harris'
    })
    expect(
      db.prepare("SELECT variants, roles, count FROM document_entities WHERE document_id = ? AND entity_id = 'Q10853588'").get(visit.id)
    ).toEqual({variants: '["Kamala Harris","Harris"]', roles: '["Vice President"]', count: 2})
    expect(db.prepare('SELECT rule_id, severity, start, "end" FROM messages WHERE document_id = ?').all(budget.id)).toEqual([
      {rule_id: 'date-conflict', severity: 'warning', start: null, end: null}
    ])
    db.close()
  })

  it('stores hostile text as data (bound parameters)', async () => {
    const file = path.join(temporaryFolder(), 'documents.sqlite')
    await writeSqlite(file, [hostile, {...visit, id: "x'); DROP TABLE documents; --"}])
    const db = new Database(file, {readonly: true})
    expect(db.prepare('SELECT id FROM documents ORDER BY id').pluck().all()).toEqual([
      '../../etc/passwd',
      "x'); DROP TABLE documents; --"
    ])
    db.close()
  })
})
