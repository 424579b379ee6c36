import {createHash} from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createGunzip} from 'node:zlib'
import type {InputFormat, Provenance} from '@copydesk/document'
import picomatch from 'picomatch'
import type {VFile} from 'vfile'
import {decode, isBinary, sniffCharset} from './decode.js'
import {failure, finish} from './document.js'
import {DuplicateIndex, contentHash, minhash, normalizeForHash} from './duplicates.js'
import {fromCacheLine, revive, serialize, toCacheLine, type SerializedParsed, type WorkerTask} from './serialize.js'
import type {Item} from './formats.js'
import {mayHoldHtml, readFeed, readHtml, readJson, readJsonl, readMarkdown, readText, readWarc} from './formats.js'
import {need} from './libraries.js'
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
  /** Documents taken from the `cache` option rather than parsed (included in `documents`). */
  cached: number
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

export interface Input {
  /** Path as given (or found in a directory). */
  path: string
  /** Name for ids: the path relative to the input root, with `/`. */
  name: string
  /** The file to read, when the input is one (not standard input). */
  file?: string
  /** Its size in bytes, when known. */
  size?: number | undefined
  open(): AsyncIterable<Uint8Array>
}

/** Size of a file, or undefined when it cannot be read (reported when it is). */
function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size
  } catch {
    return undefined
  }
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
  const summary: IngestSummary = {documents: 0, failed: 0, duplicates: 0, skipped: 0, cached: 0}
  const index = config.duplicates === 'off' ? null : new DuplicateIndex(config.nearDuplicateThreshold, config.duplicateWindow)
  const parsed = config.threads > 1 && workerScript() ? parseOnThreads(list, options ?? {}, config) : parseHere(list, config)
  for await (const {file, failed, signature, empty, cached} of parsed) {
    summary.documents++
    if (cached) summary.cached++
    if (failed) {
      summary.failed++
      yield file
      continue
    }
    const data = file.data.ingest!
    if (index && !empty) {
      const original = index.add(data.id, data.contentHash!, signature)
      data.duplicateOf = original
      if (original !== null) {
        summary.duplicates++
        file.message(`Duplicate of \`${original}\``, {ruleId: 'duplicate', source: 'copydesk-ingest'}).fatal = undefined
        if (config.duplicates === 'skip') {
          summary.documents--
          if (cached) summary.cached--
          summary.skipped++
          continue
        }
      }
    }
    yield file
  }
  return summary
}

/** A document as read from its input, before duplicates across inputs are looked for. */
export interface Parsed {
  file: VFile
  /** Could not be read: `file` has a fatal message. */
  failed: boolean
  /** MinHash signature of the kept text (null: too short, or duplicates off). */
  signature: Uint32Array | null
  /** No article text. */
  empty: boolean
  /** Taken from the `cache` option. */
  cached?: boolean
}

/**
 * Derived ids are `name` or `name#n`: unique when input names are, so only
 * input names are remembered (not every document id).
 */
function uniqueNames(): (name: string) => string {
  const used = new Set<string>()
  return (name) => {
    let candidate = name
    for (let n = 2; used.has(candidate); n++) candidate = `${name}~${n}`
    used.add(candidate)
    return candidate
  }
}

/** A small file looked up in the cache: its key and bytes, and its documents when they were cached. */
interface Lookup {
  key: string
  bytes: Uint8Array
  hit?: Array<Parsed>
}

/**
 * Look a file input up in `config.cache`: the key is a hash of its path, its
 * name (ids derive from it) and its bytes. Undefined when there is no cache,
 * or the input is not a small file that can be read.
 */
