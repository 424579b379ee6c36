export {default} from './lib/index.js'
export type {Options} from './lib/index.js'
export {NameRegistry} from './lib/registry.js'
export type {
  NameRegistryOptions,
  RegistryContext,
  RegistryDocument,
  NameVariantMessage
} from './lib/registry.js'
