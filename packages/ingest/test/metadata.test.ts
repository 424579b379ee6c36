import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ingest} from '../src/index.js'
import {collect, excluded, folder, rules} from './helpers.js'

async function one(name: string, content: string, options = {}) {
  const {files} = await collect(path.join(folder({[name]: content}), name), options)
  return files[0]
}

const body = '<p>The harbor council voted on Tuesday to fund repairs to the old pier, which has been closed to the public since a storm in January.</p>'

describe('authors', () => {
  it('cleans names: no glued dates, no "Staff", no "Promoted by", no job titles', async () => {
    const cases: Array<[string, Array<string>]> = [
      ['By Jane Roe and John Poe', ['Jane Roe', 'John Poe']],
      ['By JANE ROE, Associated Press', ['JANE ROE']],
      ['Jane RoeUpdated 3:45 PM EDT, March 4, 2025', ['Jane Roe']],
      ['Jane Roe March 4, 2025', ['Jane Roe']],
      ['Staff', []],
      ['Promoted by Harbor Bank', []],
      ['Ana Ruiz, Senior Correspondent', ['Ana Ruiz']],
      ['Ana Ruiz & Li Wei', ['Ana Ruiz', 'Li Wei']],
      ['https://island.example/staff/ana', []]
    ]
    for (const [author, expected] of cases) {
      const file = await one('a.html', `<html><head><title>Pier</title><meta name="author" content="${author}"></head><body><article><h1>Pier</h1>${body}</article></body></html>`)
      expect(file.data.ingest!.authors, author).toEqual(expected)
    }
  })

  it('reads JSON-LD authors as persons, not organizations', async () => {
    const ld = {'@type': 'NewsArticle', headline: 'Pier', author: [{'@type': 'Person', name: 'Ana Ruiz'}, {'@type': 'Organization', name: 'Island Post'}], publisher: {'@type': 'Organization', name: 'Island Post'}}
    const file = await one('a.html', `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article><h1>Pier</h1>${body}</article></body></html>`)
    expect(file.data.ingest).toMatchObject({authors: ['Ana Ruiz'], outlet: 'Island Post', title: 'Pier'})
  })
})

describe('publication date', () => {
  it('reports conflicting sources with published-conflict and lowers the confidence', async () => {
    const ld = {'@type': 'NewsArticle', headline: 'Pier', datePublished: '2025-03-04T10:00:00-05:00'}
    const file = await one(
      'a.html',
      `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="article:published_time" content="2025-03-05T10:00:00-05:00"><link rel="canonical" href="https://island.example/2025/03/04/pier"></head><body><article><h1>Pier</h1>${body}</article></body></html>`
    )
    expect(file.data.ingest).toMatchObject({published: '2025-03-04T10:00:00-05:00', publishedSource: 'json-ld', publishedConfidence: 0.63})
    expect(rules(file)).toEqual([['published-conflict', false]])
    expect(file.messages[0].reason).toBe(
      'Publication dates disagree: json-ld `2025-03-04T10:00:00-05:00`, meta `2025-03-05T10:00:00-05:00`, url `2025-03-04`; using json-ld'
    )
  })

  it('lets the record date win over everything', async () => {
    const file = await one('r.jsonl', JSON.stringify({html: `<html><head><meta property="article:published_time" content="2025-03-05"></head><body><article><h1>Pier</h1>${body}</article></body></html>`, published: '2025-03-01'}) + '\n')
    expect(file.data.ingest).toMatchObject({published: '2025-03-01', publishedSource: 'record', publishedConfidence: 1})
    expect(rules(file)).toEqual([['published-conflict', false]])
  })

  it('reads <time>, URL paths, datelines, then the `published` option', async () => {
    expect((await one('t.html', `<html><body><article><h1>Pier</h1><time datetime="2025-03-02">March 2</time>${body}</article></body></html>`)).data.ingest).toMatchObject({published: '2025-03-02', publishedSource: 'time', publishedConfidence: 0.8})
    expect((await one('d.txt', 'LONDON, 2 March 2025 (Wire) — Markets fell.')).data.ingest).toMatchObject({published: '2025-03-02', publishedSource: 'dateline'})
    expect((await one('n.txt', 'WASHINGTON (AP) — No year in this dateline.')).data.ingest).toMatchObject({published: null})
    expect((await one('o.txt', 'Nothing dated here.', {published: '2025-01-31'})).data.ingest).toMatchObject({published: '2025-01-31', publishedSource: 'option', publishedConfidence: 0.3})
  })

  it('normalizes RFC 822, written and compact dates', async () => {
    const dates: Array<[string, string]> = [
      ['Tue, 04 Mar 2025 10:00:00 GMT', '2025-03-04T10:00:00Z'],
      ['Tue, 04 Mar 2025 10:00:00 -0500', '2025-03-04T10:00:00-05:00'],
      ['March 4, 2025', '2025-03-04'],
      ['4 March 2025', '2025-03-04'],
      ['Updated Mar. 4, 2025 at 3:15 p.m.', '2025-03-04'],
      ['20250304', '2025-03-04'],
      ['2025/03/04', '2025-03-04'],
      ['2025-03-04 10:00', '2025-03-04T10:00:00']
    ]
    for (const [input, expected] of dates) {
      const file = await one('x.jsonl', JSON.stringify({text: 'Text.', published: input}) + '\n')
      expect(file.data.ingest!.published, input).toBe(expected)
    }
    const invalid = await one('x.jsonl', JSON.stringify({text: 'Text.', published: '2025-02-30'}) + '\n')
    expect(invalid.data.ingest!.published).toBe(null)
  })
})

