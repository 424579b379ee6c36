import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {once} from 'node:events'
import {finished} from 'node:stream/promises'

/** A file written by the exporter. */
export interface ExportedFile {
  /** Format that wrote the file. */
  format: Format
  /** Absolute path of the file. */
  path: string
  /** Size in bytes. */
  bytes: number
  /** SHA-256 of the content, lowercase hex. */
  sha256: string
}

/** Formats the exporter writes. */
export type Format =
  | 'jsonl'
  | 'json'
  | 'csv'
  | 'jsonld'
  | 'turtle'
  | 'ntriples'
  | 'sqlite'
  | 'html'

let counter = 0

/** Size of the encoding buffer of `AtomicFile`. */
const chunkSize = 65_536

/** A file complete under its temporary name, waiting to be renamed. */
export interface StagedFile extends ExportedFile {
  /** Temporary path, in the same folder as `path`. */
  temporary: string
}

/** Rename staged files to their targets. */
export async function publish(staged: Array<StagedFile>): Promise<Array<ExportedFile>> {
  const files: Array<ExportedFile> = []
  for (const file of staged) {
    await fs.promises.rename(file.temporary, file.path)
    files.push({format: file.format, path: file.path, bytes: file.bytes, sha256: file.sha256})
  }

  return files
}

/** Remove staged files that were not published. */
export async function discard(staged: Array<StagedFile>): Promise<void> {
  await Promise.all(staged.map((file) => fs.promises.rm(file.temporary, {force: true})))
}

/**
 * Name of a temporary file next to `file`: same folder (so that `rename` is
 * atomic), hidden, unique per process and call.
 */
export function temporaryPath(file: string): string {
  counter++
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${counter}.${crypto.randomBytes(4).toString('hex')}.tmp`
  )
}

/**
 * A text file written through a temporary file, complete after `finish` and
 * renamed over its target only by `publish`; `abort` removes the temporary file.
 * Size and SHA-256 are computed while writing.
 */
export class AtomicFile {
  readonly file: string
  readonly format: Format
  private readonly temporary: string
  private stream: fs.WriteStream | undefined
  private readonly hash = crypto.createHash('sha256')
  private bytes = 0
  /** Encoded text not yet handed to the stream. */
  private buffer: Buffer = Buffer.allocUnsafe(chunkSize)
  private used = 0
  private ready: Array<Buffer> = []
  private readyBytes = 0
  private done = false
  private error: Error | undefined

  constructor(file: string, format: Format) {
    this.file = path.resolve(file)
    this.format = format
    this.temporary = temporaryPath(this.file)
  }

  /** Queue text; it goes to disk on `flush` once enough is buffered. */
  write(chunk: string): void {
    if (this.done) throw new Error('Cannot write to `' + this.file + '`: already closed')
    if (chunk.length === 0) return
    // A UTF-16 unit is at most 3 UTF-8 bytes: encode straight into the buffer
    // when it surely fits, saving the joined string and its garbage.
    if (this.used + chunk.length * 3 > chunkSize) {
      this.seal()
      if (chunk.length * 3 > chunkSize) {
        this.push(Buffer.from(chunk, 'utf8'))
        return
      }
    }

    this.used += this.buffer.write(chunk, this.used, 'utf8')
  }

  private seal() {
    if (this.used === 0) return
    this.push(this.buffer.subarray(0, this.used))
    this.buffer = Buffer.allocUnsafe(chunkSize)
    this.used = 0
  }

  private push(bytes: Buffer) {
    this.hash.update(bytes)
    this.bytes += bytes.length
    this.ready.push(bytes)
    this.readyBytes += bytes.length
  }

  /** Hand encoded text to the disk, waiting when the disk falls far behind. */
  async flush(force = false): Promise<void> {
    if (this.error) throw this.error
    if (force) this.seal()
    if (this.readyBytes === 0 || (!force && this.readyBytes < 262_144)) return
    if (!this.stream) {
      await fs.promises.mkdir(path.dirname(this.file), {recursive: true})
      this.stream = fs.createWriteStream(this.temporary, {flags: 'wx', highWaterMark: 1_048_576})
      this.stream.on('error', (error) => {
        this.error = error
      })
    }

    const chunks = this.ready
    this.ready = []
    this.readyBytes = 0
    for (const chunk of chunks) this.stream.write(chunk)
    // Let the disk lag behind a little (bounded), rather than stopping every
    // writer of a multi-format run at each chunk.
    if (this.stream.writableLength > 8_388_608) await once(this.stream, 'drain')
  }

  /** Finish the file under its temporary name (see `publish`). */
  async finish(): Promise<StagedFile> {
    await this.flush(true)
    if (!this.stream) {
      // Empty file.
      await fs.promises.mkdir(path.dirname(this.file), {recursive: true})
      this.stream = fs.createWriteStream(this.temporary, {flags: 'wx'})
    }

    this.done = true
    const stream = this.stream
    stream.end()
    await finished(stream)
    if (!stream.closed) await once(stream, 'close')
    return {
      format: this.format,
      path: this.file,
      temporary: this.temporary,
      bytes: this.bytes,
      sha256: this.hash.digest('hex')
    }
  }

  /** Drop the temporary file; the target is left as it was. */
  async abort(): Promise<void> {
    this.done = true
    this.ready = []
    if (this.stream) {
      const stream = this.stream
      if (!stream.closed) {
        stream.destroy()
        await once(stream, 'close').catch(() => {})
      }
    }

    await fs.promises.rm(this.temporary, {force: true})
  }
}

/** Size and SHA-256 of a finished temporary file on disk. */
export async function stageFile(
  temporary: string,
  file: string,
  format: Format
): Promise<StagedFile> {
  const hash = crypto.createHash('sha256')
  let bytes = 0
  for await (const chunk of fs.createReadStream(temporary)) {
    const buffer = chunk as Buffer
    hash.update(buffer)
    bytes += buffer.length
  }

  return {format, path: path.resolve(file), temporary, bytes, sha256: hash.digest('hex')}
}

const madeFolders = new Set<string>()

/**
 * Write `content` to a temporary file next to `file` in one call, for many
 * small files (report pages). Publish it with `publish`.
 */
export async function stageText(file: string, format: Format, content: string): Promise<StagedFile> {
  const target = path.resolve(file)
  const folder = path.dirname(target)
  if (!madeFolders.has(folder)) {
    await fs.promises.mkdir(folder, {recursive: true})
    madeFolders.add(folder)
  }

  const temporary = temporaryPath(target)
  const buffer = Buffer.from(content, 'utf8')
  await fs.promises.writeFile(temporary, buffer, {flag: 'wx'})
  return {
    format,
    path: target,
    temporary,
    bytes: buffer.length,
    sha256: crypto.createHash('sha256').update(buffer).digest('hex')
  }
}
