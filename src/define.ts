/** Registers `<parley-comments>`; safe to load twice (a second copy leaves the first in place). */
import { ParleyComments } from './parley-comments.js';

export { ParleyComments };

if (!customElements.get('parley-comments')) customElements.define('parley-comments', ParleyComments);

declare global {
  interface HTMLElementTagNameMap {
    'parley-comments': ParleyComments;
  }
}
