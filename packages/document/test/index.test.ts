import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import * as mod from '../src/index.js'
import {toRecord, validateRecord, type DocumentRecord} from '../src/index.js'

describe('@copydesk/document', () => {
  it('exposes its public api', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'documentRecordSchema',
      'isExcluded',
      'summarizeEntities',
      'toRecord',
      'toRecordMessage',
      'validateRecord'
    ])
  })

  it('assembles a valid record from file data and messages', () => {
    const text = 'VP Harris met Kim Kardashian on Thursday.'
    const file = new VFile({value: text})
    file.data.ingest = {
      id: 'a1',
      title: 'Harris meets Kardashian',
      url: 'https://example.com/a1',
      outlet: 'Example News',
      published: '2024-04-26',
      authors: ['Jo Writer'],
      language: 'en',
      excluded: [],
      source: {path: 'a1.txt', format: 'text'}
    }
    file.data.names = {
      mentions: [
        {id: 'm1', start: 3, end: 9, text: 'Harris', type: 'person', name: 'Kamala Harris', role: 'Vice President'},
        {id: 'm2', start: 14, end: 28, text: 'Kim Kardashian', type: 'person', name: 'Kim Kardashian'}
      ]
    }
    file.data.dates = {
      reference: '2024-04-26',
      dates: [{id: 't1', start: 32, end: 40, text: 'Thursday', type: 'DATE', value: '2024-04-25', symbolic: 'XXXX-WXX-4', anchor: 'published'}]
    }
    file.data.links = {
      kb: 'starter-2026.11',
      entities: {m1: {id: 'Q10853588', label: 'Kamala Harris', wikipedia: 'Kamala Harris', confidence: 0.97}, m2: null}
    }
    file.message('Thursday is not the day before', {
      place: {start: {line: 1, column: 33, offset: 32}, end: {line: 1, column: 41, offset: 40}},
      ruleId: 'weekday-mismatch',
      source: 'retext-normalize-dates'
    })

    const record = toRecord(file)
    expect(validateRecord(record)).toEqual([])
    expect(record.mentions[0].entity?.id).toBe('Q10853588')
    expect(record.mentions[1].entity).toBe(null)
    expect(record.messages).toEqual([
      {ruleId: 'weekday-mismatch', source: 'retext-normalize-dates', reason: 'Thursday is not the day before', start: 32, end: 40, severity: 'warning'}
    ])
    expect(record.entities.map((e) => [e.id, e.count])).toEqual([
      ['Q10853588', 1],
      ['name:Kim Kardashian', 1]
    ])
    expect(record.kb).toBe('starter-2026.11')
  })

  it('rejects records that break the schema or the offsets', () => {
    const record: DocumentRecord = {
      id: 'x', title: null, url: null, outlet: null, published: '2024-04-26', text: 'Harris spoke.',
      excluded: [], dates: [], entities: [], messages: [],
      mentions: [{id: 'm1', start: 0, end: 5, text: 'Harris', type: 'person', name: 'Kamala Harris', entity: null}]
    }
    expect(validateRecord(record)).toEqual([
      '/mentions/0 text "Harris" does not match text at 0-5'
    ])
    expect(validateRecord({...record, published: 'last week'})[0]).toMatch(/^\/published must match pattern/)
    expect(validateRecord({...record, extra: 1})[0]).toMatch(/must NOT have additional properties/)
  })

  it('finds excluded spans', () => {
    const ranges = [{start: 10, end: 20, reason: 'photo-credit'}]
    expect(mod.isExcluded(ranges, 0, 10)).toBe(false)
    expect(mod.isExcluded(ranges, 5, 11)).toBe(true)
    expect(mod.isExcluded(ranges, 20, 25)).toBe(false)
  })
})
