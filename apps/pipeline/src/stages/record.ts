import {summarizeEntities, type DocumentRecord, type Mention} from '@copydesk/document'
import type {LayerRecord} from '../lib/layers.js'
import type {IngestRecord} from './document.js'

/** Build a document's output record from the lines of its four layers (ingest, names, dates, link). */
export function buildRecord(lines: ReadonlyArray<string>, kb: unknown): DocumentRecord {
  const [base, names, dates, links] = lines.map((line) => JSON.parse(line)) as [IngestRecord, LayerRecord, LayerRecord, LayerRecord]
  const data = base.data
  const entities = (links.data as {entities?: Record<string, Mention['entity']>} | null)?.entities ?? {}
  const mentions: Array<Mention> = ((names.data as {mentions?: Array<Omit<Mention, 'entity'>>} | null)?.mentions ?? []).map(
    (mention) => ({...mention, entity: entities[mention.id] ?? null})
  )
  const record: DocumentRecord = {
    id: data.id,
    title: data.title,
    url: data.url,
    outlet: data.outlet,
    published: data.published,
    text: base.text,
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
  return record
}
