/** Extension keys whose value names the learner's group (country team, cohort…), in that order. */
export const GROUP_EXTENSIONS = ['https://w3id.org/xapi/coursepack/extensions/group', 'http://id.tincanapi.com/extension/team'];

/**
 * The JSON paths read from every statement, in one pass: DuckDB's list form of json_extract_string
 * parses each statement once, where one call per field would parse it fifteen times.
 */
const PATHS = {
  id: '$.id',
  verb: '$.verb.id',
  mbox: '$.actor.mbox',
  sha1: '$.actor.mbox_sha1sum',
  openid: '$.actor.openid',
  home: '$.actor.account.homePage',
  account: '$.actor.account.name',
  name: '$.actor.name',
  object: '$.object.id',
  registration: '$.context.registration',
  lang: '$.context.language',
  team: '$.context.team.name',
  ...Object.fromEntries(GROUP_EXTENSIONS.map((k, i) => [`ext${i}`, `$.context.extensions."${k}"`])),
  grouping: '$.context.contextActivities.grouping[0].id',
  response: '$.result.response',
  success: '$.result.success',
  scaled: '$.result.score.scaled',
  timestamp: '$.timestamp',
  stored: '$.stored',
} as const;

const keys = Object.keys(PATHS);
const at = (name: string) => `v[${keys.indexOf(name) + 1}]`;
const sqlList = `[${Object.values(PATHS).map((p) => `'${p.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * One SQL statement that turns raw statement JSON (a column `raw` of `source`) into rows of
 * `statements`: pseudonymised actor (a salted hash of its inverse functional identifier,
 * xAPI-Data.md §2.4.2.1), short verb, the page/question id parsed from our object ids
 * (<course>/pages/<id>, <course>/questions/<id>), first copy of each id only. Done in SQL so a
 * file of a million statements never passes through JavaScript.
 */
export const NORMALISE_STATEMENTS = (source: string, identify: boolean) => `
INSERT OR IGNORE INTO statements
SELECT DISTINCT ON (id) * FROM (
  SELECT
    ${at('id')} AS id,
    regexp_extract(${at('verb')}, '[^/#]+$') AS verb,
    'L-' || substr(sha256($salt || coalesce(${at('mbox')}, ${at('sha1')}, ${at('openid')}, ${at('home')} || '|' || ${at('account')}, ${at('name')})), 1, 10) AS learner,
    ${identify ? at('name') : 'NULL'} AS name,
    ${at('object')} AS object,
    CASE WHEN contains(${at('object')}, '/pages/') THEN 'page' WHEN contains(${at('object')}, '/questions/') THEN 'question' ELSE 'course' END AS kind,
    nullif(url_decode(regexp_extract(${at('object')}, '/(?:pages|questions)/([^/]+)$', 1)), '') AS ref,
    ${at('registration')} AS registration,
    ${at('lang')} AS lang,
    coalesce(${at('team')}, ${GROUP_EXTENSIONS.map((_, i) => at(`ext${i}`)).join(', ')}, ${at('grouping')}) AS grp,
    ${at('response')} AS response,
    TRY_CAST(${at('success')} AS BOOLEAN) AS success,
    TRY_CAST(${at('scaled')} AS DOUBLE) AS scaled,
    TRY_CAST(${at('timestamp')} AS TIMESTAMPTZ) AS ts,
    TRY_CAST(coalesce(${at('stored')}, ${at('timestamp')}) AS TIMESTAMPTZ) AS stored
  FROM (SELECT json_extract_string(raw, ${sqlList}) AS v FROM ${source})
  WHERE ${at('id')} IS NOT NULL
)`;