function lookup(input: Input, name: string, config: Settings): Lookup | undefined {
  const {cache} = config
  if (!cache || input.file === undefined || input.size === undefined || input.size > smallFile) return undefined
  let bytes: Uint8Array
  try {
    bytes = fs.readFileSync(input.file)
  } catch {
    return undefined
  }
  const key = createHash('sha256').update(input.path).update('\0').update(name).update('\0').update(bytes).digest('hex')
  const value = cache.get(key)
  if (value !== undefined) {
    try {
      return {key, bytes, hit: value.split('\n').map((line) => ({...revive(fromCacheLine(line)), cached: true}))}
    } catch {
      // Not a value this version wrote: read the file again.
    }
  }
  return {key, bytes}
}

/** Parse one input here, through the cache. */
async function* parseOne(input: Input, name: string, found: Lookup | undefined, config: Settings): AsyncGenerator<Parsed> {
  if (found?.hit) {
    yield* found.hit
    return
  }
  const lines: Array<string> = []
  const from = found ? {...input, open: () => bytesOf(found.bytes)} : input
  for await (const parsed of parseInput(from, name, config)) {
    // Before yielding: the caller adds to the file (duplicates).
    if (found) lines.push(toCacheLine(serialize(parsed)))
    yield parsed
  }
  if (found) config.cache!.set(found.key, lines.join('\n'))
}

async function* parseHere(list: ReadonlyArray<string>, config: Settings): AsyncGenerator<Parsed> {
  const unique = uniqueNames()
  for await (const input of inputs(list, config)) {
    const name = unique(input.name)
    yield* parseOne(input, name, lookup(input, name, config), config)
  }
}

/** Files per task on the worker threads. */
const threadBatch = 16

/**
 * Parse inputs on a pool of worker threads (piscina): files up to 4 MB go
 * in batches to the pool; standard input and larger files are read here,
 * streamed, in their turn. Results come back in input order. Until there are
 * enough files to do (not in the cache), they are done here: starting
 * threads would cost more.
 */
async function* parseOnThreads(list: ReadonlyArray<string>, options: Readonly<Options>, config: Settings): AsyncGenerator<Parsed> {
  const unique = uniqueNames()
  type Found = {input: Input; name: string; found: Lookup | undefined}
  const found = (async function* (): AsyncGenerator<Found> {
    for await (const input of inputs(list, config)) {
      const name = unique(input.name)
      yield {input, name, found: lookup(input, name, config)}
    }
  })()
  const first: Array<Found> = []
  let misses = 0
  for (let next = await found.next(); ; next = await found.next()) {
    if (next.done) {
      for (const item of first) yield* parseOne(item.input, item.name, item.found, config)
      return
    }
    first.push(next.value)
    if (!next.value.found?.hit && ++misses >= config.threads * threadBatch * 2) break
  }

  const {Piscina} = await import('piscina')
  const {stdin: _stdin, cache: _cache, ...plain} = options
  const pool = new Piscina({filename: fileURLToPath(workerScript()!), minThreads: config.threads, maxThreads: config.threads})
  type Task =
    | {batch: Promise<Array<Array<SerializedParsed>>>; keys: Array<string | undefined>}
    | {here: Found}
  const queue: Array<Task> = []
  let batch: WorkerTask['files'] = []
  let keys: Array<string | undefined> = []
  const dispatch = () => {
    if (batch.length === 0) return
    const task: WorkerTask = {options: plain, files: batch}
    queue.push({batch: pool.run(task) as Promise<Array<Array<SerializedParsed>>>, keys})
    batch = []
    keys = []
  }
  async function* take(task: Task): AsyncGenerator<Parsed> {
    if ('here' in task) {
      yield* parseOne(task.here.input, task.here.name, task.here.found, config)
      return
    }
    const results = await task.batch
    for (const [index, documents] of results.entries()) {
      const key = task.keys[index]
      if (key !== undefined) config.cache!.set(key, documents.map((document) => toCacheLine(document)).join('\n'))
      for (const document of documents) yield revive(document)
    }
  }
  async function* all(): AsyncGenerator<Found> {
    yield* first
    yield* found
  }
  try {
    for await (const item of all()) {
      const {input, name, found: hit} = item
      if (!hit?.hit && input.file !== undefined && input.size !== undefined && input.size <= smallFile) {
        batch.push(hit ? {path: input.file, name, bytes: hit.bytes} : {path: input.file, name})
        keys.push(hit?.key)
        if (batch.length >= threadBatch) dispatch()
      } else {
        dispatch()
        queue.push({here: item})
      }
      while (queue.length > config.threads * 4) yield* take(queue.shift()!)
    }
    dispatch()
    while (queue.length > 0) yield* take(queue.shift()!)
  } finally {
    await pool.destroy()
  }
}

