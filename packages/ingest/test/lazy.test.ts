import {describe, expect, it} from 'vitest'
import {libraries} from '../src/lib/libraries.js'
import {collect, folder} from './helpers.js'

describe('format parsers are loaded when a format first needs them', () => {
  it('reads plain text and text-only JSON Lines without loading any parser, and loads the HTML one for the first record with HTML', async () => {
    const root = folder({
      'story.txt': 'Mayor Ana Ruiz opened the bridge on Monday.\n',
      'wire.jsonl': JSON.stringify({id: 'w1', text: 'Governor Lee spoke on Tuesday.'}) + '\n'
    })
    const first = await collect(root, {duplicates: 'off'})
    expect(first.files.map((file) => String(file.value))).toEqual(['Mayor Ana Ruiz opened the bridge on Monday.\n', 'Governor Lee spoke on Tuesday.'])
    expect(Object.keys(libraries)).toEqual([])

    // A field name given in the options, on the second line: found all the same.
    const html = folder({
      'export.jsonl': [
        JSON.stringify({id: 'x1', text: 'A plain record.'}),
        JSON.stringify({id: 'x2', markup: '<html><body><h1>Bridge opens</h1><p>Mayor Ana Ruiz opened the bridge on Monday, officials said.</p></body></html>'})
      ].join('\n')
    })
    const second = await collect(html, {duplicates: 'off', fields: {html: 'markup'}})
    expect(second.files.map((file) => String(file.value).trim())).toEqual(['A plain record.', expect.stringContaining('Mayor Ana Ruiz opened the bridge on Monday')])
    expect(Object.keys(libraries)).toEqual(['html'])
  })
})
