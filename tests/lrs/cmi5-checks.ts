import { CMI5 } from '../../src/standards/cmi5';

export interface Cmi5SessionInfo {
  sessionId: string;
  registration: string;
  mode: string;
  masteryScore?: number;
}

type Statement = Record<string, any>;

const DEFINED = new Set<string>([CMI5.verbs.initialized, CMI5.verbs.completed, CMI5.verbs.passed, CMI5.verbs.failed, CMI5.verbs.terminated]);
const name = (s: Statement) => String(s.verb?.id ?? '').split('/').pop();
const categories = (s: Statement): string[] => (s.context?.contextActivities?.category ?? []).map((a: { id: string }) => a.id);
const isDefined = (s: Statement) => categories(s).includes(CMI5.categories.cmi5);
const sessionOf = (s: Statement) => s.context?.extensions?.[CMI5.extensions.sessionId] as string | undefined;
const isInteger = (n: unknown) => typeof n === 'number' && Number.isInteger(n);

/**
 * The cmi5 rules an AU must keep (cmi5_spec.md §7.1, §9.3, §9.5, §9.6, §10), checked on the
 * statements the LRS stored for one registration. Returns one message per broken rule.
 */
export function cmi5Violations(all: Statement[], sessions: Cmi5SessionInfo[], au: { activityId: string; publisherId: string; actor: object }): string[] {
  const problems: string[] = [];
  const fail = (s: Statement | undefined, why: string) => problems.push(`${s ? `${name(s)} ${s.timestamp}: ` : ''}${why}`);
  // launched and abandoned are the LMS's own statements.
  const fromAu = all.filter((s) => s.verb?.id !== CMI5.verbs.launched && s.verb?.id !== CMI5.verbs.abandoned);
  for (const s of fromAu) checkStatement(s, sessions, au, fail);
  for (const session of sessions) {
    const own = fromAu.filter((s) => sessionOf(s) === session.sessionId);
    if (!own.length) continue;
    if (own[0]!.verb.id !== CMI5.verbs.initialized || !isDefined(own[0]!)) fail(own[0], `session ${session.sessionId} does not start with initialized`);
    const last = own[own.length - 1]!;
    const abandoned = all.find((s) => s.verb?.id === CMI5.verbs.abandoned && sessionOf(s) === session.sessionId);
    if (abandoned) {
      // Stored after the LMS gave up on the session: the AU replayed an old session's queue.
      for (const s of own) if (s.stored > abandoned.stored) fail(s, `sent after session ${session.sessionId} was abandoned`);
    } else if (last.verb.id !== CMI5.verbs.terminated || !isDefined(last)) fail(last, `session ${session.sessionId} does not end with terminated`);
    const defined = own.filter(isDefined).map(name);
    for (const verb of new Set(defined)) if (defined.filter((v) => v === verb).length > 1) fail(undefined, `${verb} sent more than once in session ${session.sessionId}`);
    if (defined.filter((v) => v === 'passed' || v === 'failed').length > 1) fail(undefined, `passed/failed sent more than once in session ${session.sessionId}`);
    if (session.mode !== 'Normal') {
      for (const v of defined) if (v !== 'initialized' && v !== 'terminated') fail(undefined, `${v} sent in ${session.mode} mode`);
    }
  }
  const judged = fromAu.filter(isDefined);
  if (judged.filter((s) => name(s) === 'completed').length > 1) fail(undefined, 'completed sent more than once in the registration');
  if (judged.filter((s) => name(s) === 'passed').length > 1) fail(undefined, 'passed sent more than once in the registration');
  const passedAt = judged.find((s) => name(s) === 'passed')?.timestamp;
  if (passedAt) for (const s of judged) if (name(s) === 'failed' && s.timestamp > passedAt) fail(s, 'failed after passed');
  const completedAt = judged.find((s) => name(s) === 'completed')?.timestamp;
  if (completedAt) for (const s of fromAu) if (s.result?.extensions?.[CMI5.extensions.progress] !== undefined && s.timestamp >= completedAt) fail(s, 'progress sent on or after completed');
  return problems;
}

function checkStatement(s: Statement, sessions: Cmi5SessionInfo[], au: { activityId: string; publisherId: string; actor: object }, fail: (s: Statement, why: string) => void): void {
  const session = sessions.find((x) => x.sessionId === sessionOf(s));
  if (!session) return fail(s, 'no known session id in context.extensions');
  if (s.context?.registration !== session.registration) fail(s, 'wrong or missing registration');
  if (JSON.stringify(s.actor?.account) !== JSON.stringify((au.actor as { account: object }).account)) fail(s, 'actor is not the launched learner');
  const grouping = (s.context?.contextActivities?.grouping ?? []).map((a: { id: string }) => a.id);
  if (!grouping.includes(au.publisherId)) fail(s, 'contextTemplate grouping (publisher id) missing');
  const r = s.result ?? {};
  const progress = r.extensions?.[CMI5.extensions.progress];
  if (progress !== undefined && !(isInteger(progress) && progress >= 0 && progress <= 100)) fail(s, `progress ${progress} is not an integer 0–100`);
  const moveOn = categories(s).includes(CMI5.categories.moveOn);
  if (!isDefined(s)) {
    if (moveOn) fail(s, 'moveon category on a cmi5 allowed statement');
    return;
  }
  const verb = name(s);
  if (!DEFINED.has(s.verb.id)) fail(s, 'cmi5 category on a verb cmi5 does not define for AUs');
  if (s.object?.id !== au.activityId) fail(s, 'object is not the launched activityId');
  if (moveOn !== (r.success !== undefined || r.completion !== undefined)) fail(s, 'moveon category and result.success/completion disagree');
  if ((verb === 'completed') !== (r.completion === true)) fail(s, 'result.completion must be true on completed and absent elsewhere');
  if (verb === 'passed' && r.success !== true) fail(s, 'passed without success true');
  if (verb === 'failed' && r.success !== false) fail(s, 'failed without success false');
  if (verb !== 'passed' && verb !== 'failed' && r.success !== undefined) fail(s, 'result.success outside passed/failed');
  if (['completed', 'passed', 'failed', 'terminated'].includes(verb ?? '') && !r.duration) fail(s, 'result.duration missing');
  if (r.score) {
    if (verb !== 'passed' && verb !== 'failed') fail(s, 'score outside passed/failed');
    if (!(r.score.scaled >= 0 && r.score.scaled <= 1)) fail(s, 'score.scaled outside 0–1');
    if (r.score.raw !== undefined && !(isInteger(r.score.raw) && isInteger(r.score.min) && isInteger(r.score.max) && r.score.min <= r.score.raw && r.score.raw <= r.score.max)) fail(s, 'score.raw is not an integer within integer min/max');
  }
  if (verb === 'completed' && progress !== undefined) fail(s, 'progress on completed');
  if ((verb === 'passed' || verb === 'failed') && session.masteryScore !== undefined) {
    if (s.context?.extensions?.[CMI5.extensions.masteryScore] !== session.masteryScore) fail(s, 'masteryscore extension missing or different');
    const scaled = r.score?.scaled;
    if (scaled !== undefined && (verb === 'passed' ? scaled < session.masteryScore : scaled >= session.masteryScore)) fail(s, `${verb} with scaled ${scaled} against masteryScore ${session.masteryScore}`);
  }
}
