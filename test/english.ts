/**
 * All of the English, for assertions: the bundle's text with the thread view's, posting's and
 * reporting's, which the widget itself adds only when those chunks arrive.
 */
import { en as reading, type ParleyStrings } from '../src/i18n/en.js';
import { enLive } from '../src/i18n/en-live.js';
import { enPosting } from '../src/i18n/en-posting.js';
import { enReport } from '../src/i18n/en-report.js';
import { enView } from '../src/i18n/en-view.js';
import { enEngage } from '../src/i18n/en-engage.js';

export const en: ParleyStrings = { ...reading, ...enView, ...enPosting, ...enReport, ...enLive, ...enEngage };
