/**
 * Arabic (Modern Standard), addressing the reader in the masculine as Arabic interfaces do.
 * Counted nouns take each of the six plural forms: zero, one (the noun alone, "تعليق واحد"),
 * two (the dual), few 3–10 (plural), many 11–99 (accusative singular), other 100+ (genitive singular).
 */
import type { ParleyStrings } from './en.js';

const rules = new Intl.PluralRules('ar');
const number = new Intl.NumberFormat('ar');

type Forms = Record<Intl.LDMLPluralRule, string>;

/** The form for `n`'s plural category, `#` written in the digits `Intl` uses for Arabic. */
const plural = (n: number, forms: Forms) => forms[rules.select(n)].replace('#', number.format(n));

const recommendations = (n: number) => plural(n, { zero: 'لا توصيات', one: 'توصية واحدة', two: 'توصيتان', few: '# توصيات', many: '# توصية', other: '# توصية' });

const strings: ParleyStrings = {
  // Section
  heading: 'التعليقات',
  count: (n) =>
    plural(n, { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '# تعليقات', many: '# تعليقًا', other: '# تعليق' }),
  rulesLink: 'قواعد المشاركة',
  rulesBlurb: 'التعليقات مساحة لنقاش حيوي يسوده الاحترام. يُرجى الإبلاغ عن أي تعليق يخالف قواعد المشاركة.',
  sortLabel: 'الترتيب',
  sortNewest: 'الأحدث أولًا',
  sortOldest: 'الأقدم أولًا',
  sortTop: 'الأكثر توصية',

  // Reading
  loading: 'جارٍ تحميل التعليقات…',
  loadMore: 'عرض المزيد من التعليقات',
  loadingMore: 'جارٍ تحميل المزيد من التعليقات…',
  moreLoaded: (n) =>
    plural(n, {
      zero: 'لا تعليقات إضافية',
      one: 'تم تحميل تعليق إضافي',
      two: 'تم تحميل تعليقين إضافيين',
      few: 'تم تحميل # تعليقات إضافية',
      many: 'تم تحميل # تعليقًا إضافيًا',
      other: 'تم تحميل # تعليق إضافي',
    }),
  repliesMore: (n) =>
    plural(n, {
      zero: 'عرض المزيد من الردود',
      one: 'عرض رد آخر',
      two: 'عرض ردّين آخرين',
      few: 'عرض # ردود أخرى',
      many: 'عرض # ردًا آخر',
      other: 'عرض # رد آخر',
    }),
  repliesMoreUnknown: 'عرض المزيد من الردود',
  repliesLoaded: (n) =>
    plural(n, {
      zero: 'لا ردود إضافية',
      one: 'تم تحميل رد إضافي',
      two: 'تم تحميل ردّين إضافيين',
      few: 'تم تحميل # ردود إضافية',
      many: 'تم تحميل # ردًا إضافيًا',
      other: 'تم تحميل # رد إضافي',
    }),
  repliesLabel: (name) => `الردود على ${name}`,
  inReplyTo: (name) => `ردًا على ${name}`,
  earlierReply: 'رد سابق',
  removedComment: 'تعليق محذوف',
  commentLabel: (name, time) => `تعليق من ${name}، ${time}`,
  removed: 'حذف أحد المشرفين هذا التعليق.',
  deletedByAuthor: 'حذف كاتب هذا التعليق تعليقه.',
  featured: 'مميَّز',
  removedAuthor: 'تعليق محذوف',
  edited: 'معدَّل',
  editedTitle: (date) => `عُدِّل في ${date}`,
  badges: { subscriber: 'مشترك', staff: 'فريق التحرير' },
  pending: 'لا يرى هذا التعليق أحد غيرك حتى يوافق عليه أحد المشرفين.',
  justNow: 'الآن',
  empty: 'لا توجد تعليقات بعد.',
  emptyInvite: 'لا توجد تعليقات بعد. ابدأ النقاش.',
  closed: 'أُغلق باب التعليق على هذا المقال، لكن لا يزال بإمكانك قراءة التعليقات.',
  unavailable: 'التعليقات غير متاحة في هذه الصفحة.',

  // Failures
  loadFailed: 'تعذّر تحميل التعليقات.',
  errorNetwork: 'تعذّر الوصول إلى خدمة التعليقات. تحقّق من اتصالك وحاول مرة أخرى.',
  errorTimeout: 'استغرقت خدمة التعليقات وقتًا طويلًا في الرد.',
  errorServer: 'تواجه خدمة التعليقات مشكلة في الوقت الحالي.',
  errorInvalid: 'أرسلت خدمة التعليقات ردًا تعذّرت علينا قراءته.',
  errorRateLimited: (seconds) =>
    'طلبات كثيرة جدًا. ' +
    plural(seconds, {
      zero: 'حاول مرة أخرى الآن.',
      one: 'حاول مرة أخرى بعد ثانية واحدة.',
      two: 'حاول مرة أخرى بعد ثانيتين.',
      few: 'حاول مرة أخرى بعد # ثوانٍ.',
      many: 'حاول مرة أخرى بعد # ثانية.',
      other: 'حاول مرة أخرى بعد # ثانية.',
    }),
  retry: 'إعادة المحاولة',
  loadMoreFailed: 'تعذّر تحميل المزيد من التعليقات.',
  repliesFailed: 'تعذّر تحميل الردود.',

  // Subscribers only
  subscribePromptTitle: 'انضم إلى النقاش',
  subscribePromptText: 'التعليق متاح للمشتركين. اشترك لتشارك برأيك وتردّ على القراء الآخرين.',
  subscribePromptSignedIn: (name) => `${name}، التعليق متاح للمشتركين. اشترك لتشارك برأيك وتردّ على القراء الآخرين.`,
  whySubscribers: 'لماذا المشتركون فقط؟',
  whySubscribersText:
    'استغل عدد قليل من الأشخاص التعليقات لحرف النقاشات عن مسارها والإساءة إلى الآخرين بأسماء مستعارة مؤقتة. ' +
    'وقصر التعليقات على المشتركين يعني أن لكل مشارك حسابًا حقيقيًا تسري عليه قواعدنا، فيبقى النقاش حول الخبر.',
  subscribe: 'اشترك',
  signIn: 'تسجيل الدخول',
  signInToAct: 'سجّل الدخول للمتابعة.',
  banned: 'لم يعد بإمكان حسابك التعليق لمخالفته قواعد المشاركة.',
  suspended: (date) => `يمكن لحسابك التعليق مجددًا في ${date}.`,
  suspendedGeneric: 'لا يمكن لحسابك التعليق في الوقت الحالي.',

  // Composer
  composerLabel: 'تعليقك',
  replyLabel: (name) => `ردّك على ${name}`,
  composerPlaceholder: 'شارك برأيك',
  composerSubmit: 'نشر التعليق',
  replySubmit: 'نشر الرد',
  composerCancel: 'إلغاء',
  posting: 'جارٍ النشر…',
  posted: 'نُشر التعليق.',
  replyPosted: 'نُشر الرد.',
  postedPending: 'أُرسل التعليق. سيراجعه أحد المشرفين قبل أن يتمكن الآخرون من رؤيته.',
  reply: 'رد',
  replyTo: (name) => `رد على ${name}`,
  charactersLeft: (n) =>
    plural(n, {
      zero: 'لم يتبقَّ أي حرف',
      one: 'تبقّى حرف واحد',
      two: 'تبقّى حرفان',
      few: 'تبقّت # أحرف',
      many: 'تبقّى # حرفًا',
      other: 'تبقّى # حرف',
    }),
  charactersOver: (n) =>
    plural(n, {
      zero: 'لا أحرف زائدة',
      one: 'حرف واحد زائد',
      two: 'حرفان زائدان',
      few: '# أحرف زائدة',
      many: '# حرفًا زائدًا',
      other: '# حرف زائد',
    }),
  shortcutHint: 'Ctrl+Enter للنشر',
  draftRestored: 'استُعيدت مسودتك غير المرسلة.',
  postFailed: 'لم يُنشر تعليقك. احتفظنا بنصّك لتتمكن من المحاولة مجددًا.',
  notSubscriber: 'التعليق متاح للمشتركين فقط.',
  threadClosedNow: 'أُغلق باب التعليق على هذا المقال للتو.',
  postingFailed: 'تعذّر تحميل نموذج التعليق.',
  parentGone: 'التعليق الذي ترد عليه لم يعد متاحًا.',
  invalidBody: 'تعذّر قبول تعليقك. تحقّق من طوله وحاول مرة أخرى.',
  signInAgain: 'انتهت جلستك. سجّل الدخول مجددًا للنشر.',

  // Reporting
  report: 'إبلاغ',
  reportComment: (name) => `إبلاغ عن تعليق ${name}`,
  reported: 'تم الإبلاغ',
  reportedComment: (name) => `تم الإبلاغ عن تعليق ${name}`,
  reportTitle: 'الإبلاغ عن هذا التعليق',
  reportReasonLegend: 'لماذا تبلغ عنه؟',
  reasons: {
    offensive: 'مسيء أو يحض على الكراهية',
    abusive: 'شتائم أو تحرش',
    spam: 'رسائل مزعجة أو إعلانات',
    off_topic: 'خارج الموضوع',
    other: 'سبب آخر',
  },
  reportNote: 'هل هناك ما يجب أن يعرفه المشرف؟ (اختياري)',
  reportSubmit: 'إرسال البلاغ',
  reportCancel: 'إلغاء',
  reportSending: 'جارٍ الإرسال…',
  reportThanks: 'شكرًا لك. سيراجع أحد المشرفين هذا التعليق.',
  undo: 'تراجع',
  reportWithdrawn: 'سُحب بلاغك.',
  reportFailed: 'لم يُرسَل بلاغك.',
  reportUndoFailed: 'تعذّر سحب بلاغك.',
  reportBanned: 'لم يعد بإمكان حسابك الإبلاغ عن التعليقات.',
  reportSuspended: 'لا يمكن لحسابك الإبلاغ عن التعليقات في الوقت الحالي.',
  reportOwn: 'لا يمكنك الإبلاغ عن تعليقك.',
  reportGone: 'هذا التعليق لم يعد متاحًا.',
  reportInvalid: 'تعذّر قبول البلاغ. تحقّق من السبب والملاحظة.',
  // Links to a comment
  copyLink: 'نسخ الرابط',
  copyLinkComment: (name) => `نسخ رابط تعليق ${name}`,
  linkCopied: 'تم نسخ الرابط',
  copyFailed: 'لم يُنسخ الرابط',

  // Live
  newComments: (n) =>
    plural(n, {
      zero: 'لا تعليقات جديدة',
      one: 'عرض تعليق جديد',
      two: 'عرض تعليقين جديدين',
      few: 'عرض # تعليقات جديدة',
      many: 'عرض # تعليقًا جديدًا',
      other: 'عرض # تعليق جديد',
    }),
  newReplies: (n) =>
    plural(n, {
      zero: 'لا ردود جديدة',
      one: 'عرض رد جديد',
      two: 'عرض ردّين جديدين',
      few: 'عرض # ردود جديدة',
      many: 'عرض # ردًا جديدًا',
      other: 'عرض # رد جديد',
    }),
  newCommentsArrived: (n) =>
    plural(n, {
      zero: 'لا تعليقات جديدة',
      one: 'تعليق جديد',
      two: 'تعليقان جديدان',
      few: '# تعليقات جديدة',
      many: '# تعليقًا جديدًا',
      other: '# تعليق جديد',
    }),
  newCommentsUnknown: 'عرض التعليقات الجديدة',
  linkedComment: 'التعليق المرتبط',
  linkMissing: 'التعليق الموجود في الرابط غير متاح. إليك المحادثة كالمعتاد.',
  showAll: 'عرض كل التعليقات',
  // Recommend, Featured, the reader's own Edit and Delete
  recommend: 'أوصِ',
  recommendComment: (name) => `أوصِ بتعليق ${name}`,
  recommendations,
  recommendFailed: 'تعذّر حفظ توصيتك.',
  recommendSignIn: 'سجّل الدخول لتوصي بالتعليقات.',
  recommendSubscribers: 'التوصية بالتعليقات للمشتركين فقط.',
  featuredTitle: 'تعليقات مميَّزة',
  featuredGoTo: (name) => `انتقل إلى تعليق ${name}`,
  edit: 'تعديل',
  editLabel: 'عدّل تعليقك',
  save: 'حفظ',
  cancel: 'إلغاء',
  editFailed: 'تعذّر حفظ تعديلك.',
  editClosed: 'انتهت مدة تعديل هذا التعليق.',
  editEmpty: 'اكتب شيئًا أولًا.',
  editTooLong: (max) => `استخدم ${number.format(max)} حرفًا على الأكثر.`,
  editSaved: 'عُدِّل تعليقك.',
  delete: 'حذف',
  deleteConfirm: 'أتحذف هذا التعليق؟ تبقى الردود عليه.',
  deleteFailed: 'تعذّر حذف التعليق.',
  deleted: 'حُذف تعليقك.',
};

export default strings;