describe('boilerplate', () => {
  it('marks each kind of boilerplate line with its reason, in place', async () => {
    const text = [
      'Pier to reopen in May',
      '',
      'By Ana Ruiz',
      'Updated March 4, 2025',
      '',
      'The harbor council voted on Tuesday to fund repairs to the old pier.',
      '',
      'A gull on a piling. REUTERS/Omar Said',
      '',
      'Advertisement',
      '',
      'Work starts next week, the council said.',
      '',
      'Related: Storm damage mapped across the islands',
      '',
      'Pier to reopen in May',
      '',
      'Subscribe to the Island Post newsletter for more local news.',
      '',
      'Facebook Twitter Email',
      '',
      'Next',
      '',
      '© 2025 Island Post. All rights reserved.'
    ].join('\n')
    const file = await one('b.txt', text)
    expect(file.data.ingest!.authors).toEqual(['Ana Ruiz'])
    expect(excluded(file)).toEqual([
      ['byline', 'By Ana Ruiz'],
      ['photo-credit', 'A gull on a piling. REUTERS/Omar Said'],
      ['advertisement', 'Advertisement'],
      ['related-link', 'Related: Storm damage mapped across the islands'],
      ['repeated-headline', 'Pier to reopen in May'],
      ['subscribe-line', 'Subscribe to the Island Post newsletter for more local news.'],
      ['share-line', 'Facebook Twitter Email'],
      ['related-link', 'Next'],
      ['copyright', '© 2025 Island Post. All rights reserved.']
    ])
    for (const range of file.data.ingest!.excluded) expect(text.slice(range.start, range.end).length).toBe(range.end - range.start)
  })

  it('leaves prose that merely mentions sharing or photos alone', async () => {
    const file = await one('p.txt', 'Share prices rose 4 percent on Monday after the ferry operator reported record traffic.\n\nThe photographer, Gil Navarro, said he had covered the harbor for 20 years.\n\nNext year the council will vote again.')
    expect(excluded(file)).toEqual([])
  })

  it('can be turned off', async () => {
    const file = await one('b.txt', 'Text.\n\nRelated: Other story', {boilerplate: false})
    expect(excluded(file)).toEqual([])
  })
})

