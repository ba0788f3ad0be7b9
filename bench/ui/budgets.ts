/** The UI's budgets (ARCHITECTURE.md, issue 19), checked by `npm run bench:ui` and `npm run check:budget`. */
export const BUDGET = {
  /** Every script fetched before the simulation is live (page, chunks and workers), gzip. */
  jsBeforeLiveKb: 220,
  jsBeforeMachinesKb: 220,
  machinesMs: 160,
  fps: 55,
  longTaskMs: 50,
} as const;
