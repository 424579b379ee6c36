import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {parse as parseCsv} from 'csv-parse/sync'
import jsonld from 'jsonld'
import {Parser as N3Parser} from 'n3'
import {validateRecord, type DocumentRecord} from '@copydesk/document'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, readJsonl, temporary} from './helpers.js'

// The bundled sample corpus, every format from one run, each read back as a
// user's tool would read it. What the corpus carries is listed in CORPUS.md.
describe('the sample corpus through the whole pipeline, --format all', () => {
  let out: string
  let records: Array<DocumentRecord>

  beforeAll(() => {
    out = path.join(temporary('sample'), 'out')
    const result = cli(['run', '--format', 'all', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    records = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'))
  })

  it('writes one valid record per article of the corpus', () => {
    expect(records).toHaveLength(14)
    for (const record of records) expect(validateRecord(record), record.id).toEqual([])
    expect(JSON.parse(fs.readFileSync(path.join(out, 'documents.json'), 'utf8'))).toEqual(records)
  })

  it('normalizes names, dates and links the way CORPUS.md says', () => {
    const mentions = records.flatMap((r) => r.mentions)
    // A title before a name is a role, not part of the name.
    const harris = mentions.find((m) => m.text === 'Kamala Harris' && m.role === 'Vice President')
    expect(harris?.entity?.id).toBe('Q10853588')
    // The weekday that contradicts its date is reported; the value follows the date.
    const summer = records.find((r) => r.id === 'white-house-summer-jobs.html')!
    expect(summer.messages.some((m) => m.ruleId === 'weekday-mismatch')).toBe(true)
    expect(summer.dates.some((d) => d.value === '2024-04-25')).toBe(true)
    // One private person spelled two ways in two articles is one identity.
    const holsey = mentions.filter((m) => /^Holsey$|^Holcy$|Beverly Hol/.test(m.text))
    expect(new Set(holsey.map((m) => m.entity?.id)).size).toBe(1)
    expect(holsey[0].entity?.id).toMatch(/^nil:/)
    // Boilerplate is set aside, not cut: offsets still point into the text.
    const credits = records.flatMap((r) => r.excluded.map((x) => ({...x, text: r.text.slice(x.start, x.end)})))
    expect(credits.some((x) => x.reason === 'photo-credit')).toBe(true)
  })

  it('gives every date of the CORPUS.md tables its type and value, but for the gaps listed here', () => {
    const corpus = fs.readFileSync(new URL('../CORPUS.md', import.meta.url), 'utf8')
    const misses: Array<string> = []
    let rows = 0
    for (const section of corpus.split('\n### ').slice(1)) {
      const head = section.split('\n')[0]
      const item = /`([^`]+)` item (\d+)/.exec(head)
      const wire = /`(mw-[^`]+)`/.exec(head)
      const file = /`([^`]+)`/.exec(head)?.[1]
      const id = item ? `${item[1]}#${item[2]}` : wire ? wire[1] : file
      const record = records.find((r) => r.id === id)
      const table = section.split('**Dates**')[1]
      if (!table) continue
      expect(record, head).toBeDefined()
      for (const row of table.split('\n').filter((line) => /^\| \d+ \|/.test(line))) {
        const [, , cell, type, cellValue] = row.split('|').map((c) => c.trim())
        if (cell.includes('*(opt)*')) continue
        rows++
        const text = cell.replace(/\s*\(.*$/, '')
        const value = cellValue.replace(/\s*\(.*$/, '')
        const found = record!.dates.filter((d) => d.text.toLowerCase() === text.toLowerCase())
        if (!found.some((d) => d.type === type && d.value.toLowerCase() === value.toLowerCase())) misses.push(`${id}: ${text}`)
      }
    }
    expect(rows).toBeGreaterThan(100)
    // Known gaps: a byline date set aside with its line, and two
    // futures the tense misses: "whom to support in November" (an infinitive's) and "had
    // already raised rates for the summer" (the coming summer, after a past verb).
    expect(misses).toEqual([
      'swift-hotel-prices.md: April 29, 2024',
      'swift-hotel-prices.md: the summer',
      'feed.xml#1: November'
    ])
  })

  it('writes CSV tables joined by ids, with a header row', () => {
    const documents = parseCsv(fs.readFileSync(path.join(out, 'documents.csv')), {columns: true, bom: true}) as Array<Record<string, string>>
    const mentions = parseCsv(fs.readFileSync(path.join(out, 'mentions.csv')), {columns: true, bom: true}) as Array<Record<string, string>>
    expect(documents).toHaveLength(14)
    const ids = new Set(documents.map((d) => d.document_id))
    expect(mentions.length).toBe(records.reduce((n, r) => n + r.mentions.length, 0))
    for (const mention of mentions) expect(ids.has(mention.document_id)).toBe(true)
  })

  it('writes JSON-LD that expands to schema.org NewsArticles with Wikidata sameAs', async () => {
    const document = JSON.parse(fs.readFileSync(path.join(out, 'documents.jsonld'), 'utf8')) as object
    const expanded = await jsonld.expand(document)
    const articles = expanded.filter((node) => (node['@type'] as Array<string> | undefined)?.includes('https://schema.org/NewsArticle'))
    expect(articles).toHaveLength(14)
    expect(JSON.stringify(expanded)).toContain('https://www.wikidata.org/wiki/Q10853588')
  })

  it('writes Turtle and N-Triples that parse to the same NIF mention annotations', () => {
    const turtle = new N3Parser().parse(fs.readFileSync(path.join(out, 'documents.ttl'), 'utf8'))
    const triples = new N3Parser({format: 'N-Triples'}).parse(fs.readFileSync(path.join(out, 'documents.nt'), 'utf8'))
    expect(turtle.length).toBe(triples.length)
    const anchors = turtle.filter((q) => q.predicate.value === 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf')
    expect(anchors.length).toBe(records.reduce((n, r) => n + r.mentions.length, 0))
  })

  it('writes SQLite that answers the README queries', () => {
    const db = new Database(path.join(out, 'documents.sqlite'), {readonly: true})
    try {
      const harris = db
        .prepare(
          `SELECT d.id, d.title, d.published, COUNT(*) AS mentions FROM documents d
           JOIN mentions m ON m.document_id = d.id JOIN entities e ON e.id = m.entity_id
           WHERE e.name = ? GROUP BY d.id ORDER BY d.published DESC`
        )
        .all('Kamala Harris') as Array<{id: string; published: string}>
      expect(harris.length).toBeGreaterThanOrEqual(2)
      expect([...harris].sort((a, b) => (a.published < b.published ? 1 : -1))).toEqual(harris)
      const april = db
        .prepare(
          `SELECT t.value, t.text, d.id FROM dates t JOIN documents d ON d.id = t.document_id
           WHERE t.value >= ? AND t.value < ? ORDER BY t.value, d.published, t.start`
        )
        .all('2024-04', '2024-05') as Array<{value: string}>
      expect(april.length).toBeGreaterThan(10)
      for (const row of april) expect(row.value.startsWith('2024-04')).toBe(true)
    } finally {
      db.close()
    }
  })

  it('writes a static HTML report with a page per document', () => {
    const index = fs.readFileSync(path.join(out, 'report', 'index.html'), 'utf8')
    expect(index).toContain('<html')
    const pages = fs.readdirSync(path.join(out, 'report', 'doc'))
    expect(pages).toHaveLength(14)
  })
})
