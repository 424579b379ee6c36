import type {NameMention} from '@copydesk/document'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import retextNormalizeNames from '../src/index.js'

// Written for this project: a made-up article with the difficulties of real news (all-caps
// headline, titles, possessives, a sentence-initial capitalized phrase, two people sharing a
// surname, a list, particles, initials, a suffix, diacritics, a law, a photo credit).
const article = `OKAFOR'S PLAN FAILS IN LAGOS

Reality TV star Dana Whitlock met Vice President Maria Okafor at the State House in Lagos on Monday. Whitlock's visit, in April, came weeks after former President Tomás Ruiz Jr. pardoned her father. Okafor's office said the late Robert Whitlock had "never given up."

Among those pardoned were Sean O'Leary, Anne-Marie de la Cruz, J. P. Haddad and Ellen Brandt. VP Okafor's aide, Gov. Ray Johnson, and Sen. Lisa Johnson also spoke. Johnson declined to comment, and Brandt said the Second Chance Act had changed her life.

Photo: Keith Moreno/Reuters`

function run(text: string, excluded: Array<{start: number; end: number; reason: string}> = []) {
  const file = new VFile(text)
  file.data.ingest = {
    id: 'fixture',
    title: null,
    url: null,
    outlet: null,
    published: '2026-04-21',
    authors: [],
    language: 'en',
    excluded,
    source: {path: '-', format: 'text'}
  }
  const processor = unified().use(retextEnglish).use(retextNormalizeNames)
  processor.runSync(processor.parse(file), file)
  return file
}

const brief = (mentions: Array<NameMention>) =>
  mentions.map((m) => [m.text, m.type, m.name, m.role ?? null])

