/**
 * WCAG 2.2 AA in every state the widget renders, in the light and dark themes and in Arabic
 * (right to left): axe finds nothing, every target is at least 24×24 CSS px, and Tab reaches
 * every control, each with a visible focus indicator, without focus ever falling to <body>.
 * Keyboard journeys are in a11y.keyboard.test.ts; layout, contrast and semantics in a11y.layout.test.ts.
 */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ParleyComments } from '../src/parley-comments.js';
import { controls, focusIndicator, nameOf, releaseHeld, sentinel, smallTargets, STATES, VARIANTS } from './a11y.helpers.js';
import { parts } from './helpers.js';

/**
 * Tabs from the page button before the widget to the one after it; returns each control
 * focused on the way, and those that showed no focus indicator while focused.
 */
async function tabThrough(el: ParleyComments): Promise<{ visited: Element[]; unmarked: string[] }> {
  const visited: Element[] = [];
  const unmarked: string[] = [];
  sentinel('before').focus();
  for (let i = 0; i < 80; i++) {
    await sendKeys({ press: 'Tab' });
    if (document.activeElement === sentinel('after')) return { visited, unmarked };
    expect(document.activeElement === el, `Tab ${i + 1} left the widget for ${document.activeElement?.localName}`).to.be.true;
    const inner = el.shadowRoot!.activeElement;
    expect(inner, `Tab ${i + 1}: focus is on the host but on nothing inside it`).to.exist;
    visited.push(inner!);
    if (!focusIndicator(inner!)) unmarked.push(nameOf(inner!));
  }
  throw new Error('Tab never reached the end of the widget');
}

afterEach(releaseHeld);
// Every comment on screen and painted before axe looks: axe measures contrast at each element's
// place, and a comment that is off screen, or not yet past the frame that decides its
// content-visibility: auto, is not painted, so axe would see the page behind it instead of the
// widget's dark background.
before(() => setViewport({ width: 800, height: 3000 }));
after(() => setViewport({ width: 800, height: 600 }));
beforeEach(() => scrollTo(0, 0));

for (const variant of VARIANTS) {
  describe(`accessibility, ${variant.name}`, () => {
    for (const state of STATES) {
      describe(state.name, () => {
        it('axe reports nothing', async () => {
          const el = await state.show(variant);
          await nextFrame();
          await waitUntil(() => parts(el, 'comment').every((c) => c.checkVisibility({ contentVisibilityAuto: true })), 'comments never painted');
          await expect(el).to.be.accessible();
        });

        it('every button, link and field is at least 24×24 CSS px', async () => {
          const el = await state.show(variant);
          expect(controls(el).length, 'controls to measure').to.be.greaterThan(0);
          expect(smallTargets(el)).to.deep.equal([]);
        });

        it('Tab reaches every control, each with a visible focus indicator', async () => {
          const el = await state.show(variant);
          const { visited, unmarked } = await tabThrough(el);
          expect(unmarked, 'focused without an indicator').to.deep.equal([]);
          // Every control a pointer can use is a Tab stop too (radios: one stop per group; a
          // disabled Post or Send report is no control until there is something to send).
          const reachable = controls(el).filter((node) => !(node instanceof HTMLInputElement && node.type === 'radio') && !node.matches(':disabled'));
          const missed = reachable.filter((node) => !visited.includes(node)).map(nameOf);
          expect(missed, 'controls Tab never reached').to.deep.equal([]);
        });
      });
    }
  });
}
