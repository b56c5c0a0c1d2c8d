/**
 * Portuguese as written in Brazil (você; "assinante", "matéria"), the larger readership and the
 * variant `Intl` gives for plain "pt". Zero takes the plural ("0 comentários") as Brazilians write it,
 * although CLDR files 0 under "one".
 */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('pt');
const number = new Intl.NumberFormat('pt');

/** The form for `n`'s plural category, `#` written the Brazilian way. */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[n === 0 ? 'other' : rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { one: '# recomendação', other: '# recomendações' });

const strings: ParleyStrings = {
  // Section
  heading: 'Comentários',
  count: (n) => plural(n, { one: '# comentário', other: '# comentários' }),
  rulesLink: 'Nossas regras',
  rulesBlurb: 'Os comentários são um espaço para um debate animado e respeitoso. Denuncie qualquer comentário que viole nossas regras.',
  sortLabel: 'Ordenar',
  sortNewest: 'Mais recentes primeiro',
  sortOldest: 'Mais antigos primeiro',
  sortTop: 'Mais recomendados',

  // Reading
  loading: 'Carregando comentários…',
  loadMore: 'Mostrar mais comentários',
  loadingMore: 'Carregando mais comentários…',
  moreLoaded: (n) => plural(n, { one: 'Mais # comentário carregado', other: 'Mais # comentários carregados' }),
  repliesMore: (n) => plural(n, { one: 'Mostrar mais # resposta', other: 'Mostrar mais # respostas' }),
  repliesMoreUnknown: 'Mostrar mais respostas',
  repliesLoaded: (n) => plural(n, { one: 'Mais # resposta carregada', other: 'Mais # respostas carregadas' }),
  repliesLabel: (name) => `Respostas a ${name}`,
  inReplyTo: (name) => `Em resposta a ${name}`,
  earlierReply: 'uma resposta anterior',
  removedComment: 'um comentário removido',
  commentLabel: (name, time) => `Comentário de ${name}, ${time}`,
  removed: 'Este comentário foi removido por um moderador.',
  deletedByAuthor: 'Este comentário foi apagado pelo autor.',
  featured: 'Em destaque',
  removedAuthor: 'Comentário removido',
  edited: 'editado',
  editedTitle: (date) => `Editado em ${date}`,
  badges: { subscriber: 'Assinante', staff: 'Redação' },
  pending: 'Só você pode ver este comentário até que um moderador o aprove.',
  justNow: 'agora mesmo',
  empty: 'Ainda não há comentários.',
  emptyInvite: 'Ainda não há comentários. Comece a conversa.',
  closed: 'Os comentários desta matéria estão encerrados. Você ainda pode lê-los.',
  unavailable: 'Os comentários não estão disponíveis nesta página.',

  // Failures
  loadFailed: 'Não foi possível carregar os comentários.',
  errorNetwork: 'Não conseguimos acessar o serviço de comentários. Verifique sua conexão e tente novamente.',
  errorTimeout: 'O serviço de comentários demorou demais para responder.',
  errorServer: 'O serviço de comentários está com problemas no momento.',
  errorInvalid: 'O serviço de comentários enviou uma resposta que não conseguimos ler.',
  errorRateLimited: (seconds) =>
    plural(seconds, {
      one: 'Muitas solicitações. Tente novamente em # segundo.',
      other: 'Muitas solicitações. Tente novamente em # segundos.',
    }),
  retry: 'Tentar novamente',
  loadMoreFailed: 'Não foi possível carregar mais comentários.',
  repliesFailed: 'Não foi possível carregar as respostas.',

  // Subscribers only
  subscribePromptTitle: 'Participe da conversa',
  subscribePromptText: 'Os comentários são exclusivos para assinantes. Assine para dar sua opinião e responder a outros leitores.',
  subscribePromptSignedIn: (name) =>
    `${name}, os comentários são exclusivos para assinantes. Assine para dar sua opinião e responder a outros leitores.`,
  whySubscribers: 'Por que só assinantes?',
  whySubscribersText:
    'Algumas poucas pessoas usavam nossos comentários para tumultuar debates e ofender outros leitores com nomes descartáveis. ' +
    'Com os comentários restritos a assinantes, todos que participam têm uma conta real, sujeita às nossas regras, ' +
    'e a conversa continua sobre a notícia.',
  subscribe: 'Assinar',
  signIn: 'Entrar',
  signInToAct: 'Entre na sua conta para continuar.',
  banned: 'Sua conta não pode mais comentar porque violou nossas regras.',
  suspended: (date) => `Sua conta poderá comentar novamente em ${date}.`,
  suspendedGeneric: 'Sua conta não pode comentar no momento.',

  // Composer
  composerLabel: 'Seu comentário',
  replyLabel: (name) => `Sua resposta a ${name}`,
  composerPlaceholder: 'Dê sua opinião',
  composerSubmit: 'Publicar comentário',
  replySubmit: 'Publicar resposta',
  composerCancel: 'Cancelar',
  posting: 'Publicando…',
  posted: 'Comentário publicado.',
  replyPosted: 'Resposta publicada.',
  postedPending: 'Comentário enviado. Um moderador vai analisá-lo antes que outras pessoas possam vê-lo.',
  reply: 'Responder',
  replyTo: (name) => `Responder a ${name}`,
  charactersLeft: (n) => plural(n, { one: 'Resta # caractere', other: 'Restam # caracteres' }),
  charactersOver: (n) => plural(n, { one: '# caractere a mais', other: '# caracteres a mais' }),
  shortcutHint: 'Ctrl+Enter para publicar',
  draftRestored: 'Seu rascunho não enviado foi restaurado.',
  postFailed: 'Seu comentário não foi publicado. Seu texto foi mantido para você tentar novamente.',
  notSubscriber: 'Só assinantes podem comentar.',
  threadClosedNow: 'Os comentários desta matéria acabam de ser encerrados.',
  postingFailed: 'Não foi possível carregar o formulário de comentários.',
  parentGone: 'O comentário que você estava respondendo não está mais disponível.',
  invalidBody: 'Não foi possível aceitar seu comentário. Verifique o tamanho e tente novamente.',
  signInAgain: 'Sua sessão expirou. Entre novamente para publicar.',

  // Reporting
  report: 'Denunciar',
  reportComment: (name) => `Denunciar comentário de ${name}`,
  reported: 'Denunciado',
  reportedComment: (name) => `Comentário de ${name} denunciado`,
  reportTitle: 'Denunciar este comentário',
  reportReasonLegend: 'Por que você está denunciando?',
  reasons: {
    offensive: 'Ofensivo ou que incita ao ódio',
    abusive: 'Insultos ou assédio',
    spam: 'Spam ou publicidade',
    off_topic: 'Fora do assunto',
    other: 'Outro motivo',
  },
  reportNote: 'Algo que o moderador deva saber? (opcional)',
  reportSubmit: 'Enviar denúncia',
  reportCancel: 'Cancelar',
  reportSending: 'Enviando…',
  reportThanks: 'Obrigado. Um moderador vai analisar este comentário.',
  undo: 'Desfazer',
  reportWithdrawn: 'Sua denúncia foi retirada.',
  reportFailed: 'Sua denúncia não foi enviada.',
  reportUndoFailed: 'Não foi possível retirar sua denúncia.',
  reportBanned: 'Sua conta não pode mais denunciar comentários.',
  reportSuspended: 'Sua conta não pode denunciar comentários no momento.',
  reportOwn: 'Você não pode denunciar seu próprio comentário.',
  reportGone: 'Este comentário não está mais disponível.',
  reportInvalid: 'Não foi possível aceitar a denúncia. Verifique o motivo e a observação.',
  // Links to a comment
  copyLink: 'Copiar link',
  copyLinkComment: (name) => `Copiar o link do comentário de ${name}`,
  linkCopied: 'Link copiado',
  copyFailed: 'Link não copiado',

  // Live
  newComments: (n) => plural(n, { one: 'Mostrar # comentário novo', other: 'Mostrar # comentários novos' }),
  newReplies: (n) => plural(n, { one: 'Mostrar # resposta nova', other: 'Mostrar # respostas novas' }),
  newCommentsArrived: (n) => plural(n, { one: '# comentário novo', other: '# comentários novos' }),
  newCommentsUnknown: 'Mostrar comentários novos',
  linkedComment: 'Comentário com link',
  linkMissing: 'O comentário do seu link não está disponível. Aqui está a conversa como de costume.',
  showAll: 'Mostrar todos os comentários',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Recomendar',
  recommendComment: (name) => `Recomendar o comentário de ${name}`,
  recommendations,
  recommendFailed: 'Não foi possível guardar a sua recomendação.',
  recommendSignIn: 'Inicie sessão para recomendar comentários.',
  recommendSubscribers: 'Só os assinantes podem recomendar comentários.',
  featuredTitle: 'Comentários em destaque',
  featuredGoTo: (name) => `Ir para o comentário de ${name}`,
  edit: 'Editar',
  editLabel: 'Editar o seu comentário',
  save: 'Guardar',
  cancel: 'Cancelar',
  editFailed: 'Não foi possível guardar a sua alteração.',
  editClosed: 'O prazo para editar este comentário terminou.',
  editEmpty: 'Escreva algo primeiro.',
  editTooLong: (max) => `Use no máximo ${number.format(max)} caracteres.`,
  editSaved: 'O seu comentário foi atualizado.',
  delete: 'Apagar',
  deleteConfirm: 'Apagar este comentário? As respostas ficam.',
  deleteFailed: 'Não foi possível apagar o comentário.',
  deleted: 'O seu comentário foi apagado.',
};

export default strings;
