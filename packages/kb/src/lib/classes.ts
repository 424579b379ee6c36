import type {EntityType} from './types.js'

/**
 * Wikidata classes (P31 values) that decide an entity's type. Streaming a dump
 * gives no subclass hierarchy, so this is a list of the classes most often
 * seen on news entities; anything else is `other`.
 */
export const classTypes: Readonly<Record<string, EntityType>> = Object.freeze({
  Q5: 'person',
  Q15632617: 'person', // fictional human
  // places
  Q6256: 'place', // country
  Q3624078: 'place', // sovereign state
  Q7275: 'place', // state
  Q35657: 'place', // US state
  Q5119: 'place', // capital
  Q515: 'place', // city
  Q1549591: 'place', // big city
  Q1637706: 'place', // city with millions
  Q200250: 'place', // metropolis
  Q1093829: 'place', // city in the United States
  Q486972: 'place', // human settlement
  Q532: 'place', // village
  Q3957: 'place', // town
  Q10864048: 'place', // first-level administrative division
  Q13220204: 'place', // second-level administrative division
  Q82794: 'place', // geographic region
  Q5107: 'place', // continent
  Q23442: 'place', // island
  Q8502: 'place', // mountain
  Q4022: 'place', // river
  Q165: 'place', // sea
  Q1248784: 'place', // airport
  Q41176: 'place', // building
  Q481289: 'place', // official residence
  Q16560: 'place', // palace
  Q483110: 'place', // stadium
  Q3336843: 'place', // country of the United Kingdom
  Q112099: 'place', // island nation
  // organizations
  Q43229: 'organization', // organization
  Q4830453: 'organization', // business
  Q783794: 'organization', // company
  Q891723: 'organization', // public company
  Q6881511: 'organization', // enterprise
  Q167037: 'organization', // corporation
  Q46970: 'organization', // airline
  Q1193236: 'organization', // news agency
  Q11032: 'organization', // newspaper
  Q1110794: 'organization', // daily newspaper
  Q1002697: 'organization', // periodical
  Q41298: 'organization', // magazine
  Q1616075: 'organization', // television station
  Q15265344: 'organization', // broadcaster
  Q7278: 'organization', // political party
  Q327333: 'organization', // government agency
  Q484652: 'organization', // international organization
  Q245065: 'organization', // intergovernmental organization
  Q3918: 'organization', // university
  Q476028: 'organization', // association football club
  Q847017: 'organization', // sports club
  Q12973014: 'organization', // sports team
  Q623109: 'organization', // sports league
  Q35127: 'organization', // website
  Q1136066: 'organization', // video hosting service (YouTube)
  Q3220391: 'organization', // social networking service
  Q2085381: 'organization', // publisher
  Q11691: 'organization', // stock exchange
  Q1320047: 'organization', // book publisher
  Q215380: 'organization', // musical group
  Q5741069: 'organization', // rock band
  Q176799: 'organization', // military unit
  Q4438121: 'organization', // sports organization
  Q163740: 'organization' // nonprofit organization
})

const precedence: ReadonlyArray<EntityType> = ['person', 'place', 'organization']

/** The type of an entity from its classes (P31 values). */
export function typeFromClasses(
  classes: ReadonlyArray<string>,
  table: Readonly<Record<string, EntityType>> = classTypes
): EntityType {
  const found = new Set<EntityType>()
  for (const c of classes) {
    const t = table[c]
    if (t) found.add(t)
  }
  for (const t of precedence) if (found.has(t)) return t
  return 'other'
}
