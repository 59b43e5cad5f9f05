/**
 * Schema step: the schema per kind.
 */
import type { z } from 'zod';
import { selfMonitoringPlanSchema } from './self-monitoring-plan.js';
import { serviceDescriptionSchema } from './service-description.js';
import type { PlanKind } from './common.js';

export { API_VERSION, KINDS, KIND_NAMES, type PlanKind } from './common.js';
export { selfMonitoringPlanSchema, type SelfMonitoringPlan } from './self-monitoring-plan.js';
export { serviceDescriptionSchema, type ServiceDescription } from './service-description.js';

/** The zod schema of each plan kind. */
export const schemasByKind: Readonly<Record<PlanKind, z.ZodType>> = {
  SelfMonitoringPlan: selfMonitoringPlanSchema,
  ServiceDescription: serviceDescriptionSchema,
};
