import crypto from 'node:crypto'
import path from 'node:path'
import type {DocumentRecord, EntitySummary} from '@copydesk/document'

/** Map of mention id to the document-level entity summary that holds it. */
export function entityOfMention(record: DocumentRecord): Map<string, EntitySummary> {
  const map = new Map<string, EntitySummary>()
  for (const entity of record.entities) {
    for (const id of entity.mentions) if (!map.has(id)) map.set(id, entity)
  }

  return map
}

/** Whether `value` is an `http:` or `https:` URL. */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Whether `id` is a Wikidata item id (`Q42`). */
export function isQid(id: string | null | undefined): boolean {
  return typeof id === 'string' && /^Q[1-9]\d*$/.test(id)
}

/** Wikidata page URL of an item id. */
export function wikidataUrl(qid: string): string {
  return 'https://www.wikidata.org/wiki/' + qid
}

/** Wikidata entity IRI (the RDF identifier) of an item id. */
export function wikidataEntity(qid: string): string {
  return 'http://www.wikidata.org/entity/' + qid
}

/** English Wikipedia URL of a title. */
export function wikipediaUrl(title: string): string {
  return 'https://en.wikipedia.org/wiki/' + encodeURIComponent(title.replace(/ /g, '_'))
}

/**
 * A file name for an id that cannot leave its folder: only ASCII letters,
 * digits, `-` and `_`, never empty, never a dot name or a reserved device
 * name (`con`, `nul`, …), with a short hash of the id so that different ids
 * never share a name.
 */
export function safeFileName(id: string, extension: string): string {
  const hash = crypto.createHash('sha256').update(id).digest('hex').slice(0, 10)
  const slug = id
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  return (slug ? slug + '-' : '') + hash + extension
}

/** Join `name` to `directory`, refusing anything that would land outside it. */
export function inside(directory: string, name: string): string {
  const root = path.resolve(directory)
  const file = path.resolve(root, name)
  if (path.dirname(file) !== root) throw new Error('Refusing file name outside the output folder: `' + name + '`')
  return file
}

/**
 * Convert UTF-16 offsets in `text` to Unicode code point offsets.
 * Returns a function; identity when the text has no astral characters.
 */
export function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset
  const table = new Uint32Array(text.length + 1)
  let points = 0
  for (let index = 0; index < text.length; index++) {
    table[index] = points
    const code = text.charCodeAt(index)
    if (code >= 0xd8_00 && code <= 0xdb_ff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc_00 && next <= 0xdf_ff) {
        // Low surrogate: an offset between the two halves maps to the pair's start.
        table[index + 1] = points
        index++
      }
    }

    points++
  }

  table[text.length] = points
  return (offset) => table[offset]!
}

const jsonCache = new WeakMap<DocumentRecord, string>()

/**
 * Give the export writers a record's JSON made elsewhere (on a worker thread,
 * say): the JSON and JSON Lines writers write it as it is rather than
 * serializing the record again. `json` must be `JSON.stringify(record)`
 * (a record parsed from `json` is). Returns `record`.
 */
export function withRecordJson<T extends DocumentRecord>(record: T, json: string): T {
  jsonCache.set(record, json)
  return record
}

/** `JSON.stringify(record)`, computed once per record for all writers of a run. */
export function recordJson(record: DocumentRecord): string {
  let json = jsonCache.get(record)
  if (json === undefined) {
    json = JSON.stringify(record)
    jsonCache.set(record, json)
  }

  return json
}
