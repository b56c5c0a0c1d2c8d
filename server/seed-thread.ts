// The demo thread: readers of an invented local paper arguing about an invented footbridge.
// Data only; seed.ts writes it. Times are minutes after the article went up.

export interface SeedUser {
  id: string;
  name: string;
  subscriber: boolean;
  staff?: boolean;
}

export interface SeedComment {
  by: string;
  at: number;
  text: string;
  removed?: boolean;
  /** An open report waiting in the moderation queue on first visit. */
  report?: { by: string; reason: 'off_topic' | 'spam' | 'abusive'; note: string };
  replies?: SeedComment[];
}

export const DEMO_THREAD = {
  id: 'demo-article',
  title: 'Mill Lane footbridge to close for fourteen months as repair bill doubles',
  url: 'http://localhost:8787/',
};

export const SEED_USERS: readonly SeedUser[] = [
  { id: 'u-hollis', name: 'Margaret Hollis', subscriber: true },
  { id: 'u-dev', name: 'Dev Raman', subscriber: true },
  { id: 'u-tomasz', name: 'Tomasz Wierzba', subscriber: true },
  { id: 'u-june', name: 'June Ellery', subscriber: true },
  { id: 'u-pike', name: 'Alan Pike', subscriber: true },
  { id: 'u-cora', name: 'Cora Lindqvist', subscriber: true },
  { id: 'u-fenwick', name: 'R. Fenwick', subscriber: false },
  { id: 'u-nadia', name: 'Nadia Osei', subscriber: true },
  { id: 'u-bram', name: 'Bram Totteridge', subscriber: true },
  { id: 'u-lowri', name: 'Lowri Pryce', subscriber: true },
  { id: 'u-gus', name: 'Gus Abernethy', subscriber: false },
  { id: 'u-editor', name: 'Helen Marsh (Kelderby Courier)', subscriber: true, staff: true },
  { id: 'u-cycles', name: 'KelderbyCycles', subscriber: true },
  { id: 'u-spam', name: 'BestDealsNow', subscriber: true },
];

