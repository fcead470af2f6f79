/** Extension keys whose value names the learner's group (country team, cohort…), in that order. */
export const GROUP_EXTENSIONS = ['https://w3id.org/xapi/coursepack/extensions/group', 'http://id.tincanapi.com/extension/team'];

/** The actor's inverse functional identifier as one string (xAPI-Data.md §2.4.2.1). */
const IFI = `coalesce(raw->>'$.actor.mbox', raw->>'$.actor.mbox_sha1sum', raw->>'$.actor.openid',
  (raw->>'$.actor.account.homePage') || '|' || (raw->>'$.actor.account.name'), raw->>'$.actor.name')`;

const group = [
  `raw->>'$.context.team.name'`,
  ...GROUP_EXTENSIONS.map((k) => `raw->'$.context.extensions'->>'${k.replace(/'/g, "''")}'`),
  `raw->>'$.context.contextActivities.grouping[0].id'`,
].join(', ');

/**
 * One SQL statement that turns raw statement JSON (a column `raw` of `source`) into rows of
 * `statements`: pseudonymised actor, short verb, page/question reference parsed from our object ids
 * (<course>/pages/<id>, <course>/questions/<id>), first copy of each id only. Done in SQL so a file
 * of a million statements never passes through JavaScript.
 */
export const NORMALISE_STATEMENTS = (source: string, identify: boolean) => `
INSERT OR IGNORE INTO statements
SELECT DISTINCT ON (id) * FROM (
  SELECT
    raw->>'$.id' AS id,
    regexp_extract(raw->>'$.verb.id', '[^/#]+$') AS verb,
    'L-' || substr(sha256($salt || ${IFI}), 1, 10) AS learner,
    ${identify ? `raw->>'$.actor.name'` : 'NULL'} AS name,
    raw->>'$.object.id' AS object,
    CASE WHEN raw->>'$.object.id' SIMILAR TO '.*/pages/[^/]+' THEN 'page'
         WHEN raw->>'$.object.id' SIMILAR TO '.*/questions/[^/]+' THEN 'question'
         ELSE 'course' END AS kind,
    url_decode(regexp_extract(raw->>'$.object.id', '/(?:pages|questions)/([^/]+)$', 1)) AS ref,
    raw->>'$.context.registration' AS registration,
    raw->>'$.context.language' AS lang,
    coalesce(${group}) AS grp,
    raw->>'$.result.response' AS response,
    TRY_CAST(raw->>'$.result.success' AS BOOLEAN) AS success,
    TRY_CAST(raw->>'$.result.score.scaled' AS DOUBLE) AS scaled,
    TRY_CAST(raw->>'$.timestamp' AS TIMESTAMPTZ) AS ts,
    TRY_CAST(coalesce(raw->>'$.stored', raw->>'$.timestamp') AS TIMESTAMPTZ) AS stored
  FROM (SELECT raw::JSON AS raw FROM ${source})
  WHERE raw->>'$.id' IS NOT NULL
)`;
