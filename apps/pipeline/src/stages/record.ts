import {summarizeEntities, type DocumentRecord, type Mention} from '@copydesk/document'
import type {LayerRecord} from '../lib/layers.js'
import type {IngestRecord} from './document.js'

/** How the text field of an ingest line starts: its last field. */
const textKey = ',"text":'

/**
 * Where an ingest line's text field starts. The text is the line's last
 * field, and a quote inside a JSON string is escaped: the last `,"text":`
 * of the line is the field's.
 */
function textAt(line: string): number {
  const at = line.lastIndexOf(textKey)
  if (at === -1) throw new Error('Unexpected ingest line: no text field')
  return at
}

/** An ingest line's text as JSON, sliced out, nothing parsed. */
export function textJsonOf(line: string): string {
  return line.slice(textAt(line) + textKey.length, -1)
}

/** An ingest layer line as its text's JSON, taken as it is, and the rest, parsed. */
export function splitIngestLine(line: string): {head: Omit<IngestRecord, 'text'>; textJson: string} {
  const at = textAt(line)
  return {head: JSON.parse(line.slice(0, at) + '}') as Omit<IngestRecord, 'text'>, textJson: line.slice(at + textKey.length, -1)}
}

/** Where the text goes in a record's JSON made without it (`recordJsonWithoutText`). */
const textSlot = ',"text":0,'

/**
 * The JSON of a document's output record, from the lines of its four layers
 * (ingest, names, dates, link), without its text: the text's place holds
 * `0`. `withText` puts the text in. The text is never parsed nor serialized
 * again: it is most of a record.
 */
export function recordJsonWithoutText(lines: ReadonlyArray<string>, kb: unknown): {json: string; textJson: string; record: Omit<DocumentRecord, 'text'>} {
  const {head: base, textJson} = splitIngestLine(lines[0])
  const [names, dates, links] = lines.slice(1).map((line) => JSON.parse(line)) as [LayerRecord, LayerRecord, LayerRecord]
  const data = base.data
  const entities = (links.data as {entities?: Record<string, Mention['entity']>} | null)?.entities ?? {}
  // The mentions were just parsed and are this function's own: each takes
  // its entity in place (last, as a copy would have it), not as a copy.
  const mentions = ((names.data as {mentions?: Array<Mention>} | null)?.mentions ?? []) as Array<Mention>
  for (const mention of mentions) mention.entity = entities[mention.id] ?? null
  const record: Omit<DocumentRecord, 'text'> & {text: 0} = {
    id: data.id,
    title: data.title,
    url: data.url,
    outlet: data.outlet,
    published: data.published,
    text: 0,
    excluded: data.excluded,
    mentions,
    dates: (dates.data as {dates?: DocumentRecord['dates']} | null)?.dates ?? [],
    entities: summarizeEntities(mentions, data.title),
    messages: [...base.messages, ...names.messages, ...dates.messages, ...links.messages],
    authors: data.authors,
    language: data.language,
    source: data.source
  }
  if (data.publishedSource) record.publishedSource = data.publishedSource
  if (data.duplicateOf !== undefined) record.duplicateOf = data.duplicateOf
  if (typeof kb === 'string') record.kb = kb
  return {json: JSON.stringify(record), textJson, record}
}

/**
 * A record's JSON with its text put in: `JSON.stringify` of the whole
 * record, byte for byte. The fields before the text are strings, in which a
 * quote is escaped: the first `,"text":0,` is the slot.
 */
export function withText(json: string, textJson: string): string {
  const at = json.indexOf(textSlot)
  if (at === -1) throw new Error('Unexpected record JSON: no text slot')
  return `${json.slice(0, at)},"text":${textJson},${json.slice(at + textSlot.length)}`
}
