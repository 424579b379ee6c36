import path from 'node:path'
import {writeJsonl} from '@copydesk/export'
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import type {ExportStage} from './types.js'

/** Formats this stage can write. */
export const knownFormats = ['jsonl'] as const

/** Check a `--format` list; `all` is every format. */
export function parseFormats(value: string): Array<string> {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean)
  if (formats.length === 0) throw new Error('Expected at least one format')
  const result = new Set<string>()
  for (const format of formats) {
    if (format === 'all') {
      for (const f of knownFormats) result.add(f)
    } else if ((knownFormats as ReadonlyArray<string>).includes(format)) {
      result.add(format)
    } else {
      throw new Error(`Unknown format \`${format}\`, expected one of: ${[...knownFormats, 'all'].join(', ')}`)
    }
  }

  return [...result]
}

/** The export stage: writes the records in the chosen formats. */
export const exportStage: ExportStage = {
  kind: 'export',
  keys: {},
  async run(_config, records, outDir) {
    const file = path.join(outDir, 'documents.jsonl')
    await writeJsonl(file, records)
    const content = await fs.readFile(file)
    return [{name: 'documents.jsonl', size: content.length, sha256: createHash('sha256').update(content).digest('hex')}]
  }
}
