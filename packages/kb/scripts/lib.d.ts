// Types of `lib.js`, for the tests that import it.
export function readJsonl(file: string): Array<Record<string, unknown>>
export const keyOf: (name: string) => string
export function findShared(root: string, args?: ReadonlyArray<string>): string | undefined
export const usStates: Readonly<Record<string, string>>
export const usTerritories: Readonly<Record<string, string>>
export const commonWords: ReadonlySet<string>
