import type {ExcludedRange} from '@copydesk/document'
import {findDateInText} from './dates.js'

// Credits sit at the end of a caption ("… REUTERS/Name", "… Name/Getty Images",
// "(Photo by …)") or open it ("Photo: …"); only the ends of a line are tested.
const creditEnd =
  /(?:\bGetty Images\b.{0,30}|\bREUTERS\/\s*[A-Z].{0,40}|\bAP Photo\b.{0,40}|\/\s*Photographer\b.{0,40}|\/\s*(?:Shutterstock|Alamy|EPA(?:-EFE)?|Bloomberg|AP|AFP|Reuters|Pool)\b\s*\)?|\((?:Photo|Photograph|Image|Picture)(?: by| credit)?:?\s[^)]*\)|\b(?:photo )?courtesy (?:of )?[A-Z][^.]*\)?)\s*$/i
// "Firstname Lastname/Outlet Name" closing a caption.
const creditNameOrg = /(?:^|[.!?)”"]\s+|\s)\(?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s?\/\s?(?:The\s)?[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,4}\)?$/
const creditStart = /^(?:Photo|Photograph|Image|Picture|Credit|Photo credit|Illustration)(?: by)?\s*:\s/i

function isCredit(line: string): boolean {
  const tail = line.length > 90 ? line.slice(-90) : line
  return creditEnd.test(tail) || creditNameOrg.test(tail) || creditStart.test(line.slice(0, 30))
}
const relatedHead = /^(?:read more|related(?: stories| articles| coverage| content)?|see also|more from [\w .'-]+|also read|recommended(?: for you)?|more stories|more coverage|you (?:may|might) also like|trending(?: now)?|most read|most popular|latest news|more:)\s*[:>»…-]?\s*/i
const lone =
  /^(?:next|previous|next article|previous article|advertisement|ad|sponsored|skip advertisement|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue|back to top|loading\.*|[<>»«]\s*(?:next|prev(?:ious)?)|(?:next|prev(?:ious)?)\s*[<>»«])$/i
const shareWords =
  /\b(?:share|shares|this|the|story|article|page|post|on|via|by|facebook|twitter|x|email|e-mail|mail|print|copy|link|linkedin|whatsapp|reddit|pinterest|flipboard|tweet|comments?|save|threads|bluesky|messenger|sms|gift|follow|us|and)\b/gi
const shareStart = /^(?:share\b|tweet\b|follow us\b|facebook\b|twitter\b|email\b|print\b|copy link\b)/i

function isShareLine(line: string): boolean {
  return shareStart.test(line) && line.replace(shareWords, '').replace(/[\s,.:;|/·•()[\]-]+/g, '') === ''
}

const bareName = /^\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){1,3}$/u
const authorBio =
  /^[^.]{0,60}\b(?:is an? (?:[\w-]+ ){0,4}(?:reporter|writer|columnist|editor|correspondent|contributor|journalist|author)|writes (?:a |about |for |the )|covers |reports on |runs a )/
const copyright = /^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)/i
const subscribe =
  /\b(?:subscribe (?:now|today|to|for)|free articles?|sign up (?:for|to)|already a subscriber|log in to (?:continue|read)|unlimited (?:digital )?access|support (?:our|local) journalism)\b/i
const byline = /^(?:by|written by|reported by|words by)\s+\p{Lu}/iu
const dateOnly = /^(?:(?:updated|published|posted|last updated)\s*:?\s*)?.{0,40}$/i

function words(line: string): number {
  let count = 0
  let inWord = false
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index)
    const space = code === 32 || code === 9 || code === 10 || code === 13
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
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
  let lastLine: {start: number; end: number; text: string; excluded: boolean} | null = null
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
      const key = count <= 16 || normalizedTitle ? norm(line) : ''
      const head = lineIndex++ < 4
      if (
        head &&
        count <= 16 &&
        // A date line alone ("March 01, 2008") stays in the text: it is the
        // document date, which the dates stage annotates.
        ((parseByline(line)?.authors.length ?? 0) > 0 ||
          (authors.length > 0 && authors.some((author) => line.includes(author)) && !/[.!?]["'”’]?$/.test(line)))
      ) {
        range('byline')
      } else if (
        authors.length > 0 &&
        count <= 50 &&
        authors.some((author) => line.startsWith(author + ' ')) &&
        authorBio.test(line) &&
        text.length - end < 600
      ) {
        range('author-bio')
      } else if (copyright.test(line) && count <= 40) {
        range('copyright')
      } else if (subscribe.test(line) && count <= 30) {
        range('subscribe-line')
      } else if (relatedHead.test(line) && count <= 20) {
        range('related-link')
        // "Read more:" alone heads a list of links; "Related: Headline" is one teaser.
        inRelated = line.replace(relatedHead, '').trim() === ''
      } else if (lone.test(line)) {
        range(/^(?:advertisement|ad|sponsored|skip advertisement|story continues)/i.test(line) ? 'advertisement' : 'related-link')
      } else if (count <= 20 && isShareLine(line)) {
        range('share-line')
      } else if (count <= 60 && isCredit(line)) {
        // A caption on the line just before a credit-only line belongs with it.
        if (count <= 6 && lastLine && lastLine.end + 2 >= lead && !/\n\s*\n/.test(text.slice(lastLine.end, lead)) && words(lastLine.text) <= 40 && !lastLine.excluded) {
          ranges.push({start: lastLine.start, end: lastLine.end, reason: 'photo-credit'})
        }
        range('photo-credit')
        inRelated = false
      } else if (key && normalizedTitle && key === normalizedTitle) {
        if (titleSeen) range('repeated-headline')
        titleSeen = true
        inRelated = false
      } else if (inRelated && count <= 16 && !/[.!?]["'”’]?$/.test(line)) {
        range('related-link')
      } else if (key && count >= 3 && count <= 16 && !/[.!?]["'”’]?$/.test(line) && seenHeadings.has(key)) {
        range('repeated-headline')
      } else {
        if (count >= 3 && count <= 16 && !/[.!?]["'”’]?$/.test(line)) seenHeadings.add(key)
        inRelated = false
      }
    }
    if (line) {
      const lead = start + raw.indexOf(line)
      const last = ranges[ranges.length - 1]
      lastLine = {start: lead, end: lead + line.length, text: line, excluded: last !== undefined && last.end === lead + line.length}
    }
    if (!match) break
    start = match.index + match[0].length
  }
  return ranges
}

/** Parts of a byline line: `By Jane Roe`, `Outlet · April 29, 2024 · By Jane Roe`, `Updated April 29, 2024`. */
export function parseByline(line: string): {authors: Array<string>; date: string | null} | null {
  const clean = line.replace(/[*_]/g, '').trim()
  if (!clean || words(clean) > 16 || /[.!?]["'”’]?$/.test(clean.replace(/\b(?:[A-Z]|Jr|Sr|Dr|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$/, ''))) return null
  const parts = clean.split(/\s+[·•|]\s+/)
  const authors: Array<string> = []
  let date: string | null = null
  for (const part of parts) {
    if (byline.test(part)) authors.push(part)
    else date ??= findDateInText(part)
  }
  if (authors.length === 0 && !(date && dateOnly.test(clean) && clean.length < 50)) return null
  return {authors, date}
}

/** Author names and a date from byline lines among the first lines of the text. */
export function bylineFromText(text: string, from = 0): {authors: Array<string>; date: string | null} {
  const lines = text.slice(from, from + 1500).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 4)
  const result: {authors: Array<string>; date: string | null} = {authors: [], date: null}
  for (let index = 0; index < lines.length; index++) {
    const found = parseByline(lines[index])
    if (!found) continue
    if (result.authors.length === 0) result.authors = found.authors
    // A bare name on the line just above a date line is its byline: "Sam Ng" / "Published March 3, 2025".
    if (result.authors.length === 0 && found.date && index > 0 && bareName.test(lines[index - 1])) {
      result.authors = [lines[index - 1]]
    }
    result.date ??= found.date
  }
  return result
}
