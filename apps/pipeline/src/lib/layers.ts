import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import {once} from 'node:events'
import {createHash} from 'node:crypto'
import type {RecordMessage} from '@copydesk/document'

/** One line of a stage's annotation layer. */
export interface LayerRecord<Data = unknown> {
  id: string
  data: Data
  messages: Array<RecordMessage>
}

/** Read a JSONL file line by line. */
export async function* readJsonl<T>(file: string): AsyncGenerator<T> {
  const lines = readline.createInterface({input: fs.createReadStream(file), crlfDelay: Infinity})
  for await (const line of lines) {
    if (line) yield JSON.parse(line) as T
  }
}

/**
 * Write JSONL to a temporary file, renamed into place by `close()`; keeps the
 * sha256 and size for the manifest.
 */
export class JsonlWriter {
  readonly file: string
  readonly #temporary: string
  readonly #stream: fs.WriteStream
  readonly #hash = createHash('sha256')
  #size = 0
  count = 0

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    this.file = file
    this.#temporary = `${file}.tmp`
    this.#stream = fs.createWriteStream(this.#temporary)
  }

  async write(value: unknown): Promise<void> {
    await this.writeLine(JSON.stringify(value))
  }

  /** Write one already serialized JSON value. */
  async writeLine(json: string): Promise<void> {
    const line = json + '\n'
    this.#hash.update(line)
    this.#size += Buffer.byteLength(line)
    this.count++
    if (!this.#stream.write(line)) await once(this.#stream, 'drain')
  }

  async close(): Promise<{name: string; size: number; sha256: string}> {
    this.#stream.end()
    await once(this.#stream, 'finish')
    await fs.promises.rename(this.#temporary, this.file)
    return {name: path.basename(this.file), size: this.#size, sha256: this.#hash.digest('hex')}
  }
}
