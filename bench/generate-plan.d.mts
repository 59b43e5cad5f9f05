// Types of generate-plan.mjs, for the tests that use the bench's generated plans.

/** How many items each list of a generated plan holds. */
export interface ItemCounts {
  groups: number;
  services: number;
  activities: number;
  roles: number;
  reports: number;
}

/** A realistic self-monitoring plan of about `lines` lines. */
export function generatePlan(lines: number): string;

/** The same plan, with how many items each list got. */
export function generatePlanWithCounts(lines: number): { text: string; counts: ItemCounts };
