import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {VFile} from 'vfile'
import {afterAll} from 'vitest'
import type {IngestSummary, Options} from '../src/index.js'
import {ingest} from '../src/index.js'

/** Run `ingest` to the end: the files and the summary it returns. */
export async function collect(
  paths: ReadonlyArray<string> | string,
  options?: Options
): Promise<{files: Array<VFile>; summary: IngestSummary}> {
  const files: Array<VFile> = []
  const generator = ingest(paths, options)
  for (;;) {
    const next = await generator.next()
    if (next.done) return {files, summary: next.value}
    files.push(next.value)
  }
}

const created: Array<string> = []
afterAll(() => {
  for (const root of created.splice(0)) fs.rmSync(root, {recursive: true, force: true})
})

/** A fresh temporary folder with the given files (string or bytes), removed after the test file. */
export function folder(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ingest-'))
  created.push(root)
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name)
    fs.mkdirSync(path.dirname(full), {recursive: true})
    fs.writeFileSync(full, content)
  }
  return root
}

/** `[reason, text]` of each excluded range. */
export function excluded(file: VFile): Array<[string, string]> {
  const text = String(file.value)
  return (file.data.ingest?.excluded ?? []).map((range) => [range.reason, text.slice(range.start, range.end)])
}

/** `[ruleId, fatal]` of each message. */
export function rules(file: VFile): Array<[string | undefined, boolean | null | undefined]> {
  return file.messages.map((message) => [message.ruleId, message.fatal])
}
