import { format, uiStrings, workshopStrings } from '../../i18n';
import type { ActivityModel, CourseModel, DeliveryModel } from '../model';
import { plainText } from '../render/markdown-html';
import { answerKey } from './kit/answers';
import { wordDocument } from './kit/docx-document';
import { DocWriter, type Block } from './kit/docx-markdown';
import { keyPoints } from './kit/key-points';
import { kitTheme } from './kit/theme';
import { handoutBlocks } from './handouts';
import type { KitWriter } from './writer';

/** The facilitator's guide: one editable Word document per language, its headings Word's navigation. */
function guideBody(model: CourseModel, doc: DocWriter): Block[] {
  const s = workshopStrings(model.lang);
  const ui = uiStrings(model.lang);
  const workshop = model.workshop!;
  const minutes = (n: number) => format(s.minutes!, { n });
  const activities = new Map(model.activities.map((a) => [a.spec.id, a]));
  const pages = new Map(model.pages.map((p) => [p.id, p]));
  const body: Block[] = [];

  body.push(doc.heading(s.about!, 1, true));
  if (model.description) body.push(doc.paragraph(doc.inline(model.description)));
  if (workshop.audience) body.push(doc.labelled(s.audience!, workshop.audience));
  body.push(doc.heading(s.objectives!, 2));
  for (const lesson of model.lessons.filter((l) => l.kind === 'lesson')) {
    const objectives = model.objectives.filter((o) => o.lessonId === lesson.id).map((o) => `${o.id} ${o.text}`);
    body.push(doc.paragraph([doc.run(`${lesson.title}${lesson.duration ? ` (${minutes(lesson.duration)})` : ''}`, { bold: true })]), ...doc.bullets(objectives));
  }

  body.push(doc.heading(s.agenda!, 1, true));
  for (const delivery of workshop.deliveries) {
    body.push(doc.heading(`${delivery.title} (${s[delivery.mode]})`, 2));
    for (const session of delivery.sessions) {
      body.push(doc.heading(`${format(s.day!, { n: session.day })} · ${session.title} · ${session.start}–${session.end}`, 3));
      body.push(doc.table([[s.time!, s.item!, s.duration!], ...session.items.map((i) => [i.start, i.title, minutes(i.minutes)])]));
    }
  }

  body.push(doc.heading(s.preparation!, 1, true), ...doc.bullets(workshop.preparation));
  const materials = [...new Set(model.activities.flatMap((a) => [...a.spec.materials, ...Object.values(a.spec.variants).flatMap((v) => v?.materials ?? [])]))];
  if (materials.length) body.push(doc.heading(s.materials!, 2), ...doc.bullets(materials));

  body.push(doc.heading(s.sessions!, 1, true));
  for (const delivery of workshop.deliveries) body.push(...deliveryWalkthrough(delivery));

  body.push(doc.heading(s.activitiesTitle!, 1, true));
  for (const activity of model.activities) body.push(...activityBlocks(activity));

  body.push(doc.heading(s.answerKey!, 1, true));
  const trueFalse: [string, string] = [ui.true!, ui.false!];
  for (const q of model.questions) {
    const key = answerKey(q.spec, trueFalse);
    if (key.length === 0) continue;
    body.push(doc.paragraph([doc.run(`${q.id}${s.colon}`, { bold: true }), ...doc.inline(q.spec.prompt)]), ...doc.bullets(key));
  }

  if (model.printables.length) body.push(doc.heading(s.annex!, 1, true), ...handoutBlocks(model, doc, 2));
  return body;

  function deliveryWalkthrough(delivery: DeliveryModel): Block[] {
    const out: Block[] = [doc.heading(delivery.title, 2)];
    for (const session of delivery.sessions) {
      out.push(doc.heading(`${session.title} · ${session.start}–${session.end}`, 3));
      for (const item of session.items) {
        out.push(doc.heading(`${item.start} · ${item.title} (${minutes(item.minutes)})`, 4));
        if (item.kind === 'activity') {
          const a = activities.get(item.activityId)!.spec;
          const variant = a.variants[delivery.mode];
          out.push(doc.labelled(s.grouping!, variant?.grouping ?? a.grouping), ...doc.numbered(variant?.steps ?? a.steps));
          if (variant?.notes) out.push(doc.paragraph(doc.inline(variant.notes)));
        }
        if (item.kind !== 'pages') continue;
        for (const id of item.pageIds) {
          const page = pages.get(id)!;
          out.push(doc.paragraph([doc.run(page.title, { bold: true })]));
          if (page.notes.length) out.push(...page.notes.flatMap((n) => doc.markdown(n, 5)));
          else out.push(...doc.bullets(keyPoints(page).map((k) => k.text)));
        }
      }
    }
    return out;
  }

  function activityBlocks({ spec: a }: ActivityModel): Block[] {
    const out: Block[] = [doc.heading(a.title, 2), doc.labelled(s.purpose!, a.purpose)];
    if (a.objectives) out.push(doc.labelled(s.objectives!, a.objectives.map((id) => `${id} ${model.objectives.find((o) => o.id === id)?.text ?? ''}`).join('; ')));
    out.push(doc.labelled(s.duration!, minutes(a.duration)), doc.labelled(s.grouping!, a.grouping));
    if (a.materials.length) out.push(doc.heading(s.materials!, 3), ...doc.bullets(a.materials));
    out.push(doc.heading(s.steps!, 3), ...doc.numbered(a.steps));
    if (a.debrief.length) out.push(doc.heading(s.debrief!, 3), ...doc.bullets(a.debrief));
    for (const mode of ['in-person', 'remote'] as const) {
      const v = a.variants[mode];
      if (!v) continue;
      out.push(doc.heading(s[mode]!, 3));
      if (v.grouping) out.push(doc.labelled(s.grouping!, v.grouping));
      if (v.materials) out.push(doc.labelled(s.materials!, v.materials.map(plainText).join('; ')));
      if (v.steps) out.push(...doc.numbered(v.steps));
      if (v.notes) out.push(doc.paragraph(doc.inline(v.notes)));
    }
    return out;
  }
}

export const guideWriter: KitWriter = {
  target: 'guide',
  label: "facilitator's guide (DOCX)",
  needsWorkshop: true,
  async write(model) {
    const theme = kitTheme(model);
    const s = workshopStrings(model.lang);
    const bytes = await wordDocument(theme, { title: model.title, subtitle: [s.guide, model.organization].filter(Boolean).join(' · '), creator: model.organization || 'Coursepack' }, guideBody(model, new DocWriter(theme, s.colon!)));
    return [{ target: 'guide', lang: model.lang, fileName: `${model.id}-${model.lang}-guide.docx`, bytes, summary: `${model.activities.length} activities, ${model.workshop!.deliveries.length} deliveries` }];
  },
};
