export function deriveLexiconData(): Record<string, Array<string>>
export function renderLexiconData(data: Record<string, Array<string>>): string