/** Read one input and turn each of its documents into a VFile with its content hash and signature. */
export async function* parseInput(input: Input, name: string, config: Settings): AsyncGenerator<Parsed> {
  let count = 0
  for await (const item of readInput(input, config)) {
    count++
    const fallback = item.source.line === undefined ? name : `${name}#${item.source.line}`
    if (item.failed) {
      yield {file: failure(item.source, fallback, item.ruleId, item.reason), failed: true, signature: null, empty: true}
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
    const signature = config.duplicates !== 'off' && normalized ? minhash(normalized) : null
    yield {file, failed: false, signature, empty: !normalized}
  }
  if (count === 0) {
    const file = failure({path: input.path, format: config.format ?? 'text'}, name, 'empty-input', 'No documents in input')
    yield {file, failed: true, signature: null, empty: true}
  }
}

/** The worker script, when running from the built package (not from source). */
function workerScript(): URL | undefined {
  const url = new URL('worker.js', import.meta.url)
  return url.protocol === 'file:' && fs.existsSync(fileURLToPath(url)) ? url : undefined
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
      for await (const relative of walk(given, '', exclude)) {
        if (include ? !include(relative) : !known(relative)) continue
        const full = path.join(given, relative)
        yield {path: full, name: relative, file: full, size: sizeOf(full), open: () => readFile(full)}
      }
    } else {
      yield {path: given, name: path.basename(given), file: given, size: stat.size, open: () => readFile(given)}
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

/** Largest file read in one piece (and parsed on a thread, and cached); larger ones are streamed. */
const smallFile = 4 * 1024 * 1024

/**
 * Read a small file; `undefined` for a large or unreadable one
 * (read later, streamed, and reported then). Synchronous: for the many small
 * files of a news folder, a direct read is several times cheaper than the
 * round trips of `fs/promises` (stat, open, fstat, read, close).
 */
function readSmall(file: string): Uint8Array | undefined {
  try {
    return fs.statSync(file).size <= smallFile ? fs.readFileSync(file) : undefined
  } catch {
    return undefined
  }
}

/** Bytes already read, as an input's chunks. */
export async function* bytesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

// Small files in one synchronous read (cheaper than a stream, and than the
// round trips of fs/promises); large ones streamed.
export async function* readFile(file: string): AsyncGenerator<Uint8Array> {
  const small = readSmall(file)
  if (small) {
    yield small
    return
  }
  // Large, or unreadable: a stream reports the error.
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
    await need('warc', 'html')
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
  // Each format's parsers are loaded when first needed (`libraries.ts`).
  switch (format) {
    case 'markdown':
      await need('markdown', 'yaml')
      yield readMarkdown(decoded.text, source)
      return
    case 'html':
      await need('html')
      yield readHtml(decoded.text, source)
      return
    case 'json':
      if (mayHoldHtml(decoded.text, config)) await need('html')
      yield* readJson(decoded.text, source, config)
      return
    case 'rss':
    case 'atom':
      await need('xml', 'html')
      yield* readFeed(decoded.text, source)
      return
    default:
      if (frontMatterStart.test(decoded.text)) await need('yaml')
      yield readText(decoded.text, source)
  }
}

/** How YAML front matter starts a text (`readText`). */
const frontMatterStart = /^---[ \t]*\r?\n/

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
