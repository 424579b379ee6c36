import type {InputFormat} from '@copydesk/document'

/** Names of the record fields that JSON and JSON Lines input can map. */
export type FieldName = 'id' | 'text' | 'html' | 'title' | 'url' | 'outlet' | 'published' | 'authors' | 'language'

/** Field names (dotted paths allowed) for each record field, tried in order. */
export type Fields = Partial<Record<FieldName, string | ReadonlyArray<string>>>

/** What to do with (near) duplicates. */
export type DuplicatesPolicy = 'mark' | 'skip' | 'off'

/** Configuration for `ingest`. */
export interface Options {
  /**
   * Globs (picomatch) that files found in directories must match, relative to
   * the directory given (default: every file with a known extension).
   */
  include?: string | ReadonlyArray<string> | null | undefined
  /** Globs of files and folders in directories to skip, besides dot files and `node_modules` (default: none). */
  exclude?: string | ReadonlyArray<string> | null | undefined
  /** Field names of JSON and JSON Lines records, added before the defaults (default: none). */
  fields?: Readonly<Fields> | null | undefined
  /** Publication date for documents that have none (ISO 8601; default: none). */
  published?: string | null | undefined
  /**
   * Duplicates: `'mark'` yields copies with `duplicateOf` set, `'skip'` does not
   * yield them, `'off'` does not look for them (default: `'mark'`).
   */
  duplicates?: DuplicatesPolicy | null | undefined
  /** Share of equal MinHash values (estimated Jaccard of word 5-shingles) for a near duplicate (default: `0.7`). */
  nearDuplicateThreshold?: number | null | undefined
  /**
   * How many recent documents the duplicate index remembers; bounds its memory
   * (about 1 KB a document) on large corpora (default: `100000`).
   */
  duplicateWindow?: number | null | undefined
  /** Format of every input, instead of detection by extension and content (default: detect). */
  format?: InputFormat | null | undefined
  /** Stream read for the path `-` (default: `process.stdin`). */
  stdin?: AsyncIterable<Uint8Array | string> | null | undefined
  /** Mark boilerplate (photo credits, teasers, share lines, …) as excluded ranges (default: `true`). */
  boilerplate?: boolean | null | undefined
  /**
   * Worker threads that read and parse files up to 4 MB, in batches; output
   * and its order are the same as with one (default: `1`, all in this thread).
   */
  threads?: number | null | undefined
  /**
   * Where to keep the documents read from each file, so that a file whose
   * path, name and bytes were seen before is not parsed again. Keys are
   * hashes; values are strings. The cache must belong to these options and
   * this version of the package (keys do not say which). Default: none.
   */
  cache?: IngestCache | null | undefined
}

/** A string store for the `cache` option (a `Map` will do). */
export interface IngestCache {
  get(key: string): string | undefined
  set(key: string, value: string): void
}

/** Options with defaults applied. */
export interface Settings {
  include: Array<string> | null
  exclude: Array<string>
  fields: Record<FieldName, Array<string>>
  published: string | null
  duplicates: DuplicatesPolicy
  nearDuplicateThreshold: number
  duplicateWindow: number
  format: InputFormat | null
  stdin: AsyncIterable<Uint8Array | string> | null
  boilerplate: boolean
  threads: number
  cache: IngestCache | null
}

const formats: ReadonlyArray<InputFormat> = ['text', 'markdown', 'html', 'json', 'jsonl', 'rss', 'atom', 'warc']

const defaultFields: Record<FieldName, Array<string>> = {
  id: ['id', '_id', 'uuid', 'guid'],
  text: ['text', 'body', 'content', 'maintext', 'article'],
  html: ['html', 'body_html', 'content_html', 'raw_html'],
  title: ['title', 'headline'],
  url: ['url', 'link', 'uri', 'canonical_url'],
  outlet: ['outlet', 'publisher', 'site_name', 'source', 'domain'],
  published: ['published', 'datePublished', 'date_publish', 'published_at', 'publishedAt', 'pubDate', 'date'],
  authors: ['authors', 'author', 'byline', 'creator'],
  language: ['language', 'lang', 'inLanguage']
}

