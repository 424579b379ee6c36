import type {DocumentRecord, EntitySummary} from '@copydesk/document'
import {AtomicFile, type ExportedFile, type StagedFile} from './atomic.js'
import {bySalience, documentIri, entityIri, schemaType} from './ids.js'
import {isHttpUrl, isQid, wikidataUrl, wikipediaUrl} from './util.js'
import {drive, type RecordWriter, type Records} from './writer.js'

/** Options of the JSON-LD writer. */
export interface JsonLdOptions {
  /** Prefix of document `@id`s, followed by the URI-encoded id (default: `'urn:copydesk:doc:'`). */
  documentBase?: string | null | undefined
  /** Most entities listed under `about` (default: `3`). */
  about?: number | null | undefined
  /** Least salience for an entity to be listed under `about` (default: `0.1`). */
  aboutSalience?: number | null | undefined
}

/**
 * The JSON-LD context, inline so that the file expands without fetching
 * anything: schema.org terms, with `url` and `sameAs` as IRIs.
 */
export const jsonLdContext = {
  '@vocab': 'https://schema.org/',
  url: {'@type': '@id'},
  sameAs: {'@type': '@id'}
} as const

type JsonObject = {[key: string]: JsonValue}
type JsonValue = string | number | boolean | null | JsonObject | Array<JsonValue>

function entityNode(entity: EntitySummary): JsonObject {
  const node: JsonObject = {
    '@id': entityIri(entity.id),
    '@type': schemaType(entity.type),
    name: entity.name
  }
  const alternate = entity.variants.filter((variant) => variant !== entity.name)
  if (alternate.length > 0) node.alternateName = alternate
  const sameAs: Array<JsonValue> = []
  if (isQid(entity.id)) sameAs.push(wikidataUrl(entity.id))
  if (entity.wikipedia) sameAs.push(wikipediaUrl(entity.wikipedia))
  if (sameAs.length === 1) node.sameAs = sameAs[0]!
  else if (sameAs.length > 1) node.sameAs = sameAs
  return node
}

/**
 * The schema.org `NewsArticle` node of a record (without `@context`).
 */
export function toNewsArticle(
  record: DocumentRecord,
  options?: Readonly<JsonLdOptions> | null | undefined
): Record<string, unknown> {
  const limit = options?.about ?? 3
  const least = options?.aboutSalience ?? 0.1
  const node: JsonObject = {
    '@id': documentIri(record.id, options?.documentBase ?? undefined),
    '@type': 'NewsArticle',
    identifier: record.id
  }
  if (record.title) node.headline = record.title
  if (record.published) node.datePublished = record.published
  if (record.authors && record.authors.length > 0) {
    node.author = record.authors.map((name) => ({'@type': 'Person', name}))
  }

  if (record.outlet) node.publisher = {'@type': 'Organization', name: record.outlet}
  if (isHttpUrl(record.url)) node.url = record.url
  if (record.language) node.inLanguage = record.language
  if (record.entities.length > 0) {
    node.mentions = record.entities.map((entity) => entityNode(entity))
    const about = bySalience(record.entities)
      .filter((entity) => entity.salience >= least)
      .slice(0, limit)
    if (about.length > 0) node.about = about.map((entity) => ({'@id': entityIri(entity.id)}))
  }

  return node
}

/**
 * Writer of one JSON-LD document: `{"@context": …, "@graph": [NewsArticle, …]}`,
 * streamed article by article.
 */
export function createJsonLdWriter(
  file: string,
  options?: Readonly<JsonLdOptions> | null | undefined
): RecordWriter {
  const out = new AtomicFile(file, 'jsonld')
  let first = true
  out.write('{"@context":' + JSON.stringify(jsonLdContext) + ',"@graph":[')
  return {
    async write(record: DocumentRecord) {
      out.write((first ? '\n' : ',\n') + JSON.stringify(toNewsArticle(record, options)))
      first = false
      await out.flush()
    },
    async finish(): Promise<Array<StagedFile>> {
      out.write('\n]}\n')
      return [await out.finish()]
    },
    abort: () => out.abort()
  }
}

/** Write records as JSON-LD to `file`, atomically. */
export async function writeJsonLd(
  file: string,
  records: Records,
  options?: Readonly<JsonLdOptions> | null | undefined
): Promise<Array<ExportedFile>> {
  return drive([createJsonLdWriter(file, options)], records)
}
