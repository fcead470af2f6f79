/** Small browser helpers of the emulator page: elements, escaping, formatting, the server's JSON. */

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function time(iso?: string | null): string {
  const d = iso ? new Date(iso) : new Date();
  return d.toTimeString().slice(0, 8);
}

export const num = (n: unknown): string => Number(n).toLocaleString('en-US');

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store' });
  return res.json() as Promise<T>;
}

export async function postJson<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}), cache: 'no-store' });
  return res.json() as Promise<T>;
}

const shown = new WeakMap<HTMLElement, string>();

/** Replaces an element's content only when it changed: keeps text selection, focus and scroll. */
export function setHtml(el: HTMLElement, html: string): boolean {
  if (shown.get(el) === html) return false;
  el.innerHTML = html;
  shown.set(el, html);
  return true;
}
