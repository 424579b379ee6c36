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
  /** A stage's facts for its corpus pass (raw layer only; see `StageResult.corpus`). */
  corpus?: unknown
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
 * sha256 and size for the manifest. Lines are gathered into chunks of about
 * 1 MB: a write per line cost more than making the lines.
 */
export class JsonlWriter {
  readonly file: string
  readonly #temporary: string
  readonly #stream: fs.WriteStream
  readonly #hash = createHash('sha256')
  #size = 0
  #chunk: Array<string> = []
  #chunkLength = 0
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
    this.#chunk.push(json, '\n')
    this.#chunkLength += json.length + 1
    this.count++
    if (this.#chunkLength >= chunkSize) await this.#flush()
  }

  async #flush(): Promise<void> {
    if (this.#chunk.length === 0) return
    const buffer = Buffer.from(this.#chunk.join(''))
    this.#chunk = []
    this.#chunkLength = 0
    this.#hash.update(buffer)
    this.#size += buffer.length
    if (!this.#stream.write(buffer)) await once(this.#stream, 'drain')
  }

  async close(): Promise<{name: string; size: number; sha256: string}> {
    await this.#flush()
    this.#stream.end()
    await once(this.#stream, 'finish')
    await fs.promises.rename(this.#temporary, this.file)
    return {name: path.basename(this.file), size: this.#size, sha256: this.#hash.digest('hex')}
  }
}

/** Characters gathered before a write. */
const chunkSize = 1 << 20
