/**
 * Precompiled lookups, built once on first use.
 *
 * Given names, surnames, honorifics, countries, regions, cities, demonyms, known organizations,
 * organization words and place words come from the lexicon of `compromise` (a well-kept English
 * NLP library whose data is hand-curated); the rest are small gazetteers written for copydesk.
 */
import cityTimezones from 'city-timezones'
import nlp from 'compromise/two'
import {nicknamePairs} from './nicknames.js'

export type Kind = 'person' | 'organization' | 'place' | 'other'

export interface Lexicon {
  /** Lowercased given names. */
  given: Set<string>
  /** Lowercased surnames. */
  surnames: Set<string>
  /** Lowercased words tagged as common English words (not names). */
  common: Set<string>
  /** Known multi-word or single-word names, lowercased, with their kind. */
  known: Map<string, Kind>
  /** First words of known multi-word names. */
  knownFirst: Set<string>
  /** Canonical spellings of known names (aliases like `U.S.`), lowercased key. */
  canonical: Map<string, string>
  /** Titles and honorifics (lowercased, tokens joined by a space) to normalized role. */
  titles: Map<string, string>
  /** First words of multi-word titles (`vice` of `Vice President`). */
  titleFirst: Set<string>
  /** Longest title, in tokens. */
  titleMax: number
  /** Organization keywords (last or first token). */
  orgWords: Set<string>
  /** Place keywords. */
  placeWords: Set<string>
  /** Event, law and work keywords. */
  otherWords: Set<string>
  /** Demonyms and languages (typed `other`). */
  demonyms: Set<string>
  /** Month and weekday names: never names. */
  calendar: Set<string>
  /** Capitalized words that are never mentions on their own (`TV`, `CEO`, `I`). */
  stop: Set<string>
  /** Words that are never a mention on their own but can be part of one (`Business`). */
  loneStop: Set<string>
  /** Nickname (lowercase) to formal given name (lowercase). */
  nicknames: Map<string, string>
  /** Gazetteer places whose name is also a person's name or a word (`Houston`, `Harrison`). */
  placeAlso: Set<string>
}

let cache: Lexicon | undefined

interface CompromiseModel {
  one: {lexicon: Record<string, string | Array<string>>}
  two: {orgWords: Record<string, boolean>; placeWords: Record<string, boolean>}
}

const commonTags = new Set([
  'Adjective',
  'Adverb',
  'Conjunction',
  'Determiner',
  'Preposition',
  'Pronoun',
  'QuestionWord',
  'Modal',
  'Gerund',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Participle',
  'Copula',
  'Auxiliary',
  'Comparative',
  'Superlative',
  'Plural',
  'Singular',
  'Uncountable',
  'Noun',
  'Expression',
  'Negative',
  'Actor',
  'Cardinal',
  'Ordinal',
  'TextValue',
  'Duration',
  'Reflexive'
])

const nameTags = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific'])

