/**
 * What crosses between the main thread and the ingest worker threads: a
 * document's VFile as plain data, and back.
 */
import type {IngestData} from '@copydesk/document'
import {VFile} from 'vfile'
import type {Options} from './options.js'

/** A task of the pool: files to read, with the names their ids derive from. */
export interface WorkerTask {
  options: Omit<Options, 'stdin' | 'cache'>
  /** Files, with their bytes when already read (for the cache key). */
  files: Array<{path: string; name: string; bytes?: Uint8Array}>
}

/** A message of a document, as plain data. */
interface SerializedMessage {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | null | undefined
  line: number | undefined
  column: number | undefined
  actual: string | undefined
  expected: Array<string> | undefined
}

/** A parsed document (see `Parsed`) as plain data. */
export interface SerializedParsed {
  value: string
  path: string | undefined
  data: IngestData
  messages: Array<SerializedMessage>
  failed: boolean
  signature: Uint32Array | null
  empty: boolean
}

/** Flatten a parsed document for `postMessage`. */
export function serialize(parsed: {file: VFile; failed: boolean; signature: Uint32Array | null; empty: boolean}): SerializedParsed {
  const {file} = parsed
  return {
    value: String(file.value),
    path: file.path,
    data: file.data.ingest!,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      line: message.line,
      column: message.column,
      actual: message.actual,
      expected: message.expected
    })),
    failed: parsed.failed,
    signature: parsed.signature,
    empty: parsed.empty
  }
}

/** Rebuild a parsed document from `serialize`'s output. */
export function revive(document: SerializedParsed): {file: VFile; failed: boolean; signature: Uint32Array | null; empty: boolean} {
  const file = new VFile({path: document.path, value: document.value})
  file.data.ingest = document.data
  for (const item of document.messages) {
    const message = file.message(item.reason, {
      ruleId: item.ruleId,
      source: item.source,
      place: item.line === undefined ? undefined : {line: item.line, column: item.column ?? 1}
    })
    message.fatal = item.fatal
    if (item.actual !== undefined) message.actual = item.actual
    if (item.expected !== undefined) message.expected = item.expected
  }
  return {file, failed: document.failed, signature: document.signature, empty: document.empty}
}

/** A parsed document as one line of text, for the cache (the signature in base64). */
export function toCacheLine(document: SerializedParsed): string {
  const {signature} = document
  return JSON.stringify({
    ...document,
    signature: signature ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64') : null
  })
}

/** Read `toCacheLine`'s output back. */
export function fromCacheLine(line: string): SerializedParsed {
  const value = JSON.parse(line) as Omit<SerializedParsed, 'signature'> & {signature: string | null}
  if (typeof value.value !== 'string' || typeof value.data !== 'object' || !Array.isArray(value.messages)) {
    throw new TypeError('Not a cached document')
  }
  let signature: Uint32Array | null = null
  if (value.signature !== null) {
    const bytes = Buffer.from(value.signature, 'base64')
    signature = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  }
  return {...value, signature}
}
