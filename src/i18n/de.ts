/** German, addressing the reader formally (Sie). "Die Moderation" for the moderators throughout. */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('de');
const number = new Intl.NumberFormat('de');

/** The form for `n`'s plural category, `#` written the German way (1.000). */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { one: '# Empfehlung', other: '# Empfehlungen' });

const strings: ParleyStrings = {
  // Section
  heading: 'Kommentare',
  count: (n) => plural(n, { one: '# Kommentar', other: '# Kommentare' }),
  rulesLink: 'Unsere Regeln',
  rulesBlurb:
    'Die Kommentare sind ein Ort für lebhafte und respektvolle Debatten. Bitte melden Sie jeden Kommentar, der gegen unsere Regeln verstößt.',
  sortLabel: 'Sortieren',
  sortNewest: 'Neueste zuerst',
  sortOldest: 'Älteste zuerst',
  sortTop: 'Meistempfohlen',

  // Reading
  loading: 'Kommentare werden geladen …',
  loadMore: 'Weitere Kommentare anzeigen',
  loadingMore: 'Weitere Kommentare werden geladen …',
  moreLoaded: (n) => plural(n, { one: '# weiterer Kommentar geladen', other: '# weitere Kommentare geladen' }),
  repliesMore: (n) => plural(n, { one: '# weitere Antwort anzeigen', other: '# weitere Antworten anzeigen' }),
  repliesMoreUnknown: 'Weitere Antworten anzeigen',
  repliesLoaded: (n) => plural(n, { one: '# weitere Antwort geladen', other: '# weitere Antworten geladen' }),
  repliesLabel: (name) => `Antworten auf ${name}`,
  inReplyTo: (name) => `Antwort auf ${name}`,
  earlierReply: 'eine frühere Antwort',
  removedComment: 'einen entfernten Kommentar',
  commentLabel: (name, time) => `Kommentar von ${name}, ${time}`,
  removed: 'Dieser Kommentar wurde von der Moderation entfernt.',
  deletedByAuthor: 'Dieser Kommentar wurde von seinem Verfasser gelöscht.',
  featured: 'Empfehlung der Redaktion',
  removedAuthor: 'Entfernter Kommentar',
  edited: 'bearbeitet',
  editedTitle: (date) => `Bearbeitet am ${date}`,
  badges: { subscriber: 'Abonnent', staff: 'Redaktion' },
  pending: 'Nur Sie sehen diesen Kommentar, bis die Moderation ihn freigibt.',
  justNow: 'gerade eben',
  empty: 'Noch keine Kommentare.',
  emptyInvite: 'Noch keine Kommentare. Schreiben Sie den ersten.',
  closed: 'Die Kommentare zu diesem Artikel sind geschlossen. Sie können sie weiterhin lesen.',
  unavailable: 'Auf dieser Seite sind keine Kommentare verfügbar.',

  // Failures
  loadFailed: 'Die Kommentare konnten nicht geladen werden.',
  errorNetwork: 'Der Kommentardienst ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorTimeout: 'Der Kommentardienst hat zu lange für eine Antwort gebraucht.',
  errorServer: 'Der Kommentardienst hat gerade Probleme.',
  errorInvalid: 'Der Kommentardienst hat eine Antwort gesendet, die wir nicht lesen konnten.',
  errorRateLimited: (seconds) =>
    plural(seconds, {
      one: 'Zu viele Anfragen. Bitte versuchen Sie es in # Sekunde erneut.',
      other: 'Zu viele Anfragen. Bitte versuchen Sie es in # Sekunden erneut.',
    }),
  retry: 'Erneut versuchen',
  loadMoreFailed: 'Weitere Kommentare konnten nicht geladen werden.',
  repliesFailed: 'Die Antworten konnten nicht geladen werden.',

  // Subscribers only
  subscribePromptTitle: 'Diskutieren Sie mit',
  subscribePromptText:
    'Die Kommentarfunktion steht Abonnentinnen und Abonnenten offen. Mit einem Abo können Sie Ihre Meinung teilen und anderen Leserinnen und Lesern antworten.',
  subscribePromptSignedIn: (name) =>
    `${name}, die Kommentarfunktion steht Abonnentinnen und Abonnenten offen. Mit einem Abo können Sie Ihre Meinung teilen und anderen Leserinnen und Lesern antworten.`,
  whySubscribers: 'Warum nur mit Abo?',
  whySubscribersText:
    'Einige wenige haben unsere Kommentare genutzt, um unter Wegwerfnamen Debatten zu stören und andere zu beleidigen. ' +
    'Wenn nur Abonnentinnen und Abonnenten kommentieren, hat jede und jeder Beteiligte ein echtes Konto, für das unsere ' +
    'Regeln gelten – so bleibt die Diskussion beim Thema.',
  subscribe: 'Abonnieren',
  signIn: 'Anmelden',
  signInToAct: 'Bitte melden Sie sich an, um fortzufahren.',
  banned: 'Mit Ihrem Konto können Sie nicht mehr kommentieren, weil damit gegen unsere Regeln verstoßen wurde.',
  suspended: (date) => `Mit Ihrem Konto können Sie ab dem ${date} wieder kommentieren.`,
  suspendedGeneric: 'Mit Ihrem Konto können Sie derzeit nicht kommentieren.',

  // Composer
  composerLabel: 'Ihr Kommentar',
  replyLabel: (name) => `Ihre Antwort an ${name}`,
  composerPlaceholder: 'Teilen Sie Ihre Meinung',
  composerSubmit: 'Kommentar veröffentlichen',
  replySubmit: 'Antwort veröffentlichen',
  composerCancel: 'Abbrechen',
  posting: 'Wird veröffentlicht …',
  posted: 'Kommentar veröffentlicht.',
  replyPosted: 'Antwort veröffentlicht.',
  postedPending: 'Kommentar gesendet. Die Moderation prüft ihn, bevor andere ihn sehen können.',
  reply: 'Antworten',
  replyTo: (name) => `${name} antworten`,
  charactersLeft: (n) => plural(n, { one: 'Noch # Zeichen', other: 'Noch # Zeichen' }),
  charactersOver: (n) => plural(n, { one: '# Zeichen zu viel', other: '# Zeichen zu viel' }),
  shortcutHint: 'Strg+Eingabe zum Veröffentlichen',
  draftRestored: 'Ihr nicht gesendeter Entwurf wurde wiederhergestellt.',
  postFailed: 'Ihr Kommentar wurde nicht veröffentlicht. Ihr Text bleibt erhalten, Sie können es also erneut versuchen.',
  notSubscriber: 'Kommentieren ist nur mit einem Abo möglich.',
  threadClosedNow: 'Die Kommentare zu diesem Artikel wurden soeben geschlossen.',
  postingFailed: 'Das Kommentarformular konnte nicht geladen werden.',
  parentGone: 'Der Kommentar, auf den Sie antworten, ist nicht mehr verfügbar.',
  invalidBody: 'Ihr Kommentar konnte nicht angenommen werden. Bitte prüfen Sie seine Länge und versuchen Sie es erneut.',
  signInAgain: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an, um zu veröffentlichen.',

  // Reporting
  report: 'Melden',
  reportComment: (name) => `Kommentar von ${name} melden`,
  reported: 'Gemeldet',
  reportedComment: (name) => `Sie haben den Kommentar von ${name} gemeldet`,
  reportTitle: 'Diesen Kommentar melden',
  reportReasonLegend: 'Warum melden Sie ihn?',
  reasons: {
    offensive: 'Anstößig oder hasserfüllt',
    abusive: 'Beleidigend oder belästigend',
    spam: 'Spam oder Werbung',
    off_topic: 'Gehört nicht zum Thema',
    other: 'Etwas anderes',
  },
  reportNote: 'Gibt es etwas, das die Moderation wissen sollte? (optional)',
  reportSubmit: 'Meldung senden',
  reportCancel: 'Abbrechen',
  reportSending: 'Wird gesendet …',
  reportThanks: 'Danke. Die Moderation prüft diesen Kommentar.',
  undo: 'Rückgängig',
  reportWithdrawn: 'Ihre Meldung wurde zurückgezogen.',
  reportFailed: 'Ihre Meldung wurde nicht gesendet.',
  reportUndoFailed: 'Ihre Meldung konnte nicht zurückgezogen werden.',
  reportBanned: 'Mit Ihrem Konto können Sie keine Kommentare mehr melden.',
  reportSuspended: 'Mit Ihrem Konto können Sie derzeit keine Kommentare melden.',
  reportOwn: 'Sie können Ihren eigenen Kommentar nicht melden.',
  reportGone: 'Dieser Kommentar ist nicht mehr verfügbar.',
  reportInvalid: 'Die Meldung konnte nicht angenommen werden. Bitte prüfen Sie Grund und Hinweis.',
  // Links to a comment
  copyLink: 'Link kopieren',
  copyLinkComment: (name) => `Link zum Kommentar von ${name} kopieren`,
  linkCopied: 'Link kopiert',
  copyFailed: 'Link nicht kopiert',

  // Live
  newComments: (n) => plural(n, { one: '# neuen Kommentar anzeigen', other: '# neue Kommentare anzeigen' }),
  newReplies: (n) => plural(n, { one: '# neue Antwort anzeigen', other: '# neue Antworten anzeigen' }),
  newCommentsArrived: (n) => plural(n, { one: '# neuer Kommentar', other: '# neue Kommentare' }),
  newCommentsUnknown: 'Neue Kommentare anzeigen',
  linkedComment: 'Verlinkter Kommentar',
  linkMissing: 'Der Kommentar aus Ihrem Link ist nicht verfügbar. Hier ist die Diskussion wie gewohnt.',
  showAll: 'Alle Kommentare anzeigen',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Empfehlen',
  recommendComment: (name) => `Kommentar von ${name} empfehlen`,
  recommendations,
  recommendFailed: 'Ihre Empfehlung konnte nicht gespeichert werden.',
  recommendSignIn: 'Melden Sie sich an, um Kommentare zu empfehlen.',
  recommendSubscribers: 'Nur Abonnenten können Kommentare empfehlen.',
  featuredTitle: 'Empfohlene Kommentare',
  featuredGoTo: (name) => `Zum Kommentar von ${name}`,
  edit: 'Bearbeiten',
  editLabel: 'Ihren Kommentar bearbeiten',
  save: 'Speichern',
  cancel: 'Abbrechen',
  editFailed: 'Ihre Änderung konnte nicht gespeichert werden.',
  editClosed: 'Die Zeit zum Bearbeiten dieses Kommentars ist abgelaufen.',
  editEmpty: 'Schreiben Sie zuerst etwas.',
  editTooLong: (max) => `Höchstens ${number.format(max)} Zeichen.`,
  editSaved: 'Ihr Kommentar wurde geändert.',
  delete: 'Löschen',
  deleteConfirm: 'Diesen Kommentar löschen? Antworten darauf bleiben.',
  deleteFailed: 'Der Kommentar konnte nicht gelöscht werden.',
  deleted: 'Ihr Kommentar wurde gelöscht.',
};

export default strings;
