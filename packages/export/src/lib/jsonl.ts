import fs from 'node:fs'
import path from 'node:path'
import {once} from 'node:events'
import type {DocumentRecord} from '@copydesk/document'

/**
 * Write records as JSON Lines to `file`, atomically: the records go to a
 * temporary file that is renamed over `file` once complete.
 *
 * @returns The number of records written.
 */
export async function writeJsonl(
  file: string,
  records: AsyncIterable<DocumentRecord> | Iterable<DocumentRecord>
): Promise<number> {
  await fs.promises.mkdir(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  const stream = fs.createWriteStream(temporary)
  let count = 0
  try {
    for await (const record of records) {
      if (!stream.write(JSON.stringify(record) + '\n')) await once(stream, 'drain')
      count++
    }

    stream.end()
    await once(stream, 'finish')
    await fs.promises.rename(temporary, file)
  } catch (error) {
    stream.destroy()
    await fs.promises.rm(temporary, {force: true})
    throw error
  }

  return count
}