/** Titles written for copydesk: `surface` or `surface=Normalized`. */
const titleList = [
  'President',
  'Vice President',
  'VP=Vice President',
  'V.P.=Vice President',
  'Pres.=President',
  'President-elect',
  'Vice President-elect',
  'First Lady',
  'Senator',
  'Sen.=Senator',
  'Senators=Senator',
  'Sens.=Senator',
  'Reps.=Representative',
  'Representative',
  'Rep.=Representative',
  'Congressman',
  'Congresswoman',
  'Governor',
  'Gov.=Governor',
  'Lt. Gov.=Lieutenant Governor',
  'Lieutenant Governor',
  'Mayor',
  'Deputy Mayor',
  'Councilman',
  'Councilwoman',
  'Councilmember',
  'Council Member',
  'Alderman',
  'Alderwoman',
  'Supervisor',
  'Assemblyman',
  'Assemblywoman',
  'Delegate',
  'Trustee',
  'Secretary',
  'Secretary of State',
  'Secretary of Defense',
  'Secretary of the Treasury',
  'Treasury Secretary',
  'Defense Secretary',
  'Press Secretary',
  'Attorney General',
  'Atty. Gen.=Attorney General',
  'Minister',
  'Prime Minister',
  'PM=Prime Minister',
  'Foreign Minister',
  'Finance Minister',
  'Defence Minister',
  'Defense Minister',
  'Deputy Prime Minister',
  'Chancellor',
  'Speaker',
  'House Speaker',
  'Majority Leader',
  'Minority Leader',
  'Senate Majority Leader',
  'Ambassador',
  'Amb.=Ambassador',
  'Commissioner',
  'Chairman',
  'Chairwoman',
  'Chief Executive',
  'CEO',
  'Judge',
  'Chief Justice',
  'Sheriff',
  'Police Chief',
  'Coach',
  'Detective',
  'Det.=Detective',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Emperor',
  'Empress',
  'Duke',
  'Duchess',
  'Lord',
  'Lady',
  'Sir',
  'Dame',
  'Baron',
  'Baroness',
  'Sheikh',
  'Pope',
  'Cardinal',
  'Archbishop',
  'Bishop',
  'Rev.=Reverend',
  'Reverend',
  'Father',
  'Pastor',
  'Rabbi',
  'Imam',
  'Ayatollah',
  'Gen.=General',
  'Lt. Gen.=Lieutenant General',
  'Maj. Gen.=Major General',
  'Brig. Gen.=Brigadier General',
  'Admiral',
  'Adm.=Admiral',
  'Colonel',
  'Col.=Colonel',
  'Lt. Col.=Lieutenant Colonel',
  'Maj.=Major',
  'Captain',
  'Capt.=Captain',
  'Lieutenant',
  'Lt.=Lieutenant',
  'Sergeant',
  'Sgt.=Sergeant',
  'Corporal',
  'Cpl.=Corporal',
  'Pvt.=Private',
  'Professor',
  'Prof.=Professor',
  'Dr.=Dr.',
  'Dr=Dr.',
  'Doctor',
  'Mr.=Mr.',
  'Mr=Mr.',
  'Mrs.=Mrs.',
  'Mrs=Mrs.',
  'Ms.=Ms.',
  'Ms=Ms.',
  'Miss',
  'Mx.=Mx.',
  'Madam',
  'Mme.=Mme.',
  'M.=M.',
  'Herr',
  'Frau',
  'Senor',
  'Señor',
  'Senora',
  'Señora'
]

/** Role modifiers that stay in the role when they come just before a title. */
export const roleModifiers = new Set([
  'former',
  'late',
  'then',
  'acting',
  'interim',
  'incoming',
  'outgoing',
  'deputy',
  'assistant',
  'ex',
  'retired',
  'disgraced',
  'embattled',
  'current',
  'new',
  'future',
  'sitting'
])

const orgExtra = [
  'inc',
  'inc.',
  'corp',
  'corp.',
  'corporation',
  'ltd',
  'ltd.',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'co.',
  'company',
  'companies',
  'group',
  'holdings',
  'administration',
  'department',
  'dept.',
  'ministry',
  'agency',
  'university',
  'college',
  'school',
  'institute',
  'party',
  'committee',
  'council',
  'commission',
  'association',
  'foundation',
  'bank',
  'court',
  'senate',
  'congress',
  'parliament',
  'assembly',
  'army',
  'navy',
  'corps',
  'police',
  'times',
  'post',
  'news',
  'herald',
  'tribune',
  'journal',
  'gazette',
  'network',
  'club',
  'fc',
  'union',
  'federation',
  'league',
  'church',
  'board',
  'bureau',
  'office',
  'service',
  'services',
  'authority',
  'society',
  'airlines',
  'records',
  'studios',
  'pictures',
  'entertainment',
  'media',
  'press',
  'labs',
  'technologies',
  'systems',
  'motors',
  'industries',
  'brigade',
  'division',
  'regiment',
  'battalion',
  'legion',
  'guard',
  'guards',
  'force',
  'forces',
  'cabinet',
  'government',
  'organization',
  'organisation',
  'alliance',
  'coalition',
  'front',
  'movement',
  'band',
  'orchestra',
  'ensemble',
  'quartet',
  'trio',
  'team',
  'united',
  'city',
  'rovers',
  'wanderers',
  'athletic',
  'hospital',
  'museum',
  'library',
  'reserve',
  'fund',
  'exchange',
  'commerce',
  'academy',
  'mall',
  'theatre',
  'theater',
  'casino',
  'lounge',
  'hotel',
  'insights',
  'partners',
  'consulting',
  'analytics',
  'research',
  'solutions',
  'ventures',
  'institut',
  'universidad',
  'université',
  'universität',
  'railway',
  'railways',
  'railroad',
  'transit',
  'airways',
  'fame',
  's.a.',
  'n.v.',
  'b.v.',
  'a.g.',
  'a.f.c.',
  'f.c.',
  'pty',
  'pty.',
  'l.l.c.',
  'lottery',
  'transport',
  'trust'
]

