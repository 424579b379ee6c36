import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {validateRecord, type DocumentRecord} from '@copydesk/document'
import {describe, expect, it} from 'vitest'
import {exportRecords, formats, parseFormats, withRecordJson, writeJson, writeJsonl} from '../src/index.js'
import {corpus, trip, visit} from './fixtures.js'
import {listFiles, temporaryFolder} from './helpers.js'

async function* stream(records: Array<DocumentRecord>) {
  for (const record of records) yield record
}

describe('parseFormats', () => {
  it('reads a comma list in canonical order, without repeats', () => {
    expect(parseFormats('csv, jsonl,csv')).toEqual(['jsonl', 'csv'])
    expect(parseFormats('SQLite')).toEqual(['sqlite'])
  })

  it('expands `all`', () => {
    expect(parseFormats('all')).toEqual([
      'jsonl',
      'json',
      'csv',
      'jsonld',
      'turtle',
      'ntriples',
      'sqlite',
      'html'
    ])
    expect(parseFormats('jsonl,all')).toEqual([...formats])
  })

  it('names the unknown format', () => {
    expect(() => parseFormats('jsonl,xlsx')).toThrow(
      'Unknown format `xlsx`, expected one of: jsonl, json, csv, jsonld, turtle, ntriples, sqlite, html, all'
    )
    expect(() => parseFormats(' , ')).toThrow('Expected at least one format')
  })
})

describe('exportRecords', () => {
  it('writes every format from one pass and reports sizes and hashes', async () => {
    const outDir = temporaryFolder()
    let pulls = 0
    async function* once() {
      for (const record of corpus) {
        pulls++
        yield record
      }
    }

    const files = await exportRecords(once(), {outDir, formats: parseFormats('all')})
    expect(pulls).toBe(3)
    const relative = files.map((file) => path.relative(outDir, file.path))
    expect(relative.filter((name) => !name.startsWith('report'))).toEqual([
      'documents.jsonl',
      'documents.json',
      'documents.csv',
      'mentions.csv',
      'entities.csv',
      'dates.csv',
      'messages.csv',
      'documents.jsonld',
      'documents.ttl',
      'documents.nt',
      'documents.sqlite'
    ])
    expect(relative.filter((name) => name.startsWith('report')).sort()).toEqual(
      listFiles(path.join(outDir, 'report')).map((name) => path.join('report', name))
    )
    for (const file of files) {
      const content = fs.readFileSync(file.path)
      expect(file.bytes).toBe(content.length)
      expect(file.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'))
    }

    // Nothing temporary is left behind.
    expect(listFiles(outDir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(listFiles(outDir).length).toBe(files.length)
  })

  it('writes JSONL and JSON records that are valid against the schema', async () => {
    const outDir = temporaryFolder()
    await exportRecords(stream(corpus), {outDir, formats: ['jsonl', 'json']})
    const lines = fs.readFileSync(path.join(outDir, 'documents.jsonl'), 'utf8').split('\n')
    expect(lines.length).toBe(4)
    expect(lines[3]).toBe('')
    const fromLines = lines.slice(0, 3).map((line) => JSON.parse(line) as unknown)
    const fromArray = JSON.parse(fs.readFileSync(path.join(outDir, 'documents.json'), 'utf8')) as Array<unknown>
    expect(fromLines).toEqual(corpus)
    expect(fromArray).toEqual(corpus)
    for (const record of fromArray) expect(validateRecord(record)).toEqual([])
  })

  it('writes an empty but well-formed JSON array for no records', async () => {
    const file = path.join(temporaryFolder(), 'x', 'empty.json')
    const [result] = await writeJson(file, [])
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual([])
    expect(result!.bytes).toBe(3)
    expect(await writeJsonl(path.join(path.dirname(file), 'empty.jsonl'), [visit, trip])).toBe(2)
  })

  it('writes the JSON handed over with withRecordJson as it is, in JSON Lines and JSON', async () => {
    const folder = temporaryFolder()
    // JSON made elsewhere, with its own spacing: written unchanged, not re-serialized.
    const json = JSON.stringify(visit, null, 1).replaceAll('\n', ' ')
    const record = withRecordJson(JSON.parse(json) as DocumentRecord, json)
    expect(await writeJsonl(path.join(folder, 'a.jsonl'), [record, trip])).toBe(2)
    expect(fs.readFileSync(path.join(folder, 'a.jsonl'), 'utf8')).toBe(json + '\n' + JSON.stringify(trip) + '\n')
    await writeJson(path.join(folder, 'a.json'), [record])
    expect(fs.readFileSync(path.join(folder, 'a.json'), 'utf8')).toBe('[\n' + json + '\n]\n')
  })

  it('keeps multi-byte text whole across buffer boundaries', async () => {
    const file = path.join(temporaryFolder(), 'big.jsonl')
    const long = {...trip, id: 'long', text: 'Ünïcödé 😀 “quoted” — '.repeat(6000)}
    const records = [long, ...Array.from({length: 400}, (_, index) => ({...visit, id: 'copy-' + index})), long]
    expect(await writeJsonl(file, records)).toBe(402)
    const content = fs.readFileSync(file, 'utf8')
    expect(content.length).toBeGreaterThan(300_000)
    expect(content.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(records)
  })

  it('leaves no file, complete or temporary, when the input fails midway', async () => {
    const outDir = temporaryFolder()
    async function* broken() {
      yield visit
      yield trip
      throw new Error('disk on fire')
    }

    await expect(exportRecords(broken(), {outDir, formats: [...formats]})).rejects.toThrow('disk on fire')
    expect(listFiles(outDir)).toEqual([])
  })

  it('keeps the previous complete file when a later run fails', async () => {
    const outDir = temporaryFolder()
    await exportRecords([visit], {outDir, formats: ['jsonl']})
    const before = fs.readFileSync(path.join(outDir, 'documents.jsonl'), 'utf8')
    async function* broken(): AsyncGenerator<DocumentRecord> {
      yield trip
      throw new Error('interrupted')
    }

    await expect(exportRecords(broken(), {outDir, formats: ['jsonl']})).rejects.toThrow('interrupted')
    expect(fs.readFileSync(path.join(outDir, 'documents.jsonl'), 'utf8')).toBe(before)
    expect(listFiles(outDir)).toEqual(['documents.jsonl'])
  })

  it('checks its options', async () => {
    await expect(exportRecords([], {outDir: ''})).rejects.toThrow('Expected `outDir`')
    await expect(
      exportRecords([], {outDir: temporaryFolder(), formats: ['pdf' as 'json']})
    ).rejects.toThrow('Unknown format `pdf` in `formats`')
  })
})
