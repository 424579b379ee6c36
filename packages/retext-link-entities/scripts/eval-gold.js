#!/usr/bin/env node
// Measure linking alone: build `file.data.names` from the gold mentions of a
// gold set, link them, and write a system file for `shared/eval/score.mjs`.
//
//   node scripts/eval-gold.js GOLD.jsonl OUT.jsonl [--name text|gold] [--kb FILE.sqlite]
//
// `--name text` (default) uses each mention's text as its canonical name;
// `--name gold` uses the gold canonical name where the gold has one.
import {readFileSync, writeFileSync} from 'node:fs'
import {SqliteKnowledgeBase, loadStarterKb} from '@copydesk/kb'
import {VFile} from 'vfile'
import retextLinkEntities from '../dist/index.js'

const [goldPath, outPath, ...rest] = process.argv.slice(2)
const flag = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined)
const nameFrom = flag('--name') ?? 'text'
const kb = flag('--kb') ? new SqliteKnowledgeBase(flag('--kb')) : loadStarterKb()
const types = {PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other'}
const transform = retextLinkEntities({kb})
const out = []
let messages = 0
const started = performance.now()
for (const line of readFileSync(goldPath, 'utf8').split('\n')) {
  if (!line.trim()) continue
  const gold = JSON.parse(line)
  const file = new VFile({value: gold.text})
  const mentions = gold.mentions.map((m, i) => ({
    id: `m${i + 1}`,
    start: m.start,
    end: m.end,
    text: gold.text.slice(m.start, m.end),
    type: types[m.type] ?? 'other',
    name: nameFrom === 'gold' && m.name ? m.name : gold.text.slice(m.start, m.end)
  }))
  file.data.names = {mentions}
  transform({type: 'RootNode', children: []}, file)
  messages += file.messages.length
  out.push(JSON.stringify({id: gold.id, mentions: mentions.map((m) => ({...m, entity: file.data.links.entities[m.id] ?? null}))}))
}
writeFileSync(outPath, out.join('\n') + '\n')
console.error(`${out.length} documents, ${messages} messages, ${(performance.now() - started).toFixed(0)} ms, kb ${kb.snapshot}`)
