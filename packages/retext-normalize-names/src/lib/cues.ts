/**
 * Context cues: the common nouns around a name that say what it names.
 *
 * A name no list knows (`Okonjo`, `Varnholt`, `Brisk Tide`) is typed by the words around it:
 * a noun before it (`composer Okonjo`, `the band Brisk Tide`, `the village of Varnholt`), a
 * definition after it (`Varnholt is a village`, `Brisk Tide, a folk band from …`), or a known place
 * after a comma (`Varnholt, Bavaria`). Occupation nouns come from `compromise`'s lexicon (tag
 * `Actor`); the other nouns are written here.
 */
import {actors} from './lexicon-data.js'
import {words, type Kind, type Lexicon} from './lexicon.js'
import type {Token} from './tokenize.js'

const organizationNouns = [
  'band', 'group', 'company', 'firm', 'party', 'team', 'club', 'label', 'newspaper', 'magazine', 'journal',
  'agency', 'network', 'airline', 'carrier', 'university', 'school', 'channel', 'broadcaster', 'publisher',
  'regiment', 'division', 'unit', 'organization', 'organisation', 'manufacturer', 'maker', 'retailer',
  'chain', 'brand', 'corporation', 'conglomerate', 'subsidiary', 'startup', 'charity', 'nonprofit',
  'non-profit', 'union', 'trust', 'bank', 'insurer', 'developer', 'studio', 'duo', 'trio', 'quartet',
  'orchestra', 'choir', 'ensemble', 'outfit', 'franchise', 'ministry', 'department', 'council', 'committee',
  'league', 'federation', 'association', 'society', 'institute', 'foundation', 'operator', 'supplier',
  'distributor', 'producer', 'tabloid', 'daily', 'weekly', 'website', 'site', 'service', 'provider'
]

const placeNouns = [
  'river', 'city', 'town', 'village', 'hamlet', 'county', 'province', 'state', 'region', 'district',
  'island', 'islands', 'mountain', 'mountains', 'lake', 'valley', 'neighborhood', 'neighbourhood', 'suburb',
  'capital', 'commune', 'municipality', 'parish', 'township', 'borough', 'settlement', 'port', 'peninsula',
  'country', 'nation', 'republic', 'kingdom', 'territory', 'archipelago', 'desert', 'plateau', 'bay',
  'estuary', 'tributary', 'creek', 'stream', 'peak', 'volcano', 'canton', 'prefecture', 'oblast',
  'governorate', 'locality', 'community', 'resort', 'oasis', 'metropolis', 'conurbation', 'facility'
]

const otherNouns = [
  'album', 'song', 'single', 'film', 'movie', 'novel', 'book', 'series', 'show', 'game', 'festival', 'award',
  'tour', 'law', 'act', 'campaign', 'war', 'language', 'people', 'peoples', 'tribe', 'cuisine', 'event',
  'ceremony', 'summit', 'play', 'opera', 'musical', 'poem', 'anthem', 'hymn', 'episode', 'serial', 'sitcom',
  'documentary', 'painting', 'sculpture', 'symphony', 'ep', 'soundtrack', 'compilation', 'track', 'ballad',
  'car', 'aircraft', 'airplane', 'helicopter', 'locomotive', 'ship', 'vessel', 'rifle', 'gun', 'guitar',
  'software', 'program', 'programme', 'videogame', 'convention', 'tournament', 'competition', 'contest',
  'race', 'championship', 'dialect', 'religion', 'ethnicity', 'treaty', 'battle', 'doctrine', 'manifesto',
  'newsletter', 'title', 'trophy', 'prize', 'medal'
]

/** Occupation and kin nouns from compromise that name things other than people in context. */
const notPeople = new Set([
  'population', 'phrase', 'character', 'citizens', 'beings', 'nobody', 'anybody', 'person', 'human',
  'operator', 'developer', 'producer', 'maker', 'partner', 'native', 'icon', 'idol', 'hero',
  'god', 'ghost', 'phantom', 'pawn', 'genius', 'baby', 'child', 'infant', 'boy', 'girl', 'lady', 'lord',
  'guest', 'customer', 'enemy', 'foe', 'friend', 'pal', 'mate', 'lover', 'loser', 'saint', 'deity',
  'goddess', 'bro', 'bros', 'dude', 'fella', 'kin', 'occupant', 'inhabitant', 'denizen', 'dweller',
  'citizen', 'immigrant', 'refugee', 'exile', 'hostage', 'prisoner'
])

