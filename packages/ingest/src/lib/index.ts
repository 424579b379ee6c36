import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import {createGunzip} from 'node:zlib'
import type {InputFormat, Provenance} from '@copydesk/document'
import picomatch from 'picomatch'
import type {VFile} from 'vfile'
import {decode, isBinary, sniffCharset} from './decode.js'
import {failure, finish} from './document.js'
import {DuplicateIndex, contentHash, normalizeForHash} from './duplicates.js'
import type {Item} from './formats.js'
import {readFeed, readHtml, readJson, readJsonl, readMarkdown, readText, readWarc} from './formats.js'
import type {Options, Settings} from './options.js'
import {settings} from './options.js'

export type {Options} from './options.js'

/** Counts of one run, the return value of the `ingest` generator. */
export interface IngestSummary {
  /** Documents yielded, failed ones and duplicates included. */
  documents: number
  /** Documents that could not be read (with a fatal message). */
  failed: number
  /** Exact or near duplicates found. */
  duplicates: number
  /** Duplicates not yielded (`duplicates: 'skip'`). */
  skipped: number
}

const extensions: Record<string, InputFormat | 'feed'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.warc': 'warc'
}

interface Input {
  /** Path as given (or found in a directory). */
  path: string
  /** Name for ids: the path relative to the input root, with `/`. */
  name: string
  open(): AsyncIterable<Uint8Array>
}

/**
 * Read documents from files, directories and standard input (`-`).
 *
 * Yields one VFile per document, with the article text as `value` and
 * metadata on `file.data.ingest`. A document that cannot be read is yielded
 * too, with empty text and a fatal message naming the file (and line).
 * Returns an `IngestSummary`.
 */
export async function* ingest(
  paths: ReadonlyArray<string> | string,
  options?: Readonly<Options> | null | undefined
): AsyncGenerator<VFile, IngestSummary, undefined> {
  const config = settings(options)
  const list = typeof paths === 'string' ? [paths] : paths
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new TypeError('Invalid `paths`: expected a path or a list of paths')
  }
  const summary: IngestSummary = {documents: 0, failed: 0, duplicates: 0, skipped: 0}
  const index = config.duplicates === 'off' ? null : new DuplicateIndex(config.nearDuplicateThreshold, config.duplicateWindow)
  // Derived ids are `name` or `name#n`: unique when input names are, so only
  // input names are remembered (not every document id).
  const used = new Set<string>()
  const unique = (name: string) => {
    let candidate = name
    for (let n = 2; used.has(candidate); n++) candidate = `${name}~${n}`
    used.add(candidate)
    return candidate
  }

  for await (const input of inputs(list, config)) {
    const name = unique(input.name)
    let count = 0
    for await (const item of readInput(input, config)) {
      count++
      const fallback = item.source.line === undefined ? name : `${name}#${item.source.line}`
      if (item.failed) {
        summary.documents++
        summary.failed++
        yield failure(item.source, fallback, item.ruleId, item.reason)
        continue
      }
      const file = finish(item, fallback, config)
      const data = file.data.ingest!
      const text = String(file.value)
      let kept = ''
      let at = 0
      for (const range of data.excluded) {
        if (range.start > at) kept += text.slice(at, range.start)
        at = Math.max(at, range.end)
      }
      kept += text.slice(at)
      const normalized = normalizeForHash(kept)
      data.contentHash = contentHash(normalized)
      if (!normalized) {
        file.message('No article text found', {ruleId: 'no-text', source: 'copydesk-ingest'})
      }
      if (index && normalized) {
        const original = index.add(data.id, data.contentHash, normalized)
        data.duplicateOf = original
        if (original !== null) {
          summary.duplicates++
          file.message(`Duplicate of \`${original}\``, {ruleId: 'duplicate', source: 'copydesk-ingest'}).fatal = undefined
          if (config.duplicates === 'skip') {
            summary.skipped++
            continue
          }
        }
      }
      summary.documents++
      yield file
    }
    if (count === 0) {
      summary.documents++
      summary.failed++
      yield failure({path: input.path, format: config.format ?? 'text'}, name, 'empty-input', 'No documents in input')
    }
  }
  return summary
}

