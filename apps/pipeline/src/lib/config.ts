import fs from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from './errors.js'
import {stageNames, type StageName} from './paths.js'

/** What a config key may hold. */
export type KeyKind = 'string' | 'number' | 'boolean' | 'string[]' | 'object'

/** Keys each stage accepts in its section of the config file. */
export type StageKeys = Readonly<Record<string, KeyKind>>

/** Top-level keys of the config file besides the stage sections. */
const topKeys: StageKeys = {input: 'string[]', out: 'string', format: 'string', kb: 'string', published: 'string'}

/** A loaded config file: top-level options and one section per stage. */
export interface ConfigFile {
  top: Record<string, unknown>
  stages: Partial<Record<StageName, Record<string, unknown>>>
}

/**
 * Read a JSON config file and check every key against what the stages
 * accept; an unknown key or a value of the wrong kind is a usage error that
 * names the file and the key.
 */
export async function loadConfig(file: string, stageKeys: Readonly<Record<StageName, StageKeys>>): Promise<ConfigFile> {
  let raw: string
  try {
    raw = await fs.readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read config file ${file}: ${(error as Error).message}`)
  }

  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    throw new UsageError(`Config file ${file} is not valid JSON: ${(error as Error).message}`)
  }

  if (!isObject(value)) throw new UsageError(`Config file ${file} must hold a JSON object`)
  const result: ConfigFile = {top: {}, stages: {}}
  for (const [key, item] of Object.entries(value)) {
    if ((stageNames as ReadonlyArray<string>).includes(key)) {
      const stage = key as StageName
      if (!isObject(item)) throw new UsageError(`Config file ${file}: \`${key}\` must be an object`)
      for (const [option, optionValue] of Object.entries(item)) {
        check(file, `${key}.${option}`, stageKeys[stage][option], optionValue)
      }

      result.stages[stage] = item
    } else {
      check(file, key, topKeys[key], item)
      result.top[key] = item
    }
  }

  if (Array.isArray(result.top.input)) {
    const base = path.dirname(path.resolve(file))
    result.top.input = (result.top.input as Array<string>).map((p) => path.resolve(base, p))
  }

  return result
}

function check(file: string, key: string, kind: KeyKind | undefined, value: unknown): void {
  if (!kind) throw new UsageError(`Config file ${file}: unknown key \`${key}\``)
  const ok =
    kind === 'string[]'
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : kind === 'object'
        ? isObject(value)
        : typeof value === kind
  if (!ok) throw new UsageError(`Config file ${file}: \`${key}\` must be ${kind === 'string[]' ? 'an array of strings' : `a ${kind}`}`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