const placeExtra = [
  'street',
  'st.',
  'avenue',
  'ave.',
  'road',
  'rd.',
  'boulevard',
  'blvd.',
  'lane',
  'drive',
  'square',
  'plaza',
  'park',
  'river',
  'lake',
  'mountain',
  'mountains',
  'mount',
  'mt.',
  'island',
  'islands',
  'county',
  'province',
  'district',
  'region',
  'state',
  'ocean',
  'sea',
  'gulf',
  'bay',
  'valley',
  'room',
  'bridge',
  'airport',
  'station',
  'harbor',
  'harbour',
  'peninsula',
  'canal',
  'strait',
  'village',
  'town',
  'township',
  'borough',
  'parish',
  'territory',
  'republic',
  'kingdom',
  'fort',
  'camp',
  'stadium',
  'arena',
  'palace',
  'castle',
  'tower',
  'building',
  'hall',
  'prison',
  'base',
  'field',
  'gardens',
  'highway',
  'route',
  'coast',
  'desert',
  'forest',
  'falls',
  'heights',
  'hills',
  'duchy',
  'principality',
  'emirate',
  'sultanate',
  'canton',
  'prefecture',
  'oblast',
  'governorate',
  'estate'
]

const otherExtra = [
  'act',
  'law',
  'bill',
  'treaty',
  'accord',
  'accords',
  'agreement',
  'convention',
  'protocol',
  'amendment',
  'constitution',
  'declaration',
  'doctrine',
  'war',
  'battle',
  'revolution',
  'uprising',
  'massacre',
  'olympics',
  'games',
  'cup',
  'championship',
  'championships',
  'open',
  'festival',
  'awards',
  'award',
  'prize',
  'month',
  'event',
  'summit',
  'conference',
  'expo',
  'marathon',
  'series',
  'show',
  'tour',
  'election',
  'elections',
  'crisis',
  'scandal',
  'initiative',
  'program',
  'programme',
  'plan',
  'album',
  'trophy',
  'derby',
  'grand prix',
  'bowl',
  'classic',
  'fair',
  'roundtable',
  'forum',
  'exhibition',
  'biennale',
  'carnival',
  'parade',
  'concert',
  'prix',
  'symposium',
  'contest',
  'competition',
  'tournament',
  'regatta'
]