async function* inputs(list: ReadonlyArray<string>, config: Settings): AsyncGenerator<Input> {
  for (const given of list) {
    if (given === '-') {
      const stream = config.stdin ?? process.stdin
      yield {path: '-', name: 'stdin', open: () => toBytes(stream)}
      continue
    }
    let stat: fs.Stats
    try {
      stat = await fsp.stat(given)
    } catch {
      yield {path: given, name: path.basename(given), open: () => missing(given)}
      continue
    }
    if (stat.isDirectory()) {
      const include = config.include ? picomatch(config.include, {dot: true}) : null
      const exclude = picomatch(config.exclude, {dot: true})
      // Read ahead: the next files are read while this one is parsed, so a
      // folder of many small files is not read one round trip at a time.
      const ahead: Array<Input> = []
      for await (const relative of walk(given, '', exclude)) {
        if (include ? !include(relative) : !known(relative)) continue
        const full = path.join(given, relative)
        const early = readSmall(full)
        ahead.push({path: full, name: relative, open: () => readPrefetched(early, full)})
        if (ahead.length >= readAhead) yield ahead.shift()!
      }
      yield* ahead
    } else {
      yield {path: given, name: path.basename(given), open: () => readFile(given)}
    }
  }
}

// Sorted, depth-first; memory holds one directory listing per level.
async function* walk(root: string, relative: string, exclude: (value: string) => boolean): AsyncGenerator<string> {
  const entries = await fsp.readdir(path.join(root, relative), {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name
    if (exclude(child)) continue
    let directory = entry.isDirectory()
    let file = entry.isFile()
    if (entry.isSymbolicLink()) {
      // Follow links to files and folders; a broken link is read (and reported) as a file.
      const target = await fsp.stat(path.join(root, child)).catch(() => null)
      directory = target?.isDirectory() ?? false
      file = !directory
    }
    if (directory) yield* walk(root, child, exclude)
    else if (file) yield child
  }
}

/** Files read ahead of the one being parsed. */
const readAhead = 16

/**
 * Read a small file; resolves to `undefined` for a large or unreadable one
 * (read later, in order, and reported then). Synchronous: for the many small
 * files of a news folder, a direct read is several times cheaper than the
 * round trips of `fs/promises` (stat, open, fstat, read, close).
 */
function readSmall(file: string): Promise<Uint8Array | undefined> {
  try {
    return Promise.resolve(fs.statSync(file).size <= 4 * 1024 * 1024 ? fs.readFileSync(file) : undefined)
  } catch {
    return Promise.resolve(undefined)
  }
}

async function* readPrefetched(early: Promise<Uint8Array | undefined>, file: string): AsyncGenerator<Uint8Array> {
  const content = await early
  if (content) yield content
  else yield* readFile(file)
}

// Small files in one read (cheaper than a stream); large ones streamed.
async function* readFile(file: string): AsyncGenerator<Uint8Array> {
  const handle = await fsp.open(file, 'r')
  try {
    const {size} = await handle.stat()
    if (size <= 4 * 1024 * 1024) {
      yield await handle.readFile()
      return
    }
  } finally {
    await handle.close()
  }
  yield* fs.createReadStream(file, {highWaterMark: 256 * 1024})
}

function known(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.gz$/, '')
  return path.extname(lower) in extensions
}

async function* missing(file: string): AsyncGenerator<Uint8Array> {
  throw Object.assign(new Error(`Cannot read \`${file}\`: no such file`), {code: 'ENOENT'})
}

async function* toBytes(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk
}

/** Read the first bytes of a stream, and a stream that replays them. */
async function peek(chunks: AsyncIterable<Uint8Array>, size = 4096): Promise<{head: Uint8Array; rest: AsyncIterable<Uint8Array>}> {
  const iterator = chunks[Symbol.asyncIterator]()
  const seen: Array<Uint8Array> = []
  let length = 0
  let done = false
  while (length < size) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    seen.push(next.value)
    length += next.value.length
  }
  const head = Buffer.concat(seen)
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head
    if (done) return
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield next.value
    }
  }
  return {head, rest: rest()}
}

async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stream = createGunzip()
  const feed = (async () => {
    try {
      for await (const chunk of chunks) {
        if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve))
      }
      stream.end()
    } catch (error) {
      stream.destroy(error as Error)
    }
  })()
  for await (const chunk of stream) yield chunk as Buffer
  await feed
}

