/** The page's controls and the server's event stream: what makes the preview launch again. */
import { applyBuild } from './build-status';
import { $, getJson, postJson } from './dom';
import { selectTab, TABS } from './draw';
import { launch, schedule, unload } from './launch';
import { onLrsEvent } from './lrs';
import type { Build, ServerEvent } from './protocol';
import { render } from './render';
import { removeScormApi } from './scorm';
import { isScorm, S } from './state';

/** The standard and language in the address, so a reload opens the same course. */
export function remember(): void {
  const q = new URLSearchParams(location.search);
  q.set('standard', S.target);
  if (S.lang) q.set('lang', S.lang);
  history.replaceState(null, '', `?${q.toString()}`);
}

export function listen(): void {
  const events = new EventSource('/api/events');
  events.onmessage = (message: MessageEvent<string>) => {
    const e = JSON.parse(message.data) as ServerEvent;
    if (e.type === 'hello') {
      // The server was restarted: its learner records are new, so start the page over.
      if (S.instance && S.instance !== e.instance) location.reload();
      S.instance = e.instance;
    } else if (e.type === 'changed') {
      schedule(async () => {
        const build = await getJson<Build>(`/api/build?target=${S.target}&lang=${encodeURIComponent(S.lang)}`);
        if (!build.ok) return applyBuild(build);
        await launch('rebuilt');
      });
    } else if (e.type === 'commit') {
      if (S.launch && e.slot === S.launch.slot && e.session === S.apiSession) {
        S.lastCommit = e.at;
        render();
      }
    } else if (e.type === 'lrs' || e.type === 'statement' || e.type === 'document') onLrsEvent(e);
  };
}

function clearDeviceStorage(): void {
  for (const store of [localStorage, sessionStorage]) {
    try {
      for (const k of Object.keys(store).filter((key) => key.indexOf('coursepack:') === 0)) store.removeItem(k);
    } catch {
      /* storage unavailable */
    }
  }
}

/** A new course, language or learner: the log starts over with the launch. */
function relaunchWith(change: () => void): void {
  schedule(async () => {
    change();
    S.calls = [];
    S.statements = [];
    remember();
    await launch('');
  });
}

export function wire(): void {
  const standard = $<HTMLSelectElement>('standard');
  const lang = $<HTMLSelectElement>('lang');
  standard.addEventListener('change', () => {
    const target = standard.value;
    relaunchWith(() => (S.target = target));
  });
  lang.addEventListener('change', () => {
    const value = lang.value;
    relaunchWith(() => (S.lang = value));
  });
  $('relaunch').addEventListener('click', () => schedule(() => launch('returning learner')));
  $('reset').addEventListener('click', () => {
    schedule(async () => {
      await unload();
      removeScormApi();
      await postJson('/api/reset');
      clearDeviceStorage();
      S.calls = [];
      S.statements = [];
      await launch('new learner');
    });
  });
  TABS.forEach((t) => {
    $(`tab-${t}`).addEventListener('click', () => {
      selectTab(t, false);
      render();
    });
    $(`tab-${t}`).addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const visible = TABS.filter((x) => !$(`tab-${x}`).hidden);
      const at = visible.indexOf(t) + (e.key === 'ArrowRight' ? 1 : -1);
      selectTab(visible[(at + visible.length) % visible.length]!, true);
      render();
    });
  });
  $('pane-statements').addEventListener(
    'toggle',
    (e) => {
      const target = e.target as HTMLDetailsElement | null;
      const id = target && target.dataset ? target.dataset.id : '';
      if (id) S.open[id] = target!.open;
    },
    true,
  );
  // The web package writes its place to localStorage from the frame (same origin).
  window.addEventListener('storage', (e) => {
    if (e.key && e.key.indexOf('coursepack:') === 0) render();
  });
  $('course').addEventListener('load', render);
  // SCORM values can change without an API call we see (scorm-again sets some itself): refresh now and then.
  setInterval(() => {
    if (S.target === 'web' || isScorm()) render();
  }, 1500);
}
