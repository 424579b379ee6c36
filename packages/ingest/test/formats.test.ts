import fs from 'node:fs'
import path from 'node:path'
import {Readable} from 'node:stream'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {collect, excluded, folder, rules} from './helpers.js'

const article = [
  'Ferry service resumes after storm',
  '',
  'PORT ELLIS, March 3, 2025 — Ferries to the islands ran again on Monday after three days of gales kept the fleet in harbor.',
  '',
  'Passengers waiting at the terminal. Gil Navarro/Getty Images',
  '',
  'The operator said crossings would run on a reduced timetable until Wednesday.',
  '',
  'Read more:',
  'Island school closes for the week',
  'Harbor master warns of debris',
  '',
  'Share this article: Facebook · X · Email',
  ''
].join('\n')

describe('plain text', () => {
  it('keeps the text as read, with a headline and boilerplate ranges into it', async () => {
    const root = folder({'ferry.txt': article})
    const {files} = await collect(path.join(root, 'ferry.txt'))
    expect(files.length).toBe(1)
    expect(String(files[0].value)).toBe(article)
    expect(files[0].data.ingest).toMatchObject({
      id: 'ferry.txt',
      title: 'Ferry service resumes after storm',
      published: '2025-03-03',
      publishedSource: 'dateline',
      publishedConfidence: 0.6,
      source: {path: path.join(root, 'ferry.txt'), format: 'text'}
    })
    expect(excluded(files[0])).toEqual([
      ['photo-credit', 'Passengers waiting at the terminal. Gil Navarro/Getty Images'],
      ['related-link', 'Read more:'],
      ['related-link', 'Island school closes for the week'],
      ['related-link', 'Harbor master warns of debris'],
      ['share-line', 'Share this article: Facebook · X · Email']
    ])
    const first = files[0].data.ingest!.excluded[0]
    expect(article.slice(first.start, first.end)).toBe('Passengers waiting at the terminal. Gil Navarro/Getty Images')
  })

  it('reads YAML front matter and keeps it in the text as an excluded range', async () => {
    const text = '---\ntitle: Ferry service resumes\npublished: 2025-03-03\nauthor: By Lena Ortiz, Staff Writer\noutlet: Island Post\nurl: https://island.example/2025/03/03/ferry\nid: ip-77\n---\nFerries ran again on Monday.\n'
    const {files} = await collect(path.join(folder({'a.txt': text}), 'a.txt'))
    expect(String(files[0].value)).toBe(text)
    expect(files[0].data.ingest).toMatchObject({
      id: 'ip-77',
      title: 'Ferry service resumes',
      published: '2025-03-03',
      publishedSource: 'front-matter',
      publishedConfidence: 0.95,
      authors: ['Lena Ortiz'],
      outlet: 'Island Post',
      url: 'https://island.example/2025/03/03/ferry'
    })
    expect(excluded(files[0])).toEqual([['front-matter', text.slice(0, text.indexOf('---\nFerries') + 3)]])
  })
})

describe('Markdown', () => {
  it('gives the prose, the first heading as title, a byline and a dateline', async () => {
    const markdown = '# Ferry service resumes after storm\n\n*By Lena Ortiz, Island Post*\n\nPORT ELLIS, March 3, 2025 — Ferries ran **again** on [Monday](https://x.example).\n\n## Timetable\n\n- Reduced crossings\n- Full service Wednesday\n\n> “We are back,” said the operator.\n'
    const {files} = await collect(path.join(folder({'ferry.md': markdown}), 'ferry.md'))
    expect(String(files[0].value)).toBe(
      'By Lena Ortiz, Island Post\n\nPORT ELLIS, March 3, 2025 — Ferries ran again on Monday.\n\nTimetable\n\nReduced crossings\n\nFull service Wednesday\n\n“We are back,” said the operator.'
    )
    expect(files[0].data.ingest).toMatchObject({
      title: 'Ferry service resumes after storm',
      authors: ['Lena Ortiz'],
      published: '2025-03-03',
      source: {format: 'markdown'}
    })
    expect(excluded(files[0])).toEqual([['byline', 'By Lena Ortiz, Island Post']])
  })
})

