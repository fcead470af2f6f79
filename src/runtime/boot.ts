import type { CourseData } from '../contract/course-data';
import type { TrackingAdapter } from './tracking/adapter';
import { Player } from './player/player';
import { LearnerState } from './player/state';

/** Shows the first page before the LMS is asked anything: on a slow LMS every call blocks. */
function drawFirstPage(data: CourseData): Promise<void> {
  const host = document.getElementById('cp-page');
  const first = document.getElementById(`cp-page-${data.pages[0]?.id}`) as HTMLTemplateElement | null;
  if (host && first && !host.querySelector('h1')) host.replaceChildren(document.importNode(first.content, true));
  return new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted, 0));
    setTimeout(painted, 100);
  });
}

/**
 * Starts the course with the adapter of this package's standard. Commits when the page is hidden
 * and ends the session on pagehide, which every unload fires first; never on unload (item 28).
 */
export async function boot(makeAdapter: () => Promise<TrackingAdapter>): Promise<void> {
  const data = JSON.parse(document.getElementById('cp-data')?.textContent ?? '{}') as CourseData;
  await drawFirstPage(data);
  const adapter = await makeAdapter();
  const launch = await adapter.start(data);
  const state = new LearnerState(data, launch.masteryScore ?? data.mastery);
  if (!state.restore(launch.bookmark) && launch.location) {
    state.page = Math.max(0, data.pages.findIndex((p) => p.id === launch.location));
  }
  state.session++;
  const player = new Player(data, state, adapter);
  player.start(launch.notice, launch.tracked, () => launch.learnerName);
  if (launch.restored) player.tell('restoredFromDevice');
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') adapter.flush();
  });
  window.addEventListener('pagehide', () => adapter.end());
  (window as unknown as { coursepack?: object }).coursepack = { player, state, adapter };
}
