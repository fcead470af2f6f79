/*
 * Coursepack preview: the LMS emulator page. Launches the course in the frame as an LMS would
 * (scorm-again for SCORM, the preview server's LRS for xAPI and cmi5, nothing for web) and shows,
 * beside it, what the LMS holds: status, score, location, suspend data, interactions, every API
 * call or LRS request, every statement. Bundled by scripts/build-runtime.js; the server serves the bundle.
 */
import { showProblem } from './build-status';
import { listen, remember, wire } from './controls';
import { $, esc, getJson } from './dom';
import { draw } from './draw';
import { launch, schedule } from './launch';
import type { Info } from './protocol';
import { drawWith } from './render';
import { scormAgainMissing } from './scorm';
import { S } from './state';

async function start(): Promise<void> {
  drawWith(draw);
  const info = (S.info = await getJson<Info>('/api/info'));
  const q = new URLSearchParams(location.search);
  const targets = info.targets.map((t) => t.id);
  const asked = q.get('standard') ?? '';
  S.target = targets.indexOf(asked) >= 0 ? asked : targets.indexOf(info.defaultTarget) >= 0 ? info.defaultTarget : targets[0]!;
  S.lang = q.get('lang') || '';
  const standard = $<HTMLSelectElement>('standard');
  standard.innerHTML = info.targets.map((t) => `<option value="${esc(t.id)}">${esc(t.label)}</option>`).join('');
  standard.value = S.target;
  wire();
  listen();
  if (scormAgainMissing()) showProblem('scorm-again did not load: SCORM cannot be emulated.');
  schedule(async () => {
    await launch('');
    remember();
  });
}

start().catch((error: Error) => showProblem(`The preview could not start: ${error.message}`));