describe('JSON and JSON Lines', () => {
  it('reads an array of records with text or html, and maps field names', async () => {
    const records = [
      {story_id: 'a-1', headline: 'Tide tables change', body: 'The harbor office changed its tide tables.', date_publish: '2025-03-01'},
      {html: '<html><head><title>Gull count rises</title><meta name="author" content="Ana Ruiz"></head><body><article><h1>Gull count rises</h1><p>Birders counted more gulls than in any year since records began on the islands.</p></article></body></html>', url: 'https://island.example/2025/02/27/gulls'}
    ]
    const root = folder({'export.json': JSON.stringify(records)})
    const {files} = await collect(path.join(root, 'export.json'), {fields: {id: 'story_id'}})
    expect(files.map((file) => file.data.ingest!.id)).toEqual(['a-1', 'export.json#2'])
    expect(files[0].data.ingest).toMatchObject({title: 'Tide tables change', published: '2025-03-01', publishedSource: 'record', source: {format: 'json', line: 1}})
    expect(String(files[1].value)).toBe('Birders counted more gulls than in any year since records began on the islands.')
    expect(files[1].data.ingest).toMatchObject({title: 'Gull count rises', authors: ['Ana Ruiz'], published: '2025-02-27', publishedSource: 'url'})
  })

  it('reads one object', async () => {
    const {files} = await collect(path.join(folder({'one.json': '{"text":"Only one.","title":"One"}'}), 'one.json'))
    expect(files.map((file) => [file.data.ingest!.id, String(file.value)])).toEqual([['one.json', 'Only one.']])
  })

  it('streams JSON Lines with line numbers and byte offsets; the record date wins', async () => {
    const lines = [
      '{"id":"w1","text":"LONDON, March 2, 2025 (Wire) — Markets fell.","published":"2025-03-03T08:00:00Z","author":["Sam Ng","Staff"]}',
      '',
      '{"text":"Ünïcode line.","dates":1}',
      '{"id":"w3","text":"Third.","published":"2025-03-04"}'
    ]
    const root = folder({'wire.ndjson': lines.join('\n') + '\n'})
    const {files} = await collect(path.join(root, 'wire.ndjson'))
    expect(files.map((file) => [file.data.ingest!.id, file.data.ingest!.source.line, file.data.ingest!.source.offset])).toEqual([
      ['w1', 1, 0],
      ['wire.ndjson#3', 3, Buffer.byteLength(lines[0]) + 2],
      ['w3', 4, Buffer.byteLength(lines[0] + lines[2]) + 3]
    ])
    expect(files[0].data.ingest).toMatchObject({published: '2025-03-03T08:00:00Z', publishedSource: 'record', publishedConfidence: 1, authors: ['Sam Ng']})
    expect(rules(files[0])).toEqual([['published-conflict', false]])
    expect(String(files[1].value)).toBe('Ünïcode line.')
  })

  it('says which field is missing', async () => {
    const {files, summary} = await collect(path.join(folder({'x.jsonl': '{"id":"a","body_text":"x"}\n'}), 'x.jsonl'))
    expect(rules(files[0])).toEqual([['missing-text', true]])
    expect(summary).toEqual({documents: 1, failed: 1, duplicates: 0, skipped: 0, cached: 0})
    const mapped = await collect(path.join(folder({'x.jsonl': '{"id":"a","body_text":"Mapped text."}\n'}), 'x.jsonl'), {fields: {text: ['body_text']}})
    expect(String(mapped.files[0].value)).toBe('Mapped text.')
  })
})

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Island Post</title><link>https://island.example/</link><language>en-gb</language>
<item><title>Ferries &amp; buses return</title><link>https://island.example/2025/03/03/ferries</link>
<pubDate>Mon, 03 Mar 2025 09:15:00 GMT</pubDate><dc:creator>Lena Ortiz</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Ferries and buses ran again on Monday.</p><p>Read more: <a href="/x">Storm damage mapped</a></p>]]></content:encoded></item>
<item><title>Second item</title><link>https://island.example/b</link><pubDate>Tue, 04 Mar 2025 10:00:00 +0100</pubDate>
<description>&lt;p&gt;Only a &lt;b&gt;summary&lt;/b&gt; here.&lt;/p&gt;</description></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Harbor Notes</title><id>urn:x</id><updated>2025-03-05T00:00:00Z</updated>
<entry><title type="html">Pier repairs &lt;em&gt;begin&lt;/em&gt;</title><id>urn:x:1</id>
<link rel="alternate" href="https://harbor.example/pier"/><link rel="edit" href="https://harbor.example/edit/1"/>
<published>2025-03-05T07:00:00-05:00</published><updated>2025-03-06T07:00:00-05:00</updated>
<author><name>Jo Park</name></author><author><name>Ray Lim</name></author>
<content type="html">&lt;p&gt;Crews began work on the pier.&lt;/p&gt;</content></entry>
<entry><title>Summary only</title><link href="https://harbor.example/s"/><updated>2025-03-06T08:00:00Z</updated><summary>Just a summary.</summary></entry>
</feed>`

describe('feeds', () => {
  it('reads RSS 2.0 items: content:encoded or description, date, link, creator', async () => {
    const {files} = await collect(path.join(folder({'feed.xml': rss}), 'feed.xml'))
    expect(files.map((file) => String(file.value))).toEqual([
      'Ferries and buses ran again on Monday.\n\nRead more: Storm damage mapped',
      'Only a summary here.'
    ])
    expect(files[0].data.ingest).toMatchObject({
      id: 'feed.xml#1',
      title: 'Ferries & buses return',
      url: 'https://island.example/2025/03/03/ferries',
      outlet: 'Island Post',
      language: 'en',
      published: '2025-03-03T09:15:00Z',
      publishedSource: 'feed',
      authors: ['Lena Ortiz'],
      source: {format: 'rss', line: 1}
    })
    expect(excluded(files[0])).toEqual([['related-link', 'Read more: Storm damage mapped']])
    expect(files[1].data.ingest).toMatchObject({id: 'feed.xml#2', published: '2025-03-04T10:00:00+01:00'})
  })

  it('reads Atom entries: alternate link, published, authors, html content', async () => {
    const {files} = await collect(path.join(folder({'notes.atom': atom}), 'notes.atom'))
    expect(files.map((file) => String(file.value))).toEqual(['Crews began work on the pier.', 'Just a summary.'])
    expect(files[0].data.ingest).toMatchObject({
      id: 'notes.atom#1',
      title: 'Pier repairs begin',
      url: 'https://harbor.example/pier',
      outlet: 'Harbor Notes',
      language: 'en',
      published: '2025-03-05T07:00:00-05:00',
      authors: ['Jo Park', 'Ray Lim'],
      source: {format: 'atom', line: 1}
    })
    expect(files[1].data.ingest).toMatchObject({url: 'https://harbor.example/s', published: '2025-03-06T08:00:00Z'})
  })

  it('sniffs a feed without a known extension', async () => {
    const {files} = await collect(path.join(folder({'latest': rss}), 'latest'))
    expect(files.map((file) => file.data.ingest!.source.format)).toEqual(['rss', 'rss'])
  })
})

function warcRecord(type: string, uri: string, date: string, body: string, contentType = 'application/http; msgtype=response'): Buffer {
  const payload = Buffer.from(body)
  return Buffer.concat([
    Buffer.from(`WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: ${date}\r\nWARC-Record-ID: <urn:uuid:${type}-${uri.length}>\r\nContent-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n\r\n`),
    payload,
    Buffer.from('\r\n\r\n')
  ])
}

const page = '<!doctype html><html lang="en"><head><title>Pier reopens | Harbor Notes</title><meta property="og:title" content="Pier reopens"></head><body><nav>Home News</nav><article><h1>Pier reopens</h1><p>The pier reopened to anglers on Friday after a winter of repairs to its pilings and deck.</p></article><footer>© Harbor Notes</footer></body></html>'
const records = [
  warcRecord('warcinfo', '', '2025-03-07T10:00:00Z', 'software: test', 'application/warc-fields'),
  warcRecord('request', 'https://harbor.example/pier', '2025-03-07T10:00:01Z', 'GET /pier HTTP/1.1\r\nHost: harbor.example\r\n\r\n', 'application/http; msgtype=request'),
  warcRecord('response', 'https://harbor.example/pier', '2025-03-07T10:00:02Z', `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${page}`),
  warcRecord('response', 'https://harbor.example/logo.png', '2025-03-07T10:00:03Z', 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG')
]

describe('web archives', () => {
  it('reads each HTML response of a .warc with target URI and capture date', async () => {
    const {files} = await collect(path.join(folder({'crawl.warc': Buffer.concat(records)}), 'crawl.warc'))
    expect(files.length).toBe(1)
    expect(String(files[0].value)).toBe('The pier reopened to anglers on Friday after a winter of repairs to its pilings and deck.')
    expect(files[0].data.ingest).toMatchObject({
      id: 'crawl.warc#3',
      title: 'Pier reopens',
      url: 'https://harbor.example/pier',
      published: '2025-03-07T10:00:02Z',
      publishedSource: 'warc',
      publishedConfidence: 0.4,
      source: {format: 'warc', line: 3, uri: 'https://harbor.example/pier'}
    })
  })

  it('reads a .warc.gz of one gzip member per record', async () => {
    const {files} = await collect(path.join(folder({'crawl.warc.gz': Buffer.concat(records.map((record) => gzipSync(record)))}), 'crawl.warc.gz'))
    expect(files.map((file) => [file.data.ingest!.id, file.data.ingest!.source.uri])).toEqual([['crawl.warc.gz#3', 'https://harbor.example/pier']])
  })
})

describe('directories, several paths and standard input', () => {
  const tree = {
    'b/two.txt': 'Two.',
    'a/one.md': '# One\n\nFirst.',
    'a/skip.log': 'not an article',
    'a/.hidden.txt': 'hidden',
    'drafts/three.txt': 'Three.',
    'c/four.jsonl': '{"text":"Four."}\n'
  }

  it('walks recursively in sorted order, known extensions only, ids relative to the root', async () => {
    const {files} = await collect(folder(tree))
    expect(files.map((file) => file.data.ingest!.id)).toEqual(['a/one.md', 'b/two.txt', 'c/four.jsonl#1', 'drafts/three.txt'])
  })

  it('follows symbolic links to files and folders', async () => {
    const target = folder({'story.txt': 'Linked story.', 'sub/inner.txt': 'Inner.'})
    const root = folder({})
    fs.symlinkSync(path.join(target, 'story.txt'), path.join(root, 'a.txt'))
    fs.symlinkSync(path.join(target, 'sub'), path.join(root, 'b'))
    fs.symlinkSync(path.join(target, 'missing.txt'), path.join(root, 'c.txt'))
    const {files} = await collect(root)
    expect(files.map((file) => [file.data.ingest!.id, String(file.value), rules(file)])).toEqual([
      ['a.txt', 'Linked story.', []],
      ['b/inner.txt', 'Inner.', []],
      ['c.txt', '', [['unreadable', true]]]
    ])
  })

  it('applies include and exclude globs', async () => {
    const {files} = await collect(folder(tree), {include: ['**/*.txt', '**/*.log'], exclude: ['drafts/**']})
    expect(files.map((file) => file.data.ingest!.id)).toEqual(['a/skip.log', 'b/two.txt'])
  })

  it('reads several paths in order and keeps ids unique', async () => {
    const one = folder({'x.txt': 'First x.'})
    const two = folder({'x.txt': 'Second x.'})
    const {files} = await collect([path.join(one, 'x.txt'), path.join(two, 'x.txt')])
    expect(files.map((file) => file.data.ingest!.id)).toEqual(['x.txt', 'x.txt~2'])
  })

  it('reads standard input from the `stdin` option, sniffing the format', async () => {
    const {files} = await collect(['-'], {stdin: Readable.from([Buffer.from('{"id":"s1","text":"From a pipe."}\n{"text":"Second."}\n')])})
    expect(files.map((file) => [file.data.ingest!.id, String(file.value), file.data.ingest!.source.path, file.data.ingest!.source.format])).toEqual([
      ['s1', 'From a pipe.', '-', 'jsonl'],
      ['stdin#2', 'Second.', '-', 'jsonl']
    ])
  })

  it('reads a gzipped JSON Lines file', async () => {
    const {files} = await collect(path.join(folder({'wire.jsonl.gz': gzipSync('{"id":"g1","text":"Zipped."}\n')}), 'wire.jsonl.gz'))
    expect(files.map((file) => [file.data.ingest!.id, String(file.value)])).toEqual([['g1', 'Zipped.']])
  })
})
