const notPerson =
  /^(?:staff|staff writers?|staff reporters?|editorial (?:staff|board)|the editors|editors?|news desk|newsroom|wire services?|web desk|digital desk|admin|administrator|guest|contributor|anonymous|unknown|by)$/i
const jobTitle =
  /^(?:(?:senior|chief|staff|contributing|special|political|white house|foreign|national|investigative|business|sports|deputy|managing|executive)\s+)*(?:correspondent|reporter|writer|editor|columnist|contributor|producer|analyst|photographer)s?$/i
const promoted = /\b(?:promoted|sponsored|presented|paid for|brought to you)\s+by\b/i
const datePart =
  /\s*(?:[|,·•–—-]\s*)?(?:(?:updated|published|posted|last updated)\b.*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*|\d{4}-\d{2}-\d{2}.*|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}.*|\d{1,2}:\d{2}.*|\d+\s+(?:minutes?|hours?|days?)\s+ago.*)$/i
const glued = /([a-z])((?:Updated|Published|Posted|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)/g
const role =
  /\s*(?:,|\||–|—|-)\s*(?:(?:senior |chief |staff |contributing |special |political |white house |foreign |national |investigative )?(?:correspondent|reporter|writer|editor|columnist|contributor|producer|analyst)\b.*|the associated press|associated press|reuters|afp|cnn|bloomberg|for [A-Z][\w .]+)$/i

/**
 * Clean author names: drop a leading "By", dates and times glued to a name,
 * job titles after a comma, and things that are not people ("Staff",
 * "Promoted by …", URLs, e-mail addresses). Splits "A and B", "A, B & C".
 */
export function cleanAuthors(values: ReadonlyArray<string>): Array<string> {
  const result: Array<string> = []
  const seen = new Set<string>()
  for (const value of values) {
    if (promoted.test(value)) continue
    let text = value.replace(/\s+/g, ' ').replace(glued, '$1 $2').trim()
    text = text.replace(/^(?:written |reported |story |words )?by[:\s]+/i, '')
    text = text.replace(datePart, '').replace(role, '').trim()
    for (let part of text.split(/\s*(?:,\s*and\s+|\band\b|&|;|,(?=\s*[A-Z][\w.'-]+\s+[A-Z]))\s*/)) {
      part = part.replace(role, '').replace(datePart, '').replace(/^by\s+/i, '').replace(/[\s,.|–—-]+$/, '').trim()
      if (!part || part.length > 60 || part.length < 3) continue
      if (/https?:|www\.|@|\//i.test(part)) continue
      if (notPerson.test(part) || jobTitle.test(part)) continue
      if (/\b(?:Tribune|Times|Post|News|Herald|Journal|Gazette|Ledger|Courier|Report|Wire|Press|Daily|Magazine|Chronicle|Service|Desk|Agency|Network|Media|Newsroom|Staff)\b/.test(part)) continue
      if (/\bstaff\b/i.test(part) && !/\s/.test(part.replace(/\bstaff\b/i, '').trim())) continue
      if (!/\p{Lu}/u.test(part)) continue
      const words = part.split(' ')
      if (words.length > 5) continue
      const key = part.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      result.push(part)
    }
  }
  return result
}
