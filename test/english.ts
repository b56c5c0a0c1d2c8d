/**
 * All of the English, for assertions: the reading text with posting's and reporting's, which
 * the widget itself adds only when those chunks arrive.
 */
import { en as reading, type ParleyStrings } from '../src/i18n/en.js';
import { enPosting } from '../src/i18n/en-posting.js';
import { enReport } from '../src/i18n/en-report.js';

export const en: ParleyStrings = { ...reading, ...enPosting, ...enReport };