function globs(name: string, value: unknown): Array<string> | null {
  if (value === null || value === undefined) return null
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item)) {
    throw new TypeError(`Invalid option \`${name}\`: expected a glob or a list of globs, not \`${JSON.stringify(value)}\``)
  }
  return [...(list as Array<string>)]
}

/** Check options and apply defaults; throws a `TypeError` naming the bad option. */
export function settings(options: Readonly<Options> | null | undefined): Settings {
  const value = options ?? {}
  if (typeof value !== 'object') throw new TypeError('Invalid options: expected an object')

  const fields: Record<FieldName, Array<string>> = {...defaultFields}
  if (value.fields !== null && value.fields !== undefined) {
    if (typeof value.fields !== 'object') throw new TypeError('Invalid option `fields`: expected an object')
    for (const [key, names] of Object.entries(value.fields)) {
      if (!(key in defaultFields)) {
        throw new TypeError(`Invalid option \`fields.${key}\`: expected one of ${Object.keys(defaultFields).join(', ')}`)
      }
      const list = globs(`fields.${key}`, names) ?? []
      fields[key as FieldName] = [...list, ...defaultFields[key as FieldName].filter((name) => !list.includes(name))]
    }
  }

  let published: string | null = null
  if (value.published !== null && value.published !== undefined) {
    if (typeof value.published !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.published)) {
      throw new TypeError(`Invalid option \`published\`: expected an ISO 8601 date such as \`2024-04-25\`, not \`${String(value.published)}\``)
    }
    published = value.published
  }

  const duplicates = value.duplicates ?? 'mark'
  if (duplicates !== 'mark' && duplicates !== 'skip' && duplicates !== 'off') {
    throw new TypeError(`Invalid option \`duplicates\`: expected \`'mark'\`, \`'skip'\` or \`'off'\`, not \`${String(duplicates)}\``)
  }

  const threshold = value.nearDuplicateThreshold ?? 0.7
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new TypeError(`Invalid option \`nearDuplicateThreshold\`: expected a number in (0, 1], not \`${String(threshold)}\``)
  }

  const window = value.duplicateWindow ?? 100_000
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 2) {
    throw new TypeError(`Invalid option \`duplicateWindow\`: expected an integer of at least 2, not \`${String(window)}\``)
  }

  const format = value.format ?? null
  if (format !== null && !formats.includes(format)) {
    throw new TypeError(`Invalid option \`format\`: expected one of ${formats.join(', ')}, not \`${String(format)}\``)
  }

  const stdin = value.stdin ?? null
  if (stdin !== null && typeof (stdin as {[Symbol.asyncIterator]?: unknown})[Symbol.asyncIterator] !== 'function') {
    throw new TypeError('Invalid option `stdin`: expected an async iterable stream')
  }

  if (value.boilerplate !== null && value.boilerplate !== undefined && typeof value.boilerplate !== 'boolean') {
    throw new TypeError(`Invalid option \`boilerplate\`: expected a boolean, not \`${String(value.boilerplate)}\``)
  }

  const threads = value.threads ?? 1
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1) {
    throw new TypeError(`Invalid option \`threads\`: expected a whole number of at least 1, not \`${String(threads)}\``)
  }

  const cache = value.cache ?? null
  if (cache !== null && (typeof cache.get !== 'function' || typeof cache.set !== 'function')) {
    throw new TypeError('Invalid option `cache`: expected an object with `get` and `set`')
  }

  return {
    include: globs('include', value.include),
    exclude: ['**/.*', '**/.*/**', '**/node_modules/**', ...(globs('exclude', value.exclude) ?? [])],
    fields,
    published,
    duplicates,
    nearDuplicateThreshold: threshold,
    duplicateWindow: window,
    format,
    stdin,
    boilerplate: value.boilerplate ?? true,
    threads,
    cache
  }
}
