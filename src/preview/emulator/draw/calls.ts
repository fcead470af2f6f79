/** The API calls / Requests tab: every call the course made, failures first to the eye. */
import { $, esc, setHtml, time } from '../dom';
import { isLrs, registration, S, type ApiCall, type LrsCall } from '../state';

function callItem(c: ApiCall | LrsCall): string {
  const bad = c.lrs ? !c.ok : c.error !== '0';
  const note = c.lrs ? c.note : '';
  const args = c.lrs
    ? Object.keys(c.params || {})
        .filter((k) => k !== 'agent' && k !== 'activityId' && !(k === 'registration' && c.params[k] === registration()))
        .map((k) => `${k}=${c.params[k]}`)
        .join(' ')
    : c.args.map((a) => JSON.stringify(a)).join(', ');
  const call = c.fn + (c.lrs ? ` ${args}` : `(${args})`);
  const result = c.lrs ? '' : JSON.stringify(c.result);
  return `<li class="${bad ? 'bad' : ''}"><span class="t">${time(c.time)}</span><span class="fn" title="${esc(call)}">${esc(c.fn)}${c.lrs ? ' ' : '('}<span class="args">${esc(args)}</span>${c.lrs ? '' : ')'}</span>${c.lrs ? '' : `<span class="res" title="${esc(result)}">→ ${esc(result)}</span>`}<span class="code${bad ? ' bad' : note ? ' note' : ''}" title="${esc(c.errorText || '')}">${c.lrs ? '' : 'error '}${esc(c.error)}${note ? ` ${esc(note)}` : ''}</span>${bad && c.errorText ? `<span class="why">${esc(c.errorText)}</span>` : ''}</li>`;
}

export function drawCalls(): void {
  const list = S.calls;
  const real = list.filter((c): c is ApiCall | LrsCall => !c.separator);
  const failed = real.filter((c) => (c.lrs ? !c.ok : c.error !== '0')).length;
  $('count-calls').textContent = String(real.length);
  $('count-calls').className = `count${failed ? ' bad' : ''}`;
  $('calls-label').textContent = isLrs() ? 'Requests' : 'API calls';
  const pane = $('pane-calls');
  if (S.target === 'web') {
    setHtml(pane, '<p class="empty">A web package calls no LMS API.</p>');
    return;
  }
  const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 8;
  const shown = list.slice(-600);
  let html = `<p class="muted calls-note">${isLrs() ? 'Every request the course made to the LRS, with its HTTP status.' : 'Every call the course made, with the error code GetLastError gave after it.'}${failed ? ` <strong class="bad-text">${failed} failed.</strong>` : ''}${list.length > shown.length ? ` Showing the last ${shown.length}.` : ''}</p>`;
  html += '<ol class="calls" id="calls">';
  for (const c of shown) html += c.separator ? `<li class="sep">${esc(c.text)}</li>` : callItem(c);
  html += '</ol>';
  if (setHtml(pane, html) && atBottom) pane.scrollTop = pane.scrollHeight;
}
