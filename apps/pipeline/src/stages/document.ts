import type {IngestData, RecordMessage} from '@copydesk/document'
import type {LayerRecord} from '../lib/layers.js'
import type {StageDocument} from './types.js'

/** A line of the ingest layer, written in this order: the text last (`splitIngestLine`). */
export interface IngestRecord {
  id: string
  data: IngestData
  messages: Array<RecordMessage>
  text: string
}

/** Which layers a per-document stage reads, in order: always ingest first. */
export type Source = 'ingest' | 'names' | 'dates' | 'link'

/** Build the document a stage sees from the raw lines of its layers. */
export function toDocument(lines: ReadonlyArray<string>, sources: ReadonlyArray<Source>): StageDocument {
  const base = JSON.parse(lines[0]) as IngestRecord
  const document: StageDocument = {id: base.id, text: base.text, ingest: base.data}
  for (let index = 1; index < sources.length; index++) {
    const data = (JSON.parse(lines[index]) as LayerRecord).data
    // A stage that failed on this document left no data: go on without it.
    if (data === null || data === undefined) continue
    const source = sources[index]
    if (source === 'names') document.names = data as NonNullable<StageDocument['names']>
    else if (source === 'dates') document.dates = data as NonNullable<StageDocument['dates']>
    else if (source === 'link') document.links = data as NonNullable<StageDocument['links']>
  }

  return document
}
