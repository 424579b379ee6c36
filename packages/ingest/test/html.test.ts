import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {scoreHtmlFixtures, tokenF1} from './extraction.js'
import {collect, excluded} from './helpers.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html')

describe('HTML extraction on the 35 fixture pages', () => {
  it('reaches body token F1 >= 0.95 and exact title and date on >= 95%', async () => {
    const result = await scoreHtmlFixtures(fixtures)
    // 30 pages from ten generated templates, 5 written by hand in other shapes.
    expect(result.pages.length).toBe(35)
    expect(new Set(result.pages.map((page) => page.template)).size).toBe(15)
    expect(result.f1).toBeGreaterThanOrEqual(0.95)
    expect(result.title).toBeGreaterThanOrEqual(0.95)
    expect(result.date).toBeGreaterThanOrEqual(0.95)
    expect(result.authors).toBeGreaterThanOrEqual(0.9)
    for (const page of result.pages) expect(page.f1, page.name).toBeGreaterThan(0.85)
  })

  it('scores tokens as a bag', () => {
    expect(tokenF1('the cat sat', 'the cat sat')).toMatchObject({f1: 1, precision: 1, recall: 1})
    expect(tokenF1('the cat', 'the cat sat on')).toMatchObject({precision: 1, recall: 0.5})
    expect(tokenF1('', 'x').f1).toBe(0)
  })
})

describe('one news page in detail', () => {
  it('takes metadata from JSON-LD and sets clutter aside', async () => {
    const {files} = await collect(path.join(fixtures, '01-news-jsonld-harbor-bridge.html'))
    expect(files.length).toBe(1)
    const data = files[0].data.ingest!
    expect(data).toMatchObject({
      id: '01-news-jsonld-harbor-bridge.html',
      title: 'Harbor bridge reopens after two years of repairs',
      url: 'https://coastalledger.example/news/2024/03/14/harbor-bridge/',
      outlet: 'The Coastal Ledger',
      published: '2024-03-14T09:30:00-04:00',
      publishedSource: 'json-ld',
      publishedConfidence: 0.95,
      authors: ['Maria Delgado'],
      language: 'en',
      source: {path: path.join(fixtures, '01-news-jsonld-harbor-bridge.html'), format: 'html'},
      duplicateOf: null
    })
    expect(data.contentHash).toMatch(/^[\da-f]{64}$/)
    const text = String(files[0].value)
    expect(text).toContain('The Harbor Street bridge reopened to traffic on Thursday')
    expect(text).not.toContain('Obituaries')
    expect(text).not.toContain('All rights reserved')
    // Readability leaves byline, share tools and the figure out of the main text.
    expect(text.startsWith('The Harbor Street bridge reopened')).toBe(true)
    expect(text).not.toContain('Getty Images')
    expect(excluded(files[0])).toEqual([])
  })

  it('keeps a caption that the extractor kept, as an excluded range', async () => {
    const {files} = await collect(path.join(fixtures, '02-amp-harbor-bridge.html'))
    expect(excluded(files[0])).toEqual([
      ['byline', 'Maria Delgado · March 14, 2024'],
      ['caption', 'Traffic crosses the rebuilt span on Thursday morning. (Tom Ellery/Getty Images)']
    ])
  })

  it('marks figure captions, author bios and a bare-name byline', async () => {
    const gallery = await collect(path.join(fixtures, '34-hand-gallery.html'))
    expect(excluded(gallery.files[0]).map(([reason]) => reason)).toEqual(['byline', 'caption', 'caption', 'caption', 'share-line'])
    expect(gallery.files[0].data.ingest).toMatchObject({published: '2024-10-06T18:30:00-04:00', publishedSource: 'meta', authors: ['Will Okonkwo']})
    const opinion = await collect(path.join(fixtures, '32-hand-opinion.html'))
    expect(excluded(opinion.files[0])).toEqual([
      ['subscribe-line', 'Sign up for the Mercury’s Saturday newsletter'],
      ['author-bio', 'Gwen Ashworth runs a bookshop on Bridge Street and writes a monthly column for the Mercury.']
    ])
    const plain = await collect(path.join(fixtures, '35-hand-textdate.html'))
    expect(plain.files[0].data.ingest).toMatchObject({authors: ['Sam Ng'], published: '2025-03-03', publishedSource: 'dateline'})
    // The date line stays in the text (it is a date to annotate); the name goes.
    expect(excluded(plain.files[0])).toEqual([['byline', 'Sam Ng']])
  })

  it('reads a Windows-1252 page by its declared charset', async () => {
    const {files} = await collect(path.join(fixtures, '14-cp1252-water-rates.html'))
    const text = String(files[0].value)
    expect(text).toContain('city’s drinking water')
    expect(files[0].data.ingest).toMatchObject({published: '2024-06-04', publishedSource: 'meta', authors: ['Grace Adeyemi']})
  })

  it('repairs broken markup: no body, unclosed paragraphs, <br> paragraphs, entities', async () => {
    const {files} = await collect(path.join(fixtures, '17-broken-transit-strike.html'))
    const text = String(files[0].value)
    expect(text.split('\n\n')[0]).toBe(
      'NEWARK, Del. — Bus drivers for the regional transit authority voted overwhelmingly on Wednesday to authorize a strike, raising the prospect of service cuts for 60,000 daily riders.'
    )
    expect(text).toContain('The authority’s general manager, Linda Okafor, said in a statement that she was “disappointed')
    expect(text).not.toContain('\u00a0')
  })
})
