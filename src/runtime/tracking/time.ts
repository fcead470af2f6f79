/** Time formats each standard demands (runtime-requirements items 15–17). */

const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS, 2–4 hour digits, capped at 9999:59:59.99. */
export function scorm12Duration(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/** SCORM 1.2 CMITime for interactions: HH:MM:SS (local clock time). */
export function scorm12Time(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** ISO 8601 duration with at most 2 decimals, no years/months/weeks: PT1H2M3.45S, PT0S. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s || out === 'PT') out += `${Number(s.toFixed(2))}S`;
  return out;
}

/** SCORM 2004 time(second,10,0): UTC with a 2-digit fraction so the Z designator is allowed. */
export function scorm2004Timestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}.${pad(d.getUTCMilliseconds() / 10)}Z`;
}
