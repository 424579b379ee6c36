import fs from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {csvColumns, neutralizeCell, writeCsv} from '../src/index.js'
import {budget, corpus, visit} from './fixtures.js'
import {temporaryFolder} from './helpers.js'

type Row = Record<string, string>

function read(folder: string, name: string): Array<Row> {
  const raw = fs.readFileSync(path.join(folder, name))
  // UTF-8 with a byte order mark, CRLF records, a header row.
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parse(raw, {bom: true, columns: true, relax_column_count: false}) as Array<Row>
}

describe('CSV', () => {
  it('writes five files joined by document, mention and entity ids', async () => {
    const folder = temporaryFolder()
    const files = await writeCsv(folder, corpus)
    expect(files.map((file) => path.basename(file.path))).toEqual([
      'documents.csv',
      'mentions.csv',
      'entities.csv',
      'dates.csv',
      'messages.csv'
    ])

    const documents = read(folder, 'documents.csv')
    expect(Object.keys(documents[0]!)).toEqual([...csvColumns.documents])
    expect(documents.map((row) => row.document_id)).toEqual([
      'wire-2024-04-26-clemency',
      'metro/2024-04-29 atlanta',
      'desk-0003'
    ])
    // Multi-line text with quotes survives the round trip.
    expect(documents[0]!.text).toBe(visit.text)
    expect(documents[0]!.mention_count).toBe('4')
    expect(documents[0]!.authors).toBe('Dana Whitfield')

    const mentions = read(folder, 'mentions.csv')
    expect(mentions.length).toBe(8)
    const second = mentions.find((row) => row.document_id === visit.id && row.mention_id === 'm4')!
    expect(second).toMatchObject({
      start: '126',
      end: '132',
      text: 'Harris',
      type: 'person',
      name: 'Kamala Harris',
      entity_id: 'Q10853588',
      linked_id: 'Q10853588',
      wikipedia: 'Kamala Harris',
      confidence: '0.97'
    })
    expect(visit.text.slice(126, 132)).toBe('Harris')

    const entities = read(folder, 'entities.csv')
    const harris = entities.find((row) => row.document_id === visit.id && row.entity_id === 'Q10853588')!
    expect(harris).toMatchObject({name: 'Kamala Harris', count: '2', mention_ids: 'm1; m4', roles: 'Vice President'})
    // Every mention's entity is in entities.csv for the same document.
    for (const mention of mentions) {
      expect(
        entities.some((row) => row.document_id === mention.document_id && row.entity_id === mention.entity_id)
      ).toBe(true)
    }

    const senate = mentions.find((row) => row.document_id === budget.id)!
    expect(senate).toMatchObject({entity_id: 'name:Senate', linked_id: '', confidence: ''})

    const dates = read(folder, 'dates.csv')
    expect(dates.map((row) => [row.document_id, row.text, row.value, row.symbolic])).toEqual([
      [visit.id, 'Thursday', '2024-04-25', 'XXXX-WXX-4'],
      [visit.id, 'April 25, 2024', '2024-04-25', ''],
      ['metro/2024-04-29 atlanta', 'Monday', '2024-04-29', 'XXXX-WXX-1'],
      [budget.id, 'March 2023', '2023-03', '']
    ])

    const messages = read(folder, 'messages.csv')
    expect(messages.map((row) => [row.document_id, row.message_index, row.rule_id, row.severity])).toEqual([
      [visit.id, '1', 'name-variant', 'info'],
      [visit.id, '2', 'weekday-mismatch', 'warning'],
      [budget.id, '1', 'date-conflict', 'warning']
    ])
  })

  it('neutralizes cells a spreadsheet would run as formulas', async () => {
    const folder = temporaryFolder()
    await writeCsv(folder, [budget])
    const [document] = read(folder, 'documents.csv')
    expect(document!.title).toBe('\'=HYPERLINK("http://evil.example/","Budget deal")')
    expect(document!.outlet).toBe("'@Capitol Desk")
    const [message] = read(folder, 'messages.csv')
    expect(message!.reason).toBe('\'+ two readings of "March 2023"')
    // Numbers are not touched; text in the middle of a cell is not either.
    expect(document!.mention_count).toBe('1')
    expect(document!.text).toContain('covers -5% in spending')
    expect(neutralizeCell('-5')).toBe("'-5")
    expect(neutralizeCell('\tcmd')).toBe("'\tcmd")
    expect(neutralizeCell('a=b')).toBe('a=b')
  })

  it('writes headers only for no records, and can leave out the BOM and text', async () => {
    const folder = temporaryFolder()
    await writeCsv(folder, [], {bom: false})
    expect(fs.readFileSync(path.join(folder, 'dates.csv'), 'utf8')).toBe(
      'document_id,date_id,start,end,text,type,value,symbolic,anchor,mod,range_begin,range_end\r\n'
    )
    await writeCsv(folder, [visit], {bom: false, text: false})
    const rows = parse(fs.readFileSync(path.join(folder, 'documents.csv')), {columns: true}) as Array<Row>
    expect(rows[0]!.text).toBe('')
  })
})
