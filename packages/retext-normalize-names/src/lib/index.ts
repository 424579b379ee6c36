import type {MentionType} from '@copydesk/document'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {findNames} from './find.js'

/** Configuration for `retextNormalizeNames`. */
export interface Options {
  /**
   * Kinds of mentions to report (default: all four, `['person', 'organization', 'place', 'other']`).
   */
  types?: ReadonlyArray<MentionType> | null | undefined
  /**
   * Skip mentions that overlap `file.data.ingest.excluded` (photo credits, related links, …)
   * (default: `true`).
   */
  skipExcluded?: boolean | null | undefined
  /**
   * Reasons of excluded ranges whose names are read all the same (default: `['photo-credit']`):
   * a photo credit is boilerplate for the article text, but it names a real photographer and
   * agency (“Chip Somodevilla/Getty Images”), which are mentions like any other.
   */
  readExcluded?: ReadonlyArray<string> | null | undefined
}

const emptyOptions: Readonly<Options> = Object.freeze({})
const allTypes: ReadonlyArray<MentionType> = ['person', 'organization', 'place', 'other']

/**
 * Find named mentions of people, organizations, places and other names (events, laws, works),
 * split off titles and possessives, and give each the fullest co-referent name in the document.
 *
 * Results go on `file.data.names`; ambiguous short names are reported as `ambiguous-short-name`
 * messages.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transform.
 */
export default function retextNormalizeNames(options?: Readonly<Options> | null | undefined) {
  const settings = options ?? emptyOptions
  const types = settings.types ?? allTypes
  if (!Array.isArray(types) || types.some((type) => !allTypes.includes(type))) {
    throw new TypeError(
      'Unexpected `types` option: expected an array of `person`, `organization`, `place`, `other`'
    )
  }

  const skipExcluded = settings.skipExcluded ?? true
  if (typeof skipExcluded !== 'boolean') {
    throw new TypeError('Unexpected `skipExcluded` option: expected boolean')
  }

  const readExcluded = settings.readExcluded ?? ['photo-credit']
  if (!Array.isArray(readExcluded) || readExcluded.some((reason) => typeof reason !== 'string')) {
    throw new TypeError('Unexpected `readExcluded` option: expected an array of reasons')
  }

  const typeSet = types.length === allTypes.length ? undefined : new Set(types)

  /**
   * @param _tree
   *   Tree (only the file's text is read).
   * @param file
   *   File.
   */
  return function (_tree: Root, file: VFile): undefined {
    const text = String(file)
    const result = findNames(text, {
      excluded: skipExcluded
        ? file.data.ingest?.excluded?.filter((range) => !readExcluded.includes(range.reason))
        : undefined,
      types: typeSet
    })
    file.data.names = {mentions: result.mentions}
    for (const problem of result.problems) {
      const message = file.message(problem.reason, {
        place: {start: offsetToPoint(text, problem.start), end: offsetToPoint(text, problem.end)},
        ruleId: problem.ruleId,
        source: 'retext-normalize-names'
      })
      message.actual = problem.actual
      message.expected = problem.expected
    }
  }
}

function offsetToPoint(text: string, offset: number) {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }

  return {line, column: offset - lineStart + 1, offset}
}
