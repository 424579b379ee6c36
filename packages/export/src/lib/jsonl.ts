import type {DocumentRecord} from '@copydesk/document'
import {AtomicFile, type ExportedFile, type StagedFile} from './atomic.js'
import {recordJson} from './util.js'
import {drive, type RecordWriter, type Records} from './writer.js'

/**
 * Writer of JSON Lines: one document record per line.
 */
export function createJsonlWriter(file: string): RecordWriter {
  const out = new AtomicFile(file, 'jsonl')
  return {
    async write(record: DocumentRecord) {
      out.write(recordJson(record) + '\n')
      await out.flush()
    },
    async finish(): Promise<Array<StagedFile>> {
      return [await out.finish()]
    },
    abort: () => out.abort()
  }
}

/**
 * Writer of one JSON array of document records, streamed element by element.
 */
export function createJsonWriter(file: string): RecordWriter {
  const out = new AtomicFile(file, 'json')
  let first = true
  return {
    async write(record: DocumentRecord) {
      out.write((first ? '[\n' : ',\n') + recordJson(record))
      first = false
      await out.flush()
    },
    async finish(): Promise<Array<StagedFile>> {
      out.write(first ? '[]\n' : '\n]\n')
      return [await out.finish()]
    },
    abort: () => out.abort()
  }
}

/**
 * Write records as JSON Lines to `file`, atomically: the records go to a
 * temporary file that is renamed over `file` once complete.
 *
 * @returns The number of records written.
 */
export async function writeJsonl(file: string, records: Records): Promise<number> {
  let count = 0
  async function* counted() {
    for await (const record of records) {
      count++
      yield record
    }
  }

  await drive([createJsonlWriter(file)], counted())
  return count
}

/**
 * Write records as one JSON array to `file`, atomically.
 */
export async function writeJson(file: string, records: Records): Promise<Array<ExportedFile>> {
  return drive([createJsonWriter(file)], records)
}
