import type {} from '@copydesk/document'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'

/** Configuration for `retextNormalizeNames`. */
export interface Options {
  /** Also report organizations, places and other names, not only people (default: `true`). */
  allTypes?: boolean | null | undefined
}

const emptyOptions: Readonly<Options> = Object.freeze({})

/**
 * Find named mentions and give each a canonical name.
 *
 * Results go on `file.data.names`.
 */
export default function retextNormalizeNames(options?: Readonly<Options> | null | undefined) {
  const settings = options ?? emptyOptions
  if (settings.allTypes !== undefined && settings.allTypes !== null && typeof settings.allTypes !== 'boolean') {
    throw new TypeError('Unexpected `allTypes` option: expected boolean')
  }

  return function (_tree: Root, file: VFile): undefined {
    file.data.names = {mentions: []}
  }
}
