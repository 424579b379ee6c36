import type {DatesData, IngestData, LinksData, NamesData} from './lib/types.js'

export type {
  DateAnnotation,
  DatesData,
  DocumentRecord,
  EntityRef,
  EntitySummary,
  ExcludedRange,
  IngestData,
  InputFormat,
  LinksData,
  Mention,
  MentionType,
  NameMention,
  NamesData,
  Provenance,
  RecordMessage,
  Severity,
  TimexType
} from './lib/types.js'
export {isExcluded} from './lib/excluded.js'
export {summarizeEntities, toRecord, toRecordMessage} from './lib/record.js'
export {documentRecordSchema, validateRecord} from './lib/schema.js'

declare module 'vfile' {
  interface DataMap {
    /**
     * Metadata, provenance and boilerplate ranges of the document.
     *
     * Registered by `@copydesk/ingest`.
     */
    ingest: IngestData
    /**
     * Named mentions with canonical names.
     *
     * Registered by `@copydesk/retext-normalize-names`.
     */
    names: NamesData
    /**
     * Normalized temporal expressions.
     *
     * Registered by `@copydesk/retext-normalize-dates`.
     */
    dates: DatesData
    /**
     * Entity links per mention.
     *
     * Registered by `@copydesk/retext-link-entities`.
     */
    links: LinksData
  }
}
