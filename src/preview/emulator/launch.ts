/** Launching the course in the frame as an LMS does, one launch at a time. */
import { applyBuild, showProblem } from './build-status';
import { $, postJson } from './dom';
import { loadLrsView } from './lrs';
import type { LaunchAnswer } from './protocol';
import { render } from './render';
import { installScormApi, removeScormApi } from './scorm';
import { isLrs, isScorm, S, type Job } from './state';

const frame = (): HTMLIFrameElement => $<HTMLIFrameElement>('course');

/**
 * One thing at a time: a launch waits for the one before it; of several queued, the last wins
 * (an editor saving three files in a row reloads the course once more, not three times).
 */
export function schedule(job: Job): void {
  if (S.busy) {
    S.queued = job;
    return;
  }
  S.busy = true;
  Promise.resolve()
    .then(job)
    .catch((error: Error) => showProblem(`The preview failed: ${error.message}`))
    .then(() => {
      S.busy = false;
      const next = S.queued;
      S.queued = null;
      if (next) schedule(next);
    });
}

/** Unloads the course: its pagehide ends the session, as closing the tab does. */
export function unload(): Promise<void> {
  return new Promise((resolve) => {
    const course = frame();
    const loaded = course.contentWindow && course.contentWindow.location.href !== 'about:blank';
    if (!loaded) return resolve();
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    course.addEventListener('load', finish, { once: true });
    setTimeout(finish, 3000);
    course.src = 'about:blank';
  });
}

export async function launch(reason: string): Promise<void> {
  await unload();
  const answer = await postJson<LaunchAnswer>('/api/launch', { target: S.target, lang: S.lang });
  applyBuild(answer.build);
  if (!('url' in answer)) return;
  S.launch = answer;
  S.lang = answer.build.lang;
  S.decoded = {};
  S.stateDoc = null;
  S.launchData = null;
  S.web = null;
  if (isScorm()) installScormApi(answer, sessionLabel(reason));
  else {
    removeScormApi();
    if (isLrs()) await loadLrsView();
    S.calls.push({ separator: true, text: sessionLabel(reason) });
  }
  frame().src = answer.url;
  render();
}

function sessionLabel(reason: string): string {
  const l = S.launch!;
  return `Launch ${l.session} · ${l.build.label || S.target} · ${S.lang}${reason ? ` · ${reason}` : ''}`;
}
