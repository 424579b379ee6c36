import {DataFactory, Writer, type Quad} from 'n3'
import type {DocumentRecord} from '@copydesk/document'
import {AtomicFile, type ExportedFile, type StagedFile} from './atomic.js'
import {documentIri, entityIri, schemaType} from './ids.js'
import {codePointOffsets, entityOfMention, isHttpUrl, isQid} from './util.js'
import {drive, type RecordWriter, type Records} from './writer.js'

const {namedNode, literal, quad} = DataFactory

/** Options of the RDF writers. */
export interface RdfOptions {
  /** Prefix of document IRIs, followed by the URI-encoded id (default: `'urn:copydesk:doc:'`). */
  documentBase?: string | null | undefined
}

/** Namespaces used in the RDF output. */
export const rdfPrefixes = {
  nif: 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#',
  itsrdf: 'http://www.w3.org/2005/11/its/rdf#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
  wd: 'http://www.wikidata.org/entity/'
} as const

const nif = (name: string) => namedNode(rdfPrefixes.nif + name)
const itsrdf = (name: string) => namedNode(rdfPrefixes.itsrdf + name)
const schema = (name: string) => namedNode(rdfPrefixes.schema + name)
const rdfType = namedNode(rdfPrefixes.rdf + 'type')
const xsdString = namedNode(rdfPrefixes.xsd + 'string')
const xsdNonNegativeInteger = namedNode(rdfPrefixes.xsd + 'nonNegativeInteger')

function index(value: number) {
  return literal(String(value), xsdNonNegativeInteger)
}

/**
 * The RDF quads of a record: a schema.org `NewsArticle` and NIF 2.1
 * annotations: a `nif:Context` holding the text and one `nif:Phrase` per
 * mention, with `nif:beginIndex` / `nif:endIndex` in Unicode code points (the
 * unit NIF defines) and `itsrdf:taIdentRef` to the Wikidata entity (or the
 * NIL entity) when the mention is linked.
 */
export function toQuads(
  record: DocumentRecord,
  options?: Readonly<RdfOptions> | null | undefined
): Array<Quad> {
  const documentBase = options?.documentBase ?? undefined
  const cached = quadCache.get(record)
  if (cached && cached.base === documentBase) return cached.quads
  const quads = buildQuads(record, documentBase)
  quadCache.set(record, {base: documentBase, quads})
  return quads
}

// Turtle and N-Triples in one run share the quads of a record.
const quadCache = new WeakMap<DocumentRecord, {base: string | undefined; quads: Array<Quad>}>()

function buildQuads(record: DocumentRecord, documentBase: string | undefined): Array<Quad> {
  const base = documentIri(record.id, documentBase)
  const article = namedNode(base)
  const toPoints = codePointOffsets(record.text)
  const length = toPoints(record.text.length)
  const context = namedNode(`${base}#char=0,${length}`)
  const quads: Array<Quad> = [
    quad(article, rdfType, schema('NewsArticle')),
    quad(article, schema('identifier'), literal(record.id))
  ]
  if (record.title) quads.push(quad(article, schema('headline'), literal(record.title)))
  if (record.published) quads.push(quad(article, schema('datePublished'), literal(record.published)))
  if (isHttpUrl(record.url)) quads.push(quad(article, schema('url'), namedNode(record.url)))
  if (record.language) quads.push(quad(article, schema('inLanguage'), literal(record.language)))
  quads.push(
    quad(context, rdfType, nif('Context')),
    quad(context, rdfType, nif('OffsetBasedString')),
    quad(context, nif('beginIndex'), index(0)),
    quad(context, nif('endIndex'), index(length)),
    quad(context, nif('isString'), literal(record.text, xsdString)),
    quad(context, nif('sourceUrl'), isHttpUrl(record.url) ? namedNode(record.url) : article)
  )
  if (record.language) quads.push(quad(context, nif('predLang'), literal(record.language)))

  const seen = new Set<string>()
  for (const entity of record.entities) {
    const node = namedNode(entityIri(entity.id))
    quads.push(
      quad(article, schema('mentions'), node),
      quad(node, rdfType, schema(schemaType(entity.type))),
      quad(node, schema('name'), literal(entity.name))
    )
  }

  const entityOf = entityOfMention(record)
  for (const mention of record.mentions) {
    const begin = toPoints(mention.start)
    const end = toPoints(mention.end)
    const phrase = namedNode(`${base}#char=${begin},${end}`)
    // Two mentions on one span are one NIF string: describe it once.
    const key = `${begin},${end}`
    if (seen.has(key)) continue
    seen.add(key)
    quads.push(
      quad(phrase, rdfType, nif('Phrase')),
      quad(phrase, rdfType, nif('OffsetBasedString')),
      quad(phrase, nif('referenceContext'), context),
      quad(phrase, nif('beginIndex'), index(begin)),
      quad(phrase, nif('endIndex'), index(end)),
      quad(phrase, nif('anchorOf'), literal(mention.text, xsdString)),
      quad(phrase, itsrdf('taClassRef'), schema(schemaType(mention.type)))
    )
    const linked = mention.entity?.id ?? entityOf.get(mention.id)?.id
    if (linked && (isQid(linked) || linked.startsWith('nil:'))) {
      quads.push(quad(phrase, itsrdf('taIdentRef'), namedNode(entityIri(linked))))
    }
  }

  return quads
}

function createRdfWriter(
  file: string,
  format: 'Turtle' | 'N-Triples',
  options: Readonly<RdfOptions> | null | undefined
): RecordWriter {
  const out = new AtomicFile(file, format === 'Turtle' ? 'turtle' : 'ntriples')
  const sink = {
    write(chunk: string, _encoding?: unknown, callback?: () => void) {
      out.write(chunk)
      if (callback) callback()
      return true
    },
    end(callback?: () => void) {
      if (callback) callback()
    }
  }
  const writer = new Writer(sink as unknown as NodeJS.WritableStream, {
    format,
    end: false,
    ...(format === 'Turtle' ? {prefixes: {...rdfPrefixes}} : {})
  })
  return {
    async write(record: DocumentRecord) {
      for (const item of toQuads(record, options)) writer.addQuad(item)
      await out.flush()
    },
    async finish(): Promise<Array<StagedFile>> {
      await new Promise<void>((resolve, reject) => {
        writer.end((error) => (error ? reject(error) : resolve()))
      })
      return [await out.finish()]
    },
    abort: () => out.abort()
  }
}

/** Writer of RDF Turtle with NIF 2.1 mention annotations. */
export function createTurtleWriter(
  file: string,
  options?: Readonly<RdfOptions> | null | undefined
): RecordWriter {
  return createRdfWriter(file, 'Turtle', options)
}

/** Writer of RDF N-Triples with NIF 2.1 mention annotations. */
export function createNTriplesWriter(
  file: string,
  options?: Readonly<RdfOptions> | null | undefined
): RecordWriter {
  return createRdfWriter(file, 'N-Triples', options)
}

/** Write records as Turtle to `file`, atomically. */
export async function writeTurtle(
  file: string,
  records: Records,
  options?: Readonly<RdfOptions> | null | undefined
): Promise<Array<ExportedFile>> {
  return drive([createTurtleWriter(file, options)], records)
}

/** Write records as N-Triples to `file`, atomically. */
export async function writeNTriples(
  file: string,
  records: Records,
  options?: Readonly<RdfOptions> | null | undefined
): Promise<Array<ExportedFile>> {
  return drive([createNTriplesWriter(file, options)], records)
}
