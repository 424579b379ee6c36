import type {InputFormat, Provenance} from '@copydesk/document'
import type {XMLParser} from 'fast-xml-parser'
import type {Root} from 'mdast'
import type {DateCandidate} from './dates.js'
import {findDateInText, normalizeDate} from './dates.js'
import {decode, sniffCharset} from './decode.js'
import type {Draft} from './document.js'
import {libraries, loaded, need} from './libraries.js'
import type {FieldName, Settings} from './options.js'

/** A failed document: the rule and reason of its fatal message. */
export interface Failed {
  failed: true
  ruleId: string
  reason: string
  source: Provenance
}

/** What a reader yields: a draft, or a failure. */
export type Item = (Draft & {failed?: false}) | Failed

type Meta = Record<string, unknown>

function fail(source: Provenance, ruleId: string, reason: string): Failed {
  return {failed: true, ruleId, reason, source}
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return str(value[0])
  if (value && typeof value === 'object') {
    const object = value as Meta
    return str(object.name ?? object['#text'] ?? object['@_href'] ?? object.href)
  }
  return null
}

function list(value: unknown): Array<string> {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.flatMap((item) => list(item))
  const single = str(value)
  return single ? [single] : []
}

function pick(record: Meta, names: ReadonlyArray<string>): unknown {
  for (const name of names) {
    let value: unknown = record
    for (const key of name.split('.')) {
      value = value && typeof value === 'object' ? (value as Meta)[key] : undefined
    }
    if (value !== undefined && value !== null && value !== '') return value
  }
  return undefined
}

/** Metadata from a YAML front matter object. */
function frontMatter(meta: Meta): Partial<Draft> {
  const dates: Array<DateCandidate> = []
  const published = normalizeDate(meta.published ?? meta.date ?? meta.datePublished ?? meta.pubDate)
  if (published) dates.push({value: published, source: 'front-matter'})
  return {
    id: str(meta.id),
    title: str(meta.title ?? meta.headline),
    url: str(meta.url ?? meta.link),
    outlet: str(meta.outlet ?? meta.publisher ?? meta.source),
    language: str(meta.language ?? meta.lang),
    authors: list(meta.authors ?? meta.author ?? meta.byline),
    dates
  }
}

function parseYaml(source: string): Meta | null {
  try {
    const value: unknown = loaded('yaml').parse(source)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Meta) : null
  } catch {
    return null
  }
}

/** Plain text, with optional YAML front matter kept in the text as an excluded range. */
export function readText(text: string, source: Provenance): Draft {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  let meta: Partial<Draft> = {}
  let bodyStart = 0
  const excluded = []
  if (match) {
    meta = frontMatter(parseYaml(match[1]) ?? {})
    bodyStart = match[0].length
    excluded.push({start: 0, end: match[0].replace(/\r?\n$/, '').length, reason: 'front-matter'})
  }
  if (!meta.title) {
    // A short first line without final punctuation, followed by a blank line, is a headline.
    const head = /^\s*([^\n]{3,200})\r?\n\s*\r?\n/.exec(text.slice(bodyStart))
    if (head && !/[.!?:;,]["'”’]?$/.test(head[1].trim()) && head[1].trim().split(/\s+/).length <= 25) {
      meta.title = head[1].trim()
    }
  }
  return {...meta, text, excluded, bodyStart, source}
}

/** Markdown: the text of the prose (paragraphs, headings, lists, quotes), headings as title candidates. */
export function readMarkdown(markdown: string, source: Provenance): Draft {
  const {unified, remarkParse, remarkFrontmatter, toString} = loaded('markdown')
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root
  let meta: Partial<Draft> = {}
  const blocks: Array<string> = []
  let title: string | null = null
  const visit = (node: Root['children'][number]) => {
    switch (node.type) {
      case 'yaml':
        meta = frontMatter(parseYaml(node.value) ?? {})
        return
      case 'heading': {
        const value = toString(node).trim()
        if (!value) return
        if (!title && (node.depth === 1 || blocks.length === 0)) {
          title = value
          return
        }
        blocks.push(value)
        return
      }
      case 'paragraph':
      case 'code':
      case 'table':
      case 'html': {
        const value = node.type === 'html' ? node.value.replace(/<[^>]+>/g, '').trim() : toString(node).replace(/\s*\n\s*/g, ' ').trim()
        if (value) blocks.push(value)
        return
      }
      case 'list':
      case 'blockquote':
        for (const child of node.children) {
          if (child.type === 'listItem') for (const grandchild of child.children) visit(grandchild)
          else visit(child)
        }
        return
      default:
        return
    }
  }
  for (const child of tree.children) visit(child)
  return {...meta, title: meta.title ?? title, text: blocks.join('\n\n'), source}
}

/** An HTML page. */
export function readHtml(html: string, source: Provenance, url?: string | null): Draft {
  const result = loaded('html').extractHtml(html, {url: url ?? null})
  return {
    text: result.text,
    excluded: result.captions.map((range) => ({...range, reason: 'caption'})),
    title: result.title,
    url: result.url,
    outlet: result.outlet,
    language: result.language,
    authors: result.authors,
    dates: result.dates,
    warnings: result.warnings,
    source
  }
}

/** A JSON or JSON Lines record, with `text` or `html`. */
export function readRecord(record: unknown, source: Provenance, config: Settings): Item {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return fail(source, 'malformed-record', 'Expected a JSON object for a record')
  }
  const object = record as Meta
  const field = (name: FieldName) => pick(object, config.fields[name])
  const text = field('text')
  const html = field('html')
  let draft: Draft
  if (typeof text === 'string') {
    draft = {text: text.replace(/\u00a0/g, ' '), source}
  } else if (typeof html === 'string') {
    draft = readHtml(html, source, str(field('url')))
  } else {
    return fail(source, 'missing-text', `Record has no text field (tried ${[...config.fields.text, ...config.fields.html].join(', ')})`)
  }
  const id = field('id')
  const published = field('published')
  const dates = [...(draft.dates ?? [])]
  if (published !== undefined) {
    const normalized = normalizeDate(published)
    if (normalized) dates.unshift({value: normalized, source: 'record'})
  }
  const authors = list(field('authors'))
  return {
    ...draft,
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
    title: str(field('title')) ?? draft.title ?? null,
    url: str(field('url')) ?? draft.url ?? null,
    outlet: str(field('outlet')) ?? draft.outlet ?? null,
    language: str(field('language')) ?? draft.language ?? null,
    authors: authors.length > 0 ? authors : (draft.authors ?? []),
    dates
  }
}

