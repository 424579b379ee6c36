/**
 * Common English hypocorisms: `nick:formal` (lowercase), written for copydesk.
 *
 * Used only to compare given names (“Bob” and “Robert” block and match together), never to
 * rewrite a name in the text.
 */
const table =
  'abe:abraham al:albert alex:alexander andy:andrew drew:andrew tony:anthony art:arthur barb:barbara ' +
  'becky:rebecca becca:rebecca ben:benjamin benny:benjamin bernie:bernard betty:elizabeth ' +
  'beth:elizabeth liz:elizabeth lizzie:elizabeth eliza:elizabeth bill:william billy:william will:william ' +
  'willy:william liam:william bob:robert bobby:robert rob:robert robbie:robert bert:robert cathy:catherine ' +
  'kathy:katherine kate:katherine katie:katherine kat:katherine chad:charles charlie:charles chuck:charles ' +
  'chris:christopher kit:christopher dan:daniel danny:daniel dave:david davy:david deb:deborah debbie:deborah ' +
  'dick:richard rick:richard rich:richard richie:richard ricky:richard don:donald donnie:donald doug:douglas ' +
  'ed:edward eddie:edward ted:edward ned:edward fran:frances frank:francis frankie:francis fred:frederick ' +
  'freddie:frederick gabe:gabriel gene:eugene greg:gregory hank:henry harry:henry jack:john johnny:john ' +
  'jon:jonathan jim:james jimmy:james jamie:james jeff:jeffrey jen:jennifer jenny:jennifer jerry:gerald ' +
  'jess:jessica joe:joseph joey:joseph josh:joshua judy:judith ken:kenneth kenny:kenneth larry:lawrence ' +
  'len:leonard lenny:leonard leo:leonard lou:louis maggie:margaret meg:margaret peggy:margaret marge:margaret ' +
  'matt:matthew max:maxwell mike:michael mick:michael mickey:michael mitch:mitchell nate:nathan nat:nathaniel ' +
  'nick:nicholas nicky:nicholas pam:pamela pat:patrick patty:patricia trish:patricia pete:peter phil:phillip ' +
  'ray:raymond ron:ronald ronnie:ronald sam:samuel sammy:samuel sandy:sandra sue:susan susie:susan ' +
  'steve:stephen steven:stephen stevie:stephen stu:stuart terry:terrence tim:timothy timmy:timothy ' +
  'tom:thomas tommy:thomas val:valerie vicky:victoria vic:victor walt:walter wally:walter zach:zachary ' +
  'zack:zachary jake:jacob kim:kimberly mandy:amanda manny:emmanuel mo:mohammed vince:vincent ' +
  'randy:randall ollie:oliver archie:archibald gus:augustus ginny:virginia nan:nancy nell:eleanor ' +
  'ellie:eleanor abby:abigail addie:adeline hal:harold sid:sidney teddy:theodore theo:theodore'

/** Pairs of `[nickname, formal name]`. */
export const nicknamePairs: ReadonlyArray<readonly [string, string]> = table
  .split(' ')
  .map((pair) => {
    const [nick = '', formal = ''] = pair.split(':')
    return [nick, formal] as const
  })
