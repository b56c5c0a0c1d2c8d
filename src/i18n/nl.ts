/** Dutch, addressing the reader as je. A comment is a "reactie", a reply an "antwoord". */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('nl');
const number = new Intl.NumberFormat('nl');

/** The form for `n`'s plural category, `#` written the Dutch way. */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { one: '# aanbeveling', other: '# aanbevelingen' });

const strings: ParleyStrings = {
  // Section
  heading: 'Reacties',
  count: (n) => plural(n, { one: '# reactie', other: '# reacties' }),
  rulesLink: 'Onze huisregels',
  rulesBlurb: 'Hier is ruimte voor een levendig en respectvol debat. Meld elke reactie die onze huisregels overtreedt.',
  sortLabel: 'Sorteren',
  sortNewest: 'Nieuwste eerst',
  sortOldest: 'Oudste eerst',
  sortTop: 'Meest aanbevolen',

  // Reading
  loading: 'Reacties laden…',
  loadMore: 'Meer reacties tonen',
  loadingMore: 'Meer reacties laden…',
  moreLoaded: (n) => plural(n, { one: 'Nog # reactie geladen', other: 'Nog # reacties geladen' }),
  repliesMore: (n) => plural(n, { one: 'Nog # antwoord tonen', other: 'Nog # antwoorden tonen' }),
  repliesMoreUnknown: 'Meer antwoorden tonen',
  repliesLoaded: (n) => plural(n, { one: 'Nog # antwoord geladen', other: 'Nog # antwoorden geladen' }),
  repliesLabel: (name) => `Antwoorden op ${name}`,
  inReplyTo: (name) => `Als antwoord op ${name}`,
  earlierReply: 'een eerder antwoord',
  removedComment: 'een verwijderde reactie',
  commentLabel: (name, time) => `Reactie van ${name}, ${time}`,
  removed: 'Deze reactie is verwijderd door een moderator.',
  deletedByAuthor: 'Deze reactie is verwijderd door de schrijver.',
  featured: 'Uitgelicht',
  removedAuthor: 'Verwijderde reactie',
  edited: 'bewerkt',
  editedTitle: (date) => `Bewerkt op ${date}`,
  badges: { subscriber: 'Abonnee', staff: 'Redactie' },
  pending: 'Alleen jij ziet deze reactie, tot een moderator haar heeft goedgekeurd.',
  justNow: 'zojuist',
  empty: 'Nog geen reacties.',
  emptyInvite: 'Nog geen reacties. Begin het gesprek.',
  closed: 'Reageren op dit artikel is niet meer mogelijk. Je kunt de reacties nog wel lezen.',
  unavailable: 'Reacties zijn niet beschikbaar op deze pagina.',

  // Failures
  loadFailed: 'De reacties konden niet worden geladen.',
  errorNetwork: 'We konden de reactiedienst niet bereiken. Controleer je verbinding en probeer het opnieuw.',
  errorTimeout: 'De reactiedienst deed er te lang over om te antwoorden.',
  errorServer: 'De reactiedienst heeft op dit moment problemen.',
  errorInvalid: 'De reactiedienst stuurde een antwoord dat we niet konden lezen.',
  errorRateLimited: (seconds) =>
    plural(seconds, {
      one: 'Te veel verzoeken. Probeer het over # seconde opnieuw.',
      other: 'Te veel verzoeken. Probeer het over # seconden opnieuw.',
    }),
  retry: 'Opnieuw proberen',
  loadMoreFailed: 'Meer reacties konden niet worden geladen.',
  repliesFailed: 'De antwoorden konden niet worden geladen.',

  // Subscribers only
  subscribePromptTitle: 'Praat mee',
  subscribePromptText: 'Reageren kan als abonnee. Neem een abonnement om je mening te geven en op andere lezers te reageren.',
  subscribePromptSignedIn: (name) =>
    `${name}, reageren kan als abonnee. Neem een abonnement om je mening te geven en op andere lezers te reageren.`,
  whySubscribers: 'Waarom alleen abonnees?',
  whySubscribersText:
    'Een kleine groep gebruikte onze reacties om discussies te laten ontsporen en anderen onder wegwerpnamen lastig te vallen. ' +
    'Nu alleen abonnees reageren, heeft iedereen die meedoet een echt account waarvoor onze huisregels gelden. ' +
    'Zo blijft het gesprek over het artikel gaan.',
  subscribe: 'Abonneren',
  signIn: 'Inloggen',
  signInToAct: 'Log in om verder te gaan.',
  banned: 'Met je account kun je niet meer reageren, omdat onze huisregels zijn overtreden.',
  suspended: (date) => `Met je account kun je vanaf ${date} weer reageren.`,
  suspendedGeneric: 'Met je account kun je op dit moment niet reageren.',

  // Composer
  composerLabel: 'Je reactie',
  replyLabel: (name) => `Je antwoord aan ${name}`,
  composerPlaceholder: 'Geef je mening',
  composerSubmit: 'Reactie plaatsen',
  replySubmit: 'Antwoord plaatsen',
  composerCancel: 'Annuleren',
  posting: 'Bezig met plaatsen…',
  posted: 'Reactie geplaatst.',
  replyPosted: 'Antwoord geplaatst.',
  postedPending: 'Reactie verstuurd. Anderen zien je reactie pas nadat een moderator haar heeft goedgekeurd.',
  reply: 'Reageren',
  replyTo: (name) => `Reageren op ${name}`,
  charactersLeft: (n) => plural(n, { one: 'Nog # teken', other: 'Nog # tekens' }),
  charactersOver: (n) => plural(n, { one: '# teken te veel', other: '# tekens te veel' }),
  shortcutHint: 'Ctrl+Enter om te plaatsen',
  draftRestored: 'Je niet-verstuurde concept is teruggezet.',
  postFailed: 'Je reactie is niet geplaatst. Je tekst is bewaard, dus je kunt het opnieuw proberen.',
  notSubscriber: 'Alleen abonnees kunnen reageren.',
  threadClosedNow: 'Reageren op dit artikel is zojuist gesloten.',
  postingFailed: 'Het reactieformulier kon niet worden geladen.',
  parentGone: 'De reactie waarop je antwoordde, is niet meer beschikbaar.',
  invalidBody: 'Je reactie kon niet worden geaccepteerd. Controleer de lengte en probeer het opnieuw.',
  signInAgain: 'Je sessie is verlopen. Log opnieuw in om te plaatsen.',

  // Reporting
  report: 'Melden',
  reportComment: (name) => `Reactie van ${name} melden`,
  reported: 'Gemeld',
  reportedComment: (name) => `Je hebt de reactie van ${name} gemeld`,
  reportTitle: 'Deze reactie melden',
  reportReasonLegend: 'Waarom meld je deze reactie?',
  reasons: {
    offensive: 'Kwetsend of haatdragend',
    abusive: 'Beledigend of intimiderend',
    spam: 'Spam of reclame',
    off_topic: 'Niet ter zake',
    other: 'Iets anders',
  },
  reportNote: 'Moet een moderator nog iets weten? (optioneel)',
  reportSubmit: 'Melding versturen',
  reportCancel: 'Annuleren',
  reportSending: 'Bezig met versturen…',
  reportThanks: 'Bedankt. Een moderator bekijkt deze reactie.',
  undo: 'Ongedaan maken',
  reportWithdrawn: 'Je melding is ingetrokken.',
  reportFailed: 'Je melding is niet verstuurd.',
  reportUndoFailed: 'Je melding kon niet worden ingetrokken.',
  reportBanned: 'Met je account kun je geen reacties meer melden.',
  reportSuspended: 'Met je account kun je op dit moment geen reacties melden.',
  reportOwn: 'Je kunt je eigen reactie niet melden.',
  reportGone: 'Deze reactie is niet meer beschikbaar.',
  reportInvalid: 'De melding kon niet worden geaccepteerd. Controleer de reden en de toelichting.',
  // Links to a comment
  copyLink: 'Link kopiëren',
  copyLinkComment: (name) => `Link naar reactie van ${name} kopiëren`,
  linkCopied: 'Link gekopieerd',
  copyFailed: 'Link niet gekopieerd',

  // Live
  newComments: (n) => plural(n, { one: '# nieuwe reactie tonen', other: '# nieuwe reacties tonen' }),
  newReplies: (n) => plural(n, { one: '# nieuw antwoord tonen', other: '# nieuwe antwoorden tonen' }),
  newCommentsArrived: (n) => plural(n, { one: '# nieuwe reactie', other: '# nieuwe reacties' }),
  newCommentsUnknown: 'Nieuwe reacties tonen',
  linkedComment: 'Gelinkte reactie',
  linkMissing: 'De reactie uit je link is niet beschikbaar. Hier is het gesprek zoals altijd.',
  showAll: 'Alle reacties tonen',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Aanbevelen',
  recommendComment: (name) => `Reactie van ${name} aanbevelen`,
  recommendations,
  recommendFailed: 'Je aanbeveling kon niet worden opgeslagen.',
  recommendSignIn: 'Log in om reacties aan te bevelen.',
  recommendSubscribers: 'Alleen abonnees kunnen reacties aanbevelen.',
  featuredTitle: 'Uitgelichte reacties',
  featuredGoTo: (name) => `Naar de reactie van ${name}`,
  edit: 'Bewerken',
  editLabel: 'Je reactie bewerken',
  save: 'Opslaan',
  cancel: 'Annuleren',
  editFailed: 'Je wijziging kon niet worden opgeslagen.',
  editClosed: 'De tijd om deze reactie te bewerken is voorbij.',
  editEmpty: 'Schrijf eerst iets.',
  editTooLong: (max) => `Gebruik hoogstens ${number.format(max)} tekens.`,
  editSaved: 'Je reactie is bijgewerkt.',
  delete: 'Verwijderen',
  deleteConfirm: 'Deze reactie verwijderen? De antwoorden blijven staan.',
  deleteFailed: 'De reactie kon niet worden verwijderd.',
  deleted: 'Je reactie is verwijderd.',
};

export default strings;
