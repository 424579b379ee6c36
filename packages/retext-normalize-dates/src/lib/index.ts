import type {DateAnnotation, DatesData} from '@copydesk/document'
import {isExcluded} from '@copydesk/document'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {type Day, daysBetween, formatDay, parseReference, weekday} from './calendar.js'
import {type Context, type Resolved, resolve, weekdayName} from './resolve.js'
import {type Candidate, scan} from './scan.js'

/** Configuration for `retextNormalizeDates`. */
export interface Options {
  /** Reference (publication) date, ISO 8601; overrides `file.data.ingest.published` (default: none). */
  published?: string | null | undefined
}

const emptyOptions: Readonly<Options> = Object.freeze({})
const source = 'retext-normalize-dates'

/**
 * Find temporal expressions and normalize them to TIMEX3 values.
 *
 * Results go on `file.data.dates`.
 */
export default function retextNormalizeDates(options?: Readonly<Options> | null | undefined) {
  const settings = options ?? emptyOptions
  if (settings.published !== undefined && settings.published !== null) {
    if (typeof settings.published !== 'string' || !parseReference(settings.published)) {
      throw new TypeError('Unexpected `published` option: expected an ISO 8601 date')
    }
  }

  return function (_tree: Root, file: VFile): undefined {
    normalizeDates(file, settings.published ?? undefined)
  }
}

/** Quoted stretches of the text: “…”, "…" (straight quotes pair up within a paragraph). */
function quoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let open = -1
  let curly = -1
  for (let index = 0; index < text.length; index++) {
    const c = text.charCodeAt(index)
    if (c === 0x20_1c) curly = index
    else if (c === 0x20_1d && curly !== -1) {
      spans.push([curly, index])
      curly = -1
    } else if (c === 34) {
      if (open === -1) open = index
      else {
        spans.push([open, index])
        open = -1
      }
    } else if (c === 10) {
      if (open !== -1) spans.push([open, index])
      if (curly !== -1) spans.push([curly, index])
      open = -1
      curly = -1
    }
  }

  if (open !== -1) spans.push([open, text.length])
  if (curly !== -1) spans.push([curly, text.length])
  return spans.sort((a, b) => a[0] - b[0])
}

interface Pending {
  candidate: Candidate
  resolved: Resolved
  annotation: DateAnnotation
}

function normalizeDates(file: VFile, published: string | undefined): void {
  const text = String(file)
  const referenceText = published ?? file.data.ingest?.published ?? null
  const ref: Day | null = referenceText ? parseReference(referenceText) : null
  const excluded = file.data.ingest?.excluded
  const quotes = quoteSpans(text)
  const place = location(file)
  const ctx: Context = {
    text,
    ref,
    last: null,
    lastPoint: null,
    lede: null,
    inQuote(offset) {
      for (const [s, e] of quotes) {
        if (s > offset) return false
        if (offset < e) return true
      }

      return false
    }
  }

  const pending: Array<Pending> = []
  const message = (reason: string, start: number, end: number, ruleId: string, extra?: {actual?: string; expected?: Array<string>; note?: string}) => {
    const startPoint = place.toPoint(start)
    const endPoint = place.toPoint(end)
    const m = file.message(reason, {
      place: startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined,
      ruleId,
      source
    })
    if (extra?.actual !== undefined) m.actual = extra.actual
    if (extra?.expected) m.expected = extra.expected
    if (extra?.note) m.note = extra.note
  }

  const handle = (candidate: Candidate): Pending | undefined => {
    const {start, end} = candidate
    const resolved = resolve(candidate.spec, ctx, start, end)
    const surface = text.slice(start, end)
    if (resolved.impossible) {
      message(`Unexpected date \`${surface}\`: ${resolved.impossible} does not exist`, start, end, 'impossible-date', {actual: surface})
      return undefined
    }

    if (resolved.mismatch && resolved.day) {
      const stated = weekdayName(resolved.mismatch.stated)
      const actual = weekdayName(resolved.mismatch.actual)
      message(
        `Unexpected weekday \`${stated}\` in \`${surface}\`: ${formatDay(resolved.day)} is a ${actual}`,
        start,
        end,
        'weekday-mismatch',
        {actual: stated, expected: [actual], note: 'The value follows the date, not the weekday.'}
      )
    }

    const annotation: DateAnnotation = {id: '', start, end, text: surface, type: candidate.type, value: resolved.value}
    if (resolved.symbolic && resolved.symbolic !== resolved.value) annotation.symbolic = resolved.symbolic
    if (resolved.anchor) annotation.anchor = resolved.anchor
    if (resolved.mod) annotation.mod = resolved.mod
    const item: Pending = {candidate, resolved, annotation}
    pending.push(item)
    if (candidate.type !== 'DURATION' && candidate.type !== 'SET' && (resolved.point ?? resolved.day)) {
      ctx.lastPoint = {day: (resolved.point ?? resolved.day)!, id: `#${pending.length - 1}`}
    }

    if (resolved.day && candidate.type !== 'DURATION') {
      // Ids are given at the end: anchor on a provisional key, the index in `pending`.
      ctx.last = {day: resolved.day, id: `#${pending.length - 1}`}
      if (!ctx.lede && ref && daysBetween(resolved.day, ref) !== 0 && resolved.explicit) {
        ctx.lede = ctx.last
      }
    }

    return item
  }

  for (const candidate of scan(text)) {
    if (isExcluded(excluded, candidate.start, candidate.end)) continue
    if (candidate.children) {
      const container: Pending = {
        candidate,
        resolved: {value: ''},
        annotation: {id: '', start: candidate.start, end: candidate.end, text: text.slice(candidate.start, candidate.end), type: candidate.type, value: ''}
      }
      pending.push(container)
      const parts = candidate.children.map((child) => handle(child))
      const [first, second] = parts
      if (!first || !second) {
        pending.splice(pending.indexOf(container), 1)
        continue
      }

      container.annotation.value = rangeValue(first, second, candidate)
      container.annotation.range = {begin: first.annotation.value, end: second.annotation.value}
      continue
    }

    handle(candidate)
  }

  // Ids in text order (a range before its parts).
  const annotations = pending
    .map((p) => p.annotation)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  for (const [index, annotation] of annotations.entries()) annotation.id = `t${index + 1}`
  for (const annotation of annotations) {
    if (annotation.anchor && annotation.anchor !== 'published') {
      annotation.anchor = anchorId(pending, annotation.anchor)
    }
  }

  checkConsistency(pending, ref, text, message)
  const data: DatesData = {dates: annotations, reference: referenceText}
  file.data.dates = data
}

