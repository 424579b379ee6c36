import type {DocumentRecord} from '@copydesk/document'
import {discard, publish, type ExportedFile, type StagedFile} from './atomic.js'

/**
 * A writer for one format: fed records one by one, then finished (its files
 * complete under temporary names) or aborted (no file left behind).
 */
export interface RecordWriter {
  write(record: DocumentRecord): Promise<void>
  finish(): Promise<Array<StagedFile>>
  abort(): Promise<void>
}

/** Records, sync or async. */
export type Records = AsyncIterable<DocumentRecord> | Iterable<DocumentRecord>

/**
 * Stream `records` once through `writers`, finish them all, then rename their
 * files into place.
 * On any error every writer is aborted and the error is rethrown: no new file
 * appears unless all of them are complete.
 */
export async function drive(
  writers: Array<RecordWriter>,
  records: Records
): Promise<Array<ExportedFile>> {
  const staged: Array<StagedFile> = []
  try {
    for await (const record of records) {
      for (const writer of writers) await writer.write(record)
    }

    for (const writer of writers) staged.push(...(await writer.finish()))
  } catch (error) {
    await Promise.all(writers.map((writer) => writer.abort().catch(() => {})))
    await discard(staged)
    throw error
  }

  return publish(staged)
}
