import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {appDir, cli, temporary} from './helpers.js'

describe('copydesk CLI: usage', () => {
  it('prints help and version', () => {
    const help = cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: copydesk/)
    expect(help.stdout).toMatch(/run \[options\]/)
    const runHelp = cli(['run', '--help'])
    expect(runHelp.stdout).toMatch(/--input <path\.\.\.>/)
    expect(runHelp.stdout).toMatch(/--format <list>/)
    const version = cli(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('names an unknown flag, with exit code 2', () => {
    const result = cli(['run', '--frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/unknown option '--frobnicate'/)
  })

  it('names an unknown format, with exit code 2', () => {
    const result = cli(['run', '--format', 'jsonl,docx'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--format: Unknown format `docx`/)
  })

  it('names an unknown config key and a wrongly typed one, with exit code 2', () => {
    const dir = temporary('config')
    const bad = path.join(dir, 'bad.json')
    fs.writeFileSync(bad, JSON.stringify({names: {colour: 'red'}}))
    const result = cli(['run', '--config', bad])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`Config file ${bad}: unknown key \`names.colour\``)
    fs.writeFileSync(bad, JSON.stringify({out: 3}))
    expect(cli(['run', '--config', bad]).stderr).toContain('`out` must be a string')
    fs.writeFileSync(bad, '{"out": ')
    expect(cli(['run', '--config', bad]).stderr).toContain(`Config file ${bad} is not valid JSON`)
  })

  it('names a missing input, with exit code 2', () => {
    const result = cli(['run', '--input', '/nonexistent/corpus.jsonl'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Input not found: /nonexistent/corpus.jsonl')
  })
})

describe('the stage launcher', () => {
  it('runs the same command as the stage scripts in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    const stages = Object.keys(pkg.scripts).filter((name) => name.startsWith('stage:'))
    expect(stages.sort()).toEqual(['stage:dates', 'stage:export', 'stage:ingest', 'stage:link', 'stage:names'])
    for (const name of stages) expect(pkg.scripts[name]).toBe(`node dist/stage.js ${name.slice(6)}`)
    const launcher = fs.readFileSync(path.join(appDir, 'src', 'lib', 'turbo.ts'), 'utf8')
    expect(launcher).toContain("stage:ingest|stage:names|stage:dates|stage:link|stage:export) exec node $COPYDESK_NODE_FLAGS dist/stage.js")
  })
})
