// A deterministic generator of news-like articles for benchmarks: people
// with titles and short forms, places, organizations, dates of many forms.
import fs from 'node:fs'
import path from 'node:path'

function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const first = ['Maria', 'James', 'Aisha', 'Daniel', 'Sofia', 'Robert', 'Li', 'Fatima', 'Thomas', 'Elena', 'Marcus', 'Priya', 'Beverly', 'Jason', 'Olga', 'Kwame']
const last = ['Alvarez', 'Chen', 'Okafor', 'Smith', 'Novak', 'Holsey', 'Hernandez', 'Lowery', 'Mosley', 'Patel', "O'Neill", 'Van Buren', 'García', 'Kim', 'Schmidt', 'Dubois']
const roles = ['Mayor', 'Senator', 'Governor', 'Vice President', 'former President', 'Secretary', 'Rep.', 'Dr.', 'Judge', 'Chief Executive']
const places = ['Washington', 'Atlanta', 'Chicago', 'Paris', 'Nairobi', 'Berlin', 'Tokyo', 'Ohio', 'Texas', 'Mexico City', 'London', 'Canada']
const orgs = ['the Senate', 'the World Health Organization', 'Reuters', 'the Federal Reserve', 'Acme Corp.', 'the United Nations', 'the city council', 'NASA']
const dates = ['on Thursday', 'last week', 'on April 25, 2024', 'the day before', 'two days later', 'this afternoon', 'in 2018', 'since March', 'every Monday', 'for twenty-one years', 'earlier this year', 'on Tuesday, April 23']
const verbs = ['said', 'announced', 'told reporters', 'argued', 'confirmed', 'warned']
const topics = ['the budget', 'a new bridge', 'the trade agreement', 'school funding', 'the storm recovery', 'hospital staffing', 'the housing plan']

/** Write `count` articles as .txt files with front matter; returns their size. */
export function generateCorpus(folder, count, seed = 42) {
  const rnd = random(seed)
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  fs.mkdirSync(folder, {recursive: true})
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const people = Array.from({length: 3}, () => [pick(first), pick(last)])
    const paragraphs = []
    const title = `${pick(roles)} ${people[0][1]} ${pick(verbs)} ${pick(topics)} in ${pick(places)}`
    for (let p = 0; p < 6; p++) {
      const sentences = []
      for (let s = 0; s < 4; s++) {
        const [f, l] = pick(people)
        const form = rnd() < 0.4 ? `${pick(roles)} ${f} ${l}` : rnd() < 0.5 ? l : `${f} ${l}`
        sentences.push(`${form} ${pick(verbs)} ${pick(dates)} that ${pick(orgs)} would review ${pick(topics)} in ${pick(places)}.`)
      }
      paragraphs.push(sentences.join(' '))
    }
    const day = String(1 + (index % 28)).padStart(2, '0')
    const text = `---\ntitle: ${JSON.stringify(title)}\npublished: 2024-04-${day}\noutlet: Bench Gazette\nurl: https://news.example.com/2024/04/${day}/story-${index}\n---\n${title}\n\n${paragraphs.join('\n\n')}\n`
    const file = path.join(folder, `article-${String(index).padStart(5, '0')}.txt`)
    fs.writeFileSync(file, text)
    bytes += Buffer.byteLength(text)
  }
  return {files: count, bytes}
}

/**
 * The article texts of a generated corpus, without their front matter, in
 * file-name order, up to `limit` bytes: what the bench's side-by-side
 * measurements all read, so that they read the same text.
 */
export function readTexts(folder, limit) {
  const texts = []
  let bytes = 0
  for (const name of fs.readdirSync(folder).sort()) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8').replace(/^---[\s\S]*?\n---\n/, '')
    texts.push({name, text})
    bytes += Buffer.byteLength(text)
    if (bytes >= limit) break
  }

  return {texts, bytes}
}
