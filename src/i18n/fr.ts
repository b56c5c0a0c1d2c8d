/** French. Typographic apostrophes; a no-break space before « ? » and « : » as French sets them. */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('fr');
const number = new Intl.NumberFormat('fr');

/** The form for `n`'s plural category (French: one covers 0 and 1), `#` written the French way. */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { one: '# recommandation', other: '# recommandations' });

const strings: ParleyStrings = {
  // Section
  heading: 'Commentaires',
  count: (n) => plural(n, { one: '# commentaire', other: '# commentaires' }),
  rulesLink: 'Nos règles',
  rulesBlurb: 'Les commentaires sont un lieu de débat vivant et respectueux. Signalez tout commentaire qui enfreint nos règles.',
  sortLabel: 'Trier',
  sortNewest: 'Les plus récents',
  sortOldest: 'Les plus anciens',
  sortTop: 'Les plus recommandés',

  // Reading
  loading: 'Chargement des commentaires…',
  loadMore: 'Afficher plus de commentaires',
  loadingMore: 'Chargement d’autres commentaires…',
  moreLoaded: (n) => plural(n, { one: '# commentaire supplémentaire chargé', other: '# commentaires supplémentaires chargés' }),
  repliesMore: (n) => plural(n, { one: 'Afficher # autre réponse', other: 'Afficher # autres réponses' }),
  repliesMoreUnknown: 'Afficher d’autres réponses',
  repliesLoaded: (n) => plural(n, { one: '# réponse supplémentaire chargée', other: '# réponses supplémentaires chargées' }),
  repliesLabel: (name) => `Réponses à ${name}`,
  inReplyTo: (name) => `En réponse à ${name}`,
  earlierReply: 'une réponse précédente',
  removedComment: 'un commentaire supprimé',
  commentLabel: (name, time) => `Commentaire de ${name}, ${time}`,
  removed: 'Ce commentaire a été supprimé par la modération.',
  deletedByAuthor: 'Ce commentaire a été supprimé par son auteur.',
  featured: 'À la une',
  removedAuthor: 'Commentaire supprimé',
  edited: 'modifié',
  editedTitle: (date) => `Modifié le ${date}`,
  badges: { subscriber: 'Abonné', staff: 'Rédaction' },
  pending: 'Ce commentaire n’est visible que par vous jusqu’à sa validation par la modération.',
  justNow: 'à l’instant',
  empty: 'Aucun commentaire pour le moment.',
  emptyInvite: 'Aucun commentaire pour le moment. Lancez la discussion.',
  closed: 'Les commentaires sont fermés sur cet article. Vous pouvez toujours les lire.',
  unavailable: 'Les commentaires ne sont pas disponibles sur cette page.',

  // Failures
  loadFailed: 'Impossible de charger les commentaires.',
  errorNetwork: 'Le service de commentaires est injoignable. Vérifiez votre connexion et réessayez.',
  errorTimeout: 'Le service de commentaires a mis trop de temps à répondre.',
  errorServer: 'Le service de commentaires rencontre actuellement des difficultés.',
  errorInvalid: 'Le service de commentaires a envoyé une réponse illisible.',
  errorRateLimited: (seconds) =>
    plural(seconds, { one: 'Trop de requêtes. Réessayez dans # seconde.', other: 'Trop de requêtes. Réessayez dans # secondes.' }),
  retry: 'Réessayer',
  loadMoreFailed: 'Impossible de charger d’autres commentaires.',
  repliesFailed: 'Impossible de charger les réponses.',

  // Subscribers only
  subscribePromptTitle: 'Participez à la discussion',
  subscribePromptText:
    'Les commentaires sont réservés aux abonnés. Abonnez-vous pour donner votre avis et répondre aux autres lecteurs.',
  subscribePromptSignedIn: (name) =>
    `${name}, les commentaires sont réservés aux abonnés. Abonnez-vous pour donner votre avis et répondre aux autres lecteurs.`,
  whySubscribers: 'Pourquoi seulement les abonnés\u00a0?',
  whySubscribersText:
    'Quelques personnes se servaient de nos commentaires pour faire dérailler les débats et s’en prendre aux autres ' +
    'sous des pseudonymes jetables. En réservant les commentaires aux abonnés, chaque participant a un vrai compte ' +
    'soumis à nos règles, et la discussion reste centrée sur l’article.',
  subscribe: 'S’abonner',
  signIn: 'Se connecter',
  signInToAct: 'Connectez-vous pour continuer.',
  banned: 'Votre compte ne peut plus commenter, car il a enfreint nos règles.',
  suspended: (date) => `Votre compte pourra de nouveau commenter le ${date}.`,
  suspendedGeneric: 'Votre compte ne peut pas commenter pour le moment.',

  // Composer
  composerLabel: 'Votre commentaire',
  replyLabel: (name) => `Votre réponse à ${name}`,
  composerPlaceholder: 'Donnez votre avis',
  composerSubmit: 'Publier le commentaire',
  replySubmit: 'Publier la réponse',
  composerCancel: 'Annuler',
  posting: 'Publication en cours…',
  posted: 'Commentaire publié.',
  replyPosted: 'Réponse publiée.',
  postedPending: 'Commentaire envoyé. La modération le relira avant qu’il soit visible par les autres lecteurs.',
  reply: 'Répondre',
  replyTo: (name) => `Répondre à ${name}`,
  charactersLeft: (n) => plural(n, { one: '# caractère restant', other: '# caractères restants' }),
  charactersOver: (n) => plural(n, { one: '# caractère en trop', other: '# caractères en trop' }),
  shortcutHint: 'Ctrl+Entrée pour publier',
  draftRestored: 'Votre brouillon non envoyé a été restauré.',
  postFailed: 'Votre commentaire n’a pas été publié. Votre texte est conservé\u00a0: vous pouvez réessayer.',
  notSubscriber: 'Seuls les abonnés peuvent commenter.',
  threadClosedNow: 'Les commentaires viennent d’être fermés sur cet article.',
  postingFailed: 'Le formulaire de commentaire n’a pas pu être chargé.',
  parentGone: 'Le commentaire auquel vous répondiez n’est plus disponible.',
  invalidBody: 'Votre commentaire n’a pas pu être accepté. Vérifiez sa longueur et réessayez.',
  signInAgain: 'Votre session a expiré. Reconnectez-vous pour publier.',

  // Reporting
  report: 'Signaler',
  reportComment: (name) => `Signaler le commentaire de ${name}`,
  reported: 'Signalé',
  reportedComment: (name) => `Vous avez signalé le commentaire de ${name}`,
  reportTitle: 'Signaler ce commentaire',
  reportReasonLegend: 'Pourquoi le signalez-vous\u00a0?',
  reasons: {
    offensive: 'Choquant ou haineux',
    abusive: 'Insultant ou harcelant',
    spam: 'Spam ou publicité',
    off_topic: 'Hors sujet',
    other: 'Autre motif',
  },
  reportNote: 'Une précision pour la modération\u00a0? (facultatif)',
  reportSubmit: 'Envoyer le signalement',
  reportCancel: 'Annuler',
  reportSending: 'Envoi en cours…',
  reportThanks: 'Merci. La modération va examiner ce commentaire.',
  undo: 'Annuler',
  reportWithdrawn: 'Votre signalement a été retiré.',
  reportFailed: 'Votre signalement n’a pas été envoyé.',
  reportUndoFailed: 'Votre signalement n’a pas pu être retiré.',
  reportBanned: 'Votre compte ne peut plus signaler de commentaires.',
  reportSuspended: 'Votre compte ne peut pas signaler de commentaires pour le moment.',
  reportOwn: 'Vous ne pouvez pas signaler votre propre commentaire.',
  reportGone: 'Ce commentaire n’est plus disponible.',
  reportInvalid: 'Le signalement n’a pas pu être accepté. Vérifiez le motif et votre précision.',
  // Links to a comment
  copyLink: 'Copier le lien',
  copyLinkComment: (name) => `Copier le lien du commentaire de ${name}`,
  linkCopied: 'Lien copié',
  copyFailed: 'Lien non copié',

  // Live
  newComments: (n) => plural(n, { one: 'Afficher # nouveau commentaire', other: 'Afficher # nouveaux commentaires' }),
  newReplies: (n) => plural(n, { one: 'Afficher # nouvelle réponse', other: 'Afficher # nouvelles réponses' }),
  newCommentsArrived: (n) => plural(n, { one: '# nouveau commentaire', other: '# nouveaux commentaires' }),
  newCommentsUnknown: 'Afficher les nouveaux commentaires',
  linkedComment: 'Commentaire lié',
  linkMissing: 'Le commentaire de votre lien n’est pas disponible. Voici la conversation comme d’habitude.',
  showAll: 'Afficher tous les commentaires',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Recommander',
  recommendComment: (name) => `Recommander le commentaire de ${name}`,
  recommendations,
  recommendFailed: 'Votre recommandation n’a pas pu être enregistrée.',
  recommendSignIn: 'Connectez-vous pour recommander des commentaires.',
  recommendSubscribers: 'Seuls les abonnés peuvent recommander des commentaires.',
  featuredTitle: 'Commentaires à la une',
  featuredGoTo: (name) => `Aller au commentaire de ${name}`,
  edit: 'Modifier',
  editLabel: 'Modifier votre commentaire',
  save: 'Enregistrer',
  cancel: 'Annuler',
  editFailed: 'Votre modification n’a pas pu être enregistrée.',
  editClosed: 'Le délai pour modifier ce commentaire est dépassé.',
  editEmpty: 'Écrivez d’abord quelque chose.',
  editTooLong: (max) => `${number.format(max)} caractères au maximum.`,
  editSaved: 'Votre commentaire a été modifié.',
  delete: 'Supprimer',
  deleteConfirm: 'Supprimer ce commentaire ? Les réponses restent.',
  deleteFailed: 'Le commentaire n’a pas pu être supprimé.',
  deleted: 'Votre commentaire a été supprimé.',
};

export default strings;
