// The per-document work of the name, date and link stages on the same text,
// in one thread, through the stages' own adapters (as a worker runs them):
// MB per CPU-second on a first pass (fresh code, as each worker of a run
// starts) and on a second, and linking's time as a share of naming's.
// Prints JSON. Run by `pnpm bench` after the build.
//   node bin/bench-plugins.js <corpus folder> [bytes]
import {documentStages} from '../dist/stages/index.js'
import {readTexts} from './generate-corpus.js'

const [folder, limitArgument] = process.argv.slice(2)
const {texts, bytes} = readTexts(folder, Number(limitArgument) || 5_000_000)
const documents = texts.map(({name, text}) => ({
  id: name,
  text,
  ingest: {id: name, title: null, url: null, outlet: null, published: '2024-04-26', authors: [], language: 'en', excluded: [], source: {path: name, format: 'text'}}
}))

const cpu = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

async function measure(stage, prepare, keep) {
  const run = await documentStages[stage].setup({options: {}})
  const passes = []
  for (let pass = 0; pass < 2; pass++) {
    const start = cpu()
    for (const document of documents) {
      const output = await run(prepare(document))
      if (keep && pass === 0) keep(document, output)
    }
    passes.push(cpu() - start)
  }
  return passes
}

// The link stage reads the name stage's mentions: kept from the name stage's
// first pass (the copy is outside the timing of the link stage).
const withNames = new Map()
const result = {bytes, documents: documents.length}
result.names = await measure('names', (document) => document, (document, output) => withNames.set(document.id, {...document, names: output.data}))
result.dates = await measure('dates', (document) => document)
result.link = await measure('link', (document) => withNames.get(document.id))
console.log(JSON.stringify(result))