/** Known names written for copydesk: `name|kind|canonical?`. */
const knownList = [
  'White House|place',
  'Capitol Hill|place',
  'Oval Office|place',
  'Pentagon|organization',
  'Kremlin|organization',
  'Downing Street|place',
  'Wall Street|place',
  'Silicon Valley|place',
  'U.S.|place|United States',
  'US|place|United States',
  'USA|place|United States',
  'U.S.A.|place|United States',
  'United States|place',
  'America|place|United States',
  'UK|place|United Kingdom',
  'U.K.|place|United Kingdom',
  'Britain|place|United Kingdom',
  'Great Britain|place|United Kingdom',
  'United Kingdom|place',
  'Soviet Union|place',
  'USSR|place|Soviet Union',
  'U.S.S.R.|place|Soviet Union',
  'EU|organization|European Union',
  'E.U.|organization|European Union',
  'European Union|organization',
  'UN|organization|United Nations',
  'U.N.|organization|United Nations',
  'United Nations|organization',
  'NATO|organization',
  'DC|place|Washington, D.C.',
  'D.C.|place|Washington, D.C.',
  'Washington DC|place|Washington, D.C.',
  'Washington D.C.|place|Washington, D.C.',
  'Washington, DC|place|Washington, D.C.',
  'Washington, D.C.|place|Washington, D.C.',
  'NYC|place|New York City',
  'LA|place|Los Angeles',
  'Ala.|place|Alabama',
  'Ariz.|place|Arizona',
  'Ark.|place|Arkansas',
  'Calif.|place|California',
  'Colo.|place|Colorado',
  'Conn.|place|Connecticut',
  'Fla.|place|Florida',
  'Ga.|place|Georgia',
  'Ill.|place|Illinois',
  'Ind.|place|Indiana',
  'Kan.|place|Kansas',
  'Ky.|place|Kentucky',
  'La.|place|Louisiana',
  'Md.|place|Maryland',
  'Mass.|place|Massachusetts',
  'Mich.|place|Michigan',
  'Minn.|place|Minnesota',
  'Miss.|place|Mississippi',
  'Mo.|place|Missouri',
  'Mont.|place|Montana',
  'Neb.|place|Nebraska',
  'Nev.|place|Nevada',
  'N.H.|place|New Hampshire',
  'N.J.|place|New Jersey',
  'N.M.|place|New Mexico',
  'N.Y.|place|New York',
  'N.C.|place|North Carolina',
  'N.D.|place|North Dakota',
  'Okla.|place|Oklahoma',
  'Ore.|place|Oregon',
  'Pa.|place|Pennsylvania',
  'R.I.|place|Rhode Island',
  'S.C.|place|South Carolina',
  'S.D.|place|South Dakota',
  'Tenn.|place|Tennessee',
  'Tex.|place|Texas',
  'Va.|place|Virginia',
  'Vt.|place|Vermont',
  'Wash.|place|Washington',
  'Wis.|place|Wisconsin',
  'Wyo.|place|Wyoming',
  'Reuters|organization',
  'REUTERS|organization|Reuters',
  'AP|organization|Associated Press',
  'Associated Press|organization',
  'AFP|organization|Agence France-Presse',
  'Getty Images|organization',
  'GettyImages|organization|Getty Images',
  'Getty|organization|Getty Images',
  'Bloomberg|organization',
  'CNN|organization',
  'BBC|organization',
  'NPR|organization',
  'Fox News|organization',
  'YouTube|organization',
  'Instagram|organization',
  'Facebook|organization',
  'Twitter|organization',
  'TikTok|organization',
  'X|organization',
  'Google|organization',
  'Apple|organization',
  'Amazon|organization',
  'Microsoft|organization',
  'Netflix|organization',
  'Meta|organization',
  'OpenAI|organization',
  'Tesla|organization',
  'Nvidia|organization',
  'Uber|organization',
  'Spotify|organization',
  'Samsung|organization',
  'Boeing|organization',
  'Airbus|organization',
  'Pfizer|organization',
  'Walmart|organization',
  'Reddit|organization',
  'WhatsApp|organization',
  'LinkedIn|organization',
  'Snapchat|organization',
  'Threads|organization',
  'Congress|organization',
  'Senate|organization',
  'Supreme Court|organization',
  'FBI|organization',
  'CIA|organization',
  'Internet|other',
  'Christmas|other',
  'Easter|other',
  'Thanksgiving|other',
  'Ramadan|other',
  'Hanukkah|other',
  'English|other',
  'Spanish|other',
  'Arabic|other',
  'Muslim|other',
  'Muslims|other',
  'Christian|other',
  'Christians|other',
  'Jewish|other',
  'Catholic|other',
  'Polish|other',
  'Swedish|other',
  'Finnish|other',
  'Danish|other',
  'Flemish|other',
  'Welsh|other',
  'Scottish|other',
  'Irish|other',
  'Turkish|other',
  'Kurdish|other',
  'Jewish|other',
  'Yiddish|other',
  'Hebrew|other',
  'Latin|other',
  'Persian|other',
  'Prussian|other',
  'Hindu|other',
  'Hindus|other',
  'Buddhist|other',
  'Buddhists|other',
  'Sikh|other',
  'Sikhs|other',
  'Protestant|other',
  'Protestants|other',
  'Jews|other',
  'Poles|other',
  'Serbs|other',
  'Croats|other',
  'Kurds|other',
  'Arabs|other',
  'Turks|other',
  'Slavs|other',
  'Goths|other',
  'Visigoths|other',
  'Saracens|other',
  'Moors|other',
  'Celts|other',
  'Huns|other',
  'Vikings|other',
  'Normans|other',
  'Saxons|other',
  'Danes|other',
  'Swedes|other',
  'Finns|other',
  'Scots|other',
  'Democrat|other',
  'Democrats|organization|Democratic Party',
  'Republicans|organization|Republican Party',
  'Democratic|other',
  'Republican|other',
  // Named events and eras news copy cites without a keyword of their own.
  'World War I|other',
  'World War II|other',
  'World War One|other',
  'World War Two|other',
  'First World War|other',
  'Second World War|other',
  'Cold War|other',
  'Holocaust|other',
  'Great Depression|other',
  'Great Recession|other',
  'Middle Ages|other',
  'Renaissance|other',
  'Reformation|other',
  'Industrial Revolution|other',
  'Brexit|other',
  'Ramadan|other',
  'Christmas|other',
  'Easter|other',
  'Thanksgiving|other',
  'Hanukkah|other',
  'Diwali|other',
  'Passover|other',
  'Nobel|other',
  'Nobel Prize|other',
  'Pulitzer|other',
  'Pulitzer Prize|other',
  'Oscar|other',
  'Oscars|other',
  'Grammy|other',
  'Grammys|other',
  'Emmy|other',
  'Emmys|other',
  'Super Bowl|other',
  'World Cup|other',
  'Bible|other',
  'Koran|other',
  'Quran|other',
  'Torah|other'
]

