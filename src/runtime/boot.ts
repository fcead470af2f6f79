import type { CourseData } from '../contract/course-data';
import type { TrackingAdapter } from './tracking/adapter';
import { Player } from './player/player';
import { LearnerState } from './player/state';

/**
 * Starts the course with the adapter of this package's standard. Commits when the page is hidden
 * and ends the session on pagehide, never on unload (item 28).
 */
export async function boot(makeAdapter: () => Promise<TrackingAdapter>): Promise<void> {
  const data = JSON.parse(document.getElementById('cp-data')?.textContent ?? '{}') as CourseData;
  const adapter = await makeAdapter();
  const launch = await adapter.start(data);
  const state = new LearnerState(data, launch.masteryScore ?? data.mastery);
  if (!state.restore(launch.bookmark) && launch.location) {
    state.page = Math.max(0, data.pages.findIndex((p) => p.id === launch.location));
  }
  state.session++;
  const player = new Player(data, state, adapter);
  player.start(launch.notice, launch.tracked);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') adapter.flush();
  });
  window.addEventListener('pagehide', () => adapter.end());
  (window as unknown as { coursepack?: object }).coursepack = { player, state, adapter };
}
