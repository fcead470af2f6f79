/** The picker page's facts: its configuration and the languages it links to. */

export interface PickerConfig {
  course: string;
  /** The SCORM API the picker stands in for ("API", "API_1484_11"), or "" to keep the language here. */
  api: string;
}

export class Languages {
  readonly config: PickerConfig = JSON.parse(document.getElementById('cp-picker')!.textContent ?? '{}');
  readonly links: HTMLAnchorElement[] = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-lang]'));
  readonly storeKey = `coursepack:${this.config.course}:language`;

  known(lang: string): boolean {
    return this.links.some((a) => a.getAttribute('data-lang') === lang);
  }

  linkOf(lang: string): HTMLAnchorElement | undefined {
    return this.links.find((a) => a.getAttribute('data-lang') === lang);
  }

  /** Without an LMS: the language the launch asks for, or the one this browser chose last. */
  remembered(): string {
    const asked = /[?&]lang=([A-Za-z0-9-]+)/.exec(window.location.search);
    if (asked) return asked[1]!;
    if (/[?&]choose\b/.test(window.location.search)) return '';
    try {
      return window.localStorage.getItem(this.storeKey) || '';
    } catch {
      return '';
    }
  }

  remember(lang: string): void {
    try {
      window.localStorage.setItem(this.storeKey, lang);
    } catch {
      /* private mode: ask again next time */
    }
  }
}
