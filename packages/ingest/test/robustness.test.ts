import path from 'node:path'
import {gzipSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {collect, folder, rules} from './helpers.js'

const sentence = 'The café’s owner, José Núñez, said “business is back” — and the queue agreed.'

describe('encodings', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM, and Windows-1252', async () => {
    const root = folder({
      '1-utf8.txt': Buffer.from(sentence),
      '2-utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sentence)]),
      '3-utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sentence, 'utf-16le')]),
      '4-utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sentence, 'utf-16be')]),
      '5-cp1252.txt': iconv.encode(`${sentence} ${sentence} The menu lists crème brûlée, jalapeño and piñata cake at €4.`, 'windows-1252')
    })
    const {files} = await collect(root, {duplicates: 'off'})
    expect(files.map((file) => String(file.value))).toEqual([
      sentence,
      sentence,
      sentence,
      sentence,
      `${sentence} ${sentence} The menu lists crème brûlée, jalapeño and piñata cake at €4.`
    ])
    expect(files.every((file) => file.messages.length === 0)).toBe(true)
  })

  it('reads JSON Lines in UTF-16 with a BOM, and Windows-1252 lines', async () => {
    const lines = `{"id":"u1","text":"${sentence.replace(/"/g, '\\"')}"}\n{"id":"u2","text":"Crème brûlée."}\n`
    const root = folder({
      'a.jsonl': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(lines, 'utf-16le')]),
      'b.jsonl': iconv.encode('{"id":"c1","text":"Le café de José, déjà célèbre à Montréal, a rouvert ses portes après les travaux."}\n', 'windows-1252')
    })
    const {files} = await collect(root, {duplicates: 'off'})
    expect(files.map((file) => [file.data.ingest!.id, String(file.value)])).toEqual([
      ['u1', sentence],
      ['u2', 'Crème brûlée.'],
      ['c1', 'Le café de José, déjà célèbre à Montréal, a rouvert ses portes après les travaux.']
    ])
  })

  it('turns non-breaking spaces into spaces, one for one', async () => {
    const {files} = await collect(path.join(folder({'nb.txt': 'Up 5\u00a0percent on\u00a0Monday.'}), 'nb.txt'))
    expect(String(files[0].value)).toBe('Up 5 percent on Monday.')
  })

  it('decodes HTML entities', async () => {
    const html = '<html><body><article><h1>Fish &amp; chips</h1><p>It&rsquo;s &#8220;back&#8221; at &pound;4&nbsp;a&nbsp;portion, the owner of the harbor kiosk said on Tuesday morning.</p></article></body></html>'
    const {files} = await collect(path.join(folder({'e.html': html}), 'e.html'))
    expect(files[0].data.ingest!.title).toBe('Fish & chips')
    expect(String(files[0].value)).toBe('It’s “back” at £4 a portion, the owner of the harbor kiosk said on Tuesday morning.')
  })
})

describe('failures: one bad input never stops the run', () => {
  it('yields each failure with empty text and a fatal message naming the file (and line), then goes on', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    let lines = ''
    for (let index = 1; index <= 3000; index++) lines += JSON.stringify({id: `z${index}`, text: `Story ${index * 7919} of ${(index * 104729) % 9973}.`}) + '\n'
    const gzip = gzipSync(lines)
    const root = folder({
      '01-binary.txt': png,
      '02-truncated.jsonl.gz': gzip.subarray(0, Math.floor(gzip.length / 2)),
      '03-bad.xml': '<?xml version="1.0"?>\n<rss><channel>\n<item><title>Open</title>\n</channel></rss>',
      '04-bad-line.jsonl': '{"id":"ok1","text":"Fine."}\n{"id": "broken", text}\n{"id":"ok2","text":"Also fine."}\n',
      '05-bad.json': '{\n  "text": "x",\n  "title": \n}',
      '06-empty.txt': '',
      '07-blank.html': '   \n  ',
      '08-malformed.html': '<div><p>Unclosed <b>tags <i>everywhere</div> and the harbor council met on Tuesday to discuss the pier, its pilings and the budget.',
      '09-good.txt': 'Still read.'
    })
    const {files, summary} = await collect(root)
    const failed = files.filter((file) => file.messages.some((message) => message.fatal === true))
    expect(failed.map((file) => [file.data.ingest!.id, rules(file)[0], String(file.value)])).toEqual([
      ['01-binary.txt', ['binary-file', true], ''],
      ['02-truncated.jsonl.gz#' + failed[1].data.ingest!.source.line, ['truncated-gzip', true], ''],
      ['03-bad.xml#4', ['malformed-xml', true], ''],
      ['04-bad-line.jsonl#2', ['malformed-json', true], ''],
      ['05-bad.json', ['malformed-json', true], ''],
      ['06-empty.txt', ['empty-input', true], ''],
      ['07-blank.html', ['empty-input', true], '']
    ])
    expect(failed[0].messages[0].reason).toBe(`${path.join(root, '01-binary.txt')}: Binary file, not text`)
    expect(failed[3].messages[0].reason).toMatch(/^.+04-bad-line\.jsonl:2: Cannot parse JSON on line 2: /)
    expect(failed[3].messages[0].place).toEqual({line: 2, column: 1})
    const good = files.filter((file) => !failed.includes(file)).map((file) => file.data.ingest!.id)
    expect(good.slice(-4)).toEqual(['ok1', 'ok2', '08-malformed.html', '09-good.txt'])
    // The JSON Lines read before the gzip stream broke off are kept.
    expect(good.filter((id) => id.startsWith('z')).length).toBe(failed[1].data.ingest!.source.line! - 1)
    expect(good).toContain('z1')
    expect(String(files.find((file) => file.data.ingest!.id === '08-malformed.html')!.value)).toBe(
      'Unclosed tags everywhere\n\nand the harbor council met on Tuesday to discuss the pier, its pilings and the budget.'
    )
    expect(summary.failed).toBe(7)
    expect(summary.documents).toBe(files.length)
  })

  it('reports a missing path as unreadable', async () => {
    const {files} = await collect('/nonexistent/copydesk/file.txt')
    expect(files.map((file) => [file.data.ingest!.id, rules(file)])).toEqual([['file.txt', [['unreadable', true]]]])
  })

  it('reports a truncated .warc.gz', async () => {
    const record = Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nWARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 2000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' + '<p>x</p>'.repeat(240))
    const gz = gzipSync(record)
    const {files} = await collect(path.join(folder({'cut.warc.gz': gz.subarray(0, gz.length - 30)}), 'cut.warc.gz'))
    expect(files.map((file) => rules(file)[0])).toEqual([['truncated-gzip', true]])
  })
})
