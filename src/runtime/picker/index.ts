/*
 * Language picker of a package holding several languages (coursepack build --bundle-languages):
 * index.html lists the languages, each language is a complete course in its own folder.
 *
 * The learner's language is kept where their progress is kept. Under a SCORM LMS this page opens
 * the one LMS session itself, reads the saved language from the location ("fr:page-id"), and shows
 * the chosen language in a frame whose player finds this page's stand-in API (stand-in.ts).
 * Without an LMS (web, xAPI, cmi5, SCORM opened directly) the language is kept in this browser and
 * the launch query string is passed on.
 */
import { findApi } from '../tracking/scorm-api';
import { Languages } from './languages';
import { scormSession, type PickerSession, type ScormApi } from './stand-in';

const languages = new Languages();
const { config } = languages;

function open(lang: string, session: PickerSession | undefined): void {
  const link = languages.linkOf(lang)!;
  if (!session) {
    languages.remember(lang);
    window.location.replace(link.getAttribute('href') + window.location.search);
    return;
  }
  session.lang = lang;
  const frame = document.createElement('iframe');
  frame.className = 'cp-course-frame';
  frame.title = link.querySelector('span')!.textContent ?? '';
  frame.src = link.getAttribute('href') + window.location.search;
  frame.addEventListener('load', () => frame.focus());
  document.documentElement.lang = lang;
  document.documentElement.dir = link.getAttribute('dir') || 'ltr';
  document.getElementById('cp-main')!.hidden = true;
  document.body.classList.add('cp-framed');
  document.body.appendChild(frame);
}

// The search starts before the stand-in exists, so it can only find the LMS's own API.
const ready = (config.api ? findApi<ScormApi>(config.api) : Promise.resolve(undefined)).then((api) => (api ? scormSession(api, config.api, (lang) => languages.known(lang)) : undefined));
for (const a of languages.links) {
  a.addEventListener('click', (e) => {
    e.preventDefault();
    void ready.then((session) => open(a.getAttribute('data-lang')!, session));
  });
}
void ready.then((session) => {
  const saved = session ? session.saved : languages.remembered();
  if (saved && languages.known(saved)) open(saved, session);
});
