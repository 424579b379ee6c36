// Before/after check for speed work: run this build (`../dist`) and another build of the package
// over the same texts and report any difference in mentions, names, messages or registry output.
//   node packages/retext-normalize-names/bench/compare.js <other-dist-dir> <records.jsonl>...
// Records are JSON lines with a `text` (the pipeline's input format). Each text is also read
// with an all-caps headline added and with a line break after every sentence, to reach the
// headline and line-start rules. Build the other copy first, for example:
//   git stash && pnpm build && cp -r dist /tmp/names-before && git stash pop && pnpm build
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'

const [other, ...files] = process.argv.slice(2)
if (!other || files.length === 0) {
  console.error('Usage: node bench/compare.js <other-dist-dir> <records.jsonl>...')
  process.exit(2)
}

const texts = []
for (const file of files) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const text = JSON.parse(line).text
    if (typeof text !== 'string') continue
    texts.push(text, text.toUpperCase().slice(0, 400) + '\n\n' + text, text.replace(/\. /g, '.\n'))
  }
}

const here = await import('../dist/index.js')
const there = await import(path.resolve(other, 'index.js'))

function run(module) {
  const transform = module.default()
  const empty = {type: 'RootNode', children: []}
  const documents = texts.map((text) => {
    const file = new VFile(text)
    transform(empty, file)
    return {
      mentions: file.data.names?.mentions ?? [],
      messages: file.messages.map((m) => [m.reason, m.ruleId, m.place, m.actual, m.expected])
    }
  })
  const registry = new module.NameRegistry()
  documents.forEach((document, index) => registry.add('d' + index, document.mentions))
  return {documents, registry: [...registry.resolve()]}
}

const a = run(here)
const b = run(there)
let differences = 0
for (let index = 0; index < texts.length; index++) {
  if (JSON.stringify(a.documents[index]) === JSON.stringify(b.documents[index])) continue
  if (differences++ < 5) console.log(`text ${index} differs: ${texts[index].slice(0, 80).replace(/\n/g, ' ')}…`)
}

const sameRegistry = JSON.stringify(a.registry) === JSON.stringify(b.registry)
console.log(
  `${texts.length} texts: ${differences} with different mentions or messages; registry output ${sameRegistry ? 'the same' : 'different'}`
)
process.exitCode = differences === 0 && sameRegistry ? 0 : 1
