import validateStatement from '@learninglocker/xapi-validation';
import type { LoggedRequest } from './test-lrs-endpoint';

/** Statements in the bodies of POST/PUT /statements requests, as the runtime sent them. */
export function sentStatements(log: readonly LoggedRequest[], who: (name: string) => boolean): Record<string, any>[] {
  return log
    .filter((r) => r.path.endsWith('/statements') && (r.method === 'POST' || r.method === 'PUT') && who(r.who))
    .flatMap((r) => {
      const body = JSON.parse(r.body) as unknown;
      return Array.isArray(body) ? body : [body];
    });
}

/** LearningLocker's own xAPI validation rules, one line per warning: statement id, path, rule. */
export function validationWarnings(statements: readonly Record<string, any>[]): string[] {
  return statements.flatMap((s) =>
    validateStatement(s).map((w) => `${s.id} ${JSON.stringify((w as { path?: unknown }).path)} ${(w as object).constructor.name}`),
  );
}

/**
 * Requests of the runtime the LRS refused. Two answers are the protocol working, not refusals: 404
 * on reading a document (no bookmark yet) and 412 on creating one with If-None-Match: * when
 * another write (a keepalive request at pagehide) got there first. Any other 4xx is a bug.
 */
export function refused(log: readonly LoggedRequest[], who: (name: string) => boolean): string[] {
  const protocol = (r: LoggedRequest) => (r.method === 'GET' && r.status === 404) || (r.method === 'PUT' && r.status === 412 && !r.path.endsWith('/statements'));
  return log
    .filter((r) => who(r.who) && r.status >= 400 && r.status < 500 && !protocol(r))
    .map((r) => `${r.method} ${r.path}?${r.query} → ${r.status}`);
}
