import path from 'node:path'
import {exportRecords, formats, parseFormats as parseExportFormats, type Format} from '@copydesk/export'
import type {ExportStage} from './types.js'

/** Formats this stage can write. */
export const knownFormats: ReadonlyArray<string> = formats

/** Check a `--format` list; `all` is every format. Throws an Error naming an unknown format. */
export function parseFormats(value: string): Array<string> {
  return parseExportFormats(value)
}

/** The export stage: streams the records once through every chosen format. */
export const exportStage: ExportStage = {
  kind: 'export',
  keys: {},
  async run(config, records, outDir) {
    const chosen = Array.isArray(config.formats) ? (config.formats as Array<string>) : ['jsonl']
    const files = await exportRecords(records, {
      outDir,
      formats: parseExportFormats(chosen.join(',')) as Array<Format>
    })
    return files.map((file) => ({
      name: path.relative(outDir, file.path).split(path.sep).join('/'),
      size: file.bytes,
      sha256: file.sha256
    }))
  }
}
