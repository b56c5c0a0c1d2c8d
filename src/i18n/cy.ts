/**
 * Welsh, addressing the reader as chi. Numbers are written as digits followed by the singular
 * noun ("5 sylw", "3 ateb"), as Welsh does after a numeral, so "two", "few" and "many" share the
 * "other" form and no mutation is needed; "zero" says "dim" with the plural noun.
 */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('cy');
const number = new Intl.NumberFormat('cy');

/** The form for `n`'s plural category (zero, one, two, few, many, other), `#` as digits. */
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[rules.select(n)] ?? forms.other).replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { zero: 'Dim argymhellion', one: '# argymhelliad', other: '# argymhelliad' });

const strings: ParleyStrings = {
  // Section
  heading: 'Sylwadau',
  count: (n) => plural(n, { zero: 'Dim sylwadau', other: '# sylw' }),
  rulesLink: 'Ein rheolau',
  rulesBlurb: 'Lle i drafod yn fywiog ac yn barchus yw’r sylwadau. Rhowch wybod am unrhyw sylw sy’n torri ein rheolau.',
  sortLabel: 'Trefnu',
  sortNewest: 'Y diweddaraf yn gyntaf',
  sortOldest: 'Yr hynaf yn gyntaf',
  sortTop: 'Mwyaf o argymhellion',

  // Reading
  loading: 'Wrthi’n llwytho’r sylwadau…',
  loadMore: 'Dangos rhagor o sylwadau',
  loadingMore: 'Wrthi’n llwytho rhagor o sylwadau…',
  moreLoaded: (n) => plural(n, { zero: 'Dim rhagor o sylwadau', other: 'Wedi llwytho # sylw arall' }),
  repliesMore: (n) => plural(n, { zero: 'Dangos rhagor o atebion', other: 'Dangos # ateb arall' }),
  repliesMoreUnknown: 'Dangos rhagor o atebion',
  repliesLoaded: (n) => plural(n, { zero: 'Dim rhagor o atebion', other: 'Wedi llwytho # ateb arall' }),
  repliesLabel: (name) => `Atebion i ${name}`,
  inReplyTo: (name) => `Yn ateb ${name}`,
  earlierReply: 'ateb cynharach',
  removedComment: 'sylw a dynnwyd',
  commentLabel: (name, time) => `Sylw gan ${name}, ${time}`,
  removed: 'Cafodd y sylw hwn ei dynnu gan gymedrolwr.',
  deletedByAuthor: 'Cafodd y sylw hwn ei ddileu gan ei awdur.',
  featured: 'Dan sylw',
  removedAuthor: 'Sylw wedi’i dynnu',
  edited: 'wedi’i olygu',
  editedTitle: (date) => `Golygwyd ar ${date}`,
  badges: { subscriber: 'Tanysgrifiwr', staff: 'Staff' },
  pending: 'Dim ond chi sy’n gallu gweld y sylw hwn nes i gymedrolwr ei gymeradwyo.',
  justNow: 'ychydig eiliadau yn ôl',
  empty: 'Dim sylwadau eto.',
  emptyInvite: 'Dim sylwadau eto. Dechreuwch y sgwrs.',
  closed: 'Mae’r sylwadau ar gau ar yr erthygl hon. Gallwch eu darllen o hyd.',
  unavailable: 'Does dim sylwadau ar gael ar y dudalen hon.',

  // Failures
  loadFailed: 'Methu llwytho’r sylwadau.',
  errorNetwork: 'Methu cysylltu â’r gwasanaeth sylwadau. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  errorTimeout: 'Cymerodd y gwasanaeth sylwadau ormod o amser i ateb.',
  errorServer: 'Mae’r gwasanaeth sylwadau’n cael trafferth ar hyn o bryd.',
  errorInvalid: 'Anfonodd y gwasanaeth sylwadau ateb nad oedden ni’n gallu ei ddarllen.',
  errorRateLimited: (seconds) =>
    plural(seconds, {
      zero: 'Gormod o geisiadau. Rhowch gynnig arall arni nawr.',
      other: 'Gormod o geisiadau. Rhowch gynnig arall arni ymhen # eiliad.',
    }),
  retry: 'Rhoi cynnig arall arni',
  loadMoreFailed: 'Methu llwytho rhagor o sylwadau.',
  repliesFailed: 'Methu llwytho’r atebion.',

  // Subscribers only
  subscribePromptTitle: 'Ymunwch â’r sgwrs',
  subscribePromptText: 'Mae’r sylwadau ar agor i danysgrifwyr. Tanysgrifiwch i rannu eich barn ac ateb darllenwyr eraill.',
  subscribePromptSignedIn: (name) =>
    `${name}, mae’r sylwadau ar agor i danysgrifwyr. Tanysgrifiwch i rannu eich barn ac ateb darllenwyr eraill.`,
  whySubscribers: 'Pam dim ond tanysgrifwyr?',
  whySubscribersText:
    'Roedd nifer fach o bobl yn defnyddio ein sylwadau i droi trafodaethau oddi ar y trywydd ac i gam-drin eraill dan enwau ffug. ' +
    'Drwy gadw’r sylwadau i danysgrifwyr, mae gan bawb sy’n cymryd rhan gyfrif go iawn y mae ein rheolau’n berthnasol iddo, ' +
    'felly mae’r sgwrs yn aros ar y stori.',
  subscribe: 'Tanysgrifio',
  signIn: 'Mewngofnodi',
  signInToAct: 'Mewngofnodwch i barhau.',
  banned: 'Ni all eich cyfrif roi sylwadau mwyach am iddo dorri ein rheolau.',
  suspended: (date) => `Bydd eich cyfrif yn gallu rhoi sylwadau eto ar ${date}.`,
  suspendedGeneric: 'Ni all eich cyfrif roi sylwadau am y tro.',

  // Composer
  composerLabel: 'Eich sylw',
  replyLabel: (name) => `Eich ateb i ${name}`,
  composerPlaceholder: 'Rhannwch eich barn',
  composerSubmit: 'Cyhoeddi sylw',
  replySubmit: 'Cyhoeddi ateb',
  composerCancel: 'Canslo',
  posting: 'Wrthi’n cyhoeddi…',
  posted: 'Sylw wedi’i gyhoeddi.',
  replyPosted: 'Ateb wedi’i gyhoeddi.',
  postedPending: 'Sylw wedi’i anfon. Bydd cymedrolwr yn ei adolygu cyn i eraill allu ei weld.',
  reply: 'Ateb',
  replyTo: (name) => `Ateb ${name}`,
  charactersLeft: (n) => plural(n, { zero: 'Dim nodau ar ôl', other: '# nod ar ôl' }),
  charactersOver: (n) => plural(n, { other: '# nod yn ormod' }),
  shortcutHint: 'Ctrl+Enter i gyhoeddi',
  draftRestored: 'Mae eich drafft heb ei anfon wedi’i adfer.',
  postFailed: 'Ni chafodd eich sylw ei gyhoeddi. Mae eich testun wedi’i gadw, felly gallwch roi cynnig arall arni.',
  notSubscriber: 'Dim ond tanysgrifwyr sy’n gallu rhoi sylwadau.',
  threadClosedNow: 'Mae’r sylwadau newydd gau ar yr erthygl hon.',
  postingFailed: 'Methwyd llwytho’r ffurflen sylwadau.',
  parentGone: 'Nid yw’r sylw roeddech chi’n ei ateb ar gael mwyach.',
  invalidBody: 'Nid oedd modd derbyn eich sylw. Gwiriwch ei hyd a rhowch gynnig arall arni.',
  signInAgain: 'Mae eich sesiwn wedi dod i ben. Mewngofnodwch eto i gyhoeddi.',

  // Reporting
  report: 'Rhoi gwybod',
  reportComment: (name) => `Rhoi gwybod am sylw gan ${name}`,
  reported: 'Wedi rhoi gwybod',
  reportedComment: (name) => `Rydych chi wedi rhoi gwybod am y sylw gan ${name}`,
  reportTitle: 'Rhoi gwybod am y sylw hwn',
  reportReasonLegend: 'Pam rydych chi’n rhoi gwybod amdano?',
  reasons: {
    offensive: 'Sarhaus neu atgas',
    abusive: 'Camdriniaeth neu aflonyddu',
    spam: 'Sbam neu hysbysebu',
    off_topic: 'Oddi ar y pwnc',
    other: 'Rhywbeth arall',
  },
  reportNote: 'Unrhyw beth y dylai cymedrolwr ei wybod? (dewisol)',
  reportSubmit: 'Anfon adroddiad',
  reportCancel: 'Canslo',
  reportSending: 'Wrthi’n anfon…',
  reportThanks: 'Diolch. Bydd cymedrolwr yn adolygu’r sylw hwn.',
  undo: 'Dadwneud',
  reportWithdrawn: 'Mae eich adroddiad wedi’i dynnu’n ôl.',
  reportFailed: 'Ni chafodd eich adroddiad ei anfon.',
  reportUndoFailed: 'Ni chafodd eich adroddiad ei dynnu’n ôl.',
  reportBanned: 'Ni all eich cyfrif roi gwybod am sylwadau mwyach.',
  reportSuspended: 'Ni all eich cyfrif roi gwybod am sylwadau am y tro.',
  reportOwn: 'Ni allwch roi gwybod am eich sylw eich hun.',
  reportGone: 'Nid yw’r sylw hwn ar gael mwyach.',
  reportInvalid: 'Nid oedd modd derbyn yr adroddiad. Gwiriwch y rheswm a’r nodyn.',
  // Links to a comment
  copyLink: 'Copïo’r ddolen',
  copyLinkComment: (name) => `Copïo’r ddolen i sylw gan ${name}`,
  linkCopied: 'Dolen wedi’i chopïo',
  copyFailed: 'Dolen heb ei chopïo',

  // Live
  newComments: (n) => plural(n, { zero: 'Dim sylwadau newydd', other: 'Dangos # sylw newydd' }),
  newReplies: (n) => plural(n, { zero: 'Dim atebion newydd', other: 'Dangos # ateb newydd' }),
  newCommentsArrived: (n) => plural(n, { zero: 'Dim sylwadau newydd', other: '# sylw newydd' }),
  newCommentsUnknown: 'Dangos sylwadau newydd',
  linkedComment: 'Sylw yn y ddolen',
  linkMissing: 'Dydy’r sylw yn eich dolen ddim ar gael. Dyma’r sgwrs fel arfer.',
  showAll: 'Dangos pob sylw',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'Argymell',
  recommendComment: (name) => `Argymell sylw ${name}`,
  recommendations,
  recommendFailed: 'Nid oedd modd cadw eich argymhelliad.',
  recommendSignIn: 'Mewngofnodwch i argymell sylwadau.',
  recommendSubscribers: 'Dim ond tanysgrifwyr sy\'n gallu argymell sylwadau.',
  featuredTitle: 'Sylwadau dan sylw',
  featuredGoTo: (name) => `Ewch i sylw ${name}`,
  edit: 'Golygu',
  editLabel: 'Golygu eich sylw',
  save: 'Cadw',
  cancel: 'Canslo',
  editFailed: 'Nid oedd modd cadw eich golygiad.',
  editClosed: 'Mae\'r amser i olygu\'r sylw hwn wedi mynd heibio.',
  editEmpty: 'Ysgrifennwch rywbeth yn gyntaf.',
  editTooLong: (max) => `Defnyddiwch ${number.format(max)} nod ar y mwyaf.`,
  editSaved: 'Cafodd eich sylw ei ddiweddaru.',
  delete: 'Dileu',
  deleteConfirm: 'Dileu\'r sylw hwn? Bydd yr atebion iddo\'n aros.',
  deleteFailed: 'Nid oedd modd dileu\'r sylw.',
  deleted: 'Cafodd eich sylw ei ddileu.',
};

export default strings;
