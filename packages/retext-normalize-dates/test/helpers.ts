import type {DateAnnotation} from '@copydesk/document'
import {retext} from 'retext'
import {VFile} from 'vfile'
import retextNormalizeDates, {type Options} from '../src/index.js'

/** Run the plugin on `text` the way the pipeline does, with an ingest record. */
export function run(
  text: string,
  published: string | null = '2024-04-26',
  extra: {options?: Options; excluded?: Array<{start: number; end: number; reason: string}>} = {}
): VFile {
  const file = new VFile(text)
  file.data.ingest = {
    id: 'fixture',
    title: null,
    url: null,
    outlet: null,
    published,
    authors: [],
    language: 'en',
    excluded: extra.excluded ?? [],
    source: {path: '-', format: 'text'}
  }
  const processor = retext().use(retextNormalizeDates, extra.options)
  processor.runSync(processor.parse(file), file)
  return file
}

/** `[text, value]` pairs of the annotations. */
export function values(text: string, published: string | null = '2024-04-26'): Array<[string, string]> {
  return dates(text, published).map((d) => [d.text, d.value])
}

export function dates(text: string, published: string | null = '2024-04-26'): Array<DateAnnotation> {
  return run(text, published).data.dates!.dates
}
