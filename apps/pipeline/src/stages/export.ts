import path from 'node:path'
import type {Format} from '@copydesk/export'
import type {ExportStage} from './types.js'

/** Check a `--format` list; `all` is every format. Rejects with an Error naming an unknown format. */
export async function parseFormats(value: string): Promise<Array<string>> {
  const {parseFormats: parse} = await import('@copydesk/export')
  return parse(value)
}

/** The export stage: streams the records once through every chosen format. */
export const exportStage: ExportStage = {
  kind: 'export',
  keys: {},
  async run(config, records, outDir) {
    const {exportRecords, parseFormats: parse} = await import('@copydesk/export')
    const chosen = Array.isArray(config.formats) ? (config.formats as Array<string>) : ['jsonl']
    const files = await exportRecords(records, {
      outDir,
      formats: parse(chosen.join(',')) as Array<Format>
    })
    return files.map((file) => ({
      name: path.relative(outDir, file.path).split(path.sep).join('/'),
      size: file.bytes,
      sha256: file.sha256
    }))
  }
}
