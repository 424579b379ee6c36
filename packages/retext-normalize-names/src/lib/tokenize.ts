/**
 * One pass over the text: word and punctuation tokens with the flags the finder needs.
 */

export interface Token {
  start: number
  end: number
  text: string
  lower: string
  /** Letter-initial word (not punctuation). */
  word: boolean
  /** Starts with an uppercase letter (or is a particle-prefixed name like `al-Assad`). */
  cap: boolean
  /** All letters uppercase and at least two letters. */
  upper: boolean
  /** First word of a sentence (after `.`, `!`, `?`, `:`, a line break, or at the start). */
  sentStart: boolean
  /** A line break comes between this token and the previous one. */
  newline: boolean
  /** A possessive `'s` was cut off the end. */
  possessive: boolean
  /** Index of the line. */
  line: number
}

// Letters and digits, joined by internal apostrophes, hyphens, periods and ampersands.
const wordRe = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-.&][\p{L}\p{M}\p{N}]+)*|\S/gu
const letterRe = /\p{L}/u
const upperRe = /\p{Lu}/u
const lowerRe = /\p{Ll}/u

const particles = new Set(['al', 'el', 'ad', 'an', 'as', 'ash', 'at', 'ath', 'az', 'bin', 'ibn', 'abu', 'abd', 'bint', 'ul', 'ud', 'ur'])

/** Abbreviations that take a period (lowercase, without the period). */
const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'jr',
  'sr',
  'st',
  'mt',
  'ft',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'prof',
  'rev',
  'pres',
  'atty',
  'det',
  'amb',
  'inc',
  'corp',
  'ltd',
  'co',
  'bros',
  'vs',
  'etc',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mme',
  'messrs'
])

const sentenceEnd = new Set(['.', '!', '?', ':', '…', ';'])
const quotes = new Set(['"', '“', '«', '„'])
const openers = new Set(['"', '“', '‘', "'", '(', '[', '«', '„', '*', '-', '—', '–', '•'])

function isCap(text: string): boolean {
  const first = text.charAt(0)
  return upperRe.test(first)
}

/**
 * Tokenize `text`.
 */
export function tokenize(text: string): Array<Token> {
  const tokens: Array<Token> = []
  let line = 0
  let lastEnd = 0
  let sentStart = true
  let pendingNewline = false
  wordRe.lastIndex = 0
  let match: RegExpExecArray | null

  while ((match = wordRe.exec(text))) {
    let value = match[0]
    const start = match.index
    let newline = false
    for (let i = lastEnd; i < start; i++) {
      if (text.charCodeAt(i) === 10) {
        newline = true
        line++
      }
    }

    if (newline) sentStart = true
    pendingNewline = newline
    const word = letterRe.test(value.charAt(0))

    if (!word) {
      // Punctuation (or a digit-initial token).
      const isDigit = !letterRe.test(value) && /\p{N}/u.test(value.charAt(0))
      tokens.push({
        start,
        end: start + value.length,
        text: value,
        lower: value,
        word: false,
        cap: false,
        upper: false,
        sentStart: false,
        newline,
        possessive: false,
        line
      })
      lastEnd = start + value.length
      const previous = tokens.at(-2)
      if (sentenceEnd.has(value)) sentStart = true
      else if (quotes.has(value) && (newline || !previous || !previous.word)) sentStart = true
      else if (!openers.has(value) || isDigit) sentStart = false
      continue
    }

    // Split hyphenated words where the case changes (`event-Beverly`, `Mosley-for`,
    // `anti-Trump`), but keep `Jean-Pierre`, `jet-setted`, `al-Assad`.
    if (value.includes('-')) {
      const parts = value.split('-')
      let offset = start
      let current = parts[0] ?? ''
      for (let i = 1; i < parts.length; i++) {
        const next = parts[i] ?? ''
        const leftCap = isCap(current.slice(current.lastIndexOf('-') + 1))
        const rightCap = isCap(next)
        const left = current.slice(current.lastIndexOf('-') + 1).toLowerCase()
        if (leftCap === rightCap || (particles.has(left) && rightCap)) {
          current += '-' + next
        } else {
          pushWord(current, offset)
          offset += current.length + 1
          current = next
        }
      }

      value = current
      pushWord(value, offset, true)
      continue
    }

    pushWord(value, start, true)
  }

  return tokens

  function pushWord(raw: string, start: number, last = false) {
    let value = raw
    let end = start + value.length
    let possessive = false
    // Possessive.
    if (value.length > 2 && /['’]s$/.test(value) && isCap(value)) {
      value = value.slice(0, -2)
      end -= 2
      possessive = true
    }

    let abbr = false
    // A period that belongs to an initial or an abbreviation.
    if (!possessive && text.charCodeAt(end) === 46 /* . */ && last) {
      const lower = value.toLowerCase()
      if (
        (value.length === 1 && upperRe.test(value)) ||
        value.includes('.') ||
        abbreviations.has(lower)
      ) {
        value += '.'
        end += 1
        abbr = true
        wordRe.lastIndex = end
      }
    }

    const letters = value.replace(/[^\p{L}]/gu, '')
    const particle = value.includes('-') && particles.has(value.slice(0, value.indexOf('-')).toLowerCase())
    tokens.push({
      start,
      end,
      text: value,
      lower: value.toLowerCase(),
      word: true,
      cap: isCap(value) || (particle && isCap(value.slice(value.indexOf('-') + 1))),
      upper: letters.length > 1 && !lowerRe.test(letters),
      sentStart,
      newline: pendingNewline,
      possessive,
      line
    })
    lastEnd = end + (possessive ? 2 : 0)
    pendingNewline = false
    sentStart = false
    // An abbreviation period ends the sentence when a line break or a capitalized common word follows;
    // the finder decides on the next word, so only a line break matters here.
    if (abbr && /^\s*\n/.test(text.slice(end, end + 4))) sentStart = true
  }
}
