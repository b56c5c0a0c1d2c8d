/** Spanish, neutral (no vosotros, no regionalisms), addressing the reader as tú. */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('es');
const number = new Intl.NumberFormat('es');

/** The form for `n`'s plural category, `#` written the Spanish way. */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { one: '# recomendación', other: '# recomendaciones' });

const strings: ParleyStrings = {
  // Section
  heading: 'Comentarios',
  count: (n) => plural(n, { one: '# comentario', other: '# comentarios' }),
  rulesLink: 'Nuestras normas',
  rulesBlurb:
    'Los comentarios son un espacio para el debate animado y respetuoso. Denuncia cualquier comentario que incumpla nuestras normas.',
  sortLabel: 'Ordenar',
  sortNewest: 'Más recientes primero',
  sortOldest: 'Más antiguos primero',
  sortTop: 'Más recomendados',

  // Reading
  loading: 'Cargando comentarios…',
  loadMore: 'Ver más comentarios',
  loadingMore: 'Cargando más comentarios…',
  moreLoaded: (n) => plural(n, { one: 'Se cargó # comentario más', other: 'Se cargaron # comentarios más' }),
  repliesMore: (n) => plural(n, { one: 'Ver # respuesta más', other: 'Ver # respuestas más' }),
  repliesMoreUnknown: 'Ver más respuestas',
  repliesLoaded: (n) => plural(n, { one: 'Se cargó # respuesta más', other: 'Se cargaron # respuestas más' }),
  repliesLabel: (name) => `Respuestas a ${name}`,
  inReplyTo: (name) => `En respuesta a ${name}`,
  earlierReply: 'una respuesta anterior',
  removedComment: 'un comentario eliminado',
  commentLabel: (name, time) => `Comentario de ${name}, ${time}`,
  removed: 'Un moderador eliminó este comentario.',
  deletedByAuthor: 'Su autor eliminó este comentario.',
  featured: 'Destacado',
  removedAuthor: 'Comentario eliminado',
  edited: 'editado',
  editedTitle: (date) => `Editado el ${date}`,
  badges: { subscriber: 'Suscriptor', staff: 'Redacción' },
  pending: 'Solo tú puedes ver este comentario hasta que un moderador lo apruebe.',
  justNow: 'ahora mismo',
  empty: 'Todavía no hay comentarios.',
  emptyInvite: 'Todavía no hay comentarios. Inicia la conversación.',
  closed: 'Los comentarios de este artículo están cerrados. Aún puedes leerlos.',
  unavailable: 'Los comentarios no están disponibles en esta página.',

  // Failures
  loadFailed: 'No se pudieron cargar los comentarios.',
  errorNetwork: 'No pudimos conectar con el servicio de comentarios. Comprueba tu conexión e inténtalo de nuevo.',
  errorTimeout: 'El servicio de comentarios tardó demasiado en responder.',
  errorServer: 'El servicio de comentarios tiene problemas en este momento.',
  errorInvalid: 'El servicio de comentarios envió una respuesta que no pudimos leer.',
  errorRateLimited: (seconds) =>
    plural(seconds, {
      one: 'Demasiadas solicitudes. Inténtalo de nuevo en # segundo.',
      other: 'Demasiadas solicitudes. Inténtalo de nuevo en # segundos.',
    }),
  retry: 'Intentar de nuevo',
  loadMoreFailed: 'No se pudieron cargar más comentarios.',
  repliesFailed: 'No se pudieron cargar las respuestas.',

  // Subscribers only
  subscribePromptTitle: 'Únete a la conversación',
  subscribePromptText:
    'Los comentarios están abiertos a los suscriptores. Suscríbete para dar tu opinión y responder a otros lectores.',
  subscribePromptSignedIn: (name) =>
    `${name}, los comentarios están abiertos a los suscriptores. Suscríbete para dar tu opinión y responder a otros lectores.`,
  whySubscribers: '¿Por qué solo suscriptores?',
  whySubscribersText:
    'Unas pocas personas usaban nuestros comentarios para desviar los debates y atacar a otros con nombres desechables. ' +
    'Al reservar los comentarios a los suscriptores, todos los participantes tienen una cuenta real sujeta a nuestras ' +
    'normas, y la conversación sigue centrada en la noticia.',
  subscribe: 'Suscribirse',
  signIn: 'Iniciar sesión',
  signInToAct: 'Inicia sesión para continuar.',
  banned: 'Tu cuenta ya no puede comentar porque incumplió nuestras normas.',
  suspended: (date) => `Tu cuenta podrá volver a comentar el ${date}.`,
  suspendedGeneric: 'Tu cuenta no puede comentar por ahora.',

  // Composer
  composerLabel: 'Tu comentario',
  replyLabel: (name) => `Tu respuesta a ${name}`,
  composerPlaceholder: 'Comparte tu opinión',
  composerSubmit: 'Publicar comentario',
  replySubmit: 'Publicar respuesta',
  composerCancel: 'Cancelar',
  posting: 'Publicando…',
  posted: 'Comentario publicado.',
  replyPosted: 'Respuesta publicada.',
  postedPending: 'Comentario enviado. Un moderador lo revisará antes de que otros puedan verlo.',
  reply: 'Responder',
  replyTo: (name) => `Responder a ${name}`,
  charactersLeft: (n) => plural(n, { one: 'Queda # carácter', other: 'Quedan # caracteres' }),
  charactersOver: (n) => plural(n, { one: '# carácter de más', other: '# caracteres de más' }),
  shortcutHint: 'Ctrl+Enter para publicar',
  draftRestored: 'Recuperamos tu borrador sin enviar.',
  postFailed: 'Tu comentario no se publicó. Conservamos tu texto para que puedas intentarlo de nuevo.',
  notSubscriber: 'Solo los suscriptores pueden comentar.',
  threadClosedNow: 'Los comentarios de este artículo se acaban de cerrar.',
  postingFailed: 'No se pudo cargar el formulario de comentarios.',
  parentGone: 'El comentario al que respondías ya no está disponible.',
  invalidBody: 'No se pudo aceptar tu comentario. Revisa su extensión e inténtalo de nuevo.',
  signInAgain: 'Tu sesión terminó. Vuelve a iniciar sesión para publicar.',

  // Reporting
  report: 'Denunciar',
  reportComment: (name) => `Denunciar el comentario de ${name}`,
  reported: 'Denunciado',
  reportedComment: (name) => `Comentario de ${name} denunciado`,
  reportTitle: 'Denunciar este comentario',
  reportReasonLegend: '¿Por qué lo denuncias?',
  reasons: {
    offensive: 'Ofensivo o que incita al odio',
    abusive: 'Insultante o acosador',
    spam: 'Spam o publicidad',
    off_topic: 'Fuera de tema',
    other: 'Otro motivo',
  },
  reportNote: '¿Algo que deba saber el moderador? (opcional)',
  reportSubmit: 'Enviar denuncia',
  reportCancel: 'Cancelar',
  reportSending: 'Enviando…',
  reportThanks: 'Gracias. Un moderador revisará este comentario.',
  undo: 'Deshacer',
  reportWithdrawn: 'Retiraste tu denuncia.',
  reportFailed: 'Tu denuncia no se envió.',
  reportUndoFailed: 'No se pudo retirar tu denuncia.',
  reportBanned: 'Tu cuenta ya no puede denunciar comentarios.',
  reportSuspended: 'Tu cuenta no puede denunciar comentarios por ahora.',
  reportOwn: 'No puedes denunciar tu propio comentario.',
  reportGone: 'Este comentario ya no está disponible.',
  reportInvalid: 'No se pudo aceptar la denuncia. Revisa el motivo y la nota.',
  // Links to a comment
  copyLink: 'Copiar enlace',
  copyLinkComment: (name) => `Copiar el enlace al comentario de ${name}`,
  linkCopied: 'Enlace copiado',
  copyFailed: 'Enlace no copiado',

  // Live
  newComments: (n) => plural(n, { one: 'Ver # comentario nuevo', other: 'Ver # comentarios nuevos' }),
  newReplies: (n) => plural(n, { one: 'Ver # respuesta nueva', other: 'Ver # respuestas nuevas' }),
  newCommentsArrived: (n) => plural(n, { one: '# comentario nuevo', other: '# comentarios nuevos' }),
  newCommentsUnknown: 'Ver comentarios nuevos',
  linkedComment: 'Comentario enlazado',
  linkMissing: 'El comentario de su enlace no está disponible. Esta es la conversación de siempre.',
  showAll: 'Ver todos los comentarios',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Recomendar',
  recommendComment: (name) => `Recomendar el comentario de ${name}`,
  recommendations,
  recommendFailed: 'No se pudo guardar tu recomendación.',
  recommendSignIn: 'Inicia sesión para recomendar comentarios.',
  recommendSubscribers: 'Solo los suscriptores pueden recomendar comentarios.',
  featuredTitle: 'Comentarios destacados',
  featuredGoTo: (name) => `Ir al comentario de ${name}`,
  edit: 'Editar',
  editLabel: 'Edita tu comentario',
  save: 'Guardar',
  cancel: 'Cancelar',
  editFailed: 'No se pudo guardar tu cambio.',
  editClosed: 'Ya pasó el plazo para editar este comentario.',
  editEmpty: 'Escribe algo primero.',
  editTooLong: (max) => `Usa como máximo ${number.format(max)} caracteres.`,
  editSaved: 'Tu comentario se actualizó.',
  delete: 'Eliminar',
  deleteConfirm: '¿Eliminar este comentario? Las respuestas se mantienen.',
  deleteFailed: 'No se pudo eliminar el comentario.',
  deleted: 'Tu comentario se eliminó.',
};

export default strings;