/** Capitalized tokens that are never a mention on their own. */
const stopList = [
  'i',
  'tv',
  'ceo',
  'cfo',
  'coo',
  'gdp',
  'dj',
  'ok',
  'am',
  'pm',
  'a.m.',
  'p.m.',
  'id',
  'dna',
  'covid',
  'covid-19',
  'ai',
  'it',
  'faq',
  'q',
  'a',
  'photo',
  'photos',
  'video',
  'file',
  'image',
  'credit',
  'getty',
  'read',
  'more',
  'related',
  'advertisement',
  'next',
  'previous',
  'share',
  'mr',
  'mrs',
  'ms',
  'dr',
  'oh',
  'yes',
  'no',
  'hi',
  'hello',
  'thanks',
  'god',
  'lol',
  'omg',
  'said',
  'says',
  'today',
  'tomorrow',
  'yesterday',
  'tonight',
  'breaking',
  'update',
  'updated',
  'exclusive',
  'watch',
  'listen',
  'opinion',
  'analysis',
  'editor',
  'editors',
  'staff',
  'reporter',
  'correspondent',
  'writer',
  'contributor',
  'by',
  'ko',
  'kos',
  'tko',
  'cd',
  'cds',
  'ep',
  'lp',
  'dvd',
  'fm',
  'era',
  'phd',
  'mvp',
  'rbi',
  'no.',
  'vol.',
  'op.',
  'email',
  'print',
  'comments',
  'subscribe',
  'newsletter',
  'sign',
  'skip',
  'gmt',
  'utc',
  'est',
  'edt',
  'cst',
  'cdt',
  'pst',
  'pdt',
  'bst',
  'cet',
  'cest'
]