/** Extra person nouns (musicians, sports people, kin) that compromise does not tag `Actor`. */
const personExtra = [
  'singer', 'pianist', 'guitarist', 'drummer', 'bassist', 'vocalist', 'violinist', 'cellist', 'saxophonist',
  'trumpeter', 'songwriter', 'rapper', 'footballer', 'cricketer', 'striker', 'midfielder', 'defender',
  'goalkeeper', 'pitcher', 'outfielder', 'infielder', 'quarterback', 'linebacker', 'boxer', 'wrestler',
  'sprinter', 'swimmer', 'cyclist', 'tennis', 'countryman', 'countrywoman', 'teammate', 'bandmate',
  'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'father', 'mother', 'uncle', 'aunt', 'cousin',
  'nephew', 'niece', 'widow', 'widower', 'stepson', 'stepdaughter', 'grandson', 'granddaughter',
  'novelist', 'essayist', 'lyricist', 'conductor', 'choreographer', 'screenwriter', 'cartoonist',
  'sculptor', 'architect', 'botanist', 'zoologist', 'entomologist', 'physicist', 'chemist', 'biologist',
  'mathematician', 'linguist', 'anthropologist', 'sociologist', 'theologian', 'missionary', 'warlord',
  'emperor', 'empress', 'sultan', 'chieftain', 'spokesman', 'spokeswoman', 'spokesperson', 'coach',
  'jockey', 'trainer', 'skater', 'skier', 'golfer', 'batsman', 'bowler', 'pilot', 'lawmaker', 'legislator'
]

export interface Cues {
  /** Nouns that name what the name before or after them is. */
  nouns: Map<string, Kind>
  /** Nouns that, followed by `of`, introduce a place (`the village of …`, `north of …`). */
  placeOf: Set<string>
}

let cache: Cues | undefined

/** Build (once) and return the cue nouns. */
export function cues(): Cues {
  if (cache) return cache
  const nouns = new Map<string, Kind>()
  // Nouns compromise tags `Actor` (one word each).
  for (const word of words(actors)) if (!notPeople.has(word)) nouns.set(word, 'person')

  for (const word of personExtra) nouns.set(word, 'person')
  for (const word of placeNouns) nouns.set(word, 'place')
  for (const word of organizationNouns) nouns.set(word, 'organization')
  for (const word of otherNouns) nouns.set(word, 'other')
  const placeOf = new Set([
    ...placeNouns.filter((word) => !['community', 'facility', 'state', 'nation', 'country', 'capital', 'port'].includes(word)),
    'villages', 'towns', 'cities', 'outskirts', 'north', 'south', 'east', 'west', 'northeast', 'northwest',
    'southeast', 'southwest', 'heart', 'centre', 'center', 'streets', 'suburbs', 'parishes', 'counties',
    // The land and the people of a place (`the plains of Tarnland`, `villagers of Varnholt`,
    // `the invasion of Velmar`, `the confluence of the Tarn and the Varn`).
    'plains', 'prairie', 'villagers', 'residents', 'inhabitants', 'invasion', 'confluence', 'banks', 'shores',
    'foothills', 'slopes', 'environs'
  ])
  cache = {nouns, placeOf}
  return cache
}

const articles = new Set(['a', 'an', 'the'])
const copulas = new Set(['is', 'was', 'are', 'were'])
const scanStops = new Set(['of', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'that', 'which', 'who', 'whose', 'and', 'or', 'to', 'based'])

/**
 * A definition right after the name: `X is a (small) village …`, `X was an American band`,
 * `X, a pagan people, …`. Returns the kind of the first cue noun in the noun phrase.
 */
