/** Italian, addressing the reader as tu, as Italian news sites do. */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('it');
const number = new Intl.NumberFormat('it');

/** The form for `n`'s plural category, `#` written the Italian way. */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { one: '# consiglio', other: '# consigli' });

const strings: ParleyStrings = {
  // Section
  heading: 'Commenti',
  count: (n) => plural(n, { one: '# commento', other: '# commenti' }),
  rulesLink: 'Le nostre regole',
  rulesBlurb: 'I commenti sono uno spazio per un dibattito vivace e rispettoso. Segnala ogni commento che viola le nostre regole.',
  sortLabel: 'Ordina',
  sortNewest: 'Prima i più recenti',
  sortOldest: 'Prima i meno recenti',
  sortTop: 'I più consigliati',

  // Reading
  loading: 'Caricamento dei commenti…',
  loadMore: 'Mostra altri commenti',
  loadingMore: 'Caricamento di altri commenti…',
  moreLoaded: (n) => plural(n, { one: 'Caricato # altro commento', other: 'Caricati altri # commenti' }),
  repliesMore: (n) => plural(n, { one: 'Mostra # altra risposta', other: 'Mostra altre # risposte' }),
  repliesMoreUnknown: 'Mostra altre risposte',
  repliesLoaded: (n) => plural(n, { one: 'Caricata # altra risposta', other: 'Caricate altre # risposte' }),
  repliesLabel: (name) => `Risposte a ${name}`,
  inReplyTo: (name) => `In risposta a ${name}`,
  earlierReply: 'una risposta precedente',
  removedComment: 'un commento rimosso',
  commentLabel: (name, time) => `Commento di ${name}, ${time}`,
  removed: 'Questo commento è stato rimosso da un moderatore.',
  deletedByAuthor: 'Questo commento è stato eliminato dal suo autore.',
  featured: 'In evidenza',
  removedAuthor: 'Commento rimosso',
  edited: 'modificato',
  editedTitle: (date) => `Ultima modifica: ${date}`, // "il" would need elision before 8 and 11
  badges: { subscriber: 'Abbonato', staff: 'Redazione' },
  pending: 'Solo tu puoi vedere questo commento finché un moderatore non lo approva.',
  justNow: 'adesso',
  empty: 'Ancora nessun commento.',
  emptyInvite: 'Ancora nessun commento. Inizia tu la conversazione.',
  closed: 'I commenti a questo articolo sono chiusi. Puoi comunque leggerli.',
  unavailable: 'I commenti non sono disponibili su questa pagina.',

  // Failures
  loadFailed: 'Non è stato possibile caricare i commenti.',
  errorNetwork: 'Non riusciamo a raggiungere il servizio dei commenti. Controlla la connessione e riprova.',
  errorTimeout: 'Il servizio dei commenti ha impiegato troppo tempo a rispondere.',
  errorServer: 'Il servizio dei commenti ha dei problemi in questo momento.',
  errorInvalid: 'Il servizio dei commenti ha inviato una risposta che non riusciamo a leggere.',
  errorRateLimited: (seconds) =>
    plural(seconds, { one: 'Troppe richieste. Riprova tra # secondo.', other: 'Troppe richieste. Riprova tra # secondi.' }),
  retry: 'Riprova',
  loadMoreFailed: 'Non è stato possibile caricare altri commenti.',
  repliesFailed: 'Non è stato possibile caricare le risposte.',

  // Subscribers only
  subscribePromptTitle: 'Partecipa alla conversazione',
  subscribePromptText: 'I commenti sono riservati agli abbonati. Abbonati per dire la tua e rispondere agli altri lettori.',
  subscribePromptSignedIn: (name) =>
    `${name}, i commenti sono riservati agli abbonati. Abbonati per dire la tua e rispondere agli altri lettori.`,
  whySubscribers: 'Perché solo gli abbonati?',
  whySubscribersText:
    'Poche persone usavano i nostri commenti per far deragliare i dibattiti e insultare gli altri dietro nomi usa e getta. ' +
    'Con i commenti riservati agli abbonati, chiunque partecipi ha un account reale a cui si applicano le nostre regole, ' +
    'e la conversazione resta sulla notizia.',
  subscribe: 'Abbonati',
  signIn: 'Accedi',
  signInToAct: 'Accedi per continuare.',
  banned: 'Il tuo account non può più commentare perché ha violato le nostre regole.',
  // "il giorno" keeps the date clear of elision ("dall'8", "dall'11").
  suspended: (date) => `Il tuo account potrà tornare a commentare il giorno ${date}.`,
  suspendedGeneric: 'Per ora il tuo account non può commentare.',

  // Composer
  composerLabel: 'Il tuo commento',
  replyLabel: (name) => `La tua risposta a ${name}`,
  composerPlaceholder: 'Di’ la tua',
  composerSubmit: 'Pubblica commento',
  replySubmit: 'Pubblica risposta',
  composerCancel: 'Annulla',
  posting: 'Pubblicazione in corso…',
  posted: 'Commento pubblicato.',
  replyPosted: 'Risposta pubblicata.',
  postedPending: 'Commento inviato. Un moderatore lo esaminerà prima che gli altri possano vederlo.',
  reply: 'Rispondi',
  replyTo: (name) => `Rispondi a ${name}`,
  charactersLeft: (n) => plural(n, { one: 'Resta # carattere', other: 'Restano # caratteri' }),
  charactersOver: (n) => plural(n, { one: '# carattere di troppo', other: '# caratteri di troppo' }),
  shortcutHint: 'Ctrl+Invio per pubblicare',
  draftRestored: 'La tua bozza non inviata è stata ripristinata.',
  postFailed: 'Il tuo commento non è stato pubblicato. Il testo è stato conservato, così puoi riprovare.',
  notSubscriber: 'Solo gli abbonati possono commentare.',
  threadClosedNow: 'I commenti a questo articolo sono appena stati chiusi.',
  postingFailed: 'Non è stato possibile caricare il modulo per commentare.',
  parentGone: 'Il commento a cui stavi rispondendo non è più disponibile.',
  invalidBody: 'Non è stato possibile accettare il tuo commento. Controllane la lunghezza e riprova.',
  signInAgain: 'La sessione è scaduta. Accedi di nuovo per pubblicare.',

  // Reporting
  report: 'Segnala',
  reportComment: (name) => `Segnala il commento di ${name}`,
  reported: 'Segnalato',
  reportedComment: (name) => `Hai segnalato il commento di ${name}`,
  reportTitle: 'Segnala questo commento',
  reportReasonLegend: 'Perché lo segnali?',
  reasons: {
    offensive: 'Offensivo o che incita all’odio',
    abusive: 'Ingiurioso o molesto',
    spam: 'Spam o pubblicità',
    off_topic: 'Fuori tema',
    other: 'Altro motivo',
  },
  reportNote: 'C’è qualcosa che il moderatore dovrebbe sapere? (facoltativo)',
  reportSubmit: 'Invia segnalazione',
  reportCancel: 'Annulla',
  reportSending: 'Invio in corso…',
  reportThanks: 'Grazie. Un moderatore esaminerà questo commento.',
  undo: 'Annulla',
  reportWithdrawn: 'La tua segnalazione è stata ritirata.',
  reportFailed: 'La tua segnalazione non è stata inviata.',
  reportUndoFailed: 'Non è stato possibile ritirare la tua segnalazione.',
  reportBanned: 'Il tuo account non può più segnalare commenti.',
  reportSuspended: 'Per ora il tuo account non può segnalare commenti.',
  reportOwn: 'Non puoi segnalare un tuo commento.',
  reportGone: 'Questo commento non è più disponibile.',
  reportInvalid: 'Non è stato possibile accettare la segnalazione. Controlla il motivo e la nota.',
  // Links to a comment
  copyLink: 'Copia link',
  copyLinkComment: (name) => `Copia il link al commento di ${name}`,
  linkCopied: 'Link copiato',
  copyFailed: 'Link non copiato',

  // Live
  newComments: (n) => plural(n, { one: 'Mostra # nuovo commento', other: 'Mostra # nuovi commenti' }),
  newReplies: (n) => plural(n, { one: 'Mostra # nuova risposta', other: 'Mostra # nuove risposte' }),
  newCommentsArrived: (n) => plural(n, { one: '# nuovo commento', other: '# nuovi commenti' }),
  newCommentsUnknown: 'Mostra i nuovi commenti',
  linkedComment: 'Commento collegato',
  linkMissing: 'Il commento del tuo link non è disponibile. Ecco la conversazione come sempre.',
  showAll: 'Mostra tutti i commenti',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Consiglia',
  recommendComment: (name) => `Consiglia il commento di ${name}`,
  recommendations,
  recommendFailed: 'Non è stato possibile salvare il tuo consiglio.',
  recommendSignIn: 'Accedi per consigliare i commenti.',
  recommendSubscribers: 'Solo gli abbonati possono consigliare i commenti.',
  featuredTitle: 'Commenti in evidenza',
  featuredGoTo: (name) => `Vai al commento di ${name}`,
  edit: 'Modifica',
  editLabel: 'Modifica il tuo commento',
  save: 'Salva',
  cancel: 'Annulla',
  editFailed: 'Non è stato possibile salvare la modifica.',
  editClosed: 'Il tempo per modificare questo commento è scaduto.',
  editEmpty: 'Scrivi prima qualcosa.',
  editTooLong: (max) => `Usa al massimo ${number.format(max)} caratteri.`,
  editSaved: 'Il tuo commento è stato aggiornato.',
  delete: 'Elimina',
  deleteConfirm: 'Eliminare questo commento? Le risposte restano.',
  deleteFailed: 'Non è stato possibile eliminare il commento.',
  deleted: 'Il tuo commento è stato eliminato.',
};

export default strings;
