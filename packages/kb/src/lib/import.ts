import {createReadStream, statSync} from 'node:fs'
import {basename} from 'node:path'
import {PassThrough, type Readable} from 'node:stream'
import {StringDecoder} from 'node:string_decoder'
import {createGunzip} from 'node:zlib'
import unbzip2 from 'unbzip2-stream'
import {classTypes, typeFromClasses} from './classes.js'
import {SqliteKbWriter} from './sqlite.js'
import type {EntityType, KbEntity} from './types.js'

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

type Json = Record<string, unknown>

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as Json)['value'] === 'string') {
    return (value as Json)['value'] as string
  }
  return undefined
}

function claimIds(claims: unknown, property: string): Array<string> {
  const list = claims && typeof claims === 'object' ? (claims as Json)[property] : undefined
  if (!Array.isArray(list)) return []
  const ids: Array<string> = []
  for (const claim of list) {
    if (typeof claim === 'string') {
      ids.push(claim) // wikibase-dump-filter / simplified format
      continue
    }
    const value = (claim as {mainsnak?: {datavalue?: {value?: {id?: unknown}}}})?.mainsnak?.datavalue?.value?.id
    if (typeof value === 'string') ids.push(value)
  }
  return ids
}

/**
 * Turn one Wikidata entity (dump format, or the simplified format of
 * wikibase-sdk / wikibase-dump-filter) into a KB entity, or `undefined` when it
 * has no label in the wanted languages or is not an item.
 */
export function entityFromWikidata(
  raw: Json,
  languages: ReadonlyArray<string> = ['en', 'mul'],
  table: Readonly<Record<string, EntityType>> = classTypes
): KbEntity | undefined {
  const id = raw['id']
  if (typeof id !== 'string' || !/^Q\d+$/.test(id)) return undefined
  const labels = (raw['labels'] ?? {}) as Json
  const aliasMap = (raw['aliases'] ?? {}) as Json
  const descriptions = (raw['descriptions'] ?? {}) as Json
  const sitelinks = (raw['sitelinks'] ?? {}) as Json
  let label: string | undefined
  let description = ''
  const aliases = new Set<string>()
  for (const language of languages) {
    const l = text(labels[language])
    if (l) {
      if (label === undefined) label = l
      else aliases.add(l)
    }
    if (!description) description = text(descriptions[language]) ?? ''
    const list = aliasMap[language]
    if (Array.isArray(list)) {
      for (const a of list) {
        const value = text(a)
        if (value) aliases.add(value)
      }
    }
  }
  if (!label) return undefined
  aliases.delete(label)
  const classes = claimIds(raw['claims'], 'P31')
  const entity: KbEntity = {
    id,
    label,
    aliases: [...aliases],
    description,
    type: typeFromClasses(classes, table),
    classes,
    popularity: Object.keys(sitelinks).length
  }
  const wikipedia = text(sitelinks['enwiki']) ?? (sitelinks['enwiki'] as {title?: string} | undefined)?.title
  if (wikipedia) entity.wikipedia = wikipedia
  return entity
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
  const classes = options?.classes?.length ? new Set(options.classes) : undefined
  // In the dump a class appears as `"id":"Q5"`; in simplified NDJSON as `"Q5"`.
  const classNeedles = classes ? [...classes].map((c) => `"${c}"`) : undefined
  const enwikiOnly = options?.enwikiOnly ?? false
  const minSitelinks = options?.minSitelinks ?? 0
  const languages = options?.languages ?? ['en', 'mul']
  const table = options?.classTypes ?? classTypes
  const every = options?.progressEvery ?? 10000
  let bytesRead = 0
  const {stream, total} = open(input, (n) => {
    bytesRead += n
  })
  const writer = new SqliteKbWriter(dbFile)
  let lines = 0
  let invalid = 0
  const report = (done: boolean) =>
    onProgress?.({lines, kept: writer.count, bytesRead, totalBytes: total, done})
  try {
    for await (const rawLine of linesOf(stream)) {
      lines++
      if (onProgress && lines % every === 0) report(false)
      let line = rawLine.trim()
      if (line.charCodeAt(0) !== 123 /* { */) continue
      // Cheap rejections before parsing (most of a filtered import's time):
      // an entity without the text it needs cannot pass the filter.
      if (enwikiOnly && !line.includes('"enwiki"')) continue
      if (classNeedles && !classNeedles.some((needle) => line.includes(needle))) continue
      if (line.endsWith(',')) line = line.slice(0, -1)
      let raw: Json
      try {
        raw = JSON.parse(line) as Json
      } catch {
        invalid++
        continue
      }
      if (classes && !claimIds(raw['claims'], 'P31').some((c) => classes.has(c))) continue
      const entity = entityFromWikidata(raw, languages, table)
      if (!entity) continue
      if (enwikiOnly && !entity.wikipedia) continue
      if (entity.popularity < minSitelinks) continue
      writer.add(entity)
    }
  } catch (error) {
    writer.abort()
    throw error
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
