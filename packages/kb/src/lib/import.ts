import {createReadStream, statSync} from 'node:fs'
import {basename} from 'node:path'
import {PassThrough, type Readable} from 'node:stream'
import {StringDecoder} from 'node:string_decoder'
import {createGunzip} from 'node:zlib'
import unbzip2 from 'unbzip2-stream'
import {Worker} from 'node:worker_threads'
import {classTypes} from './classes.js'
import {classNeedles, parseEntityLine, type LineFilter, type PreparedEntity} from './parse.js'
import {SqliteKbWriter} from './sqlite.js'
import type {EntityType} from './types.js'

/** Options for `importWikidataDump`. */
export interface ImportOptions {
  /** Keep only entities that are an instance (P31) of one of these classes (default: all). */
  classes?: ReadonlyArray<string> | null | undefined
  /** Keep only entities with an English Wikipedia article (default: `false`). */
  enwikiOnly?: boolean | null | undefined
  /** Keep only entities with at least this many sitelinks (default: `0`). */
  minSitelinks?: number | null | undefined
  /** Label and alias languages, in order of preference (default: `['en', 'mul']`). */
  languages?: ReadonlyArray<string> | null | undefined
  /** Class → type table (default: `classTypes`). */
  classTypes?: Readonly<Record<string, EntityType>> | null | undefined
  /** Snapshot name to record (default: derived from the dump's file name, the count and the date). */
  snapshot?: string | null | undefined
  /**
   * Worker threads that parse lines while this thread writes (default: `0`,
   * parse here). Parsing JSON is most of an import's time: on a machine with
   * cores to spare, `1`–`3` threads speed it up. Needs the built package (`dist`).
   */
  threads?: number | null | undefined
  /** Report progress every this many lines (default: `10000`). */
  progressEvery?: number | null | undefined
}

/** Progress of an import. */
export interface ImportProgress {
  /** Lines read. */
  lines: number
  /** Entities kept so far. */
  kept: number
  /** Bytes of the input file read so far (compressed bytes for `.gz` / `.bz2`). */
  bytesRead: number
  /** Size of the input file in bytes (`0` when unknown, such as a pipe). */
  totalBytes: number
  /** Whether this is the last report. */
  done: boolean
}

/** Result of an import. */
export interface ImportResult {
  snapshot: string
  lines: number
  /** Entity lines that could not be parsed. */
  invalid: number
  kept: number
  seconds: number
}

function open(input: string | Readable, onBytes: (n: number) => void): {stream: Readable; total: number} {
  if (typeof input !== 'string') {
    input.on('data', (chunk: Buffer) => onBytes(chunk.length))
    return {stream: input, total: 0}
  }
  const file = createReadStream(input, {highWaterMark: 1 << 20})
  file.on('data', (chunk) => onBytes(chunk.length))
  const total = statSync(input).size
  if (input.endsWith('.gz')) return {stream: file.pipe(createGunzip()), total}
  // unbzip2-stream is a classic stream: pipe it through a PassThrough for async iteration.
  if (input.endsWith('.bz2')) return {stream: file.pipe(unbzip2()).pipe(new PassThrough()), total}
  return {stream: file, total}
}

const batchSize = 2000

/** What a parser thread sends back for one batch of lines. */
interface BatchResult {
  entities: Array<PreparedEntity>
  invalid: number
}

/**
 * Worker threads that parse batches of lines; at most two batches in flight
 * per thread, so memory stays bounded. Results come back in submission order.
 */
class ParserPool {
  readonly #workers: Array<{worker: Worker; waiting: Array<{resolve: (r: BatchResult) => void; reject: (e: unknown) => void}>}>
  readonly #pending: Array<Promise<BatchResult>> = []
  #next = 0

