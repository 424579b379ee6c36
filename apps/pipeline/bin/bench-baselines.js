// The JavaScript baselines on the same text as copydesk: compromise (people
// + dates, with compromise-dates) and chrono-node. Prints MB/s as JSON.
import {readTexts} from './generate-corpus.js'

const [folder, limitArgument] = process.argv.slice(2)
const read = readTexts(folder, Number(limitArgument) || 1_000_000)
const texts = read.texts.map((entry) => entry.text)
const bytes = read.bytes

const {default: nlp} = await import('compromise')
const {default: datesPlugin} = await import('compromise-dates')
nlp.plugin(datesPlugin)
const chrono = await import('chrono-node')

function time(fn) {
  const start = performance.now()
  let found = 0
  for (const text of texts) found += fn(text)
  const seconds = (performance.now() - start) / 1000
  return {mbPerS: bytes / 1e6 / seconds, seconds, found}
}

const reference = new Date(Date.UTC(2024, 3, 26))
const result = {
  bytes,
  documents: texts.length,
  compromisePeople: time((text) => nlp(text).people().length),
  compromisePeopleDates: time((text) => {
    const doc = nlp(text)
    return doc.people().length + doc.dates({timezone: 'UTC'}).length
  }),
  chrono: time((text) => chrono.parse(text, reference).length)
}
process.stdout.write(JSON.stringify(result) + '\n')