export function definitionKind(tokens: Array<Token>, nameFirst: number, last: number, c: Cues): Kind | undefined {
  let k = last + 1
  let first = tokens[k]
  if (!first) return undefined
  // `Varnholt (Varnholm in older maps) is a village`: skip one parenthesis.
  if (first.text === '(' && tokens[k + 1]?.lower !== 'born' && tokens[k + 1]?.lower !== 'b.') {
    let close = k + 1
    while (close < tokens.length && close <= k + 12 && tokens[close]?.text !== ')' && tokens[close]?.line === first.line) close++
    if (tokens[close]?.text === ')' && copulas.has(tokens[close + 1]?.lower ?? '')) {
      k = close + 1
      first = tokens[k]
      if (!first) return undefined
    }
  }

  // `Ana Vel (born 4 May 1970)`.
  if (first.text === '(' && (tokens[k + 1]?.lower === 'born' || tokens[k + 1]?.lower === 'b.')) return 'person'
  if (first.text === ',') {
    k++
  } else if (copulas.has(first.lower)) {
    // The name must be the whole subject (`Varnholt is …`, `The Varnholt is …`), not the end of
    // one (`Letters to Varnholt is an episode …`).
    const before = tokens[nameFirst - 1]
    const start = tokens[nameFirst]
    if (start && !start.sentStart && before && before.word && !(before.lower === 'the' && (before.sentStart || before.cap))) return undefined
    // `Velkor was born in 1963`.
    if (tokens[k + 1]?.lower === 'born' && (first.lower === 'was' || first.lower === 'is')) return 'person'
    k++
    // `is also a`, `was originally an`
    const maybe = tokens[k]
    if (maybe && /ly$|^also$|^now$|^still$/.test(maybe.lower)) k++
  } else {
    return undefined
  }

  const article = tokens[k]
  if (!article || !articles.has(article.lower) || article.cap) return undefined
  for (let j = k + 1; j < tokens.length && j <= k + 6; j++) {
    const token = tokens[j]
    if (!token) break
    if (token.line !== article.line) break
    if (!token.word) {
      if (token.text === '-' || token.text === '–') continue
      break
    }

    if (scanStops.has(token.lower)) break
    if (token.cap || /^\d/.test(token.text)) continue
    const kind = c.nouns.get(token.lower)
    // `a Formula One car`, `the sixth album`, `a village and civil parish`.
    if (kind) return kind
  }

  return undefined
}

/**
 * A cue noun just before the name: `composer Ana Vel`, `the band Brisk Tide`, `the album
 * Cold Light`; or `the village of Varnholt`.
 */
export function precedingKind(text: string, tokens: Array<Token>, first: number, c: Cues): Kind | undefined {
  const before = tokens[first - 1]
  const name = tokens[first]
  if (!before || !name || !before.word || before.cap) return undefined
  // Only across a space (`event-Beverly` is two phrases glued by a dash).
  if (name.start === before.end) return undefined
  for (let at = before.end; at < name.start; at++) {
    const code = text.charCodeAt(at)
    if (code !== 32 && code !== 9) return undefined
  }

  if (before.lower === 'of') {
    const head = tokens[first - 2]
    if (head?.word && !head.cap && c.placeOf.has(head.lower)) return 'place'
    return undefined
  }

  // `the confluence of the Varn`, `the outskirts of the Tarn Valley`.
  if (before.lower === 'the' && tokens[first - 2]?.lower === 'of') {
    const head = tokens[first - 3]
    if (head?.word && !head.cap && c.placeOf.has(head.lower)) return 'place'
    return undefined
  }

  return c.nouns.get(before.lower)
}

const playVerbs = new Set(['played', 'plays', 'playing', 'play', 'debuted', 'scored', 'pitched', 'signed', 'signs', 'signing', 'starred', 'appeared'])
const teamVerbs = new Set(['joined', 'rejoined', 'coached', 'coaches', 'captained', 'managed', 'beat', 'defeated', 'beating', 'defeating', 'beats', 'defeats', 'edged', 'routed', 'blanked'])
const loseVerbs = new Set(['lost', 'losing', 'loses', 'fell', 'falling'])
/** `supporting The Cult`, `supported by Brisk Tide`, `opened for Orr`: a support act on a tour. */
export function supportAct(tokens: Array<Token>, first: number): boolean {
  const before = tokens[first - 1]
  if (!before?.word || before.cap) return false
  if (before.lower === 'supporting') return true
  const verb = tokens[first - 2]
  if (!verb?.word || verb.cap) return false
  return (before.lower === 'by' && verb.lower === 'supported') || (before.lower === 'for' && (verb.lower === 'opened' || verb.lower === 'opening'))
}

/** Counted sports records before `for` or `with`: `26 games for Kelso`, `three seasons with Orr`. */
const playNouns = new Set(['games', 'matches', 'appearances', 'goals', 'caps', 'seasons', 'starts', 'innings', 'runs', 'touchdowns', 'tries'])