  constructor(threads: number, filter: LineFilter) {
    const url = new URL('./import-worker.js', import.meta.url)
    this.#workers = Array.from({length: threads}, () => {
      const entry = {worker: new Worker(url, {workerData: filter}), waiting: [] as Array<{resolve: (r: BatchResult) => void; reject: (e: unknown) => void}>}
      // A worker answers its batches in the order it got them.
      entry.worker.on('message', (result: BatchResult) => entry.waiting.shift()?.resolve(result))
      entry.worker.on('error', (error) => {
        for (const waiter of entry.waiting.splice(0)) waiter.reject(error)
      })
      return entry
    })
  }

  /** Queue a batch; returns the results that had to be waited for to make room. */
  async submit(lines: Array<string>): Promise<Array<BatchResult>> {
    const entry = this.#workers[this.#next++ % this.#workers.length]!
    const result = new Promise<BatchResult>((resolve, reject) => {
      entry.waiting.push({resolve, reject})
      entry.worker.postMessage(lines)
    })
    // Awaited in order below; marked handled so that a failure surfaces there.
    result.catch(() => {})
    this.#pending.push(result)
    const done: Array<BatchResult> = []
    while (this.#pending.length > this.#workers.length * 2) done.push(await this.#pending.shift()!)
    return done
  }

  async drain(): Promise<Array<BatchResult>> {
    const done: Array<BatchResult> = []
    while (this.#pending.length) done.push(await this.#pending.shift()!)
    return done
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map(({worker}) => worker.terminate()))
  }
}

/** Lines of a stream, holding at most one partial line between chunks. */
async function* linesOf(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))
    let start = 0
    let end = text.indexOf('\n')
    while (end !== -1) {
      yield text.slice(start, end)
      start = end + 1
      end = text.indexOf('\n', start)
    }
    rest = text.slice(start)
  }
  rest += decoder.end()
  if (rest) yield rest
}

/**
 * Stream a Wikidata JSON dump (`.json`, `.json.gz`, `.json.bz2`: a JSON array
 * written one entity per line) or NDJSON of entities into a new SQLite KB at
 * `dbFile`. Memory stays bounded: one line is held at a time.
 */
export async function importWikidataDump(
  input: string | Readable,
  dbFile: string,
  options?: Readonly<ImportOptions> | null,
  onProgress?: ((progress: ImportProgress) => void) | null
): Promise<ImportResult> {
  const started = performance.now()
  const filter: LineFilter = {
    classes: options?.classes?.length ? [...options.classes] : undefined,
    enwikiOnly: options?.enwikiOnly ?? false,
    minSitelinks: options?.minSitelinks ?? 0,
    languages: options?.languages ?? ['en', 'mul'],
    classTypes: options?.classTypes ?? classTypes
  }
  const needles = classNeedles(filter.classes)
  const every = options?.progressEvery ?? 10000
  const threads = Math.max(0, Math.floor(options?.threads ?? 0))
  let bytesRead = 0
  const {stream, total} = open(input, (n) => {
    bytesRead += n
  })
  const writer = new SqliteKbWriter(dbFile)
  let lines = 0
  let invalid = 0
  const report = (done: boolean) =>
    onProgress?.({lines, kept: writer.count, bytesRead, totalBytes: total, done})
  const pool = threads ? new ParserPool(threads, filter) : undefined
  try {
    if (pool) {
      let batch: Array<string> = []
      const write = (result: BatchResult) => {
        invalid += result.invalid
        for (const prepared of result.entities) writer.addPrepared(prepared)
      }
      for await (const line of linesOf(stream)) {
        lines++
        if (onProgress && lines % every === 0) report(false)
        batch.push(line)
        if (batch.length === batchSize) {
          for (const result of await pool.submit(batch)) write(result)
          batch = []
        }
      }
      if (batch.length) for (const result of await pool.submit(batch)) write(result)
      for (const result of await pool.drain()) write(result)
    } else {
      for await (const line of linesOf(stream)) {
        lines++
        if (onProgress && lines % every === 0) report(false)
        const entity = parseEntityLine(line, filter, needles)
        if (entity === false) invalid++
        else if (entity) writer.add(entity)
      }
    }
  } catch (error) {
    writer.abort()
    throw error
  } finally {
    await pool?.close()
  }
  const name =
    typeof input === 'string' ? basename(input).replace(/\.(json|ndjson|jsonl)(\.(gz|bz2))?$/, '') : 'stdin'
  const created = new Date().toISOString()
  const snapshot = options?.snapshot ?? `wikidata-${name}-${writer.count}-${created.slice(0, 10)}`
  const kept = writer.count
  writer.finish(snapshot, {source: name, created})
  report(true)
  return {snapshot, lines, invalid, kept, seconds: (performance.now() - started) / 1000}
}
