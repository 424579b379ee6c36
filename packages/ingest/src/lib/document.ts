import type {ExcludedRange, IngestData, Provenance} from '@copydesk/document'
import {VFile} from 'vfile'
import {cleanAuthors} from './authors.js'
import {bylineFromText, findBoilerplate} from './boilerplate.js'
import type {DateCandidate} from './dates.js'
import {confidenceBySource, dateFromDateline, dateFromUrl, day} from './dates.js'
import type {Settings} from './options.js'

const origin = 'copydesk-ingest'

/** A document before its metadata is settled. */
export interface Draft {
  text: string
  id?: string | null | undefined
  title?: string | null | undefined
  url?: string | null | undefined
  outlet?: string | null | undefined
  language?: string | null | undefined
  authors?: Array<string> | undefined
  dates?: Array<DateCandidate> | undefined
  /** Ranges already known (such as front matter). */
  excluded?: Array<ExcludedRange> | undefined
  /** Where boilerplate search starts (after front matter). */
  bodyStart?: number | undefined
  warnings?: Array<{ruleId: string; reason: string}> | undefined
  source: Provenance
}

const order = ['record', 'front-matter', 'json-ld', 'feed', 'meta', 'time', 'url', 'dateline', 'warc']

/** Turn a draft into a VFile with `file.data.ingest`. */
export function finish(draft: Draft, fallbackId: string, config: Settings): VFile {
  const file = new VFile({path: draft.source.path, value: draft.text})
  for (const warning of draft.warnings ?? []) {
    file.message(warning.reason, {ruleId: warning.ruleId, source: origin})
  }

  const dates = [...(draft.dates ?? [])]
  const body = draft.text.slice(draft.bodyStart ?? 0)
  const header = bylineFromText(body)
  const dateline = dateFromDateline(body) ?? header.date
  if (dateline) dates.push({value: dateline, source: 'dateline'})
  const urlDate = dateFromUrl(draft.url)
  if (urlDate && !dates.some((candidate) => candidate.source === 'url')) dates.push({value: urlDate, source: 'url'})
  dates.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source))

  let published: string | null = null
  let publishedSource: string | undefined
  let publishedConfidence: number | undefined
  if (dates.length > 0) {
    const chosen = dates[0]
    published = chosen.value
    publishedSource = chosen.source
    publishedConfidence = confidenceBySource[chosen.source] ?? 0.5
    const disagree = dates.filter((candidate) => day(candidate.value) !== day(chosen.value))
    if (disagree.length > 0) {
      const message = file.message(
        `Publication dates disagree: ${dates.map((candidate) => `${candidate.source} \`${candidate.value}\``).join(', ')}; using ${chosen.source}`,
        {ruleId: 'published-conflict', source: origin}
      )
      message.actual = disagree.map((candidate) => candidate.value).join(', ')
      message.expected = [chosen.value]
      if (chosen.source !== 'record') {
        const agree = dates.length - disagree.length
        publishedConfidence = Math.round(publishedConfidence * (agree / dates.length) * 100) / 100
      }
    }
  } else if (config.published) {
    published = config.published
    publishedSource = 'option'
    publishedConfidence = confidenceBySource.option
  }

  const title = draft.title?.replace(/\s+/g, ' ').trim() || null
  // Captions found in the DOM are boilerplate too; front matter is always set aside.
  const excluded = (draft.excluded ?? []).filter((range) => config.boilerplate || range.reason === 'front-matter')
  let authors = cleanAuthors(draft.authors ?? [])
  if (authors.length === 0) authors = cleanAuthors(header.authors)
  const outlet = draft.outlet?.trim() || null
  if (outlet) authors = authors.filter((author) => author.toLowerCase() !== outlet.toLowerCase())
  if (config.boilerplate) {
    for (const range of findBoilerplate(draft.text, title, draft.bodyStart ?? 0, authors)) {
      if (!excluded.some((known) => known.start < range.end && range.start < known.end)) excluded.push(range)
    }
  }
  excluded.sort((a, b) => a.start - b.start)

  const data: IngestData = {
    id: draft.id ?? fallbackId,
    title,
    url: draft.url ?? null,
    outlet,
    published,
    authors,
    language: draft.language ? draft.language.split(/[-_]/)[0].toLowerCase() : null,
    excluded,
    source: draft.source
  }
  if (publishedSource) data.publishedSource = publishedSource
  if (publishedConfidence !== undefined) data.publishedConfidence = publishedConfidence
  file.data.ingest = data
  return file
}

/** A document that could not be read: empty text and a fatal message naming the file (and line). */
export function failure(source: Provenance, id: string, ruleId: string, reason: string): VFile {
  const file = new VFile({path: source.path, value: ''})
  file.data.ingest = {
    id,
    title: null,
    url: null,
    outlet: null,
    published: null,
    authors: [],
    language: null,
    excluded: [],
    source
  }
  const where = source.line === undefined ? source.path : `${source.path}:${source.line}`
  const message = file.message(`${where}: ${reason}`, {
    ruleId,
    source: origin,
    place: source.line === undefined ? undefined : {line: source.line, column: 1}
  })
  message.fatal = true
  return file
}