/** Anchors were recorded before ids existed: map them through the anchored annotation. */
function anchorId(pending: Array<Pending>, anchor: string): string {
  return anchor.startsWith('#') ? (pending[Number(anchor.slice(1))]?.annotation.id ?? anchor) : anchor
}

function rangeValue(first: Pending, second: Pending, candidate: Candidate): string {
  const a = first.resolved.day
  const b = second.resolved.day
  if (a && b) {
    const days = daysBetween(b, a)
    return days > 0 ? `P${days}D` : candidate.spec.kind === 'fixed' ? candidate.spec.value : 'PXD'
  }

  return candidate.spec.kind === 'fixed' ? candidate.spec.value : 'PXD'
}

/**
 * Article-level check: a bare weekday resolved on the publication date that names the same
 * weekday as an explicit date of the article, but lands on another day.
 */
function checkConsistency(
  pending: Array<Pending>,
  ref: Day | null,
  text: string,
  message: (reason: string, start: number, end: number, ruleId: string, extra?: {actual?: string; expected?: Array<string>; note?: string}) => void
): void {
  if (!ref) return
  // “yesterday (April 24)”, “today, April 25,”: a relative day and the date written beside it.
  for (const [index, p] of pending.entries()) {
    const spec = p.candidate.spec
    const next = pending[index + 1]
    if (spec.kind !== 'relative' || spec.unit !== 'day' || !p.resolved.day || !next?.resolved.explicit || !next.resolved.day) continue
    if (!/^[\s,(–—-]{1,4}$/.test(text.slice(p.annotation.end, next.annotation.start))) continue
    if (daysBetween(next.resolved.day, p.resolved.day) === 0) continue
    message(
      `Unexpected date conflict: \`${p.annotation.text}\` is ${formatDay(p.resolved.day)}, but the date beside it, \`${next.annotation.text}\`, is ${formatDay(next.resolved.day)}`,
      p.annotation.start,
      next.annotation.end,
      'date-conflict',
      {actual: formatDay(p.resolved.day), expected: [formatDay(next.resolved.day)]}
    )
  }

  // Explicit dates near the publication date, by weekday: the first of each
  // day, in document order (later ones of the same day would clash the same
  // way), so each weekday is checked against a few days, not every date of a
  // long document.
  const byWeekday = new Map<number, Array<{pending: Pending; time: number; side: number}>>()
  for (const p of pending) {
    const day = p.resolved.day
    if (!p.resolved.explicit || !day || Math.abs(daysBetween(day, ref)) > 14) continue
    const key = weekday(day)
    let days = byWeekday.get(key)
    if (!days) byWeekday.set(key, (days = []))
    const time = day.getTime()
    if (!days.some((known) => known.time === time)) days.push({pending: p, time, side: Math.sign(daysBetween(day, ref))})
  }

  for (const p of pending) {
    const spec = p.candidate.spec
    const day = p.resolved.day
    if (spec.kind !== 'weekday' || spec.dir !== 'tense' || spec.anaphoric || !day) continue
    // Only an explicit date on the same side of the publication date: a past Friday and a
    // Friday to come are both plausible.
    const side = Math.sign(daysBetween(day, ref))
    const time = day.getTime()
    const clash = byWeekday.get(weekday(day))?.find((known) => known.time !== time && known.side === side)?.pending
    if (clash) {
      message(
        `Unexpected date conflict: \`${p.annotation.text}\` resolves to ${formatDay(day)} from the publication date, but \`${clash.annotation.text}\` (${clash.annotation.id}) is ${formatDay(clash.resolved.day!)}, also a ${weekdayName(weekday(day))}`,
        p.annotation.start,
        p.annotation.end,
        'date-conflict',
        {actual: formatDay(day), expected: [formatDay(clash.resolved.day!)]}
      )
    }
  }
}
