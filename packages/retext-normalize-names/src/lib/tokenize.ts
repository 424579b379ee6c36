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
  'messrs',
  'sens',
  'reps',
  'govs'
])

/** US state abbreviations in AP style, taken with their period only when capitalized (`Mich.`). */
const stateAbbreviations = new Set([
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash',
  'wis', 'wyo'
])

const sentenceEnd = new Set(['.', '!', '?', ':', '…', ';'])
const quotes = new Set(['"', '“', '«', '„'])
const openers = new Set(['"', '“', '‘', "'", '(', '[', '«', '„', '*', '-', '—', '–', '•'])

// `6PR`, `3AW`, `883JIA`: a number and two or more capitals is a name (a station, a brand), unless
// the letters are a unit or a time (`10AM`, `4WD`, `128GB`).
const callSignRe = /^\d+[A-Z]{2,}[A-Z\d]*$/
const unitLetters = /^\d+(?:AM|PM|GB|MB|KB|TB|MM|CM|KM|KG|MG|HZ|MHZ|GHZ|KHZ|HP|WD|MPH|KPH|HR|HRS|TH|ST|ND|RD|PX|DPI|FPS|BC|AD|CE|BCE)$/

function isCallSign(text: string): boolean {
  const code = text.charCodeAt(0)
  return code >= 48 && code <= 57 && text.length > 2 && callSignRe.test(text) && !unitLetters.test(text)
}

function isCap(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return upperRe.test(text.charAt(0))
}

/** Whether all letters are uppercase and there are at least two. */
function isUpper(text: string): boolean {
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 97 && code <= 122) return false
    if (code >= 65 && code <= 90) letters++
    else if (code >= 128) {
      const char = text.charAt(i)
      if (lowerRe.test(char)) return false
      if (upperRe.test(char)) letters++
    }
  }

  return letters > 1
}

function isLetterStart(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return letterRe.test(text.charAt(0))
}

/**
 * Whether the tokens of `line` so far are a dateline: an all-caps word first, then only
 * capitalized words, digits and commas (`HARBOR CITY, April 22, 2024`), at most twelve tokens.
 */
function datelineBefore(tokens: Array<Token>, line: number): boolean {
  let first = tokens.length - 1
  while (first > 0 && tokens[first - 1]!.line === line) first--
  const count = tokens.length - 1 - first
  if (count < 2 || count > 12 || !tokens[first]!.upper) return false
  for (let index = first; index < tokens.length - 1; index++) {
    const token = tokens[index]!
    if (!(token.cap || token.text === ',' || /^\d+$/.test(token.text))) return false
  }

  return true
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
    const word = isLetterStart(value) || isCallSign(value)

    if (!word) {
      // Punctuation (or a digit-initial token).
      const code = value.charCodeAt(0)
      const isDigit = code >= 48 && code <= 57
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
      // A dateline (`WASHINGTON — The Senate …`, `HARBOR CITY, April 22, 2024 — The bridge …`)
      // ends before the dash: the dash follows an all-caps word, or a date after one that starts the line.
      else if ((value === '—' || value === '–') && (previous?.upper || datelineBefore(tokens, line))) sentStart = true
      else if (quotes.has(value) && (newline || !previous || !previous.word)) sentStart = true
      else if (!openers.has(value) || isDigit) sentStart = false
      continue
    }

    // Split hyphenated words where the case changes (`event-Beverly`, `Mosley-for`,
    // `anti-Trump`), but keep `Jean-Pierre`, `jet-setted`, `al-Assad`.
    if (value.length > 2 && value.includes('-')) {
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
    const lastCode = value.charCodeAt(value.length - 1)
    const apostrophe = value.charCodeAt(value.length - 2)
    if (
      value.length > 2 &&
      (lastCode === 115 || (lastCode === 83 && isUpper(value))) &&
      (apostrophe === 39 || apostrophe === 8217) &&
      isCap(value)
    ) {
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
        abbreviations.has(lower) ||
        (stateAbbreviations.has(lower) && isCap(value) && !isUpper(value))
      ) {
        value += '.'
        end += 1
        abbr = true
        wordRe.lastIndex = end
      }
    }

    const cap = isCap(value) || isCallSign(value)
    const dash = cap ? -1 : value.indexOf('-')
    const particle = dash > 0 && particles.has(value.slice(0, dash).toLowerCase())
    tokens.push({
      start,
      end,
      text: value,
      lower: cap ? value.toLowerCase() : value,
      word: true,
      cap: cap || (particle && isCap(value.slice(dash + 1))),
      upper: cap && isUpper(value),
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
    if (abbr) {
      for (let i = end; i < end + 4 && i < text.length; i++) {
        const code = text.charCodeAt(i)
        if (code === 10) sentStart = true
        if (code !== 32 && code !== 9 && code !== 13) break
      }
    }
  }
}
