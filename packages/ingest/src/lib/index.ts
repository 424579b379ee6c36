import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {IngestData, InputFormat} from '@copydesk/document'

/** Configuration for `ingest`. */
export interface Options {
  /** Publication date to use when a document has none (ISO 8601; default: none). */
  published?: string | null | undefined
}

/**
 * Read documents from files and directories.
 *
 * Yields one VFile per document. A document that cannot be read is yielded
 * too, with empty text and a fatal message naming the file (and line).
 */
export async function* ingest(
  paths: ReadonlyArray<string>,
  options?: Readonly<Options> | null | undefined
): AsyncGenerator<VFile> {
  const settings = options ?? {}
  for (const filePath of paths) {
    const stat = await fs.stat(filePath)
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(filePath)).sort()
      yield* ingest(entries.map((entry) => path.join(filePath, entry)), settings)
      continue
    }

    const extension = path.extname(filePath).toLowerCase()
    if (extension === '.jsonl' || extension === '.ndjson') {
      const content = await fs.readFile(filePath, 'utf8')
      const lines = content.split('\n')
      for (let index = 0; index < lines.length; index++) {
        const line = lines[index].trim()
        if (!line) continue
        let record: Record<string, unknown>
        try {
          record = JSON.parse(line) as Record<string, unknown>
        } catch (error) {
          yield failed(filePath, 'jsonl', index + 1, `Cannot parse JSON: ${String(error)}`)
          continue
        }

        const text = typeof record.text === 'string' ? record.text : ''
        yield create(text, {
          id: typeof record.id === 'string' ? record.id : undefined,
          title: str(record.title),
          url: str(record.url),
          outlet: str(record.outlet),
          published: str(record.published) ?? settings.published ?? null,
          source: {path: filePath, format: 'jsonl', line: index + 1}
        })
      }
    } else {
      const text = await fs.readFile(filePath, 'utf8')
      yield create(text, {
        title: null,
        url: null,
        outlet: null,
        published: settings.published ?? null,
        source: {path: filePath, format: 'text'}
      })
    }
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null
}

function create(
  text: string,
  meta: Omit<IngestData, 'id' | 'authors' | 'language' | 'excluded'> & {id?: string | undefined}
): VFile {
  const contentHash = createHash('sha256').update(text).digest('hex')
  const id = meta.id ?? `${path.basename(meta.source.path).replace(/\.[^.]+$/, '')}${meta.source.line ? '-' + meta.source.line : ''}`
  const file = new VFile({path: meta.source.path, value: text})
  file.data.ingest = {...meta, id, authors: [], language: 'en', excluded: [], contentHash}
  return file
}

function failed(filePath: string, format: InputFormat, line: number | undefined, reason: string): VFile {
  const file = new VFile({path: filePath, value: ''})
  file.data.ingest = {
    id: `${path.basename(filePath)}${line ? ':' + line : ''}`,
    title: null,
    url: null,
    outlet: null,
    published: null,
    authors: [],
    language: null,
    excluded: [],
    source: line === undefined ? {path: filePath, format} : {path: filePath, format, line}
  }
  const message = new VFileMessage(reason, {ruleId: 'unreadable', source: 'copydesk-ingest'})
  message.fatal = true
  message.file = filePath
  file.messages.push(message)
  return file
}