describe('retextNormalizeNames', () => {
  it('finds mentions with titles as roles, possessives cut and short forms resolved', () => {
    const credit = article.indexOf('Photo:')
    const file = run(article, [{start: credit, end: article.length, reason: 'photo-credit'}])
    const mentions = file.data.names?.mentions ?? []
    expect(brief(mentions)).toEqual([
      ['OKAFOR', 'person', 'Maria Okafor', null],
      ['LAGOS', 'place', 'Lagos', null],
      ['Dana Whitlock', 'person', 'Dana Whitlock', null],
      ['Maria Okafor', 'person', 'Maria Okafor', 'Vice President'],
      ['State House', 'place', 'State House', null],
      ['Lagos', 'place', 'Lagos', null],
      ['Whitlock', 'person', 'Whitlock', null],
      ['Tomás Ruiz Jr.', 'person', 'Tomás Ruiz Jr.', 'former President'],
      ['Okafor', 'person', 'Maria Okafor', null],
      ['Robert Whitlock', 'person', 'Robert Whitlock', 'the late'],
      ["Sean O'Leary", 'person', "Sean O'Leary", null],
      ['Anne-Marie de la Cruz', 'person', 'Anne-Marie de la Cruz', null],
      ['J. P. Haddad', 'person', 'J. P. Haddad', null],
      ['Ellen Brandt', 'person', 'Ellen Brandt', null],
      ['Okafor', 'person', 'Maria Okafor', 'Vice President'],
      ['Ray Johnson', 'person', 'Ray Johnson', 'Governor'],
      ['Lisa Johnson', 'person', 'Lisa Johnson', 'Senator'],
      ['Johnson', 'person', 'Johnson', null],
      ['Brandt', 'person', 'Ellen Brandt', null],
      ['Second Chance Act', 'other', 'Second Chance Act', null],
      // The credit is set aside as boilerplate, but its names are read (`readExcluded`).
      ['Keith Moreno', 'person', 'Keith Moreno', null],
      ['Reuters', 'organization', 'Reuters', null]
    ])
  })

  it('numbers ids in text order and keeps offsets into the text', () => {
    const mentions = run(article).data.names?.mentions ?? []
    expect(mentions.map((m) => m.id).slice(0, 3)).toEqual(['m1', 'm2', 'm3'])
    for (const mention of mentions) {
      expect(article.slice(mention.start, mention.end)).toBe(mention.text)
    }

    expect(mentions[0]).toEqual({id: 'm1', start: 0, end: 6, text: 'OKAFOR', type: 'person', name: 'Maria Okafor'})
  })

  it('reads names in a photo credit only when it is not excluded', () => {
    const mentions = run(article).data.names?.mentions ?? []
    expect(brief(mentions.slice(-2))).toEqual([
      ['Keith Moreno', 'person', 'Keith Moreno', null],
      ['Reuters', 'organization', 'Reuters', null]
    ])
  })

  it('warns about ambiguous short names', () => {
    const file = run(article)
    expect(
      file.messages.map((m) => [m.ruleId, m.source, m.place && 'start' in m.place ? m.place.start.offset : null, m.expected])
    ).toEqual([
      ['ambiguous-short-name', 'retext-normalize-names', 131, ['Dana Whitlock', 'Robert Whitlock']],
      ['ambiguous-short-name', 'retext-normalize-names', 462, ['Ray Johnson', 'Lisa Johnson']]
    ])
  })

  it('makes no person of days, months, outlets, pronoun contractions or sentence-initial words', () => {
    const text =
      'Celebrity chef Ana Petrov opened on Friday. Television crews from REUTERS came in March.\n' +
      '“I’m thrilled,” Petrov said. Despite the rain, Petrov’s fans queued.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(brief(mentions)).toEqual([
      ['Ana Petrov', 'person', 'Ana Petrov', null],
      ['REUTERS', 'organization', 'Reuters', null],
      ['Petrov', 'person', 'Ana Petrov', null],
      ['Petrov', 'person', 'Ana Petrov', null]
    ])
  })

  it('handles datelines, plural titles, a leading `The`, adjectives and all-caps places', () => {
    const text =
      'KANO — The Senate of Kano State met on Monday. Sens. Amina Bello and Tunde Vance spoke to Black business owners at the Kano Trade Fair.\n' +
      'Vice President Ada Obi said Bello had “won the argument.”'
    const mentions = run(text).data.names?.mentions ?? []
    expect(brief(mentions)).toEqual([
      ['KANO', 'place', 'Kano', null],
      ['Senate of Kano State', 'organization', 'Senate of Kano State', null],
      ['Amina Bello', 'person', 'Amina Bello', 'Senator'],
      ['Tunde Vance', 'person', 'Tunde Vance', null],
      ['Kano Trade Fair', 'other', 'Kano Trade Fair', null],
      ['Ada Obi', 'person', 'Ada Obi', 'Vice President'],
      ['Bello', 'person', 'Amina Bello', null]
    ])
  })

  it('reads title-case phrases in quotes as works or events, not quoted speech', () => {
    const text =
      'Her film “The Long Walk Home” opens the Harbor Festival. “It was hard,” she said of the "Second Chance Week," which Mayor Ian Dorsey backed.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type, m.start])).toEqual([
      ['The Long Walk Home', 'other', 10],
      ['Harbor Festival', 'other', 40],
      ['Second Chance Week', 'other', 89],
      ['Ian Dorsey', 'person', 122]
    ])
  })

  it('keeps a possessive or one `of` inside a name that ends in a keyword', () => {
    const text =
      "They fought at Sayler's Creek, said Harris's aide, near the State Railway of Thailand and the Bank of England."
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type, m.name])).toEqual([
      ["Sayler's Creek", 'place', "Sayler's Creek"],
      ['Harris', 'person', 'Harris'],
      ['State Railway of Thailand', 'organization', 'State Railway of Thailand'],
      ['Bank of England', 'organization', 'Bank of England']
    ])
  })

  it('knows given names that are also words, and a sentence full of names is no headline', () => {
    const text = 'He met Frank Ortega, Dick Lanner and Max Kovac at Grant Park.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type])).toEqual([
      ['Frank Ortega', 'person'],
      ['Dick Lanner', 'person'],
      ['Max Kovac', 'person'],
      ['Grant Park', 'place']
    ])
  })

  it('handles bylines, state abbreviations, titles with qualifiers and names that look like titles', () => {
    const text =
      'By Odile Marchand\n' +
      "SAGINAW, Mich. — Rep. Elise Stefanik of New York spoke at St. Brendan's Church on Martin Luther King Jr. Boulevard with Councilman Darnell Pruitt Jr. and Acting Labor Secretary Julie Su. The U.S. Trade Representative, Bram van Leeuwen, was ill."
    const mentions = run(text).data.names?.mentions ?? []
    expect(brief(mentions)).toEqual([
      ['Odile Marchand', 'person', 'Odile Marchand', null],
      ['SAGINAW', 'place', 'Saginaw', null],
      ['Mich.', 'place', 'Michigan', null],
      ['Elise Stefanik', 'person', 'Elise Stefanik', 'Representative'],
      ['New York', 'place', 'New York', null],
      ["St. Brendan's Church", 'organization', "St. Brendan's Church", null],
      ['Martin Luther King Jr. Boulevard', 'place', 'Martin Luther King Jr. Boulevard', null],
      ['Darnell Pruitt Jr.', 'person', 'Darnell Pruitt Jr.', 'Councilman'],
      ['Julie Su', 'person', 'Julie Su', 'Acting Labor Secretary'],
      ['U.S.', 'place', 'United States', null],
      ['Bram van Leeuwen', 'person', 'Bram van Leeuwen', null]
    ])
  })

  it('keeps a capitalized The or A inside a sentence as part of the name', () => {
    const text = 'The court in The Hague heard that the band released A Quiet Harbor in May. The Senate agreed.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type])).toEqual([
      ['The Hague', 'place'],
      ['A Quiet Harbor', 'other'],
      ['Senate', 'organization']
    ])
  })

  it('keeps an unknown sentence-initial name when a verb of saying follows', () => {
    const mentions = run('Okonkwo said the vote was close. Yesterday said nothing. Nobody told him.').data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type])).toEqual([['Okonkwo', 'person']])
  })

  it('splits two people joined by `&` but keeps `Procter & Gamble`', () => {
    const text = 'Guests included Frank Kelly Freas, Ana Lo & Lee Tate, and Procter & Gamble.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type])).toEqual([
      ['Frank Kelly Freas', 'person'],
      ['Ana Lo', 'person'],
      ['Lee Tate', 'person'],
      ['Procter & Gamble', 'organization']
    ])
  })

  it('types languages, peoples and hyphenated nationalities as other, and spreads a cue-given type', () => {
    const text = 'She wrote in Polish for German-American readers, Jews and Poles. Vartanian said no. Vartanian was late.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type])).toEqual([
      ['Polish', 'other'],
      ['German-American', 'other'],
      ['Jews', 'other'],
      ['Poles', 'other'],
      ['Vartanian', 'person'],
      ['Vartanian', 'person']
    ])
  })

  it('splits names joined by a hyphen or dash to a lowercase word', () => {
    const text = 'The four guests at the summit-Nadia Karim, Leo Brandt and Ivo Petrov-thanked the host.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => m.text)).toEqual(['Nadia Karim', 'Leo Brandt', 'Ivo Petrov'])
  })

  it('types organizations, places and other names from keywords and gazetteers', () => {
    const text =
      'Officials of the Small Business Administration flew from Nairobi to the United States. ' +
      'The Harbor Festival and Lake Tana drew Kenyan visitors.'
    const mentions = run(text).data.names?.mentions ?? []
    expect(mentions.map((m) => [m.text, m.type, m.name])).toEqual([
      ['Small Business Administration', 'organization', 'Small Business Administration'],
      ['Nairobi', 'place', 'Nairobi'],
      ['United States', 'place', 'United States'],
      ['Harbor Festival', 'other', 'Harbor Festival'],
      ['Lake Tana', 'place', 'Lake Tana'],
      ['Kenyan', 'other', 'Kenyan']
    ])
  })

  it('types an unknown name from its definition, everywhere in the article', () => {
    const file = run('Varnholt is a small village in the hills. The road to Varnholt was closed on Tuesday. On Friday Marrow Lane, a folk band from the coast, played in Varnholt.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Varnholt', 'place', 'Varnholt', null],
      ['Varnholt', 'place', 'Varnholt', null],
      ['Marrow Lane', 'organization', 'Marrow Lane', null],
      ['Varnholt', 'place', 'Varnholt', null]
    ])
  })

  it('types an unknown name from the noun just before it', () => {
    const file = run('The prize went to composer Okonjo Velde and the band Marrow Lane, whose album Salt Hours was praised. Ferries run from the town of Kelvedon.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Okonjo Velde', 'person'],
      ['Marrow Lane', 'organization'],
      ['Salt Hours', 'other'],
      ['Kelvedon', 'place']
    ])
  })

  it('makes a name followed by a comma and a known place a place, unless it is a person in the article', () => {
    const file = run('Brackwell, Essex, lost power. Harlan, Kentucky, did too. Dana Harlan said little.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Brackwell', 'place'],
      ['Essex', 'place'],
      ['Harlan', 'person'],
      ['Kentucky', 'place'],
      ['Dana Harlan', 'person']
    ])
  })

  it('gives a name typed only by default the kind of the other names in its list', () => {
    const places = run('Supplies came through Leeds, Tarnholm and Kelvedon.')
    expect(brief(places.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Leeds', 'place'],
      ['Tarnholm', 'place'],
      ['Kelvedon', 'place']
    ])
    const alone = run('Trucks in Tarnholm Velde reached the mill.')
    expect(brief(alone.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([['Tarnholm Velde', 'place']])
  })

  it('types named events, teams and clubs, and a place after `across the`', () => {
    const file = run('Her grandfather fought in World War II, later coached the Leeds Falcons and FC Tarnholm, and sailed across the Varn to the Danish Academy of Letters with Marcus Vell III.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['World War II', 'other'],
      ['Leeds Falcons', 'organization'],
      ['FC Tarnholm', 'organization'],
      ['Varn', 'place'],
      ['Danish Academy of Letters', 'organization'],
      ['Marcus Vell III', 'person']
    ])
  })

  it('drops an unknown capitalized phrase after `a` unless it modifies a noun', () => {
    const file = run('He was named a Certified Tree Keeper last year and drove a Velde tractor home.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([['Velde', 'organization']])
  })

  it('gives a lone word the person whose name it ends, however that name was typed', () => {
    const file = run('Tickets sold out after Dewa Velkor (born 1971) returned. Critics said Velkor played with The Harbor Lights and a South Korean orchestra in Houston last spring. Dana Houston said nothing.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Dewa Velkor', 'person', 'Dewa Velkor', null],
      ['Velkor', 'person', 'Dewa Velkor', null],
      ['The Harbor Lights', 'organization', 'The Harbor Lights', null],
      ['South Korean', 'other', 'South Korean', null],
      ['Houston', 'person', 'Dana Houston', null],
      ['Dana Houston', 'person', 'Dana Houston', null]
    ])
    const place = run('Critics said the show in Houston sold out, and Houston said nothing.')
    expect(brief(place.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Houston', 'place'],
      ['Houston', 'person']
    ])
  })

  it('keeps the number of a military unit and drops a sentence-initial adverb', () => {
    const file = run('Reportedly Tamsin Velde served with the 82nd Airborne Division and the Eighth Air Force. Beverly Hills paid her pension.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tamsin Velde', 'person'],
      ['82nd Airborne Division', 'organization'],
      ['Eighth Air Force', 'organization'],
      ['Beverly Hills', 'place']
    ])
  })

  it('reads a definition only of a whole subject, and a person after `to`', () => {
    const file = run('Bells for Tamsin Orr is an episode of a radio serial. Later Tamsin Orr wrote back. In 1954 he lost the seat to Farrow Olden.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tamsin Orr', 'person'],
      ['Tamsin Orr', 'person'],
      ['Farrow Olden', 'person']
    ])
  })

  it('lets a keyword at the end of a name win over a definition', () => {
    const file = run('The Tarnholm Hockey Club was the first winner of the cup.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([['Tarnholm Hockey Club', 'organization']])
  })

  it('reads a definition past a parenthesis, and a cue noun right after a name', () => {
    const file = run('Varnholt (Varnholm on older maps) is a hamlet on the moor, and Kelvedon aircraft flew over it.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Varnholt', 'place'],
      ['Varnholm', 'organization'],
      ['Kelvedon', 'other']
    ])
  })

  it('drops a phrase of capitalized common words that nothing makes a name', () => {
    const file = run('The shop sells Comfort Bikes, and Tamsin Orr runs its Special Events desk.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([['Tamsin Orr', 'person']])
  })

  it('reads one quoted word as a title after a work noun or `titled`', () => {
    const file = run('Her next single, titled "Harbor", sold well, and the song "Grace" did too. "Never," she said of "Harbor".')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Harbor', 'other'],
      ['Grace', 'other']
    ])
  })

  it('reads `the League` as the short form of the organization it names', () => {
    const file = run('The Tarn League of Voters met on Monday. Critics said the League had lost its way, and the Council said nothing.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Tarn League of Voters', 'organization', 'Tarn League of Voters', null],
      ['League', 'organization', 'Tarn League of Voters', null]
    ])
  })

  it('reads a number and capitals as a name, but not a unit or a time', () => {
    const file = run('Radio station 7KX and the 10AM show ran a 4WD contest with 128GB prizes.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([['7KX', 'organization']])
  })

  it('reads a team whose place starts with a place word, and `Transport` as an organization keyword', () => {
    const file = run('He pitched for the St. Louis Comets before Velde Transport hired him.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['St. Louis Comets', 'organization'],
      ['Velde Transport', 'organization']
    ])
  })

  it('reads a place name after `played for` or `coached` as a team', () => {
    const file = run('He played for Leeds and Tarnholm, then coached Kelvedon, and moved to Leeds in 1990.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Leeds', 'organization'],
      ['Tarnholm', 'organization'],
      ['Kelvedon', 'organization'],
      ['Leeds', 'place']
    ])
  })

  it('knows polities and estates as place keywords', () => {
    const file = run('She was born in the Grand Duchy of Varn and grew up on the Kelso Estate.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Grand Duchy of Varn', 'place'],
      ['Kelso Estate', 'place']
    ])
  })

  it('gives a lone word that only the lexicon calls a person the kind a cue gives it elsewhere', () => {
    const file = run('The line ran to the town of Harrison. Harrison grew quickly after 1900.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Harrison', 'place'],
      ['Harrison', 'place']
    ])
  })

  it('makes `X was born` a person everywhere in the article, whatever the word looks like', () => {
    const file = run('Raised by Dutch farmers, Hollemans was born in Ohio. Later Hollemans built guitars.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Dutch', 'other'],
      ['Hollemans', 'person'],
      ['Ohio', 'place'],
      ['Hollemans', 'person']
    ])
  })

  it('types every name of a list from a plural cue noun after it', () => {
    const file = run('Barges use the Tarn and Velde rivers, and the ORLA, KELP and ETHEL companies merged.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarn', 'place'],
      ['Velde', 'place'],
      ['ORLA', 'organization'],
      ['KELP', 'organization'],
      ['ETHEL', 'organization']
    ])
  })

  it('knows races, contests and symposia as event keywords', () => {
    const file = run('She won the Kelso Grand Prix and the Varn Song Contest before the Tarn Symposium.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Kelso Grand Prix', 'other'],
      ['Varn Song Contest', 'other'],
      ['Tarn Symposium', 'other']
    ])
  })

  it('reads company suffixes, also after a comma', () => {
    const file = run('Creditors formed Tarn Timberlands, LLC, and sold Velde Mills S.A. last year.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarn Timberlands', 'organization'],
      ['Velde Mills S.A.', 'organization']
    ])
  })

  it('types the names after `bands like`, `guitarists such as`, `towns including`', () => {
    const file = run('He loved bands like Orr Lights, Velde and Tarn Motel, guitarists such as Ana Vel and Ridvo, and towns including Brackwell.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Orr Lights', 'organization'],
      ['Velde', 'organization'],
      ['Tarn Motel', 'organization'],
      ['Ana Vel', 'person'],
      ['Ridvo', 'person'],
      ['Brackwell', 'place']
    ])
  })

  it('reads `between` as a place preposition for places, not for people', () => {
    const file = run('Trains run between Tarnholm and Kelvedon, and talks between Ann and Dana Orr failed. He grew up in the Soviet Union.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarnholm', 'place'],
      ['Kelvedon', 'place'],
      ['Ann', 'person'],
      ['Dana Orr', 'person'],
      ['Soviet Union', 'place']
    ])
  })

  it('knows newspaper name words, also after a hyphen', () => {
    const file = run('He was named to an all-time team by the Kelso Star-Telegram and the Tarn Valley Sentinel.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Kelso Star-Telegram', 'organization'],
      ['Tarn Valley Sentinel', 'organization']
    ])
  })

  it('does not spread a lone given name along a list', () => {
    const file = run('The guild listed Bearno, Gascor and also Brittany.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Bearno', 'organization'],
      ['Gascor', 'organization'],
      ['Brittany', 'person']
    ])
  })

  it('types `Operation …` as an event even when it ends in a place word', () => {
    const file = run('Operation Tarn Garden failed in the autumn.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([['Operation Tarn Garden', 'other']])
  })

  it('types an unknown name after `wrote`, `released`, `produces` as a work or product', () => {
    const file = run('In 1767 he wrote Phaedrak, and the firm now produces Velmo and Tarnite.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Phaedrak', 'other'],
      ['Velmo', 'other'],
      ['Tarnite', 'other']
    ])
  })

  it('joins a model designator to the product name after it', () => {
    const file = run('The wing traded its CH-47 Hill Runner for the F-22 Grey Kestrel in 2004, and Major Ana Petrov flew the first.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['CH-47 Hill Runner', 'other', 'CH-47 Hill Runner', null],
      ['F-22 Grey Kestrel', 'other', 'F-22 Grey Kestrel', null],
      ['Ana Petrov', 'person', 'Ana Petrov', 'Major']
    ])
  })

  it('types a one-word quote in a list of quoted titles as a work', () => {
    const file = run('The set closed with "Lanterns", "Undertow" and "Bright Harbour". "Never," she said.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Lanterns', 'other'],
      ['Undertow', 'other'],
      ['Bright Harbour', 'other']
    ])
  })

  it('types campaigns, offensives and plebiscites as events, but knows the Human Rights Campaign', () => {
    const file = run('The Tarnholm Offensive began in May, and the Velde Plebiscites followed. The Human Rights Campaign objected, and the Campaign of Upper Varn ended.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarnholm Offensive', 'other'],
      ['Velde Plebiscites', 'other'],
      ['Human Rights Campaign', 'organization'],
      ['Campaign of Upper Varn', 'other']
    ])
  })

  it('keeps an ordinal before an organization or event name, not before a person', () => {
    const file = run('Eighth Air Force moved to Tarnholm. The 2nd Battle of Velde Ridge followed, and the 41st Harvest Festival opened. The 3rd Marco Lind came too.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Eighth Air Force', 'organization'],
      ['Tarnholm', 'place'],
      ['2nd Battle of Velde Ridge', 'other'],
      ['41st Harvest Festival', 'other'],
      ['Marco Lind', 'person']
    ])
  })

  it('reads `The League` at the start of a sentence as the short form of the article\'s league', () => {
    const file = run('The Tarn League of Voters met on Monday. The League was formed in 1960. The Laboratory opened.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Tarn League of Voters', 'organization', 'Tarn League of Voters', null],
      ['League', 'organization', 'Tarn League of Voters', null]
    ])
  })

  it('does not join `Fellow of` or a lone surname before `of the` to the organization', () => {
    const file = run('She was elected a Fellow of the Tarn Society in 2001, and Garcia of the Velde Harbor Authority objected. The Bank of Kelso agreed.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarn Society', 'organization'],
      ['Garcia', 'person'],
      ['Velde Harbor Authority', 'organization'],
      ['Bank of Kelso', 'organization']
    ])
  })

  it('types a college sports conference as an organization and a peace conference as an event', () => {
    const file = run('The team won the Southwest Conference title, joined the Tarn Valley Athletic Conference and hosted the Velde Peace Conference.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Southwest Conference', 'organization'],
      ['Tarn Valley Athletic Conference', 'organization'],
      ['Velde Peace Conference', 'other']
    ])
  })

  it('gives every mention of one name the kind most of its mentions have', () => {
    const file = run('The show follows a boy, Stan, and his dog. Each week Stan meets a neighbour, and the letters go to Stan at school. Later Stan writes back.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Stan', 'person'],
      ['Stan', 'person'],
      ['Stan', 'person'],
      ['Stan', 'person']
    ])
  })

  it('keeps `DJ` and `MC` in a performer\'s stage name', () => {
    const file = run('The club hired DJ Kaled and DJ Velmo Ray for the night, and the DJ said MC Tarno was late.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['DJ Kaled', 'person', 'DJ Kaled', null],
      ['DJ Velmo Ray', 'person', 'DJ Velmo Ray', null],
      ['MC Tarno', 'person', 'MC Tarno', null]
    ])
  })

  it('keeps the year in a law\'s name', () => {
    const file = run('The Tarn Water Act 2000 replaced the Velde Immigration Act of 1924, and in 2001 the Kelso Act passed.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarn Water Act 2000', 'other'],
      ['Velde Immigration Act of 1924', 'other'],
      ['Kelso Act', 'other']
    ])
  })

  it('splits a member\'s title from the party and a demonym from the person', () => {
    const file = run('He sat as a Liberal-Labour MPP in 1948. Labour MP Jane Tarn spoke. The win went to Queenslander Mitchell Rawlins, ahead of Walker Dana Ruiz.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Liberal-Labour', 'organization', 'Liberal-Labour', null],
      ['Jane Tarn', 'person', 'Jane Tarn', 'MP'],
      ['Queenslander', 'other', 'Queenslander', null],
      ['Mitchell Rawlins', 'person', 'Mitchell Rawlins', null],
      ['Walker Dana Ruiz', 'person', 'Walker Dana Ruiz', null]
    ])
  })

  it('reads a capitalized class year before a given name as a role', () => {
    const file = run('Juniors Tom Hale and Ana Vel made the team. Junior Seau was not there.')
    expect(brief(file.data.names?.mentions ?? []).slice(0, 2)).toEqual([
      ['Tom Hale', 'person', 'Tom Hale', 'Junior'],
      ['Ana Vel', 'person', 'Ana Vel', null]
    ])
  })

  it('splits an area of a place into two places, but keeps `District of Columbia`', () => {
    const file = run('The hamlet lies in Velmar Taluk of Kestor District, far from the District of Columbia.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Velmar Taluk', 'place'],
      ['Kestor District', 'place'],
      ['District of Columbia', 'place']
    ])
  })

  it('types a place name after a counted record (`games for`, `seasons with`) as a team', () => {
    const file = run('Ana Orr scored 12 goals for Kelvedon and spent two seasons with Tarnholm before settling in Kelvedon.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Ana Orr', 'person'],
      ['Kelvedon', 'organization'],
      ['Tarnholm', 'organization'],
      ['Kelvedon', 'place']
    ])
  })

  it('types publishers and recording labels as organizations, even before a comma and a place', () => {
    const file = run('Her poems came out from Tarnwick Publishing, Leeds, in 2004 and from Orr Recordings in 2008.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Tarnwick Publishing', 'organization'],
      ['Leeds', 'place'],
      ['Orr Recordings', 'organization']
    ])
  })

  it('carries a team cue along a list of names, but not to a place after a comma', () => {
    const file = run('Ana Orr played for Leeds, North Melbourne and Geelong, signed with Leeds, Yorkshire, and retired to Geelong.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Ana Orr', 'person'],
      ['Leeds', 'organization'],
      ['North Melbourne', 'organization'],
      ['Geelong', 'organization'],
      ['Leeds', 'organization'],
      ['Yorkshire', 'place'],
      ['Geelong', 'place']
    ])
  })

  it('types a list ending in `and other <plural noun>` by that noun', () => {
    const file = run('The tour featured Brisk Tide, Cold Harbor Lights, and several other bands, then stopped in Kelso, Varnholt and other villages.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Brisk Tide', 'organization'],
      ['Cold Harbor Lights', 'organization'],
      ['Kelso', 'place'],
      ['Varnholt', 'place']
    ])
  })

  it('types a support act on a tour as a band, but keeps known people and places', () => {
    const file = run('The quartet toured Britain supporting The Hollow Reeds, opened for The Tin Choir in Leeds and spent March supporting Ukraine and Dana Whitlock.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Britain', 'place'],
      ['The Hollow Reeds', 'organization'],
      ['The Tin Choir', 'organization'],
      ['Leeds', 'place'],
      ['Ukraine', 'place'],
      ['Dana Whitlock', 'person']
    ])
  })

  it('types an unknown -ian adjective before a noun as other, not as a name', () => {
    const file = run('Ana Orr hired a local Castilian priest, praised the Velmarian envoy and thanked Julian, while Velmarian stayed away.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Ana Orr', 'person'],
      ['Castilian', 'other'],
      ['Velmarian', 'other'],
      ['Julian', 'person'],
      ['Velmarian', 'other']
    ])
  })

  it('types a place name after `losing to` as a team', () => {
    const file = run('The Owls reached the final in Kelso, losing to Kelso 63-7.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['Owls', 'organization'],
      ['Kelso', 'place'],
      ['Kelso', 'organization']
    ])
  })

  it('keeps capitalized common words between a known name and its keyword', () => {
    const file = run('She won at the MTV Video Music Awards and the NAACP Image Awards, then joined MTV again.')
    expect(brief(file.data.names?.mentions ?? []).map(([text, type]) => [text, type])).toEqual([
      ['MTV Video Music Awards', 'other'],
      ['NAACP Image Awards', 'other'],
      ['MTV', 'organization']
    ])
  })

  it('supports `types`, `skipExcluded` and `readExcluded`', () => {
    const file = new VFile('Mayor Ada Obi visited Kano.')
    const processor = unified().use(retextEnglish).use(retextNormalizeNames, {types: ['place']})
    processor.runSync(processor.parse(file), file)
    expect(file.data.names?.mentions.map((m) => m.text)).toEqual(['Kano'])

    const kept = new VFile('Mayor Ada Obi visited Kano.')
    kept.data.ingest = {
      id: 'x',
      title: null,
      url: null,
      outlet: null,
      published: null,
      authors: [],
      language: 'en',
      excluded: [{start: 0, end: 13, reason: 'teaser'}],
      source: {path: '-', format: 'text'}
    }
    const all = unified().use(retextEnglish).use(retextNormalizeNames, {skipExcluded: false})
    all.runSync(all.parse(kept), kept)
    expect(kept.data.names?.mentions.map((m) => m.text)).toEqual(['Ada Obi', 'Kano'])

    // By default a teaser is skipped, but the names in a photo credit are read.
    const run = (reason: string, options?: {readExcluded: Array<string>}) => {
      const file = new VFile('Mayor Ada Obi visited Kano.')
      file.data.ingest = {...kept.data.ingest!, excluded: [{start: 0, end: 13, reason}]}
      const processor = unified().use(retextEnglish).use(retextNormalizeNames, options)
      processor.runSync(processor.parse(file), file)
      return file.data.names?.mentions.map((m) => m.text)
    }

    expect(run('teaser')).toEqual(['Kano'])
    expect(run('photo-credit')).toEqual(['Ada Obi', 'Kano'])
    expect(run('photo-credit', {readExcluded: []})).toEqual(['Kano'])
  })

  it('fails on bad options when attached', () => {
    // @ts-expect-error: wrong on purpose.
    expect(() => unified().use(retextNormalizeNames, {types: ['people']}).freeze()).toThrow(/`types`/)
    // @ts-expect-error: wrong on purpose.
    expect(() => unified().use(retextNormalizeNames, {skipExcluded: 'yes'}).freeze()).toThrow(/`skipExcluded`/)
    // @ts-expect-error: wrong on purpose.
    expect(() => unified().use(retextNormalizeNames, {readExcluded: 'photo-credit'}).freeze()).toThrow(/`readExcluded`/)
  })
  it('types a railway line as a place and its operating company as an organization', () => {
    const file = run('The excursion train left Port Velde over the Tarnwick Railroad and stopped on the Kelso Valley Railway. The Tarnwick Railway Company ran it.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Port Velde', 'place', 'Port Velde', null],
      ['Tarnwick Railroad', 'place', 'Tarnwick Railroad', null],
      ['Kelso Valley Railway', 'place', 'Kelso Valley Railway', null],
      ['Tarnwick Railway Company', 'organization', 'Tarnwick Railway Company', null]
    ])
  })

  it('types the land and people of a place after `of` and `of the` as places', () => {
    const file = run('Farmers settled the plains of Varnholt near the confluence of the Tarn, and the villagers of Kelmore sold grain.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Varnholt', 'place', 'Varnholt', null],
      ['Tarn', 'place', 'Tarn', null],
      ['Kelmore', 'place', 'Kelmore', null]
    ])
  })

  it('types teams after `starts for the` and minor-league levels as organizations', () => {
    const file = run('Okonjo made four starts for the River Hawks and pitched well as a starter at Triple-A Tarnholm.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['River Hawks', 'organization', 'River Hawks', null],
      ['Triple-A Tarnholm', 'organization', 'Triple-A Tarnholm', null]
    ])
  })

  it('types both ends of a `from … to …` route as places when one end is a place', () => {
    const file = run('Trains ran daily from Harrison to Kelso Junction and back. The last train returned to Harrison at 8 PM.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Harrison', 'place', 'Harrison', null],
      ['Kelso Junction', 'place', 'Kelso Junction', null],
      ['Harrison', 'place', 'Harrison', null]
    ])
  })

  it('lets a company defined by its name outweigh the people of the article who bear it', () => {
    const file = run('Velmo is a major manufacturer of bicycles. In 1898 Ugo Velmo opened a shop in Lagos. Velmo was later run by Aldo Velmo and by Bruno Velmo. In 1990, Velmo opened a factory.')
    expect(brief(file.data.names?.mentions ?? [])).toEqual([
      ['Velmo', 'organization', 'Velmo', null],
      ['Ugo Velmo', 'person', 'Ugo Velmo', null],
      ['Lagos', 'place', 'Lagos', null],
      ['Velmo', 'organization', 'Velmo', null],
      ['Aldo Velmo', 'person', 'Aldo Velmo', null],
      ['Bruno Velmo', 'person', 'Bruno Velmo', null],
      ['Velmo', 'organization', 'Velmo', null]
    ])
  })

  it('completes a name cut short at the start of a sentence or headline with its longer form in the article', () => {
    const text =
      'Bank of Lisbon reports losses\n\nAir Kenya has ordered six jets. The Bank of Lisbon said on Friday that the Air Kenya order was safe, and Kenya welcomed it.'
    const mentions = run(text).data.names!.mentions
    expect(mentions.map((m) => [m.text, m.type])).toEqual([
      ['Bank of Lisbon', 'organization'],
      ['Air Kenya', 'organization'],
      ['Bank of Lisbon', 'organization'],
      ['Air Kenya', 'organization'],
      ['Kenya', 'place']
    ])
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })
  it('keeps the capitalized particle of a surname at the start of a sentence, as the short form of its person', () => {
    const text =
      'After the break, Bram van den Broek saved twice. Van den Broek said the wind helped. ' +
      'Coach Lotte de Vries praised the team. De Vries later thanked the fans. Van drivers waited outside.'
    const mentions = run(text).data.names!.mentions
    expect(brief(mentions)).toEqual([
      ['Bram van den Broek', 'person', 'Bram van den Broek', null],
      ['Van den Broek', 'person', 'Bram van den Broek', null],
      ['Lotte de Vries', 'person', 'Lotte de Vries', 'Coach'],
      ['De Vries', 'person', 'Lotte de Vries', null]
    ])
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })
  it('ends a dateline with a date at its dash, so that “The” after it starts a sentence', () => {
    const text = 'PORT ELLERY, March 3, 2025 — The Harbor Street Bridge reopened on Monday. Crews from The Hague helped.'
    expect(brief(run(text).data.names!.mentions).map(([mention, type]) => [mention, type])).toEqual([
      ['PORT ELLERY', 'place'],
      ['Harbor Street Bridge', 'place'],
      ['The Hague', 'place']
    ])
  })
  it('types a name led by an organization or place word of another language by that word', () => {
    const text = 'Analysts at Institut Marceau and Banco Ferreira said so; Fondation Lévêque agreed. Hotels in Costa del Marfil and Puerto de la Lumbre filled.'
    expect(brief(run(text).data.names!.mentions).map(([mention, type]) => [mention, type])).toEqual([
      ['Institut Marceau', 'organization'],
      ['Banco Ferreira', 'organization'],
      ['Fondation Lévêque', 'organization'],
      // Place words lead the name the same way.
      ['Costa del Marfil', 'place'],
      ['Puerto de la Lumbre', 'place']
    ])
  })
})