/** Section and navigation words: never a mention on their own, fine inside a name. */
const loneStopList = [
  'local',
  'sports',
  'business',
  'obituaries',
  'corrections',
  'privacy',
  'terms',
  'neighborhoods',
  'e-edition',
  'menu',
  'search',
  'home',
  'weather',
  'entertainment',
  'lifestyle',
  'politics',
  'world',
  'nation',
  'health',
  'science',
  'technology',
  'tech',
  'travel',
  'food',
  'culture',
  'arts',
  'podcasts',
  'videos',
  'contact',
  'about',
  'login',
  'log'
]

/** Given names that are also common English words (compromise tags them only as words). */
const extraGiven = [
  'frank', 'max', 'mark', 'will', 'bill', 'grant', 'rose', 'grace', 'hope', 'joy', 'dawn', 'jack', 'art',
  'rich', 'buck', 'chip', 'chuck', 'ray', 'guy', 'dean', 'earl', 'gene', 'jean', 'pat', 'sue', 'sandy',
  'rusty', 'dusty', 'penny', 'ruby', 'amber', 'crystal', 'summer', 'autumn', 'heather', 'holly', 'ivy',
  'lily', 'daisy', 'iris', 'violet', 'faith', 'faye', 'gay', 'hunter', 'mason', 'carter', 'tucker',
  'chase', 'lance', 'miles', 'wade', 'drew', 'reed', 'rod', 'tom', 'don', 'ed', 'al', 'dick', 'harry',
  'jerry', 'terry', 'kelly', 'shelly', 'angel', 'bud', 'ace', 'king', 'prince', 'major',
  'royal', 'sterling', 'cliff', 'dale', 'glen', 'wood', 'woody', 'forrest', 'jay', 'robin', 'wren',
  'august', 'june', 'april', 'may', 'jan'
].filter((name) => !['king', 'prince', 'major', 'may', 'april', 'june', 'august', 'jan', 'will', 'wood'].includes(name))

const calendarWords = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'jan.',
  'feb',
  'feb.',
  'mar.',
  'apr',
  'apr.',
  'jun.',
  'jul.',
  'aug',
  'aug.',
  'sep.',
  'sept',
  'sept.',
  'oct',
  'oct.',
  'nov',
  'nov.',
  'dec',
  'dec.',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon.',
  'tue.',
  'tues.',
  'wed.',
  'thu.',
  'thurs.',
  'fri.',
  'sat.',
  'sun.',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays'
]

const nonAscii = /[^\u0000-\u007F]/

/** Make `set.has` also try the word without accents (`tomás` finds `tomas`). */
function foldAccents(set: Set<string>): void {
  const has = set.has.bind(set)
  set.has = (word: string) => has(word) || (nonAscii.test(word) && has(word.normalize('NFD').replace(/\p{M}/gu, '')))
}

/**
 * Build (once) and return the lookups.
 */
