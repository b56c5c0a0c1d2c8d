/**
 * "12 comments" in each language Parley ships, kept apart from the widget's strings so the
 * count entry stays tiny. Forms follow Intl.PluralRules categories; `#` is the number.
 */
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const FORMS: Record<string, Forms> = {
  en: { one: '# comment', other: '# comments' },
  fr: { one: '# commentaire', other: '# commentaires' },
  de: { one: '# Kommentar', other: '# Kommentare' },
  es: { one: '# comentario', other: '# comentarios' },
  it: { one: '# commento', other: '# commenti' },
  pt: { zero: '# comentários', one: '# comentário', other: '# comentários' },
  nl: { one: '# reactie', other: '# reacties' },
  cy: { zero: 'Dim sylwadau', other: '# sylw' },
  ar: { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '# تعليقات', many: '# تعليقًا', other: '# تعليق' },
};

/** The count as a phrase in `lang` (falling back to English). */
export function countText(n: number, lang: string): string {
  const base = lang.toLowerCase().split(/[-_]/)[0]!;
  const locale = FORMS[base] ? lang : 'en';
  const forms = FORMS[base] ?? FORMS.en!;
  // Brazilian Portuguese counts 0 as "one" grammatically, yet writes "0 comentários".
  const form = (n === 0 && forms.zero) || forms[new Intl.PluralRules(locale).select(n)] || forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(n));
}