function sniff(head: Uint8Array, name: string): InputFormat | 'feed' {
  const lowerName = name.toLowerCase()
  if (/\.warc$/.test(lowerName)) return 'warc'
  const byExtension = extensions[path.extname(lowerName)]
  if (byExtension) return byExtension
  const start = Buffer.from(head.subarray(0, 1024)).toString('utf8').replace(/^\ufeff/, '').trimStart()
  if (start.startsWith('WARC/')) return 'warc'
  if (/^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(start) || /^<(?:rss|feed)\b/i.test(start)) return 'feed'
  if (/^(?:<!doctype html|<html\b|<head\b|<body\b|<!--)/i.test(start)) return 'html'
  if (start.startsWith('[')) return 'json'
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0].trim()
    try {
      JSON.parse(firstLine)
      return 'jsonl'
    } catch {
      return 'json'
    }
  }
  if (/^---\r?\n/.test(start)) return 'text'
  if (/^#{1,6} \S/.test(start)) return 'markdown'
  return 'text'
}

async function* readInput(input: Input, config: Settings): AsyncGenerator<Item> {
  const base: Provenance = {path: input.path, format: config.format ?? 'text'}
  let head: Uint8Array
  let rest: AsyncIterable<Uint8Array>
  let name = input.name
  try {
    let chunks = input.open()
    const first = await peek(chunks)
    const compressed = first.head[0] === 0x1f && first.head[1] === 0x8b
    if (compressed) {
      // Gzip (one member or many, as in `.warc.gz`) is read here, so a truncated
      // file is reported whatever the format inside.
      chunks = gunzip(first.rest)
      name = name.replace(/\.gz$/i, '')
      const inner = await peek(chunks)
      head = inner.head
      rest = inner.rest
    } else {
      head = first.head
      rest = first.rest
    }
  } catch (error) {
    const code = (error as {code?: string}).code
    yield {failed: true, ruleId: code === 'Z_BUF_ERROR' ? 'truncated-gzip' : 'unreadable', reason: `Cannot read: ${(error as Error).message}`, source: base}
    return
  }

  const detected = config.format ?? sniff(head, name)
  if (head.length === 0) {
    yield {failed: true, ruleId: 'empty-input', reason: 'Empty input', source: {...base, format: detected === 'feed' ? 'rss' : detected}}
    return
  }
  if (detected === 'warc') {
    yield* readWarc(rest, {...base, format: 'warc'})
    return
  }
  const format: InputFormat = detected === 'feed' ? (/<feed\b/.test(Buffer.from(head).toString('latin1')) ? 'atom' : 'rss') : detected
  const source: Provenance = {...base, format}
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  if (isBinary(head) && !utf16) {
    yield {failed: true, ruleId: 'binary-file', reason: 'Binary file, not text', source}
    return
  }
  if (format === 'jsonl' && utf16) {
    // UTF-16 JSON Lines cannot be split on bytes: decode whole, then read as UTF-8
    // (byte offsets are then those of the UTF-8 text).
    const parts: Array<Uint8Array> = []
    for await (const chunk of rest) parts.push(chunk)
    const utf8 = Buffer.from(decode(Buffer.concat(parts)).text)
    rest = (async function* () {
      yield utf8
    })()
  }
  if (format === 'jsonl') {
    try {
      yield* readJsonl(rest, source, config)
    } catch (error) {
      yield readFailure(error, source)
    }
    return
  }

  let bytes: Uint8Array
  try {
    const parts: Array<Uint8Array> = []
    for await (const chunk of rest) parts.push(chunk)
    bytes = Buffer.concat(parts)
  } catch (error) {
    yield readFailure(error, source)
    return
  }
  const decoded = decode(bytes, format === 'html' || format === 'rss' || format === 'atom' ? sniffCharset(bytes) : null)
  if (decoded.binary) {
    yield {failed: true, ruleId: 'binary-file', reason: 'Binary file, not text', source}
    return
  }
  if (!decoded.text.trim()) {
    yield {failed: true, ruleId: 'empty-input', reason: 'Input has no text', source}
    return
  }
  switch (format) {
    case 'markdown':
      yield readMarkdown(decoded.text, source)
      return
    case 'html':
      yield readHtml(decoded.text, source)
      return
    case 'json':
      yield* readJson(decoded.text, source, config)
      return
    case 'rss':
    case 'atom':
      yield* readFeed(decoded.text, source)
      return
    default:
      yield readText(decoded.text, source)
  }
}

function readFailure(error: unknown, source: Provenance): Item {
  const code = (error as {code?: string}).code
  const truncated = code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(String(error))
  return {
    failed: true,
    ruleId: truncated ? 'truncated-gzip' : 'unreadable',
    reason: truncated ? `Truncated gzip: ${(error as Error).message}` : `Cannot read: ${(error as Error).message}`,
    source
  }
}