/** A JSON document: one record or an array of records. */
export function* readJson(text: string, source: Provenance, config: Settings): Generator<Item> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined
    yield fail(line === undefined ? source : {...source, line}, 'malformed-json', `Cannot parse JSON: ${(error as Error).message}`)
    return
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      yield readRecord(value[index], {...source, line: index + 1}, config)
    }
  } else {
    yield readRecord(value, source, config)
  }
}

/**
 * Whether JSON may hold one of the HTML fields (one of their names, or a
 * `\u` escape that could spell one): the HTML parser is loaded first then.
 */
export function mayHoldHtml(json: string | Uint8Array, config: Settings): boolean {
  const haystack = typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength)
  if (haystack.includes('\\u')) return true
  return config.fields.html.some((name) => /["\\\u0000-\u001F]/.test(name) || name.split('.').some((part) => haystack.includes(part)))
}

/**
 * JSON Lines, streamed line by line with byte offsets: memory holds one line
 * at a time, whatever the size of the file.
 */
export async function* readJsonl(chunks: AsyncIterable<Uint8Array>, source: Provenance, config: Settings): AsyncGenerator<Item> {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let pending: Array<Uint8Array> = []
  let pendingLength = 0
  let line = 0
  let offset = 0
  const emit = (bytes: Uint8Array): Item | null => {
    line++
    const lineOffset = offset
    offset += bytes.length + 1
    let text: string
    try {
      text = decoder.decode(bytes)
    } catch {
      // Not UTF-8: a legacy encoding, detected line by line (Windows-1252 most often).
      text = decode(bytes).text
    }
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (!text.trim()) return null
    const where: Provenance = {...source, line, offset: lineOffset}
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch (error) {
      return fail(where, 'malformed-json', `Cannot parse JSON on line ${line}: ${(error as Error).message}`)
    }
    return readRecord(record, where, config)
  }
  try {
    for await (const chunk of chunks) {
      let start = 0
      for (;;) {
        const newline = chunk.indexOf(10, start)
        if (newline === -1) break
        let bytes = chunk.subarray(start, newline)
        if (pendingLength > 0) {
          pending.push(bytes)
          bytes = Buffer.concat(pending, pendingLength + bytes.length)
          pending = []
          pendingLength = 0
        }
        if (!libraries.html && mayHoldHtml(bytes, config)) await need('html')
        const item = emit(bytes)
        if (item) yield item
        start = newline + 1
      }
      if (start < chunk.length) {
        const rest = chunk.subarray(start)
        pending.push(rest)
        pendingLength += rest.length
      }
    }
  } catch (error) {
    const reason = String((error as Error).message ?? error)
    const truncated = (error as {code?: string}).code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(reason)
    yield fail(
      {...source, line: line + 1, offset},
      truncated ? 'truncated-gzip' : 'unreadable',
      `${truncated ? 'Truncated gzip' : 'Cannot read'} after line ${line}: ${reason}`
    )
    return
  }
  if (pendingLength > 0) {
    const bytes = Buffer.concat(pending, pendingLength)
    if (!libraries.html && mayHoldHtml(bytes, config)) await need('html')
    const item = emit(bytes)
    if (item) yield item
  }
}

let xmlParser: XMLParser | undefined
const xml = (): XMLParser => (xmlParser ??= new (loaded('xml').XMLParser)({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author' || name === 'dc:creator' || name === 'category'
}))

/** An RSS 2.0 or Atom feed: one document per item or entry. */
export function* readFeed(text: string, source: Provenance): Generator<Item> {
  const valid = loaded('xml').XMLValidator.validate(text)
  if (valid !== true) {
    yield fail({...source, line: valid.err.line}, 'malformed-xml', `Cannot parse XML on line ${valid.err.line}: ${valid.err.msg}`)
    return
  }
  const tree = xml().parse(text) as Meta
  const rss = tree.rss as Meta | undefined
  const channel = (rss?.channel ?? (tree['rdf:RDF'] as Meta | undefined)?.channel) as Meta | undefined
  const feed = tree.feed as Meta | undefined
  const format: InputFormat = feed ? 'atom' : 'rss'
  const items = ((feed ? feed.entry : (channel?.item ?? (tree['rdf:RDF'] as Meta | undefined)?.item)) ?? []) as Array<Meta>
  if (!rss && !feed && !channel) {
    yield fail({...source, format}, 'malformed-feed', 'Expected an RSS `<rss>` or Atom `<feed>` document')
    return
  }
  const outlet = str(feed ? feed.title : channel?.title)
  const language = str(channel?.language ?? feed?.['@_xml:lang'])
  for (let index = 0; index < items.length; index++) {
    const item = items[index]
    const where: Provenance = {...source, format, line: index + 1}
    const links = (item.link ?? []) as Array<unknown>
    let url: string | null = null
    for (const link of links) {
      if (typeof link === 'string') url ??= link.trim()
      else if (link && typeof link === 'object') {
        const rel = (link as Meta)['@_rel']
        if (!rel || rel === 'alternate') url ??= str((link as Meta)['@_href'])
      }
    }
    const html = str(item['content:encoded']) ?? str(item.content) ?? str(item.description) ?? str(item.summary) ?? ''
    const extracted = loaded('html').extractHtml(html, {fragment: true, url})
    const dates: Array<DateCandidate> = []
    const published = normalizeDate(str(item.pubDate ?? item.published ?? item['dc:date'] ?? item.updated))
    if (published) dates.push({value: published, source: 'feed'})
    dates.push(...extracted.dates)
    const authors = [
      ...list(item['dc:creator']),
      ...((item.author ?? []) as Array<unknown>).flatMap((author) => list(author && typeof author === 'object' ? (author as Meta).name : author))
    ]
    const title = str(item.title)
    yield {
      text: extracted.text,
      excluded: extracted.captions.map((range) => ({...range, reason: 'caption'})),
      title: title && /<[a-z]/i.test(title) ? title.replace(/<[^>]*>/g, '') : title,
      url,
      outlet,
      language,
      authors,
      dates,
      source: where
    }
  }
}

/** A web archive (`.warc`, `.warc.gz`): each HTTP response with HTML is a document. */
export async function* readWarc(chunks: AsyncIterable<Uint8Array>, source: Provenance): AsyncGenerator<Item> {
  const parser = new (loaded('warc').WARCParser)(chunks)
  let index = 0
  try {
    for await (const record of parser) {
      index++
      const type = record.warcType
      if (type !== 'response' && type !== 'resource') {
        await record.skipFully()
        continue
      }
      const contentType = (record.httpHeaders?.headers.get('content-type') ?? record.warcContentType ?? '').toLowerCase()
      const status = record.httpHeaders?.statusCode
      if (!contentType.includes('html') || (typeof status === 'number' && status >= 300)) {
        await record.skipFully()
        continue
      }
      const uri = record.warcTargetURI ?? null
      const where: Provenance = {...source, line: index, offset: parser.offset}
      if (uri) where.uri = uri
      const bytes = await record.readFully(true)
      const declared = /charset=([\w-]+)/.exec(contentType)?.[1] ?? sniffCharset(bytes)
      const decoded = decode(bytes, declared)
      if (decoded.binary) {
        yield fail(where, 'binary-file', `WARC record ${index} (${uri ?? 'no URI'}) is not text`)
        continue
      }
      const draft = readHtml(decoded.text, where, uri)
      const captured = normalizeDate(record.warcDate)
      if (captured) draft.dates = [...(draft.dates ?? []), {value: captured, source: 'warc'}]
      draft.url ??= uri
      yield draft
    }
  } catch (error) {
    const reason = String((error as Error).message ?? error)
    const truncated = /unexpected end|incorrect header|invalid|truncat|Z_BUF_ERROR|premature/i.test(reason)
    yield fail({...source, line: index + 1}, truncated ? 'truncated-gzip' : 'malformed-warc', `Cannot read WARC record ${index + 1}: ${reason}`)
  }
}

export {findDateInText}
