import type { Frame, Locator, Page } from 'playwright-core';
import type { CourseData, RuntimeQuestion } from '../../src/contract/course-data';

/**
 * Waits until the player runs (the welcome page is in the HTML before it does), then leaves the
 * welcome page as a learner does, by its Start or Resume button. Without a welcome page it only waits.
 */
export async function startCourse(frame: Page | Frame): Promise<void> {
  await frame.waitForFunction(() => !!(window as unknown as { coursepack?: object }).coursepack);
  const start = frame.locator('#cp-page [data-screen=welcome] [data-action=start]');
  if (!(await start.count())) return;
  await start.click();
  await frame.locator('#cp-page article[data-page]').waitFor();
}

/** A simulated learner that drives the course the way a person does: by role and accessible name. */
export class Learner {
  constructor(readonly frame: Frame) {}

  async data(): Promise<CourseData> {
    return JSON.parse((await this.frame.locator('#cp-data').textContent()) ?? '{}');
  }

  start(): Promise<void> {
    return startCourse(this.frame);
  }

  heading(): Locator {
    return this.frame.locator('#cp-page h1');
  }

  async next(name = 'Next'): Promise<void> {
    const before = await this.heading().textContent();
    await this.frame.getByRole('button', { name, exact: true }).click();
    await this.frame.waitForFunction((b) => document.querySelector('#cp-page h1')?.textContent !== b, before);
  }

  async pageId(): Promise<string> {
    return (await this.frame.locator('#cp-page article').getAttribute('data-page')) ?? '';
  }

  /** Answers every open question on the current page, right or wrong. */
  async answerPage(right: boolean | ((q: RuntimeQuestion) => boolean), labels = { submit: 'Submit', decide: 'Decide' }): Promise<string[]> {
    const data = await this.data();
    const forms = this.frame.locator('#cp-page form[data-question]');
    const answered: string[] = [];
    for (let n = 0; n < (await forms.count()); n++) {
      const form = forms.nth(n);
      if (await form.locator('button[type=submit]').isDisabled()) continue;
      const q = data.questions[Number(await form.getAttribute('data-question'))]!;
      await answer(form, q, typeof right === 'function' ? right(q) : right);
      await form.getByRole('button', { name: q.type === 'scenario' ? labels.decide : labels.submit, exact: true }).click();
      await form.locator('[data-feedback]:not([hidden])').waitFor();
      answered.push(q.id);
    }
    return answered;
  }
}

async function answer(form: Locator, q: RuntimeQuestion, right: boolean): Promise<void> {
  // Click the option's label, as a person does (the input itself may be styled under it).
  const pick = async (i: number) => {
    const id = await form.locator(`input[value="${i}"]`).getAttribute('id');
    await form.locator(`label[for="${id}"]`).click();
  };
  switch (q.type) {
    case 'single-choice':
    case 'scenario':
    case 'true-false': {
      const correct = q.correct![0]!;
      await pick(right ? correct : (correct + 1) % (q.choices?.length ?? 2));
      break;
    }
    case 'multiple-response': {
      const set = right ? q.correct! : [q.choices!.findIndex((_, i) => !q.correct!.includes(i))];
      for (const i of set) await pick(i);
      break;
    }
    case 'likert':
      await pick(3);
      break;
    case 'fill-in':
      await form.getByRole('textbox').fill(right ? q.accepted![0]! : 'zzz');
      break;
    case 'open':
      await form.getByRole('textbox').fill('More examples from real country teams, please — ça serait utile. 谢谢');
      break;
    case 'matching': {
      const n = q.sources!.length;
      for (let s = 0; s < n; s++) await form.locator(`select[data-source="${s}"]`).selectOption(String(right ? s : (s + 1) % n));
      break;
    }
    case 'ordering': {
      // Bubble items into place with the Move up buttons, as a keyboard user would.
      const order = async () => form.locator('[data-item]').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.item)));
      const target = right ? [...(await order())].sort((a, b) => a - b) : [...(await order())].sort((a, b) => b - a);
      for (let pos = 0; pos < target.length; pos++) {
        let current = (await order()).indexOf(target[pos]!);
        while (current > pos) {
          await form.locator(`[data-item="${target[pos]}"] button[data-move="-1"]`).click();
          current--;
        }
      }
      break;
    }
  }
}
