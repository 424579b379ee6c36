import type {
  DatesData,
  DocumentRecord,
  IngestData,
  LinksData,
  NamesData,
  RecordMessage
} from '@copydesk/document'
import type {StageKeys} from '../lib/config.js'
import type {LayerRecord} from '../lib/layers.js'

/** A document as a per-document stage sees it: text, metadata and upstream layers. */
export interface StageDocument {
  id: string
  text: string
  ingest: IngestData
  names?: NamesData
  dates?: DatesData
  links?: LinksData
}

/** What a per-document stage returns for one document. */
export interface StageResult<Data = unknown> {
  data: Data
  messages: Array<RecordMessage>
  /**
   * What the stage's corpus pass needs of this document, if it reads it apart
   * from the record (`SidePass`): the last field of the raw layer line,
   * never in the final layer.
   */
  corpus?: unknown
}

/** Configuration of a stage: its options plus facts the CLI adds (input fingerprint, KB). */
export interface StageConfig {
  options: Record<string, unknown>
  [key: string]: unknown
}

/**
 * A corpus pass that holds what it needs of every record in memory anyway
 * (the name registry keeps every mention): the stage writes no raw layer and
 * reads nothing back; the final records come from `held`, in the order they
 * were added.
 */
export interface HeldPass<Data = unknown> {
  /** First pass: see every record. */
  add(record: LayerRecord<Data>): void
  /** The final records, in order. */
  held(): Iterable<LayerRecord<Data>>
}

/**
 * A corpus pass that needs only each document's `StageResult.corpus`: the
 * first pass gives it those facts, never parsing the records; the second
 * gives `apply` only the records whose facts it `changes`, and writes the
 * others' lines as they are.
 */
export interface SidePass<Data = unknown> {
  side: {
    add(info: unknown): void
    changes(info: unknown): boolean
  }
  /** The final record (without `corpus`) of a document the pass changes. */
  apply(record: LayerRecord<Data>): LayerRecord<Data>
}

/** A corpus-level pass over a stage's layer (cross-article registry, NIL clusters). */
export type CorpusPass<Data = unknown> = HeldPass<Data> | SidePass<Data>

/** A stage that works document by document, with a per-document cache. */
export interface DocumentStage<Data = unknown> {
  kind: 'document'
  /** Key of `file.data` it fills, as in the document contract. */
  key: 'names' | 'dates' | 'links'
  /** Config keys it accepts (`--config` section). */
  keys: StageKeys
  /** Upstream layers it reads besides ingest. */
  needs: ReadonlyArray<'names' | 'dates' | 'link'>
  /** Packages whose built code keys the per-document cache. */
  packages: ReadonlyArray<string>
  /** Extra cache key material (the KB snapshot). */
  version?(config: StageConfig): Promise<string>
  /** Prepare once; returns the function that processes one document. */
  setup(config: StageConfig): Promise<(document: StageDocument) => Promise<StageResult<Data>>>
  /** Optional corpus-level pass (none for this configuration: undefined). */
  corpus?(config: StageConfig): Promise<CorpusPass<Data> | undefined>
  /** Facts to put in the manifest (the KB snapshot). */
  info?(config: StageConfig): Promise<Record<string, unknown>>
}

/** The export stage: all records once, to the chosen formats. */
export interface ExportStage {
  kind: 'export'
  keys: StageKeys
  run(
    config: StageConfig,
    records: AsyncIterable<DocumentRecord>,
    outDir: string
  ): Promise<Array<{name: string; size: number; sha256: string}>>
}