/**
 * `played for Tarnholm`, `signed with Kelvedon`, `coached Tarnholm`, `40 games for Kelso`: a team,
 * even when a place of that name exists; so is each later name of the same list.
 */
export function teamContext(tokens: Array<Token>, first: number, depth = 0): boolean {
  const before = tokens[first - 1]
  if (!before) return false
  // `played for Leeds and North Kelso`, `coached Orr, Velde or Kelso`: the cue reaches every name
  // of a list of names.
  if (depth < 4 && (before.lower === 'and' || before.lower === 'or' || (before.text === ',' && (depth > 0 || listGoesOn(tokens, first))))) {
    let start = first - 1
    if (before.lower === 'and' || before.lower === 'or') {
      if (tokens[start - 1]?.text === ',') start--
    }

    let j = start - 1
    while (j >= 0 && tokens[j]?.word && tokens[j]?.cap && tokens[j]?.line === before.line && j > start - 6) j--
    return j < start - 1 && teamContext(tokens, j + 1, depth + 1)
  }

  if (!before.word || before.cap) return false
  if (teamVerbs.has(before.lower)) return true
  // `losing to Tarnholm 63-7`: a score after the name says it is a team.
  if (before.lower === 'to' && loseVerbs.has(tokens[first - 2]?.lower ?? '')) return true
  // `played for the Tarn Lions`, `four starts for the River Hawks`.
  const article = before.lower === 'the' ? 1 : 0
  const preposition = article ? tokens[first - 2] : before
  if (!preposition || (preposition.lower !== 'for' && preposition.lower !== 'with')) return false
  const verb = tokens[first - 2 - article]
  return verb !== undefined && verb.word && !verb.cap && (playVerbs.has(verb.lower) || playNouns.has(verb.lower))
}

/** Another name follows the name at `first` after a comma, `and` or `or` (`Leeds, Kelso and Orr`, not `Leeds, Yorkshire.`). */
function listGoesOn(tokens: Array<Token>, first: number): boolean {
  let j = first
  while (tokens[j]?.word && tokens[j]?.cap) j++
  if (tokens[j]?.text === ',') j++
  if (tokens[j]?.lower === 'and' || tokens[j]?.lower === 'or') j++
  const next = tokens[j]
  return j > 0 && tokens[j - 1] !== tokens[first] && next !== undefined && next.word && next.cap && next.line === tokens[first]?.line
}

/** Singular of a plural cue noun (`companies` → `company`), when it is one. */
function pluralKind(word: string, c: Cues): Kind | undefined {
  if (!word.endsWith('s')) return undefined
  if (word.endsWith('ies')) return c.nouns.get(word.slice(0, -3) + 'y')
  return c.nouns.get(word.slice(0, -1)) ?? (word.endsWith('es') ? c.nouns.get(word.slice(0, -2)) : undefined)
}

/**
 * `bands like Tarn Lights, Velde and Orr`, `guitarists such as Ana Vel`, `cities including
 * Kelso`: a plural cue noun before `like`, `such as` or `including` types the names of the list.
 */
export function exampleKind(tokens: Array<Token>, first: number, c: Cues): Kind | undefined {
  for (let j = first - 1; j >= 0 && j >= first - 30; j--) {
    const token = tokens[j]
    if (!token || token.line !== tokens[first]?.line) return undefined
    if (token.text === ',' || token.text === '&' || token.text === '/') continue
    if (token.word && token.cap) continue
    if (token.lower === 'and' || token.lower === 'or' || token.lower === 'the' || token.lower === 'of') continue
    let head = j - 1
    if (token.lower === 'as' && tokens[j - 1]?.lower === 'such') head = j - 2
    else if (token.lower !== 'like' && token.lower !== 'including') return undefined
    const noun = tokens[head]
    return noun?.word && !noun.cap ? pluralKind(noun.lower, c) : undefined
  }

  return undefined
}

const listQuantifiers = new Set(['several', 'many', 'some', 'various', 'numerous', 'few', 'two', 'three', 'four', 'five', 'a'])

/**
 * `the Tarn and Velde rivers`, `ISAP, ILPAP and ETHEL companies`, `Kelso and other villages`: a
 * plural cue noun after a list of names types each name of the list.
 */
