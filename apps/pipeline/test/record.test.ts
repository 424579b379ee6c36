import {describe, expect, it} from 'vitest'
import {recordJsonWithoutText, splitIngestLine, textJsonOf, withText} from '../src/stages/record.js'

describe('output records from layer lines', () => {
  it('splices the text in as JSON.stringify of the whole record would write it', () => {
    // A text and a title that hold what the splicing looks for.
    const text = 'He said: "the ,"text":0, field", and left.\n\tZoë ✓ 😀 \\ end'
    const data = {
      id: 'a1',
      title: 'A ,"text":0, title',
      url: null,
      outlet: 'Wire',
      published: '2024-04-25',
      excluded: [{start: 0, end: 2, reason: 'credit'}],
      authors: [],
      language: 'en',
      source: {path: 'a1.txt', format: 'text'}
    }
    const ingest = JSON.stringify({id: 'a1', data, messages: [], text})
    expect(textJsonOf(ingest)).toBe(JSON.stringify(text))
    expect(splitIngestLine(ingest).head).toEqual({id: 'a1', data, messages: []})
    const names = JSON.stringify({id: 'a1', data: {mentions: [{id: 'm1', start: 3, end: 7, text: 'Zoë', type: 'person', name: 'Zoë'}]}, messages: []})
    const dates = JSON.stringify({id: 'a1', data: {dates: []}, messages: []})
    const links = JSON.stringify({id: 'a1', data: {entities: {m1: null}}, messages: []})
    const {json, textJson, record} = recordJsonWithoutText([ingest, names, dates, links], 'starter-x')
    const whole = withText(json, textJson)
    const parsed = JSON.parse(whole)
    expect(parsed.text).toBe(text)
    expect(parsed.title).toBe(data.title)
    // `record` holds the text slot where the text goes: spread, the text keeps its place.
    expect(whole).toBe(JSON.stringify({...record, text}))
    expect(Object.keys(parsed).slice(0, 7)).toEqual(['id', 'title', 'url', 'outlet', 'published', 'text', 'excluded'])
    expect(parsed.mentions[0].entity).toBeNull()
    expect(parsed.kb).toBe('starter-x')
  })
})