export const SEED_COMMENTS: readonly SeedComment[] = [
  { by: 'u-hollis', at: 4, text: 'Fourteen months. My mother is on the far side of the river and does not drive. That is two buses each way instead of a six-minute walk.', replies: [
    { by: 'u-editor', at: 31, text: 'Thanks, Margaret. We have asked the council whether the shuttle minibus mentioned in the report will run at weekends, and will add their answer to the article.' },
    { by: 'u-june', at: 48, text: 'Same here with my dad. The 14 bus does not even stop near Orchard Row any more since the timetable change.', replies: [
      { by: 'u-hollis', at: 55, text: 'June, if you want to share lifts on Sundays, message me through the community board. No point both of us doing it alone.' },
    ] },
    { by: 'u-pike', at: 70, text: 'The minibus was promised for the Cotton Wharf closure too and it lasted three weeks.' },
  ] },
  { by: 'u-dev', at: 9, text: 'The repair bill went from £1.9m to £3.8m in eighteen months. I would like to see the inspection reports that explain why, not just a line in a committee paper.', replies: [
    { by: 'u-tomasz', at: 22, text: 'The reports are public. Appendix C of the September cabinet papers. The corrosion in the deck bearings was worse than the 2023 survey could see without lifting the surface.', replies: [
      { by: 'u-dev', at: 40, text: 'Fair enough, I had only read the summary. Still, doubling is a lot for something a survey "could not see".' },
      { by: 'u-tomasz', at: 46, text: 'It is. But that is how bearings fail: quietly, until someone takes the deck off. I used to do this for a living.' },
    ] },
    { by: 'u-cora', at: 95, text: 'Steel prices alone went up a third over that period. Not everything is incompetence.' },
  ] },
  { by: 'u-fenwick', at: 13, text: 'Why not just build a new one? The old bridge is 1911 and looks it.' },
  { by: 'u-june', at: 18, text: 'Will the towpath stay open underneath? That is how half the school runs from Netherfield get to St Aidan\'s.', replies: [
    { by: 'u-editor', at: 36, text: 'The council says the towpath will close for about six weeks while the scaffold goes up, then reopen with a covered walkway.' },
  ] },
  { by: 'u-pike', at: 25, text: 'Every bridge in this town closes the same summer the roadworks on Station Road start. You could set your watch by it.' },
  { by: 'u-cycles', at: 29, text: 'For anyone cycling: the diversion via Tanner\'s Bridge adds about 1.4 km and the junction at the brewery is genuinely dangerous at rush hour. Please use the lights even if they take an age.', replies: [
    { by: 'u-nadia', at: 61, text: 'Thank you for this. Is there any plan for a temporary crossing at the brewery junction?' },
    { by: 'u-cycles', at: 77, text: 'Not in the report. We have written to the highways team asking for one; the more people who ask, the better.' },
  ] },
  { by: 'u-nadia', at: 34, text: 'I run the café on Wharf Street. Most of our morning trade walks over that bridge from the estate. Fourteen months could finish us, and we are not the only ones.', replies: [
    { by: 'u-bram', at: 52, text: 'We will keep coming, Nadia. The long way round is only ten minutes more and your cinnamon buns are worth it.' },
    { by: 'u-lowri', at: 66, text: 'Is there any business rates relief for shops along the diversion? Other councils have done it for long closures.' },
    { by: 'u-editor', at: 120, text: 'We are asking the council exactly that for a follow-up piece. If you run a business affected by the closure and want to talk to us, the newsdesk address is at the foot of the article.' },
  ] },
  { by: 'u-spam', at: 38, text: 'Cheap bridge loans and fast cash, click my profile for the best deals today', removed: true },
  { by: 'u-bram', at: 43, text: 'Genuine question: who inspects it during the closure to make sure the contractor is not cutting corners? Is there an independent engineer?' },
  { by: 'u-lowri', at: 57, text: 'I remember when the footbridge was closed for a month in 2009 and the council ran a rowing-boat ferry for a weekend as a publicity stunt. Bring back the ferry.', replies: [
    { by: 'u-gus', at: 63, text: 'My grandad rowed that ferry! He still has the lifejacket in the shed.' },
    { by: 'u-june', at: 81, text: 'Honestly a proper ferry at peak hours would solve most of this.', replies: [
      { by: 'u-tomasz', at: 90, text: 'Insurance alone would cost more than the minibus, sadly. But I would ride it.' },
    ] },
  ] },
  { by: 'u-cora', at: 64, text: 'Good to see the article actually lists the dates and the diversion map. That is more than the council website manages.' },
  { by: 'u-gus', at: 72, text: 'Is this the same contractor who did the library roof? Because that leaked for a year.',
    report: { by: 'u-hollis', reason: 'off_topic', note: 'The library roof has nothing to do with the bridge.' } },
  { by: 'u-tomasz', at: 84, text: 'For what it is worth, fourteen months for a full bearing replacement plus repainting on a listed structure is not unreasonable. The scaffold and the heritage consent take longer than the work.' },
  { by: 'u-dev', at: 101, text: 'Could the council not phase it, one span at a time, and keep a single narrow lane open for pedestrians?', replies: [
    { by: 'u-tomasz', at: 110, text: 'The report considered it. Keeping one span open adds about five months and a third to the cost, because the temporary supports have to be moved twice.' },
    { by: 'u-dev', at: 118, text: 'Then I would honestly rather they got it done in one go.' },
  ] },
  { by: 'u-hollis', at: 126, text: 'Whatever happens, please put proper signs up at the Netherfield end this time. Last closure, people only found out when they reached the barrier.' },
  { by: 'u-pike', at: 140, text: 'The consultation closes on the 19th. If you have views, send them in; the last one got eleven responses and the council took that as nobody caring.' },
  { by: 'u-fenwick', at: 152, text: 'Eleven responses! That is less than this comment section managed in an hour.' },
  { by: 'u-nadia', at: 171, text: 'Update from the café: the council business team rang this afternoon after reading this thread. Not promising anything, but they are listening.' },
  { by: 'u-bram', at: 188, text: 'Does anyone know if the Saturday market stalls on the south bank are moving for the duration?' },
  { by: 'u-editor', at: 203, text: 'Correction: an earlier version of this article gave the closure start date as 3 March. The council has confirmed it is 17 March. We have updated the article.' },
  { by: 'u-lowri', at: 219, text: 'Walked the diversion tonight with a pushchair. Tanner\'s Bridge is fine, the kerbs on Dyer Street are not. Three dropped kerbs needed, at least.' },
  { by: 'u-cora', at: 236, text: 'Reading all this, the real story is how much of the town depends on one footbridge from 1911. That deserves a longer look than a closure notice.' },
  { by: 'u-june', at: 250, text: 'Final thought from me: thank you to whoever at the Courier keeps chasing the council on this. It matters.' },
];