export function lexicon(): Lexicon {
  if (cache) return cache
  const model = nlp.model() as unknown as CompromiseModel
  const given = new Set<string>()
  const surnames = new Set<string>()
  const common = new Set<string>()
  const known = new Map<string, Kind>()
  const canonical = new Map<string, string>()
  const demonyms = new Set<string>()

  for (const [word, value] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value]
    let isName = false
    let isCommon = false
    for (const tag of tags) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') given.add(word)
      else if (tag === 'LastName') surnames.add(word)
      else if (tag === 'Person') known.set(word, 'person')
      else if (tag === 'Country' || tag === 'Region' || tag === 'City' || tag === 'Place') {
        if (!known.has(word)) known.set(word, 'place')
      } else if (tag === 'Organization' || tag === 'SportsTeam') {
        if (word.length > 3 || word.includes(' ')) known.set(word, 'organization')
      } else if (tag === 'Demonym') demonyms.add(word)
      else if (tag === 'Religion') known.set(word, 'other')
      if (nameTags.has(tag)) isName = true
      if (commonTags.has(tag)) isCommon = true
    }

    if (isCommon && !isName && !word.includes(' ')) common.add(word)
  }

  // Cities and provinces of the world (`city-timezones`, from Natural Earth populated places),
  // where the name is not also a given name, surname or common word (`Jackson`, `Reading`).
  const placeAlso = new Set<string>()
  for (const place of cityTimezones.cityMapping) {
    for (const name of [place.city, place.province, place.country]) {
      if (!name) continue
      const key = name.toLowerCase()
      const words = key.split(' ')
      if (words.length === 1 && known.get(key) === 'person') placeAlso.add(key)
      if (known.has(key)) continue
      const head = words[0] ?? ''
      if (words.length === 1 && (given.has(key) || surnames.has(key) || common.has(key))) {
        if (!common.has(key)) placeAlso.add(key)
        continue
      }
      if (words.length > 1 && common.has(head) && !/^(new|san|santa|saint|st\.|north|south|east|west|port|fort|lake|mount)$/.test(head)) continue
      known.set(key, 'place')
    }
  }

  // Words that compromise types as places or names but that are, in news prose, mostly common.
  for (const word of ['bill', 'will', 'mark', 'may', 'grace', 'hope', 'rose', 'frank', 'young', 'long', 'page']) {
    known.delete(word)
  }

  for (const line of knownList) {
    const [name = '', kind = 'other', canon] = line.split('|')
    const key = name.toLowerCase()
    known.set(key, kind as Kind)
    if (canon) canonical.set(key, canon)
    else canonical.set(key, name)
  }

  const titles = new Map<string, string>()
  let titleMax = 1
  for (const line of titleList) {
    const [surface = '', normal] = line.split('=')
    const key = surface.toLowerCase()
    titles.set(key, normal ?? surface)
    titleMax = Math.max(titleMax, key.split(' ').length)
  }

  const orgWords = new Set([...Object.keys(model.two.orgWords), ...orgExtra])
  const placeWords = new Set([...Object.keys(model.two.placeWords), ...placeExtra])
  // Words compromise lists that are too generic as the last word of a name.
  for (const word of ['capital', 'care', 'boys', 'brothers', 'house', 'city', 'estate']) orgWords.delete(word)
  for (const word of ['center', 'centre']) placeWords.delete(word)
  for (const word of ['reservoir', 'gym', 'gymnasium', 'rink', 'playfield', 'playground', 'speedway', 'tunnel', 'zoo', 'factory', 'plant', 'refinery', 'mine', 'empire', 'brook', 'dock', 'pier', 'wharf', 'glen', 'loch', 'moor', 'fields']) placeWords.add(word)

  const nicknames = new Map<string, string>()
  for (const [nick, formal] of nicknamePairs) {
    nicknames.set(nick, formal)
    given.add(nick)
    given.add(formal)
  }

  // Given names that compromise lists only as common words.
  for (const name of extraGiven) given.add(name)

  const knownFirst = new Set<string>()
  for (const key of known.keys()) {
    const space = key.search(/[ ,]/)
    if (space > 0) knownFirst.add(key.slice(0, space))
  }

  const titleFirst = new Set<string>()
  for (const key of titles.keys()) if (key.includes(' ')) titleFirst.add(key.slice(0, key.indexOf(' ')))

  foldAccents(given)
  foldAccents(surnames)

  cache = {
    titleFirst,
    knownFirst,
    given,
    surnames,
    common,
    known,
    canonical,
    titles,
    titleMax,
    orgWords,
    placeWords,
    otherWords: new Set(otherExtra),
    demonyms,
    calendar: new Set(calendarWords),
    stop: new Set(stopList),
    loneStop: new Set(loneStopList),
    nicknames,
    placeAlso
  }
  return cache
}
