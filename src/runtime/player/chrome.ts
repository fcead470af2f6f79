/** The player's fixed parts around the page: menu, progress, position, notices, live region. */
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export const fill = (template: string | undefined, values: Record<string, string | number>) =>
  (template ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

export class Chrome {
  readonly page = byId('cp-page');
  readonly prev = byId<HTMLButtonElement>('cp-prev');
  readonly next = byId<HTMLButtonElement>('cp-next');
  readonly exit = byId<HTMLButtonElement>('cp-exit');
  private readonly menu = byId('cp-menu');
  private readonly menuButton = byId<HTMLButtonElement>('cp-menu-button');
  private readonly live = byId('cp-live');
  private readonly saveState = byId('cp-save-state');

  constructor(private readonly strings: Record<string, string>) {
    this.menuButton.addEventListener('click', () => this.toggleMenu());
    this.menu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.toggleMenu(false);
        this.menuButton.focus();
      }
    });
    byId('cp-notice-close').addEventListener('click', () => {
      byId('cp-notice').hidden = true;
    });
  }

  toggleMenu(open = this.menu.hidden): void {
    this.menu.hidden = !open;
    this.menuButton.setAttribute('aria-expanded', String(open));
  }

  /** Politely tells screen readers; clearing first makes a repeated message heard again. */
  announce(text: string): void {
    this.live.textContent = '';
    setTimeout(() => (this.live.textContent = text), 50);
  }

  notice(text: string): void {
    byId('cp-notice-text').textContent = text;
    byId('cp-notice').hidden = false;
  }

  showSaveState(text: string): void {
    this.saveState.textContent = text;
  }

  update(pageIndex: number, pageIds: string[], visited: boolean[], progress: number): void {
    const percent = Math.round(progress * 100);
    byId<HTMLProgressElement>('cp-progress').value = percent;
    byId('cp-progress-text').textContent = fill(this.strings.progressValue, { percent });
    byId('cp-position').textContent = fill(this.strings.pageOf, { n: pageIndex + 1, total: pageIds.length });
    this.prev.disabled = pageIndex === 0;
    this.next.disabled = pageIndex === pageIds.length - 1;
    for (const link of this.menu.querySelectorAll<HTMLAnchorElement>('a[data-page]')) {
      const i = pageIds.indexOf(link.dataset.page ?? '');
      if (i === pageIndex) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
      link.classList.toggle('cp-visited', !!visited[i]);
    }
  }
}
