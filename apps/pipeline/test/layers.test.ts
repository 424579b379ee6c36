import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readLines} from '../src/lib/layers.js'

async function collect(file: string): Promise<Array<string>> {
  const lines: Array<string> = []
  for await (const line of readLines(file)) lines.push(line)
  return lines
}

describe('readLines', () => {
  it('splits on newlines across chunk boundaries, keeps multi-byte characters whole, drops CRs and empty lines', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lines-'))
    const file = path.join(folder, 'layer.jsonl')
    // A line longer than the 1 MB chunk, one whose accented letters straddle
    // the chunk's end, a CRLF line, blank lines, no final newline.
    const long = 'é'.repeat(700_000)
    const straddle = 'a'.repeat((1 << 20) - 3) + 'ü€😀 Zoë'
    const lines = ['{"id":"one"}', long, straddle, 'Beverly Holcy’s', 'last']
    fs.writeFileSync(file, `${lines[0]}\r\n${lines[1]}\n\n${lines[2]}\n${lines[3]}\r\n\n${lines[4]}`)
    expect(await collect(file)).toEqual(lines)
    fs.writeFileSync(file, '')
    expect(await collect(file)).toEqual([])
    fs.rmSync(folder, {recursive: true})
  })
})