describe('duplicates', () => {
  const story = 'The harbor council voted on Tuesday to fund repairs to the old pier, which has been closed to the public since a storm in January. Council members said the work would take about three months and cost less than first feared. Anglers, who used the pier for decades, welcomed the vote. The island ferry operator said it would add a stop near the pier once it reopens, giving visitors from the mainland a direct route to the waterfront for the first time in years.'

  it('groups exact and near duplicates; copies carry duplicateOf and are counted', async () => {
    const root = folder({
      'a.txt': story,
      'b.txt': story.toUpperCase(),
      'c.txt': `ISLAND POST — ${story}\n\nCopyright 2025 Island Post.`,
      'd.txt': story.replace('three months', 'four months').replace('Anglers, who', 'Fishers, who'),
      'e.txt': 'A different story about the island school closing for a week after the storm damaged its roof and two classrooms flooded.'
    })
    const {files, summary} = await collect(root)
    expect(files.map((file) => [file.data.ingest!.id, file.data.ingest!.duplicateOf])).toEqual([
      ['a.txt', null],
      ['b.txt', 'a.txt'],
      ['c.txt', 'a.txt'],
      ['d.txt', 'a.txt'],
      ['e.txt', null]
    ])
    expect(files[0].data.ingest!.contentHash).toBe(files[1].data.ingest!.contentHash)
    expect(rules(files[1])).toEqual([['duplicate', undefined]])
    expect(summary).toEqual({documents: 5, failed: 0, duplicates: 3, skipped: 0, cached: 0})

    const skipped = await collect(root, {duplicates: 'skip'})
    expect(skipped.files.map((file) => file.data.ingest!.id)).toEqual(['a.txt', 'e.txt'])
    expect(skipped.summary).toEqual({documents: 2, failed: 0, duplicates: 3, skipped: 3, cached: 0})

    // A window of two remembers only the document before: a copy further back is missed.
    const windowed = await collect([path.join(root, 'a.txt'), path.join(root, 'e.txt'), path.join(root, 'b.txt')], {duplicateWindow: 2})
    expect(windowed.files.map((file) => file.data.ingest!.duplicateOf)).toEqual([null, null, null])
    const wider = await collect([path.join(root, 'a.txt'), path.join(root, 'e.txt'), path.join(root, 'b.txt')], {duplicateWindow: 4})
    expect(wider.files.map((file) => file.data.ingest!.duplicateOf)).toEqual([null, null, 'a.txt'])

    const off = await collect(root, {duplicates: 'off'})
    expect(off.files.every((file) => file.data.ingest!.duplicateOf === undefined)).toBe(true)
  })
})

describe('duplicates across a larger corpus', () => {
  it('keeps finding copies when the index grows past its first allocation', async () => {
    const words = (index: number) => {
      let state = (index + 1) * 2654435761
      const out: Array<string> = []
      for (let k = 0; k < 40; k++) {
        state ^= state << 13
        state ^= state >>> 17
        state ^= state << 5
        out.push(`w${(state >>> 0) % 50000}`)
      }
      return out.join(' ')
    }
    const lines: Array<string> = []
    for (let index = 0; index < 2500; index++) lines.push(JSON.stringify({id: `d${index}`, text: words(index)}))
    // A trimmed copy of the first document and an exact copy of one in the middle.
    lines.push(JSON.stringify({id: 'copy-first', text: 'WIRE — ' + words(0).split(' ').slice(0, 36).join(' ')}))
    lines.push(JSON.stringify({id: 'copy-middle', text: words(1300)}))
    const {files, summary} = await collect(path.join(folder({'big.jsonl': lines.join('\n') + '\n'}), 'big.jsonl'))
    expect(files.slice(-2).map((file) => [file.data.ingest!.id, file.data.ingest!.duplicateOf])).toEqual([
      ['copy-first', 'd0'],
      ['copy-middle', 'd1300']
    ])
    expect(summary.duplicates).toBe(2)
  })
})

describe('options', () => {
  it('fails on bad options with a message naming the option', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{duplicates: 'drop'}, 'Invalid option `duplicates`'],
      [{published: 'last Tuesday'}, 'Invalid option `published`'],
      [{include: 3}, 'Invalid option `include`'],
      [{exclude: ['']}, 'Invalid option `exclude`'],
      [{fields: {body: 'x'}}, 'Invalid option `fields.body`'],
      [{fields: {text: 5}}, 'Invalid option `fields.text`'],
      [{nearDuplicateThreshold: 2}, 'Invalid option `nearDuplicateThreshold`'],
      [{format: 'pdf'}, 'Invalid option `format`'],
      [{duplicateWindow: 1.5}, 'Invalid option `duplicateWindow`'],
      [{stdin: 'text'}, 'Invalid option `stdin`'],
      [{boilerplate: 'yes'}, 'Invalid option `boilerplate`']
    ]
    for (const [options, message] of bad) {
      await expect(ingest(['x'], options).next(), JSON.stringify(options)).rejects.toThrow(message)
    }
  })

  it('forces a format', async () => {
    const file = await one('page.txt', '<html><body><article><h1>Pier</h1>' + body + '</article></body></html>', {format: 'html'})
    expect(file.data.ingest).toMatchObject({title: 'Pier', source: {format: 'html'}})
  })
})
