/**
 * The copydesk data contract.
 *
 * Offsets are UTF-16 code units into the document text, end exclusive.
 */

/** Kinds of named mentions. */
export type MentionType = 'person' | 'organization' | 'place' | 'other'

/** TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET'

/** Severity of a message in the record. */
export type Severity = 'info' | 'warning' | 'error'

/** A range of `text` set aside as boilerplate (photo credit, teaser, …). */
export interface ExcludedRange {
  start: number
  end: number
  /** Why it was set aside, such as `photo-credit`, `related-link`, `share-line`, `repeated-headline`. */
  reason: string
}

/** Where a document came from. */
export interface Provenance {
  /** Path of the input file (`-` for standard input). */
  path: string
  /** Detected format. */
  format: InputFormat
  /** 1-based line in the input file (JSONL) or item index (feeds, arrays, WARC records). */
  line?: number
  /** Byte offset of the record in the (uncompressed) input, where known. */
  offset?: number
  /** Target URI of a web-archive record. */
  uri?: string
}

/** Formats that ingest reads. */
export type InputFormat =
  | 'text'
  | 'markdown'
  | 'html'
  | 'json'
  | 'jsonl'
  | 'rss'
  | 'atom'
  | 'warc'

/** Metadata and provenance of one document, as ingest found them. */
export interface IngestData {
  /** Document id: the input record's id when given, else derived from source and content. */
  id: string
  title: string | null
  url: string | null
  outlet: string | null
  /** Publication date, ISO 8601 date or date-time. */
  published: string | null
  /** Where `published` came from: `record`, `json-ld`, `meta`, `time`, `url`, `dateline`, `front-matter`, `feed`, `warc`, `option`. */
  publishedSource?: string
  /** Confidence in `published`, 0..1. */
  publishedConfidence?: number
  authors: Array<string>
  language: string | null
  /** Boilerplate ranges of `text`, skipped by later stages but kept in the text. */
  excluded: Array<ExcludedRange>
  source: Provenance
  /** Id of the document this one duplicates, when it is a (near) copy. */
  duplicateOf?: string | null
  /** SHA-256 (hex) of the normalized text, for duplicate detection and caching. */
  contentHash?: string
}

/** A named mention found by the name stage (before linking). */
export interface NameMention {
  /** Id unique within the document (`m1`, `m2`, …). */
  id: string
  start: number
  end: number
  /** The mention's text, `text.slice(start, end)`. */
  text: string
  type: MentionType
  /** Canonical name (within the article, then reconciled across the corpus). */
  name: string
  /** Title or role that came with the mention (“Vice President”, “former President”). */
  role?: string
  /** Key of the corpus-level name cluster, when the registry assigned one. */
  cluster?: string
}

/** Data registered by `@copydesk/retext-normalize-names` on `file.data.names`. */
export interface NamesData {
  mentions: Array<NameMention>
}

/** A normalized temporal expression. */
export interface DateAnnotation {
  /** Id unique within the document (`t1`, `t2`, …). */
  id: string
  start: number
  end: number
  text: string
  type: TimexType
  /** TIMEX3 value, resolved (`2024-04-25`, `P21Y`, `PRESENT_REF`, `XXXX-04-25` when no anchor). */
  value: string
  /** Symbolic value before anchoring (`XXXX-WXX-4`), when it differs from `value`. */
  symbolic?: string
  /** What the value was anchored on: `published` (the document date) or the id of an earlier date (`t3`). */
  anchor?: string
  /** TIMEX3 `mod` (`APPROX`, `START`, `MID`, `END`, `LESS_THAN`, `MORE_THAN`, …). */
  mod?: string
  /** For ranges: start and end values. */
  range?: {begin: string; end: string}
}

/** Data registered by `@copydesk/retext-normalize-dates` on `file.data.dates`. */
export interface DatesData {
  dates: Array<DateAnnotation>
  /** The reference date used (publication date), if any. */
  reference: string | null
}

/** A link from a mention to a knowledge-base entity or a NIL identity. */
export interface EntityRef {
  /** Wikidata QID (`Q10853588`) or NIL id (`nil:beverly-holcy-3f2a1c`). */
  id: string
  label: string
  /** English Wikipedia title, when known. */
  wikipedia?: string
  /** Confidence of the link, 0..1. */
  confidence: number
}

/** Data registered by `@copydesk/retext-link-entities` on `file.data.links`. */
export interface LinksData {
  /** Entity per mention id; `null` when the mention is not linked. */
  entities: Record<string, EntityRef | null>
  /** Name of the KB snapshot linked against. */
  kb: string
}

/** A mention in the output record. */
export interface Mention extends NameMention {
  entity: EntityRef | null
}

/** Document-level summary of one entity (all mentions of one id or one canonical name). */
export interface EntitySummary {
  /** Entity id (QID or `nil:` id) when linked, else `name:<canonical name>`. */
  id: string
  name: string
  type: MentionType
  /** Number of mentions in the document. */
  count: number
  /** Ids of the mentions. */
  mentions: Array<string>
  /** Distinct surface forms. */
  variants: Array<string>
  /** Distinct roles. */
  roles: Array<string>
  wikipedia?: string
  /** Salience, 0..1: share of the document's mentions, boosted when in the title or first sentence. */
  salience: number
}

/** A message in the output record. */
export interface RecordMessage {
  ruleId: string
  /** The package that raised it (`copydesk-ingest`, `retext-normalize-dates`, …). */
  source: string
  reason: string
  start?: number
  end?: number
  severity: Severity
}

/** One output record per document. */
export interface DocumentRecord {
  id: string
  title: string | null
  url: string | null
  outlet: string | null
  published: string | null
  text: string
  excluded: Array<ExcludedRange>
  mentions: Array<Mention>
  dates: Array<DateAnnotation>
  entities: Array<EntitySummary>
  messages: Array<RecordMessage>
  authors?: Array<string>
  language?: string | null
  publishedSource?: string
  source?: Provenance
  duplicateOf?: string | null
  /** Name of the KB snapshot the mentions were linked against. */
  kb?: string
}
