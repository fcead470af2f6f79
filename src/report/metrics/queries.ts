/**
 * The SQL the report runs. `ev` is every statement that counts: not a voiding statement, and not
 * voided by one (xAPI-Data.md §2.3.2: a voided statement must be ignored by reporting tools). It is
 * made once per report, with only the columns the queries read, so the voiding check and the
 * projection are not repeated by every query.
 */
export const VALID_STATEMENTS = `
CREATE OR REPLACE TEMP TABLE ev AS
SELECT s.learner, s.verb, s.kind, s.ref, s.registration, s.lang, s.grp, s.response, s.success, s.scaled, s.ts
FROM statements s
WHERE s.verb <> 'voided' AND s.id NOT IN (SELECT object FROM statements WHERE verb = 'voided' AND object IS NOT NULL)`;

/** One row per learner: main language, latest group, and whether they completed and passed. */
export const LEARNERS = `
SELECT learner, mode(lang) AS lang, arg_max(grp, ts) FILTER (WHERE grp IS NOT NULL) AS grp,
       bool_or(verb = 'completed') AS completed, bool_or(verb = 'passed') AS passed
FROM ev GROUP BY learner`;

export const PAGE_VIEWERS = `
SELECT ref, count(DISTINCT learner) AS learners FROM ev
WHERE kind = 'page' AND verb = 'experienced' GROUP BY ref`;

export const LAST_PAGE = `
SELECT learner, arg_max(ref, ts) AS ref FROM ev
WHERE kind = 'page' AND verb = 'experienced' GROUP BY learner`;

/**
 * Time on a page: from its `experienced` to the learner's next page or the end of the session
 * (suspended / terminated), in the same registration; a gap over 30 minutes is a pause, not study.
 * Summed per lesson and learner, then the median over learners.
 */
export const LESSON_TIME = `
WITH marks AS (
  SELECT learner, registration, ref, verb, ts,
         lead(ts) OVER (PARTITION BY learner, coalesce(registration, '') ORDER BY ts) AS until
  FROM ev WHERE (kind = 'page' AND verb = 'experienced') OR verb IN ('suspended', 'terminated')
), per_learner AS (
  SELECT m.learner, p.lesson, sum(epoch(m.until) - epoch(m.ts)) AS secs
  FROM marks m JOIN report_pages p ON p.id = m.ref
  WHERE m.verb = 'experienced' AND m.until IS NOT NULL AND m.until - m.ts <= INTERVAL 30 MINUTE
  GROUP BY ALL
)
SELECT lesson, count(*) AS learners, median(secs) AS secs FROM per_learner GROUP BY lesson`;

/** Each learner's latest quiz result (passed/failed carry the scaled score). */
export const FINAL_SCORES = `
SELECT learner, arg_max(scaled, ts) AS scaled FROM ev
WHERE verb IN ('passed', 'failed') AND scaled IS NOT NULL GROUP BY learner`;

/**
 * Each learner's first answer to each question: item statistics judge the first attempt. arg_min
 * over a struct takes both fields from the same (earliest) statement without sorting each group.
 */
export const FIRST_ANSWERS = `
SELECT learner, ref, a.response AS response, a.success AS success FROM (
  SELECT learner, ref, arg_min({'response': response, 'success': success}, ts) AS a
  FROM ev WHERE kind = 'question' AND verb = 'answered' AND ref NOT IN (SELECT id FROM report_survey) GROUP BY learner, ref)`;

/** Each learner's latest survey answer, with the language they answered in. */
export const LATEST_ANSWERS = `
SELECT learner, ref, a.response AS response, a.lang AS lang FROM (
  SELECT learner, ref, arg_max({'response': response, 'lang': lang}, ts) AS a
  FROM ev WHERE kind = 'question' AND verb = 'answered' AND ref IN (SELECT id FROM report_survey) GROUP BY learner, ref)`;

export const DATA_THROUGH = `SELECT max(stored) AS through, count(*) AS n FROM statements`;
