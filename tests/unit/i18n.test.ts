import en from '../../src/i18n/en.json';
import ar from '../../src/i18n/ar.json';
import zh from '../../src/i18n/zh.json';
import fr from '../../src/i18n/fr.json';
import ru from '../../src/i18n/ru.json';
import es from '../../src/i18n/es.json';

type Strings = Record<string, string>;

const english: Strings = en;
const languages: Record<string, Strings> = { ar, zh, fr, ru, es };
const entries = Object.entries(languages);

/** The placeholders of a string, e.g. {n} and {total}, sorted so order may differ between languages. */
function placeholders(text: string): string[] {
  return (text.match(/\{[^{}]*\}/g) ?? []).sort();
}

describe('English interface strings', () => {
  it('keep "decorative" empty and give five Likert labels', () => {
    expect(english.decorative).toBe('');
    expect(english.likertDefault?.split('|')).toHaveLength(5);
  });
});

describe.each(entries)('%s interface strings', (_lang, strings) => {
  it('has exactly the keys of en.json', () => {
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
  });

  it('has only string values, none empty except "decorative"', () => {
    for (const [key, value] of Object.entries(strings)) {
      expect(typeof value).toBe('string');
      if (key === 'decorative') expect(value).toBe('');
      else expect({ key, value: value.trim() }).not.toEqual({ key, value: '' });
    }
  });

  it('keeps the placeholders of every English string', () => {
    for (const [key, value] of Object.entries(english)) {
      expect({ key, placeholders: placeholders(strings[key] ?? '') }).toEqual({ key, placeholders: placeholders(value) });
    }
  });

  it('gives five non-empty Likert labels', () => {
    const labels = (strings.likertDefault ?? '').split('|');
    expect(labels).toHaveLength(5);
    for (const label of labels) expect(label.trim()).not.toBe('');
  });
});

describe('typography', () => {
  it('Chinese uses full-width punctuation', () => {
    for (const [key, value] of Object.entries(zh as Strings)) {
      expect({ key, halfWidth: value.match(/[,.:;?!()]/g) ?? [] }).toEqual({ key, halfWidth: [] });
    }
  });

  it('French puts a space before : ; ? ! and %', () => {
    for (const [key, value] of Object.entries(fr as Strings)) {
      expect({ key, unspaced: value.match(/\S[:;?!%]/g) ?? [] }).toEqual({ key, unspaced: [] });
    }
  });
});

describe('workshop kit labels (src/i18n/workshop/*.json)', () => {
  const kit = (lang: string): Strings => require(`../../src/i18n/workshop/${lang}.json`);
  const kitEnglish = kit('en');

  it.each(['ar', 'es', 'fr', 'ru', 'zh'])('%s has every English key, non-empty, with the same placeholders', (lang) => {
    const strings = kit(lang);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(kitEnglish).sort());
    for (const [key, value] of Object.entries(kitEnglish)) {
      expect({ key, empty: (strings[key] ?? '').trim() === '', placeholders: placeholders(strings[key] ?? '') }).toEqual({ key, empty: false, placeholders: placeholders(value) });
    }
  });

  it('French puts a space before : and Chinese uses full-width colons', () => {
    for (const [key, value] of Object.entries(kit('fr'))) expect({ key, unspaced: value.match(/\S[:;?!%]/g) ?? [] }).toEqual({ key, unspaced: [] });
    for (const [key, value] of Object.entries(kit('zh'))) expect({ key, halfWidth: value.match(/[,.:;?!()]/g) ?? [] }).toEqual({ key, halfWidth: [] });
  });
});