export function pluralListKind(tokens: Array<Token>, first: number, last: number, c: Cues): Kind | undefined {
  // The last name of the list (`… and ETHEL companies`).
  const join = tokens[first - 1]?.lower
  let sawJoin = join === 'and' || join === 'or'
  for (let j = last + 1; j < tokens.length && j <= last + 16; j++) {
    const token = tokens[j]
    if (!token || token.line !== tokens[last]?.line) return undefined
    if (token.text === ',' || token.text === '&') continue
    if (token.word && token.cap) continue
    if (token.lower === 'and' || token.lower === 'or') {
      sawJoin = true
      continue
    }

    // `Kelso, Varnholt and other villages`, `Tarn Lights and several other bands`.
    if (sawJoin && (token.lower === 'other' || listQuantifiers.has(token.lower))) {
      let k = j
      while (listQuantifiers.has(tokens[k]?.lower ?? '')) k++
      const noun = tokens[k + 1]
      if (tokens[k]?.lower !== 'other' || !noun?.word || noun.cap || noun.lower === 'people' || noun.lower === 'peoples') return undefined
      const kind = pluralKind(noun.lower, c)
      return kind === 'person' ? undefined : kind
    }

    // The noun comes right after the last name (`… and Velde rivers`, not `…, and towns`).
    const previous = tokens[j - 1]
    if (!sawJoin || !token.word || !previous?.word || !previous.cap) return undefined
    const kind = pluralKind(token.lower, c)
    return kind === 'person' ? undefined : kind
  }

  return undefined
}

/**
 * `Varnholt, Bavaria`, `Sandy Hook, Md.`: a name followed by a comma and a known place (a region,
 * a state, a country) is a place.
 */
export function followedByPlace(tokens: Array<Token>, last: number, lex: Lexicon): boolean {
  const comma = tokens[last + 1]
  const next = tokens[last + 2]
  if (!comma || comma.text !== ',' || !next || !next.cap || next.line !== comma.line) return false
  let key = next.lower
  if (lex.known.get(key) === 'place') return knownEnds(tokens, last + 2)
  for (let j = last + 3; j < tokens.length && j <= last + 5; j++) {
    const token = tokens[j]
    if (!token?.word || !token.cap) break
    key += ' ' + token.lower
    if (lex.known.get(key) === 'place') return knownEnds(tokens, j)
  }

  return false
}

/**
 * `from Harlan to Tarn Junction`, `from Lagos to Velde`: the other end of a `from … to …` route is
 * a known place (or ends in a place word), so this name is a place too.
 */
export function routePlace(tokens: Array<Token>, first: number, last: number, lex: Lexicon): boolean {
  const before = tokens[first - 1]
  const after = tokens[last + 1]
  if (!before?.word || before.cap) return false
  if (before.lower === 'from' && after?.lower === 'to' && after.line === before.line) {
    let end = last + 2
    while (end + 1 < tokens.length && end < last + 5 && tokens[end + 1]?.cap && tokens[end + 1]?.word) end++
    return placeRun(tokens, last + 2, end, lex)
  }

  if (before.lower === 'to') {
    let start = first - 2
    if (!tokens[start]?.cap) return false
    while (start > 0 && start > first - 6 && tokens[start - 1]?.cap && tokens[start - 1]?.word) start--
    const from = tokens[start - 1]
    return from?.lower === 'from' && !from.cap && from.line === before.line && placeRun(tokens, start, first - 2, lex)
  }

  return false
}

/** Tokens `from` to `to` are capitalized words that name a known place or end in a place word. */
function placeRun(tokens: Array<Token>, from: number, to: number, lex: Lexicon): boolean {
  if (to < from) return false
  let key = ''
  for (let j = from; j <= to; j++) {
    const token = tokens[j]
    if (!token?.word || !token.cap) return false
    key += (j > from ? ' ' : '') + token.lower
  }

  return lex.known.get(key) === 'place' || (to > from && lex.placeWords.has(tokens[to]?.lower ?? ''))
}

/** The known place ends a phrase (`, Texas.`, `, Texas and`), it does not start a longer name. */
function knownEnds(tokens: Array<Token>, at: number): boolean {
  const after = tokens[at + 1]
  return !after || !after.cap || after.line !== tokens[at]?.line
}
