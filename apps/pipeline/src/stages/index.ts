import type {StageName} from '../lib/paths.js'
import type {StageKeys} from '../lib/config.js'
import {datesStage} from './dates.js'
import {exportStage} from './export.js'
import {linkStage} from './link.js'
import {namesStage} from './names.js'
import type {DocumentStage} from './types.js'

export {exportStage} from './export.js'

/** The per-document stages. */
export const documentStages: Readonly<Record<'names' | 'dates' | 'link', DocumentStage>> = {
  names: namesStage as DocumentStage,
  dates: datesStage as DocumentStage,
  link: linkStage as DocumentStage
}

/** Config keys of every stage (`--config` sections). */
export const stageKeys: Readonly<Record<StageName, StageKeys>> = {
  ingest: {
    published: 'string',
    include: 'string[]',
    exclude: 'string[]',
    fields: 'object',
    duplicates: 'string',
    nearDuplicateThreshold: 'number',
    duplicateWindow: 'number',
    format: 'string',
    boilerplate: 'boolean'
  },
  names: namesStage.keys,
  dates: datesStage.keys,
  link: linkStage.keys,
  export: exportStage.keys
}
