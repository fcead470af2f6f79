/**
 * What block scripts (src/runtime/player/blocks/, shipped only with courses that use them) share
 * with the player: they report a block done with a bubbling "cp-done" event on its [data-track]
 * element, and set themselves up on "cp-page", sent after each page is shown and restored.
 */
export function done(block: Element | null): void {
  if (block && block.hasAttribute('data-track') && !block.hasAttribute('data-done')) block.dispatchEvent(new CustomEvent('cp-done', { bubbles: true }));
}

export function onPage(setup: (page: HTMLElement) => void): void {
  document.addEventListener('cp-page', () => {
    const page = document.getElementById('cp-page');
    if (page) setup(page);
  });
}

/** Delegated events, for elements that come and go with the page. */
export function on<K extends keyof DocumentEventMap>(type: K, selector: string, handler: (el: HTMLElement, e: DocumentEventMap[K]) => void, capture = false): void {
  document.addEventListener(
    type,
    (e) => {
      const el = (e.target as Element | null)?.closest?.<HTMLElement>(selector);
      if (el) handler(el, e);
    },
    capture,
  );
}

export function announce(text: string): void {
  const live = document.getElementById('cp-live');
  if (live) live.textContent = text;
}

export const fill = (template: string, values: Record<string, number>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));
