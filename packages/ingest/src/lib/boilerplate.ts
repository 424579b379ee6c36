import type {ExcludedRange} from '@copydesk/document'
import {findDateInText} from './dates.js'

const credit =
  /(?:\bGetty Images\b|\bAFP\b.*\bGetty\b|\bREUTERS\/\s*[A-Z]|\bAP Photo\b|\/\s*Photographer\b|\/\s*(?:Shutterstock|Alamy|EPA(?:-EFE)?|Bloomberg|AP|AFP|Reuters|Pool)\b\s*\)?\s*$|\((?:Photo|Photograph|Image|Picture)(?: by| credit)?:?\s[^)]*\)\s*$|\b(?:photo )?courtesy (?:of )?[\p{Lu}][^.]*\)?\s*$|^(?:Photo|Photograph|Image|Picture|Credit|Photo credit|Illustration)(?: by)?\s*:\s)/iu
const relatedHead = /^(?:read more|related(?: stories| articles| coverage| content)?|see also|more from [\w .'-]+|also read|recommended(?: for you)?|more stories|more coverage|you (?:may|might) also like|trending(?: now)?|most read|most popular|latest news|more:)\s*[:>»…-]?\s*/i
const lone =
  /^(?:next|previous|next article|previous article|advertisement|ad|sponsored|skip advertisement|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue|back to top|loading\.*|[<>»«]\s*(?:next|prev(?:ious)?)|(?:next|prev(?:ious)?)\s*[<>»«])$/i
const share =
  /^(?:share(?: this)?(?: (?:story|article|page|on \w+))?|share via|tweet|email|copy link|print|save|comment|follow us(?: on [\w ,&]+)?|subscribe(?: now| to [\w .'-]+| for [\w .,'-]+)?|sign up(?: for [\w .,'-]+)?|get (?:our|the) [\w .'-]+ newsletter|click here to subscribe[\w .,'-]*|join (?:the conversation|our [\w ]+)|download (?:the|our) app[\w .,'-]*|(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|print|copy link|flipboard)(?:[\s,|/·•]+(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|print|copy link|flipboard))*)\s*[.!:]?$/i

const copyright = /^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)/i
const subscribe =
  /\b(?:subscribe (?:now|today|to|for)|free articles?|sign up (?:for|to)|already a subscriber|log in to (?:continue|read)|unlimited (?:digital )?access|support (?:our|local) journalism)\b/i
const byline = /^(?:by|written by|reported by|words by)\s+\p{Lu}/iu
const dateOnly = /^(?:(?:updated|published|posted|last updated)\s*:?\s*)?.{0,40}$/i

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length
}

function norm(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * Find boilerplate lines in text: photo credits and captions, related-story
 * teasers and the link lists after them, a lone "Next", share and subscribe
 * lines, headlines repeated later in the text. Returns ranges into `text`
 * (each a whole line, without its line break), sorted.
 */
export function findBoilerplate(
  text: string,
  title: string | null,
  from = 0,
  authors: ReadonlyArray<string> = []
): Array<ExcludedRange> {
  let lineIndex = 0
  const ranges: Array<ExcludedRange> = []
  const normalizedTitle = title ? norm(title) : ''
  const seenHeadings = new Set<string>()
  let inRelated = false
  let titleSeen = false
  const lineBreak = /\r?\n|\r/g
  let start = from
  let match: RegExpExecArray | null
  lineBreak.lastIndex = from
  while (start <= text.length) {
    match = lineBreak.exec(text)
    const end = match ? match.index : text.length
    const raw = text.slice(start, end)
    const line = raw.trim()
    if (line) {
      const lead = start + raw.indexOf(line)
      const range = (reason: string) => ranges.push({start: lead, end: lead + line.length, reason})
      const count = words(line)
      const key = norm(line)
      const head = lineIndex++ < 4
      if (
        head &&
        count <= 16 &&
        (byline.test(line) ||
          (dateOnly.test(line) && findDateInText(line) !== null && line.length < 50) ||
          (authors.length > 0 && authors.some((author) => line.includes(author)) && !/[.!?]["'”’]?$/.test(line)))
      ) {
        range('byline')
      } else if (copyright.test(line) && count <= 40) {
        range('copyright')
      } else if (subscribe.test(line) && count <= 30) {
        range('subscribe-line')
      } else if (relatedHead.test(line) && count <= 20) {
        range('related-link')
        inRelated = true
      } else if (lone.test(line)) {
        range(/^(?:advertisement|ad|sponsored|skip advertisement|story continues)/i.test(line) ? 'advertisement' : 'related-link')
      } else if (share.test(line) && count <= 14) {
        range('share-line')
      } else if (credit.test(line) && count <= 60) {
        range('photo-credit')
        inRelated = false
      } else if (inRelated && count <= 16 && !/[.!?]["'”’]?$/.test(line)) {
        range('related-link')
      } else if (key && normalizedTitle && key === normalizedTitle) {
        if (titleSeen) range('repeated-headline')
        titleSeen = true
        inRelated = false
      } else if (key && count <= 16 && !/[.!?]["'”’]?$/.test(line) && seenHeadings.has(key)) {
        range('repeated-headline')
      } else {
        if (count <= 16 && !/[.!?]["'”’]?$/.test(line)) seenHeadings.add(key)
        inRelated = false
      }
    }
    if (!match) break
    start = match.index + match[0].length
  }
  return ranges
}

/** Author names from a "By …" line among the first lines of the text. */
export function bylineFromText(text: string, from = 0): Array<string> {
  const lines = text.slice(from, from + 1500).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 4)
  for (const line of lines) {
    if (byline.test(line) && words(line) <= 16) return [line]
  }
  return []
}
